import {
  Alert,
  Box,
  Card,
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
import { useQuery } from '@tanstack/react-query';
import {
  PUBLIC_FIGURES,
  PUBLIC_STATISTICS_YEARS,
  YEAR_MIN,
  chinaYear,
  type Locale,
  type PublicFigure,
} from '@suiji/domain';
import { useMemo } from 'react';
import { useDataProvider, useGetList, useLocaleState, useTranslate, type RaRecord } from 'react-admin';
import { useSearchParams } from 'react-router';
import type {
  PublicStatisticsFigures,
  PublicStatisticsFilter,
  SuijiDataProvider,
} from '../providers/dataProvider';
import { FigureNotes } from '../statistics/FigureNotes';
import { cutOffText, figureFormula, figureLabel, formatFigure, localeOf } from '../statistics/statisticsView';
import { PublicLayout } from './PublicLayout';

/** The API's field of each figure the table shows, in the order of its columns. */
const COLUMNS: readonly (readonly [PublicFigure, keyof PublicStatisticsFigures])[] = [
  ['due', 'drawn'],
  ['published', 'published'],
  ['problem', 'problems'],
  ['problemRate', 'problemRate'],
  ['onTimeRate', 'onTimeRate'],
];

const ALL = '';

/** The figures of a row (or the 合计 row) as cells, each as the domain formats its figure. */
const FigureCells = ({ figures, locale }: { figures: PublicStatisticsFigures; locale: Locale }) => (
  <>
    {COLUMNS.map(([code, field]) => (
      <TableCell key={code} align="right" data-figure={code}>
        {formatFigure(code, figures[field], locale)}
      </TableCell>
    ))}
  </>
);

/**
 * 一公开 statistics: per department and year, visits drawn (应检查), results published (已公示), those with a
 * problem and the problem rate (问题发现率), and on-time publication, with the 合计 row and the cut-off (截至);
 * each column explains its formula from the domain's definition, and 数据说明 lists them all. No sign-in.
 */
export const PublicStatistics = () => {
  const translate = useTranslate();
  const [raLocale] = useLocaleState();
  const locale = localeOf(raLocale);
  const dataProvider = useDataProvider<SuijiDataProvider>();
  const [search, setSearch] = useSearchParams();
  const year = search.get('year') ?? ALL;
  const departmentId = search.get('departmentId') ?? ALL;
  const filter = useMemo<PublicStatisticsFilter>(
    () => ({ year: year ? Number(year) : null, departmentId: departmentId || null }),
    [year, departmentId],
  );
  // A refused filter (a year typed into the address) fails again the same way: no retries.
  const { data, error } = useQuery({
    queryKey: ['suiji', 'publicStatistics', filter],
    queryFn: () => dataProvider.publicStatistics(filter),
    retry: false,
    staleTime: 30_000,
  });
  const { data: departments } = useGetList<RaRecord & { name: string }>('departments', {
    filter: { kind: 'DEPARTMENT' },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const currentYear = chinaYear();
  const years = Array.from({ length: currentYear - YEAR_MIN + 1 }, (_, i) => currentYear - i);
  // Choices replace the page's address rather than add to the history: back leaves the page.
  const choose = (name: 'year' | 'departmentId', value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearch(next, { replace: true });
  };

  return (
    <PublicLayout>
      <Stack spacing={2} data-testid="public-statistics">
        <Typography variant="h5" component="h1">
          {translate('suiji.public.statistics')}
        </Typography>
        <Typography color="text.secondary">{translate('suiji.public.statistics_intro')}</Typography>
        <Stack direction="row" useFlexGap spacing={1.5} sx={{ flexWrap: 'wrap' }}>
          <TextField
            select
            size="small"
            name="year"
            label={translate('suiji.statistics.year')}
            value={year}
            onChange={(event) => choose('year', event.target.value)}
            sx={{ minWidth: 160 }}
            fullWidth={false}
            slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          >
            <MenuItem value={ALL}>
              {translate('suiji.public.statistics_latest', { n: PUBLIC_STATISTICS_YEARS })}
            </MenuItem>
            {years.map((y) => (
              <MenuItem key={y} value={String(y)}>
                {y}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            name="departmentId"
            label={translate('suiji.statistics.department')}
            value={departments ? departmentId : ALL}
            onChange={(event) => choose('departmentId', event.target.value)}
            sx={{ minWidth: 240 }}
            fullWidth={false}
            slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          >
            <MenuItem value={ALL}>{translate('suiji.statistics.all')}</MenuItem>
            {(departments ?? []).map((d) => (
              <MenuItem key={d.id} value={String(d.id)}>
                {d.name}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        {data ? (
          <Typography color="text.secondary" data-testid="public-statistics-period">
            {data.fromYear === data.toYear
              ? translate('suiji.public.statistics_year', { year: data.fromYear })
              : translate('suiji.public.statistics_years', { from: data.fromYear, to: data.toYear })}
            {translate('suiji.semicolon')}
            <span data-testid="public-statistics-cut-off">
              {translate('suiji.statistics.cut_off', { time: cutOffText(data.cutOff) })}
            </span>
          </Typography>
        ) : null}
        {error ? (
          <Alert severity="error">{error.message}</Alert>
        ) : !data ? (
          <Skeleton variant="rounded" height={240} />
        ) : (
          <Card>
            <TableContainer
              tabIndex={0}
              role="region"
              aria-label={translate('suiji.public.statistics')}
              sx={{ contain: 'inline-size' }}
            >
              <Table size="small" data-testid="public-statistics-table">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('suiji.statistics.department')}</TableCell>
                    <TableCell>{translate('suiji.statistics.year')}</TableCell>
                    {COLUMNS.map(([code]) => (
                      <TableCell key={code} align="right">
                        <Tooltip title={figureFormula(code, locale)} describeChild>
                          <Box component="span">{figureLabel(code, locale)}</Box>
                        </Tooltip>
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.rows.length === 0 ? (
                    <TableRow>
                      <TableCell colSpan={2 + COLUMNS.length}>
                        {translate('suiji.statistics.empty')}
                      </TableCell>
                    </TableRow>
                  ) : null}
                  {data.rows.map((row) => (
                    <TableRow key={`${row.departmentId}|${row.year}`} data-testid="public-statistics-row">
                      <TableCell component="th" scope="row">
                        {row.departmentName}
                      </TableCell>
                      <TableCell>{row.year}</TableCell>
                      <FigureCells figures={row} locale={locale} />
                    </TableRow>
                  ))}
                  <TableRow data-testid="public-statistics-total">
                    <TableCell component="th" scope="row" colSpan={2}>
                      <strong>{translate('suiji.statistics.table.total')}</strong>
                    </TableCell>
                    <FigureCells figures={data.total} locale={locale} />
                  </TableRow>
                </TableBody>
              </Table>
            </TableContainer>
          </Card>
        )}
        <FigureNotes codes={PUBLIC_FIGURES} locale={locale} help="suiji.public.statistics_notes" />
      </Stack>
    </PublicLayout>
  );
};
