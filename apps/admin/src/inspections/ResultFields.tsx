import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { InspectionRecordFields } from '../draws/drawTypes';

/** “逾期”: the result is not published and its publication deadline has passed. */
export const OverdueChip = (_props: Partial<FieldProps>) => {
  const inspection = useRecordContext<InspectionRecordFields>();
  const translate = useTranslate();
  if (!inspection?.overdue) return null;
  return <Chip size="small" color="error" label={translate('suiji.result.overdue')} data-testid="overdue" />;
};

/** The publication deadline, with the overdue chip beside it when it has passed unpublished. */
export const DeadlineField = (_props: FieldProps) => {
  const inspection = useRecordContext<InspectionRecordFields>();
  if (!inspection) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} component="span">
      <span data-testid="publication-deadline">{inspection.publicationDeadline ?? ''}</span>
      <OverdueChip />
    </Stack>
  );
};

/** An entered result in a few lines, for the reviewer. */
export const ResultSummary = ({ inspection }: { inspection: InspectionRecordFields }) => {
  const translate = useTranslate();
  const enumName = (group: string, value: string | null | undefined) =>
    value ? translate(`enums.${group}.${value}`, { _: value }) : '—';
  const line = (field: string, value: string) => (
    <Typography variant="body2">
      <strong>{translate(`resources.inspections.fields.${field}`)}：</strong>
      {value}
    </Typography>
  );
  return (
    <Stack spacing={0.5} data-testid="result-summary">
      {line('resultCategory', enumName('resultCategory', inspection.resultCategory))}
      {line(
        'methodsUsed',
        (inspection.methodsUsed ?? []).map((m) => enumName('inspectionMethod', m)).join('、') || '—',
      )}
      {line('inspectedOn', inspection.inspectedOn ?? '—')}
      {line('findings', inspection.findings || '—')}
      {line('followUp', enumName('followUp', inspection.followUp))}
    </Stack>
  );
};
