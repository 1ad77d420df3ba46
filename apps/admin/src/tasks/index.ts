import TaskIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazyPage } from '../common/lazyPage';

const TaskCreate = lazyPage(() => import('./TaskCreate'), 'TaskCreate');
const TaskEdit = lazyPage(() => import('./TaskEdit'), 'TaskEdit');
const TaskList = lazyPage(() => import('./TaskList'), 'TaskList');
const TaskShow = lazyPage(() => import('./TaskShow'), 'TaskShow');

export default {
  list: TaskList,
  create: TaskCreate,
  edit: TaskEdit,
  show: TaskShow,
  icon: TaskIcon,
  recordRepresentation: 'name',
};
