import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { RISK_CLASSES, formatRatioBp, itemRatioFor, ratioItemsOf } from '@suiji/domain';
import {
  Link,
  useCanAccess,
  useCreatePath,
  useGetList,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { RunDrawButton } from '../draws/RunDrawButton';
import type { DrawRecordFields } from '../draws/drawTypes';
import { ScheduleDrawButton } from './ScheduleDrawButton';

/** The items of a task with their minimum and per-class ratios: what its one draw must honour. */
const TaskItems = ({ task }: { task: RaRecord }) => {
  const translate = useTranslate();
  const items = ratioItemsOf(task.items);
  return (
    <Table size="small" data-testid="task-items">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.items.fields.name')}</TableCell>
          <TableCell>{translate('resources.items.fields.minRatioBp')}</TableCell>
          {RISK_CLASSES.map((riskClass) => (
            <TableCell key={riskClass}>{translate(`enums.riskClass.${riskClass}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item, index) => (
          <TableRow key={`${index}-${item.name}`} data-item={item.name}>
            <TableCell>{item.name}</TableCell>
            <TableCell>{formatRatioBp(item.minRatioBp)}</TableCell>
            {RISK_CLASSES.map((riskClass) => (
              <TableCell key={riskClass}>{formatRatioBp(itemRatioFor(item, riskClass))}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * A task's items and its one draw, covering them all: none yet (schedule it), scheduled (run it) or drawn
 * (see it). The actions appear only for those the policy lets schedule or run this task's draw.
 */
export const TaskDraws = () => {
  const task = useRecordContext();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { canAccess: canSchedule } = useCanAccess({ action: 'schedule', resource: 'draws', record: task });
  const { data: draws, isPending } = useGetList<DrawRecordFields>(
    'draws',
    { filter: { taskId: task?.id }, pagination: { page: 1, perPage: 1 } },
    { enabled: !!task },
  );
  if (!task) return null;
  const draw = draws?.[0];
  return (
    <Stack spacing={1} sx={{ width: '100%' }}>
      <Typography variant="h6">{translate('suiji.draw.items_title')}</Typography>
      <TaskItems task={task} />
      <Typography variant="h6" sx={{ pt: 1 }}>
        {translate('suiji.draw.task_draw')}
      </Typography>
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
        data-testid="task-draw"
        data-status={draw?.status ?? (isPending ? '' : 'NONE')}
      >
        {isPending ? (
          <span>…</span>
        ) : (
          <Chip
            size="small"
            color={draw ? (draw.status === 'DRAWN' ? 'success' : 'info') : 'default'}
            label={translate(draw ? `enums.drawStatus.${draw.status}` : 'suiji.draw.none')}
          />
        )}
        {draw?.selectedCount != null ? (
          <Typography variant="body2">
            {translate('resources.draws.fields.selectedCount')}
            {translate('suiji.colon')}
            {draw.selectedCount}
          </Typography>
        ) : null}
        {!isPending && !draw && canSchedule ? <ScheduleDrawButton task={task} /> : null}
        {draw ? <RunDrawButton draw={draw} taskName={String(task.name)} /> : null}
        {draw ? (
          <Link to={createPath({ resource: 'draws', type: 'show', id: draw.id })}>
            {translate('suiji.draw.open')}
          </Link>
        ) : null}
      </Stack>
    </Stack>
  );
};
