import TrailIcon from '@mui/icons-material/History';
import { lazyPage } from '../common/lazyPage';

const TrailList = lazyPage(() => import('./TrailList'), 'TrailList');

// Read-only and a list only: the API offers no single entry, and nothing changes the trail.
export default {
  list: TrailList,
  icon: TrailIcon,
  recordRepresentation: (entry: { seq: number }) => `#${entry.seq}`,
};
