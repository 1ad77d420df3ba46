import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatRatioBp } from '@suiji/domain';
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

/**
 * The items of a task, each with its draw: none yet (schedule it), scheduled (run it) or drawn (see it).
 * The actions appear only for those the policy lets schedule or run this task's draws.
 */
export const TaskDraws = () => {
  const task = useRecordContext();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { canAccess: canSchedule } = useCanAccess({ action: 'schedule', resource: 'draws', record: task });
  const { data: draws, isPending } = useGetList<DrawRecordFields>(
    'draws',
    { filter: { taskId: task?.id }, pagination: { page: 1, perPage: 100 } },
    { enabled: !!task },
  );
  if (!task) return null;
  const items = Array.isArray(task.items) ? (task.items as RaRecord[]) : [];
  return (
    <Stack spacing={1} sx={{ width: '100%' }}>
      <Typography variant="h6">{translate('suiji.draw.items_title')}</Typography>
      <Table size="small" data-testid="task-draws">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.items.fields.name')}</TableCell>
            <TableCell>{translate('resources.items.fields.minRatioBp')}</TableCell>
            <TableCell>{translate('resources.draws.fields.status')}</TableCell>
            <TableCell>{translate('resources.draws.fields.selectedCount')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item) => {
            const draw = draws?.find((d) => d.itemId === item.id);
            return (
              <TableRow key={String(item.id)} data-item={String(item.name)}>
                <TableCell>{String(item.name)}</TableCell>
                <TableCell>
                  {typeof item.minRatioBp === 'number' ? formatRatioBp(item.minRatioBp) : ''}
                </TableCell>
                <TableCell>
                  {isPending ? (
                    '…'
                  ) : (
                    <Chip
                      size="small"
                      color={draw ? (draw.status === 'DRAWN' ? 'success' : 'info') : 'default'}
                      label={translate(draw ? `suiji.draw.status.${draw.status}` : 'suiji.draw.none')}
                    />
                  )}
                </TableCell>
                <TableCell>{draw?.selectedCount ?? '—'}</TableCell>
                <TableCell align="right">
                  <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                    {!isPending && !draw && canSchedule ? (
                      <ScheduleDrawButton task={task} item={item} />
                    ) : null}
                    {draw ? <RunDrawButton draw={draw} itemName={String(item.name)} /> : null}
                    {draw ? (
                      <Link to={createPath({ resource: 'draws', type: 'show', id: draw.id })}>
                        {translate('suiji.draw.open')}
                      </Link>
                    ) : null}
                  </Stack>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Stack>
  );
};
