import DepartmentIcon from '@mui/icons-material/AccountTree';
import { lazyPage } from '../common/lazyPage';

const DepartmentCreate = lazyPage(() => import('./DepartmentCreate'), 'DepartmentCreate');
const DepartmentEdit = lazyPage(() => import('./DepartmentEdit'), 'DepartmentEdit');
const DepartmentList = lazyPage(() => import('./DepartmentList'), 'DepartmentList');
const DepartmentShow = lazyPage(() => import('./DepartmentShow'), 'DepartmentShow');

export default {
  list: DepartmentList,
  create: DepartmentCreate,
  edit: DepartmentEdit,
  show: DepartmentShow,
  icon: DepartmentIcon,
  recordRepresentation: 'name',
};
