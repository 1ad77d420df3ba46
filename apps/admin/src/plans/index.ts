import PlanIcon from '@mui/icons-material/EventNote';
import { lazyPage } from '../common/lazyPage';

const PlanCreate = lazyPage(() => import('./PlanCreate'), 'PlanCreate');
const PlanEdit = lazyPage(() => import('./PlanEdit'), 'PlanEdit');
const PlanList = lazyPage(() => import('./PlanList'), 'PlanList');
const PlanShow = lazyPage(() => import('./PlanShow'), 'PlanShow');

export default {
  list: PlanList,
  create: PlanCreate,
  edit: PlanEdit,
  show: PlanShow,
  icon: PlanIcon,
  recordRepresentation: 'name',
};
