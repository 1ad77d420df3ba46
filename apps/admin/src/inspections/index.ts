import InspectionIcon from '@mui/icons-material/FactCheck';
import { lazyPage } from '../common/lazyPage';

const InspectionList = lazyPage(() => import('./InspectionList'), 'InspectionList');
const InspectionShow = lazyPage(() => import('./InspectionShow'), 'InspectionShow');

export default {
  list: InspectionList,
  show: InspectionShow,
  icon: InspectionIcon,
  recordRepresentation: (inspection: { target?: { name?: string } }) => inspection.target?.name ?? '',
};
