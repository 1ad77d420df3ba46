import InfoIcon from '@mui/icons-material/InfoOutlined';
import {
  Alert,
  Card,
  CardContent,
  Grid,
  IconButton,
  Skeleton,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import {
  applicableFilter,
  drillDown,
  figure,
  previousPeriod,
  type Locale,
  type Period,
  type StatisticsFilter,
} from '@suiji/domain';
import type { ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';
import type { StatisticsKpi, StatisticsSummary } from '../providers/dataProvider';
import { drillPath, figureFormula, figureLabel, formatFigure } from './statisticsView';

/** A count as a link to the list it counts, or as plain text where no list does. */
export const FigureLink = ({
  code,
  value,
  period,
  filter,
  locale,
  testId,
  children,
}: {
  code: string;
  value: number | null;
  period: Period | null;
  filter: StatisticsFilter;
  locale: Locale;
  testId?: string;
  children?: ReactNode;
}) => {
  const shown = children ?? formatFigure(code, value, locale);
  const drill = period && value != null ? drillDown(code, period, filter) : null;
  if (!drill) return <span data-testid={testId}>{shown}</span>;
  return (
    <Link to={drillPath(drill)} data-testid={testId} data-value={value}>
      {shown}
    </Link>
  );
};

/** The formula of a figure, on a button's tooltip (and its description, for screen readers). */
export const FormulaButton = ({ code, locale }: { code: string; locale: Locale }) => {
  const translate = useTranslate();
  return (
    <Tooltip title={figureFormula(code, locale)} describeChild>
      <IconButton size="small" aria-label={translate('suiji.statistics.formula')} sx={{ p: 0.25 }}>
        <InfoIcon fontSize="inherit" />
      </IconButton>
    </Tooltip>
  );
};

const KpiCard = ({
  kpi,
  period,
  previousLabel,
  filter,
  locale,
}: {
  kpi: StatisticsKpi;
  period: Period;
  previousLabel: string;
  filter: StatisticsFilter;
  locale: Locale;
}) => {
  const translate = useTranslate();
  const def = figure(kpi.figure);
  const family = def?.family ?? 'VISITS';
  const own = applicableFilter(family, filter);
  const before = previousPeriod(period);
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={`kpi-${kpi.figure}`}>
      <CardContent>
        <Stack sx={{ alignItems: 'center' }} direction="row" spacing={0.5}>
          <Typography component="h3" variant="body2" color="text.secondary">
            {figureLabel(kpi.figure, locale)}
          </Typography>
          <FormulaButton code={kpi.figure} locale={locale} />
        </Stack>
        <Typography variant="h4" component="p" sx={{ my: 0.5 }}>
          <FigureLink
            code={kpi.figure}
            value={kpi.value}
            period={period}
            filter={own}
            locale={locale}
            testId={`kpi-value-${kpi.figure}`}
          />
        </Typography>
        {def?.numerator && def.denominator ? (
          <Typography variant="body2" color="text.secondary">
            {figureLabel(def.numerator, locale)}{' '}
            <FigureLink
              code={def.numerator}
              value={kpi.numerator}
              period={period}
              filter={own}
              locale={locale}
            />
            {' ÷ '}
            {figureLabel(def.denominator, locale)}{' '}
            <FigureLink
              code={def.denominator}
              value={kpi.denominator}
              period={period}
              filter={own}
              locale={locale}
            />
          </Typography>
        ) : null}
        <Typography variant="body2" color="text.secondary" data-testid={`kpi-previous-${kpi.figure}`}>
          {translate('suiji.statistics.previous', { period: previousLabel })}
          {translate('suiji.colon')}
          <FigureLink code={kpi.figure} value={kpi.previous} period={before} filter={own} locale={locale} />
        </Typography>
      </CardContent>
    </Card>
  );
};

/** The headline figures (KPI_FIGURES, in the API's order), each beside the previous period's value. */
export const KpiCards = ({
  summary,
  error,
  period,
  filter,
  locale,
}: {
  summary: StatisticsSummary | undefined;
  error: Error | null;
  period: Period;
  filter: StatisticsFilter;
  locale: Locale;
}) => {
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return (
    <Grid container spacing={1.5} data-testid="kpi-cards">
      {summary
        ? summary.kpis.map((kpi) => (
            <Grid key={kpi.figure} size={{ xs: 6, sm: 4, md: 3 }}>
              <KpiCard
                kpi={kpi}
                period={period}
                previousLabel={summary.previousPeriod?.label ?? '—'}
                filter={filter}
                locale={locale}
              />
            </Grid>
          ))
        : Array.from({ length: 8 }, (_, i) => (
            <Grid key={i} size={{ xs: 6, sm: 4, md: 3 }}>
              <Skeleton variant="rounded" height={128} />
            </Grid>
          ))}
    </Grid>
  );
};
