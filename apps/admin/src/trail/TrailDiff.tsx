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
import { diffSides, showValue, type DiffRow } from './trailDiff';
import type { TrailEntryRecord } from './trailTypes';

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
                  <Box component="pre" sx={VALUE}>
                    {showValue(row.before)}
                  </Box>
                </TableCell>
                <TableCell sx={cell(row, 'after')} data-side="after">
                  <Box component="pre" sx={VALUE}>
                    {showValue(row.after)}
                  </Box>
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
