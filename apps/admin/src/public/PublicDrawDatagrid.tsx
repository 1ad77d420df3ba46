import { Chip, Stack } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  NumberField,
  TextField,
  useFieldValue,
  useTranslate,
  type FieldProps,
  type RaRecord,
} from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { DrawStatusChip } from '../draws/DrawDetails';
import { drawNumber } from '../draws/drawTypes';

/** A list of names (departments, items) as chips. */
export const NameChips = (props: FieldProps) => {
  const value: unknown = useFieldValue(props);
  const names = Array.isArray(value) ? (value as string[]) : [];
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {names.map((name) => (
        <Chip key={name} size="small" label={name} />
      ))}
    </Stack>
  );
};

const showPath = (id: RaRecord['id']) => `/public/draws/${String(id)}`;

/** The public entropy source declared when the draw was scheduled: the source and its issue or round. */
const DeclaredSource = (_props: FieldProps) => {
  const translate = useTranslate();
  return (
    <FunctionField
      render={(draw: RaRecord) =>
        draw.entropySource ? (
          <span data-testid="declared-source">
            {translate(`enums.entropySource.${String(draw.entropySource)}`)} {String(draw.entropyIssue ?? '')}
          </span>
        ) : (
          '—'
        )
      }
    />
  );
};

/**
 * The columns of the public list of draws: the task by name, its departments and items, when it was scheduled
 * (its commitment published), the entropy source it declared then, and the draw's figures; sortable by time.
 */
export const PublicDrawDatagrid = () => (
  <Datagrid bulkActionButtons={false} rowClick={showPath} data-testid="draws">
    <FunctionField
      source="id"
      sortable={false}
      render={(draw: RaRecord) => <span data-testid="draw-number">{drawNumber(draw)}</span>}
    />
    <TextField source="taskName" sortable={false} />
    <NameChips source="departments" sortable={false} />
    <NameChips source="items" sortable={false} />
    <FunctionField source="status" sortable={false} render={() => <DrawStatusChip />} />
    <LocalDateField source="createdAt" label="resources.publicDraws.fields.scheduledAt" showTime />
    <DeclaredSource source="entropySource" sortable={false} />
    <LocalDateField source="runAfter" showTime />
    <NumberField source="poolSize" sortable={false} />
    <NumberField source="selectedCount" sortable={false} emptyText="—" />
    <LocalDateField source="ranAt" showTime emptyText="—" />
  </Datagrid>
);
