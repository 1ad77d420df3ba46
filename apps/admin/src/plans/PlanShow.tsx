import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatRatioBp } from '@suiji/domain';
import {
  CreateButton,
  Datagrid,
  DeleteButton,
  EditButton,
  NumberField,
  ReferenceField,
  ReferenceManyField,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { CooperatingField } from '../departments/Participants';
import { RecordShow } from '../common/RecordViews';
import { LocalDateField } from '../common/LocalDateField';

interface Line {
  id: string;
  itemId: string;
  item?: { seq?: number; name?: string; minRatioBp?: number };
  ratioBp: number;
  timesPerYear: number;
  period: string | null;
  roundsDone: number;
  taskCount: number;
}

/** Delete only while no task carries out the plan (the API refuses too). */
const PlanActions = () => {
  const plan = useRecordContext();
  return (
    <TopToolbar>
      <EditButton />
      {plan && plan.taskCount === 0 ? <DeleteButton mutationMode="pessimistic" /> : null}
    </TopToolbar>
  );
};

/** The lines with their progress: tasks of the plan including the item, against the times planned. */
const PlanLines = () => {
  const plan = useRecordContext();
  const translate = useTranslate();
  const lines = Array.isArray(plan?.lines) ? (plan.lines as Line[]) : [];
  return (
    <Table size="small" data-testid="plan-lines">
      <TableHead>
        <TableRow>
          <TableCell>{translate('suiji.plan.line_item')}</TableCell>
          <TableCell>{translate('suiji.plan.line_ratio')}</TableCell>
          <TableCell>{translate('suiji.plan.line_times')}</TableCell>
          <TableCell>{translate('suiji.plan.line_period')}</TableCell>
          <TableCell>{translate('suiji.plan.rounds')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={line.id} data-item={line.item?.name ?? line.itemId}>
            <TableCell>
              {line.item?.seq ?? ''}. {line.item?.name ?? line.itemId}
            </TableCell>
            <TableCell>
              {formatRatioBp(line.ratioBp)}
              {line.item?.minRatioBp !== undefined && line.item.minRatioBp !== line.ratioBp ? (
                <Typography component="span" variant="caption" color="text.secondary">
                  {' '}
                  {translate('suiji.plan.min_ratio', { ratio: formatRatioBp(line.item.minRatioBp) })}
                </Typography>
              ) : null}
            </TableCell>
            <TableCell>{line.timesPerYear}</TableCell>
            <TableCell>{line.period ?? '—'}</TableCell>
            <TableCell>
              <Chip
                size="small"
                color={line.roundsDone >= line.timesPerYear ? 'success' : 'default'}
                label={`${line.roundsDone} / ${line.timesPerYear}`}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** A new task of this plan starts from its year, departments and items. */
const NewTaskButton = () => {
  const plan = useRecordContext<
    RaRecord & { year: number; departmentId: string; cooperatingDepartmentIds: string[] }
  >();
  if (!plan) return null;
  const lines = Array.isArray(plan.lines) ? (plan.lines as Line[]) : [];
  const record: Partial<RaRecord> = {
    planId: plan.id,
    year: plan.year,
    departmentId: plan.departmentId,
    cooperatingDepartmentIds: plan.cooperatingDepartmentIds,
    itemIds: lines.filter((l) => l.taskCount < l.timesPerYear).map((l) => l.itemId),
  };
  return <CreateButton resource="tasks" label="suiji.plan.new_task" state={{ record }} />;
};

const PlanTasks = () => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} sx={{ width: '100%' }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h6">{translate('suiji.plan.tasks')}</Typography>
        <NewTaskButton />
      </Stack>
      <ReferenceManyField reference="tasks" target="planId" sort={{ field: 'windowStart', order: 'ASC' }}>
        <Datagrid
          rowClick="show"
          bulkActionButtons={false}
          empty={<Typography color="text.secondary">{translate('suiji.plan.no_tasks')}</Typography>}
        >
          <TextField source="name" />
          <TextField source="windowStart" />
          <TextField source="windowEnd" />
        </Datagrid>
      </ReferenceManyField>
    </Stack>
  );
};

export const PlanShow = () => (
  <RecordShow actions={<PlanActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <NumberField source="year" options={{ useGrouping: false }} />
      <ReferenceField source="departmentId" reference="departments" link={false} />
      <CooperatingField source="cooperatingDepartmentIds" />
      <TextField source="remarks" emptyText="—" />
      <PlanLines />
      <LocalDateField source="updatedAt" showTime />
      <PlanTasks />
    </SimpleShowLayout>
  </RecordShow>
);
