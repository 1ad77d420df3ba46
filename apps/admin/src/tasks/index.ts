import TaskIcon from '@mui/icons-material/AssignmentTurnedIn';
import { TaskCreate } from './TaskCreate';
import { TaskEdit } from './TaskEdit';
import { TaskList } from './TaskList';
import { TaskShow } from './TaskShow';

export default {
  list: TaskList,
  create: TaskCreate,
  edit: TaskEdit,
  show: TaskShow,
  icon: TaskIcon,
  recordRepresentation: 'name',
};
