import DownloadIcon from '@mui/icons-material/GetApp';
import {
  Alert,
  Box,
  Card,
  CardContent,
  MenuItem,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import {
  DIMENSIONS,
  FAMILY_DIMENSIONS,
  STAT_FAMILIES,
  applicableFilter,
  type PeriodInput,
  type StatDimension,
  type StatFamily,
} from '@suiji/domain';
import { useState } from 'react';
import { Button, Link, useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { saveDownload } from '../common/download';
import type { StatisticsRow, StatisticsTable, SuijiDataProvider } from '../providers/dataProvider';
import { groupingOf, type StatisticsState } from './statisticsState';
import {
  drillOf,
  drillPath,
  figureFormula,
  figureLabel,
  formatFigure,
  valueOf,
  type FigureContext,
} from './statisticsView';
import { useStatisticsTable } from './useStatistics';

const NONE = '';

/** One row of the table: its group's names, then each figure, a link where a list counts it. */
const Row = ({
  table,
  row,
  context,
  total,
}: {
  table: StatisticsTable;
  row: StatisticsRow;
  context: FigureContext;
  total?: string;
}) => (
  <TableRow data-testid={total ? 'statistics-total' : 'statistics-row'} data-keys={row.keys.join('|')}>
    {total ? (
      <TableCell component="th" scope="row" colSpan={Math.max(1, table.groupBy.length)}>
        <strong>{total}</strong>
      </TableCell>
    ) : (
      table.groupBy.map((dim, i) => (
        <TableCell key={dim} component={i === 0 ? 'th' : 'td'} scope={i === 0 ? 'row' : undefined}>
          {row.labels[i] ?? row.keys[i]}
        </TableCell>
      ))
    )}
    {table.figures.map((code) => {
      const value = valueOf(table, row, code);
      const drill = value == null ? null : drillOf(table, row, code, context);
      const shown = formatFigure(code, value, context.locale);
      return (
        <TableCell key={code} align="right" data-figure={code}>
          {drill ? (
            <Link to={drillPath(drill)} data-value={value}>
              {shown}
            </Link>
          ) : (
            shown
          )}
        </TableCell>
      );
    })}
  </TableRow>
);

/**
 * The grouped table: a family's figures by one or two of its dimensions, with the 合计 row (computed by the
 * API over the whole filtered set, not summed here), and its export as shown.
 */
export const StatisticsTableCard = ({
  state,
  period,
  context,
  onChange,
}: {
  state: StatisticsState;
  period: PeriodInput;
  context: FigureContext;
  onChange: (next: StatisticsState) => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const { canAccess: mayExport } = useCanAccess({ action: 'export', resource: 'statistics' });
  const [busy, setBusy] = useState(false);
  const { family, groupBy } = state;
  const own: FigureContext = { ...context, filter: applicableFilter(family, context.filter) };
  const request = { family, groupBy, period, filter: own.filter };
  const { data: table, error } = useStatisticsTable(request, context.locale);
  const dims = FAMILY_DIMENSIONS[family];
  const [first, second] = groupBy;
  const dimensionName = (dim: StatDimension) => DIMENSIONS[dim].label[context.locale];

  const setFamily = (next: StatFamily) => onChange({ ...state, family: next, groupBy: groupingOf(next, []) });
  const setGrouping = (wanted: string[]) => onChange({ ...state, groupBy: groupingOf(family, wanted) });
  const onExport = () => {
    setBusy(true);
    dataProvider
      .exportStatistics(request)
      .then((file) => {
        saveDownload(file);
        notify('suiji.export.done', { type: 'info', messageArgs: { filename: file.filename } });
      })
      .catch((e: Error) => notify(e.message, { type: 'error' }))
      .finally(() => setBusy(false));
  };

  return (
    <Card>
      <CardContent>
        <Stack
          sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}
          direction="row"
        >
          <Typography component="h2" variant="h6">
            {translate('suiji.statistics.table.title')}
          </Typography>
          {mayExport ? (
            <Button label="suiji.export.button" onClick={onExport} disabled={busy || !table}>
              <DownloadIcon />
            </Button>
          ) : null}
        </Stack>
        <Stack direction="row" useFlexGap spacing={1.5} sx={{ my: 1.5, flexWrap: 'wrap' }}>
          <TextField
            fullWidth={false}
            select
            size="small"
            name="family"
            label={translate('suiji.statistics.table.family')}
            value={family}
            onChange={(event) => setFamily(event.target.value as StatFamily)}
            sx={{ minWidth: 180 }}
          >
            {STAT_FAMILIES.map((f) => (
              <MenuItem key={f} value={f}>
                {translate(`enums.statFamily.${f}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth={false}
            select
            size="small"
            name="groupBy"
            label={translate('suiji.statistics.table.group_by')}
            value={first ?? dims[0]}
            onChange={(event) => setGrouping([event.target.value, ...(second ? [second] : [])])}
            sx={{ minWidth: 160 }}
          >
            {dims.map((dim) => (
              <MenuItem key={dim} value={dim}>
                {dimensionName(dim)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth={false}
            select
            size="small"
            name="thenBy"
            label={translate('suiji.statistics.table.then_by')}
            value={second ?? NONE}
            onChange={(event) => setGrouping([...(first ? [first] : dims.slice(0, 1)), event.target.value])}
            sx={{ minWidth: 160 }}
          >
            <MenuItem value={NONE}>{translate('suiji.statistics.table.none')}</MenuItem>
            {dims
              .filter((dim) => dim !== first)
              .map((dim) => (
                <MenuItem key={dim} value={dim}>
                  {dimensionName(dim)}
                </MenuItem>
              ))}
          </TextField>
        </Stack>
        {error ? (
          <Alert severity="error">{error.message}</Alert>
        ) : !table ? (
          <Skeleton variant="rounded" height={240} />
        ) : (
          <TableContainer
            tabIndex={0}
            role="region"
            aria-label={translate('suiji.statistics.table.title')}
            // Its own width does not widen the page: on a phone the table scrolls inside its card.
            sx={{ maxHeight: 640, contain: 'inline-size' }}
          >
            <Table
              size="small"
              stickyHeader
              data-testid="statistics-table"
              data-family={table.family}
              data-group-by={table.groupBy.join(',')}
            >
              <TableHead>
                <TableRow>
                  {table.groupBy.map((dim) => (
                    <TableCell key={dim}>{dimensionName(dim)}</TableCell>
                  ))}
                  {table.figures.map((code) => (
                    <TableCell key={code} align="right">
                      <Tooltip title={figureFormula(code, context.locale)} describeChild>
                        <Box component="span">{figureLabel(code, context.locale)}</Box>
                      </Tooltip>
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {table.rows.map((row) => (
                  <Row key={row.keys.join('|')} table={table} row={row} context={own} />
                ))}
                <Row
                  table={table}
                  row={table.total}
                  context={own}
                  total={translate('suiji.statistics.table.total')}
                />
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
    </Card>
  );
};
