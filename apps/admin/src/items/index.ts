import ItemIcon from '@mui/icons-material/Checklist';
import { lazyPage } from '../common/lazyPage';

const ItemCreate = lazyPage(() => import('./ItemCreate'), 'ItemCreate');
const ItemEdit = lazyPage(() => import('./ItemEdit'), 'ItemEdit');
const ItemList = lazyPage(() => import('./ItemList'), 'ItemList');
const ItemShow = lazyPage(() => import('./ItemShow'), 'ItemShow');

export default {
  list: ItemList,
  create: ItemCreate,
  edit: ItemEdit,
  show: ItemShow,
  icon: ItemIcon,
  recordRepresentation: 'name',
};
