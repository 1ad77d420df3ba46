import CategoryIcon from '@mui/icons-material/Category';
import { lazyPage } from '../common/lazyPage';

const CategoryCreate = lazyPage(() => import('./CategoryCreate'), 'CategoryCreate');
const CategoryEdit = lazyPage(() => import('./CategoryEdit'), 'CategoryEdit');
const CategoryList = lazyPage(() => import('./CategoryList'), 'CategoryList');

export default {
  list: CategoryList,
  create: CategoryCreate,
  edit: CategoryEdit,
  icon: CategoryIcon,
  // The code: the same in both languages, and the key results carry (page titles need a string).
  recordRepresentation: 'code',
};
