import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { CategoryInfo, InspectionRecordFields, ItemResultFields } from '../draws/drawTypes';
import { CloseFollowUpButton, useMayCloseFollowUps } from './CloseFollowUpButton';
import { categoryName } from './result';

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
      <span data-testid="publication-deadline">{inspection.publicationDeadline}</span>
      <OverdueChip />
    </Stack>
  );
};

/** A result category by name in the reader's language, coloured by what it means for the target. */
export const CategoryChip = ({
  category,
}: {
  category: Pick<CategoryInfo, 'code' | 'nameZh' | 'nameEn' | 'problem' | 'marksAbnormal'>;
}) => {
  const [locale] = useLocaleState();
  const color = category.marksAbnormal ? 'error' : category.problem ? 'warning' : 'success';
  return (
    <Chip
      size="small"
      variant="outlined"
      color={color}
      label={categoryName(category, locale)}
      data-testid="result-category"
      data-code={category.code}
    />
  );
};

const useEnumName = () => {
  const translate = useTranslate();
  return (group: string, value: string | null | undefined) =>
    value ? translate(`enums.${group}.${value}`, { _: value }) : '—';
};

/** The items a visit covers (进一次门、查多项事), as chips. */
export const ItemsField = (_props: FieldProps) => {
  const inspection = useRecordContext<InspectionRecordFields>();
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }} data-testid="inspection-items">
      {(inspection?.items ?? []).map((item) => (
        <Chip key={item.id} size="small" label={item.name} />
      ))}
    </Stack>
  );
};

/**
 * Where an item's follow-up stands: closed (the day, outcome, who and the note), still open (a published
 * problem not yet closed, 待完结), or nothing to close.
 */
export const ClosureField = ({ result, published }: { result: ItemResultFields; published: boolean }) => {
  const translate = useTranslate();
  const enumName = useEnumName();
  if (result.closedOn)
    return (
      <Stack spacing={0.25} data-testid="closure" data-closed-on={result.closedOn}>
        <Typography variant="body2">
          {result.closedOn} {enumName('closureOutcome', result.closureOutcome)}
        </Typography>
        {result.closedByName ? (
          <Typography variant="caption" color="text.secondary">
            {translate('suiji.closure.by', { name: result.closedByName })}
          </Typography>
        ) : null}
        {result.closureNote ? (
          <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
            {result.closureNote}
          </Typography>
        ) : null}
      </Stack>
    );
  if (published && result.categoryInfo.problem)
    return (
      <Chip
        size="small"
        variant="outlined"
        color="warning"
        label={translate('suiji.closure.open')}
        data-testid="closure-open"
      />
    );
  return <span>—</span>;
};

/**
 * The results of a visit as a table, one row per item: category, findings, follow-up and its closure; with
 * `closable`, a button to close each open follow-up.
 */
export const ItemResultTable = ({
  inspection,
  closable = false,
}: {
  inspection: InspectionRecordFields;
  closable?: boolean;
}) => {
  const translate = useTranslate();
  const enumName = useEnumName();
  const label = (field: string) => translate(`resources.inspections.fields.${field}`);
  return (
    <Table size="small" data-testid="item-results">
      <TableHead>
        <TableRow>
          <TableCell>{label('itemId')}</TableCell>
          <TableCell>{label('category')}</TableCell>
          <TableCell>{label('findings')}</TableCell>
          <TableCell>{label('followUp')}</TableCell>
          <TableCell>{label('closure')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {inspection.results.map((result) => (
          <TableRow key={result.id} data-item={result.item.name}>
            <TableCell>{result.item.name}</TableCell>
            <TableCell>
              <CategoryChip category={result.categoryInfo} />
            </TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{result.findings || '—'}</TableCell>
            <TableCell>{enumName('followUp', result.followUp)}</TableCell>
            <TableCell>
              <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                <ClosureField result={result} published={inspection.state === 'PUBLISHED'} />
                {closable ? <CloseFollowUpButton inspection={inspection} result={result} /> : null}
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * The per-item results of the inspection in context, or a dash before they are entered; coordinators of its
 * task's departments close follow-ups here.
 */
export const ItemResultsField = (_props: FieldProps) => {
  const inspection = useRecordContext<InspectionRecordFields>();
  const mayClose = useMayCloseFollowUps(inspection);
  const results = inspection?.results ?? [];
  if (!inspection || results.length === 0) return <span>—</span>;
  return <ItemResultTable inspection={inspection} closable={mayClose} />;
};

/**
 * The results of a visit in a few lines, for lists: per item its name and category, and, with `details`,
 * the findings, follow-up and its closure below.
 */
export const ItemResultLines = ({ details = false }: Partial<FieldProps> & { details?: boolean }) => {
  const inspection = useRecordContext<InspectionRecordFields>();
  const translate = useTranslate();
  const enumName = useEnumName();
  const results = inspection?.results ?? [];
  const published = inspection?.state === 'PUBLISHED';
  if (results.length === 0) return <span>—</span>;
  return (
    <Stack spacing={1} data-testid="item-result-lines">
      {results.map((result) => (
        <Stack key={result.id} spacing={0.25} data-item={result.item.name}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2">{result.item.name}</Typography>
            <CategoryChip category={result.categoryInfo} />
          </Stack>
          {details ? (
            <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
              {translate('resources.inspections.fields.findings')}
              {translate('suiji.colon')}
              {/* The findings' own full stop gives way to the separator: no "。；". */}
              {result.findings?.replace(/[\s。.；;]+$/u, '') || '—'}
              {translate('suiji.semicolon')}
              {translate('resources.inspections.fields.followUp')}
              {translate('suiji.colon')}
              {enumName('followUp', result.followUp)}
            </Typography>
          ) : null}
          {details && (result.closedOn || (published && result.categoryInfo.problem)) ? (
            <ClosureField result={result} published={published} />
          ) : null}
        </Stack>
      ))}
    </Stack>
  );
};

/** An entered result, for the reviewer: the visit's date and methods, then each item's result. */
export const ResultSummary = ({ inspection }: { inspection: InspectionRecordFields }) => {
  const translate = useTranslate();
  const enumName = useEnumName();
  const line = (field: string, value: string) => (
    <Typography variant="body2">
      <strong>
        {translate(`resources.inspections.fields.${field}`)}
        {translate('suiji.colon')}
      </strong>
      {value}
    </Typography>
  );
  return (
    <Stack spacing={0.5} data-testid="result-summary">
      {line('inspectedOn', inspection.inspectedOn ?? '—')}
      {line(
        'methodsUsed',
        inspection.methodsUsed.map((m) => enumName('inspectionMethod', m)).join('、') || '—',
      )}
      <ItemResultTable inspection={inspection} />
    </Stack>
  );
};
