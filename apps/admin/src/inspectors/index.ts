import InspectorIcon from '@mui/icons-material/Badge';
import { lazyPage } from '../common/lazyPage';

const InspectorCreate = lazyPage(() => import('./InspectorCreate'), 'InspectorCreate');
const InspectorEdit = lazyPage(() => import('./InspectorEdit'), 'InspectorEdit');
const InspectorList = lazyPage(() => import('./InspectorList'), 'InspectorList');
const InspectorShow = lazyPage(() => import('./InspectorShow'), 'InspectorShow');

export default {
  list: InspectorList,
  create: InspectorCreate,
  edit: InspectorEdit,
  show: InspectorShow,
  icon: InspectorIcon,
  recordRepresentation: 'name',
};
