import DrawIcon from '@mui/icons-material/Casino';
import { DrawList } from './DrawList';
import { DrawShow } from './DrawShow';

export default {
  list: DrawList,
  show: DrawShow,
  icon: DrawIcon,
  recordRepresentation: (draw: { id: string | number }) => `#${String(draw.id).slice(0, 8)}`,
};
