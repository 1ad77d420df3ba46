import InspectorIcon from '@mui/icons-material/Badge';
import { InspectorCreate } from './InspectorCreate';
import { InspectorEdit } from './InspectorEdit';
import { InspectorList } from './InspectorList';
import { InspectorShow } from './InspectorShow';

export default {
  list: InspectorList,
  create: InspectorCreate,
  edit: InspectorEdit,
  show: InspectorShow,
  icon: InspectorIcon,
  recordRepresentation: 'name',
};
