import {
  Alert,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { RecordContextProvider, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { InspectionRecordFields } from '../draws/drawTypes';
import { ItemResultLines } from '../inspections/ResultFields';
import { LocalDateField } from '../common/LocalDateField';

interface TargetRecord {
  abnormal?: boolean;
  abnormalReason?: string | null;
  inspectionHistory?: InspectionRecordFields[];
}

/** “经营异常名录” when a published result put the target on the abnormal list. */
export const AbnormalChip = (_props: Partial<FieldProps>) => {
  const target = useRecordContext<TargetRecord & { id: string }>();
  const translate = useTranslate();
  if (!target?.abnormal) return null;
  return (
    <Chip
      size="small"
      color="error"
      label={translate('suiji.target.abnormal')}
      title={target.abnormalReason ?? undefined}
      data-testid="abnormal"
    />
  );
};

/** The abnormal-list entry of a target and why, or “否”. */
export const AbnormalField = (_props: Partial<FieldProps>) => {
  const target = useRecordContext<TargetRecord & { id: string }>();
  const translate = useTranslate();
  if (!target) return null;
  if (!target.abnormal) return <span data-testid="abnormal-no">{translate('ra.boolean.false')}</span>;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <AbnormalChip />
      <Typography variant="body2" data-testid="abnormal-reason">
        {target.abnormalReason ?? ''}
      </Typography>
    </Stack>
  );
};

/**
 * The target's inspections, newest first (检查记录): the published ones, and those of tasks the reader takes
 * part in; each with its date, state and the result of each item.
 */
export const InspectionHistoryField = (_props: Partial<FieldProps>) => {
  const target = useRecordContext<TargetRecord & { id: string }>();
  const translate = useTranslate();
  const history = target?.inspectionHistory;
  if (!history) return null;
  if (history.length === 0) return <Alert severity="info">{translate('suiji.target.no_history')}</Alert>;
  const label = (field: string) => translate(`resources.inspections.fields.${field}`);
  return (
    <Table size="small" data-testid="inspection-history">
      <TableHead>
        <TableRow>
          <TableCell>{label('inspectedOn')}</TableCell>
          <TableCell>{label('state')}</TableCell>
          <TableCell>{label('results')}</TableCell>
          <TableCell>{label('publishedAt')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {history.map((inspection) => (
          <RecordContextProvider key={inspection.id} value={inspection}>
            <TableRow>
              <TableCell>{inspection.inspectedOn ?? '—'}</TableCell>
              <TableCell>
                {translate(`enums.resultState.${inspection.state}`, { _: inspection.state })}
              </TableCell>
              <TableCell>
                {inspection.results.length > 0 ? (
                  <ItemResultLines details />
                ) : (
                  inspection.items.map((item) => item.name).join('、')
                )}
              </TableCell>
              <TableCell>
                <LocalDateField source="publishedAt" emptyText="—" />
              </TableCell>
            </TableRow>
          </RecordContextProvider>
        ))}
      </TableBody>
    </Table>
  );
};
