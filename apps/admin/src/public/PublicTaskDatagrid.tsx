import { Chip, Stack, Typography } from '@mui/material';
import type { TargetKind, TaskScope } from '@suiji/domain';
import {
  Datagrid,
  FunctionField,
  Link,
  NumberField,
  TextField,
  WrapperField,
  useRecordContext,
  useTranslate,
  type FieldProps,
  type RaRecord,
} from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { drawNumber } from '../draws/drawTypes';
import { NameChips } from './PublicDrawDatagrid';

/** A task as the API's `PublicTask` gives it. */
export interface PublicTaskRecord extends RaRecord {
  name: string;
  year: number;
  planId: string | null;
  planName: string | null;
  departments: string[];
  items: string[];
  scope: TaskScope;
  regions: string[];
  tags: string[];
  targetKinds: TargetKind[];
  windowStart: string;
  windowEnd: string;
  drawId: string;
  drawStatus: 'SCHEDULED' | 'DRAWN';
  selectedCount: number | null;
}

/** 定向 / 不定向, and what a directed task is narrowed to (never risk classes: the API does not publish them). */
const ScopeField = (_props: FieldProps) => {
  const task = useRecordContext<PublicTaskRecord>();
  const translate = useTranslate();
  if (!task) return null;
  const separator = translate('suiji.public.list_separator');
  const narrowed = [
    { source: 'regions', values: task.regions },
    { source: 'tags', values: task.tags },
    {
      source: 'targetKinds',
      values: task.targetKinds.map((kind) => translate(`enums.targetKind.${kind}`, { _: kind })),
    },
  ].filter((filter) => filter.values.length > 0);
  return (
    <Stack spacing={0.25} data-testid="task-scope" data-scope={task.scope}>
      <Typography variant="body2">{translate(`enums.taskScope.${task.scope}`, { _: task.scope })}</Typography>
      {narrowed.map((filter) => (
        <Typography key={filter.source} variant="caption" color="text.secondary">
          {translate(`resources.publicTasks.fields.${filter.source}`)}
          {translate('suiji.colon')}
          {filter.values.join(separator)}
        </Typography>
      ))}
    </Stack>
  );
};

/** The task's draw, linked to its public page: scheduled (its commitment published) or drawn. */
const DrawLink = (_props: FieldProps) => {
  const task = useRecordContext<PublicTaskRecord>();
  const translate = useTranslate();
  if (!task) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Link to={`/public/draws/${task.drawId}`} data-testid="task-draw">
        {drawNumber({ id: task.drawId })}
      </Link>
      <Chip
        size="small"
        color={task.drawStatus === 'DRAWN' ? 'success' : 'info'}
        label={translate(`enums.drawStatus.${task.drawStatus}`)}
      />
    </Stack>
  );
};

/**
 * The columns of a public list of tasks: who takes part, which items, the scope, the window and how many
 * were drawn; sortable by name, year and window (the API's whitelist).
 */
export const PublicTaskDatagrid = () => (
  <Datagrid bulkActionButtons={false} rowClick={false} data-testid="public-tasks">
    <TextField source="name" />
    <NumberField source="year" options={{ useGrouping: false }} />
    <NameChips source="departments" sortable={false} />
    <NameChips source="items" sortable={false} />
    <ScopeField source="scope" sortable={false} />
    <WrapperField label="resources.publicTasks.fields.window" sortBy="windowStart">
      <Stack direction="row" spacing={0.5}>
        <LocalDateField source="windowStart" />
        <span>–</span>
        <LocalDateField source="windowEnd" />
      </Stack>
    </WrapperField>
    <FunctionField
      source="planName"
      sortable={false}
      render={(task: PublicTaskRecord) =>
        task.planId ? <Link to={`/public/plans/${task.planId}`}>{task.planName}</Link> : '—'
      }
    />
    <NumberField source="selectedCount" sortable={false} emptyText="—" />
    <DrawLink source="drawId" sortable={false} />
  </Datagrid>
);
