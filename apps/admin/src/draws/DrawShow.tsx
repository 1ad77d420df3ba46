import PublicIcon from '@mui/icons-material/Public';
import { Divider } from '@mui/material';
import {
  Button,
  Link,
  ReferenceField,
  TopToolbar,
  useCanAccess,
  useGetOne,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { RecordShow } from '../common/RecordViews';
import { DrawDetails } from './DrawDetails';
import { DrawInspections } from './DrawInspections';
import type { DrawRecordFields } from './drawTypes';
import { RunDrawButton } from './RunDrawButton';

const DrawActions = () => {
  const draw = useRecordContext<DrawRecordFields>();
  const { canAccess: seesTasks } = useCanAccess({ action: 'show', resource: 'tasks' });
  const { data: task } = useGetOne<RaRecord & { name: string }>(
    'tasks',
    { id: draw?.taskId ?? '' },
    { enabled: !!draw && seesTasks },
  );
  if (!draw) return null;
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      {seesTasks ? <ReferenceField source="taskId" reference="tasks" link="show" /> : null}
      <Button label="suiji.public.page" component={Link} to={`/public/draws/${draw.id}`}>
        <PublicIcon />
      </Button>
      <RunDrawButton draw={draw} taskName={task?.name} />
    </TopToolbar>
  );
};

export const DrawShow = () => (
  <RecordShow actions={<DrawActions />}>
    <DrawDetails />
    <Divider />
    <DrawInspections />
  </RecordShow>
);
