import DrawIcon from '@mui/icons-material/Casino';
import { lazyPage } from '../common/lazyPage';
import { drawNumber } from './drawTypes';

const DrawList = lazyPage(() => import('./DrawList'), 'DrawList');
const DrawShow = lazyPage(() => import('./DrawShow'), 'DrawShow');

export default {
  list: DrawList,
  show: DrawShow,
  icon: DrawIcon,
  recordRepresentation: drawNumber,
};
