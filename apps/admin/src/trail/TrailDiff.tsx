import {
  Box,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  type SxProps,
  type Theme,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useRecordContext, useTranslate } from 'react-admin';
import { diffSides, listItems, showValue, type DiffRow } from './trailDiff';
import { RecordName } from './TrailFields';
import { referenceOf, type TrailEntryRecord } from './trailTypes';

const VALUE: SxProps<Theme> = {
  m: 0,
  fontFamily: 'monospace',
  fontSize: '0.8125rem',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
};

/** A value's cell: red for what went, green for what came, as in any diff. */
function cell(row: DiffRow, side: 'before' | 'after'): SxProps<Theme> {
  const present = side === 'before' ? row.change !== 'added' : row.change !== 'removed';
  const marked = row.change !== 'same' && present;
  return (theme) => ({
    verticalAlign: 'top',
    bgcolor: marked
      ? alpha(side === 'before' ? theme.palette.error.main : theme.palette.success.main, 0.12)
      : undefined,
  });
}

/** A side's value: a list as its items (those not on the other side marked), anything else as JSON. */
const Value = ({
  row,
  side,
  reference,
}: {
  row: DiffRow;
  side: 'before' | 'after';
  /** The resource whose keys the value holds: shown as names, linked. */
  reference?: string;
}) => {
  const translate = useTranslate();
  const items = listItems(row, side);
  const value = side === 'before' ? row.before : row.after;
  if (!items && reference && typeof value === 'string' && value !== '')
    return <RecordName resource={reference} id={value} />;
  if (!items)
    return (
      <Box component="pre" sx={VALUE}>
        {showValue(side === 'before' ? row.before : row.after)}
      </Box>
    );
  if (items.length === 0)
    return (
      <Typography variant="body2" color="text.secondary" data-list="empty">
        {translate('suiji.trail.empty_list')}
      </Typography>
    );
  return (
    <Box data-list="items" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {items.map((item) => (
        <Chip
          key={String(item.value)}
          size="small"
          variant="outlined"
          color={item.change === 'removed' ? 'error' : item.change === 'added' ? 'success' : 'default'}
          label={
            reference && typeof item.value === 'string' ? (
              <RecordName resource={reference} id={item.value} />
            ) : (
              String(item.value)
            )
          }
          data-item-change={item.change}
          sx={item.change === 'removed' ? { textDecoration: 'line-through' } : undefined}
        />
      ))}
    </Box>
  );
};

/**
 * One entry's before and after side by side, key by key, the keys that changed highlighted; under them the
 * entry's links in the hash chain.
 */
export const TrailDiff = () => {
  const record = useRecordContext<TrailEntryRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const rows = diffSides(record.before, record.after);
  return (
    <Box data-testid="trail-diff" data-seq={record.seq} sx={{ py: 1 }}>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('suiji.trail.diff_help')}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2">{translate('suiji.trail.no_fields')}</Typography>
      ) : (
        <Table size="small" sx={{ tableLayout: 'fixed' }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '20%' }}>{translate('suiji.trail.key')}</TableCell>
              <TableCell sx={{ width: '40%' }}>{translate('resources.trail.fields.before')}</TableCell>
              <TableCell sx={{ width: '40%' }}>{translate('resources.trail.fields.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key} data-key={row.key} data-change={row.change}>
                <TableCell sx={{ verticalAlign: 'top' }}>
                  <Typography
                    component="span"
                    variant="body2"
                    sx={{ fontFamily: 'monospace', fontWeight: row.change === 'same' ? undefined : 'bold' }}
                  >
                    {row.key || '—'}
                  </Typography>
                  {row.change === 'same' ? null : (
                    <Chip
                      size="small"
                      color="warning"
                      variant="outlined"
                      sx={{ ml: 1 }}
                      label={translate(`suiji.trail.change.${row.change}`)}
                    />
                  )}
                </TableCell>
                <TableCell sx={cell(row, 'before')} data-side="before">
                  <Value row={row} side="before" reference={referenceOf(record.entity, row.key)} />
                </TableCell>
                <TableCell sx={cell(row, 'after')} data-side="after">
                  <Value row={row} side="after" reference={referenceOf(record.entity, row.key)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1, ...VALUE }}>
        {translate('resources.trail.fields.prevHash')}: {record.prevHash}
        {'\n'}
        {translate('resources.trail.fields.hash')}: {record.hash}
      </Typography>
    </Box>
  );
};
