import InspectionIcon from '@mui/icons-material/FactCheck';
import { InspectionList } from './InspectionList';
import { InspectionShow } from './InspectionShow';

export default {
  list: InspectionList,
  show: InspectionShow,
  icon: InspectionIcon,
  recordRepresentation: (inspection: { target?: { name?: string } }) => inspection.target?.name ?? '',
};
