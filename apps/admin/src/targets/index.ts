import TargetIcon from '@mui/icons-material/Business';
import { lazyPage } from '../common/lazyPage';

const TargetCreate = lazyPage(() => import('./TargetCreate'), 'TargetCreate');
const TargetEdit = lazyPage(() => import('./TargetEdit'), 'TargetEdit');
const TargetList = lazyPage(() => import('./TargetList'), 'TargetList');
const TargetShow = lazyPage(() => import('./TargetShow'), 'TargetShow');

export default {
  list: TargetList,
  create: TargetCreate,
  edit: TargetEdit,
  show: TargetShow,
  icon: TargetIcon,
  recordRepresentation: 'name',
};
