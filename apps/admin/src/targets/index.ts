import TargetIcon from '@mui/icons-material/Business';
import { TargetCreate } from './TargetCreate';
import { TargetEdit } from './TargetEdit';
import { TargetList } from './TargetList';
import { TargetShow } from './TargetShow';

export default {
  list: TargetList,
  create: TargetCreate,
  edit: TargetEdit,
  show: TargetShow,
  icon: TargetIcon,
  recordRepresentation: 'name',
};
