import {
  Alert,
  Card,
  CardContent,
  Grid,
  Skeleton,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { DIMENSIONS, applicableFilter, type PeriodInput, type StatDimension } from '@suiji/domain';
import { useMemo, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { FormulaButton } from './KpiCards';
import { Chart } from './Chart';
import { CHART_DIMENSIONS, type ChartDimension, type StatisticsState } from './statisticsState';
import {
  categoryChart,
  figureLabel,
  formatFigure,
  rankingChart,
  trendChart,
  valueOf,
  workloadChart,
  type ChartSpec,
  type FigureContext,
} from './statisticsView';
import type { StatisticsTable } from '../providers/dataProvider';
import { useStatisticsTable } from './useStatistics';

type Builder = (table: StatisticsTable, context: FigureContext, title: string) => ChartSpec;

/** A chart's card: its heading, then the chart once its table has come (or why it has not). */
const ChartCard = ({
  title,
  testId,
  table,
  error,
  build,
  context,
  height,
  actions,
  footer,
}: {
  title: string;
  testId: string;
  table: StatisticsTable | undefined;
  error: Error | null;
  build: Builder;
  context: FigureContext;
  height: number;
  actions?: ReactNode;
  footer?: ReactNode;
}) => {
  const translate = useTranslate();
  const spec = useMemo(() => (table ? build(table, context, title) : null), [table, context, title, build]);
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Stack
          sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}
          direction="row"
        >
          <Typography component="h2" variant="h6">
            {title}
          </Typography>
          {actions}
        </Stack>
        {error ? (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error.message}
          </Alert>
        ) : spec && table ? (
          table.rows.length === 0 ? (
            <Typography color="text.secondary" sx={{ py: 4 }} data-testid={`${testId}-empty`}>
              {translate('suiji.statistics.empty')}
            </Typography>
          ) : (
            <Chart spec={spec} locale={context.locale} height={height} testId={testId} />
          )
        ) : (
          <Skeleton variant="rounded" height={height} />
        )}
        {footer}
      </CardContent>
    </Card>
  );
};

/** The height of a chart of ranked bars: enough for each row's name. */
const rankedHeight = (table: StatisticsTable | undefined) =>
  Math.max(240, Math.min(720, 80 + 36 * (table?.rows.length ?? 4)));

/**
 * The charts of 统计分析: visits ranked by department or region, result categories, the monthly trend and
 * inspectors' workload. Each click on a bar, point or slice opens the list it counts.
 */
export const StatisticsCharts = ({
  state,
  period,
  context,
  onChange,
}: {
  state: StatisticsState;
  /** The period as asked of the API; `context.period` is the same, resolved. */
  period: PeriodInput;
  /** The page's filters, before each family takes those that apply to it. */
  context: FigureContext;
  onChange: (next: StatisticsState) => void;
}) => {
  const translate = useTranslate();
  const { locale } = context;
  const visits = useMemo(
    () => ({ ...context, filter: applicableFilter('VISITS', context.filter) }),
    [context],
  );
  const inspectors = useMemo(
    () => ({ ...context, filter: applicableFilter('INSPECTORS', context.filter) }),
    [context],
  );
  const request = (family: 'VISITS' | 'INSPECTORS', dim: StatDimension, ctx: FigureContext) => ({
    family,
    groupBy: [dim],
    period,
    filter: ctx.filter,
  });
  const ranking = useStatisticsTable(request('VISITS', state.by, visits), locale);
  const categories = useStatisticsTable(request('VISITS', 'CATEGORY', visits), locale);
  const trend = useStatisticsTable(request('VISITS', 'MONTH', visits), locale);
  const workload = useStatisticsTable(request('INSPECTORS', 'DEPARTMENT', inspectors), locale);
  const by = DIMENSIONS[state.by].label[locale];
  const spread = workload.data
    ? (['assignmentsMin', 'assignmentsMedian', 'assignmentsMax'] as const).map((code) => (
        <span key={code} data-testid={`workload-${code}`}>
          {figureLabel(code, locale)}
          {translate('suiji.colon')}
          {formatFigure(code, valueOf(workload.data, workload.data.total, code), locale)}
          <FormulaButton code={code} locale={locale} />
        </span>
      ))
    : null;

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <ChartCard
          title={translate('suiji.statistics.charts.ranking', { by })}
          testId="chart-ranking"
          table={ranking.data}
          error={ranking.error}
          build={rankingChart}
          context={visits}
          height={rankedHeight(ranking.data)}
          actions={
            <ToggleButtonGroup
              size="small"
              exclusive
              value={state.by}
              aria-label={translate('suiji.statistics.charts.by')}
              onChange={(_, value: ChartDimension | null) => value && onChange({ ...state, by: value })}
            >
              {CHART_DIMENSIONS.map((dim) => (
                <ToggleButton key={dim} value={dim}>
                  {DIMENSIONS[dim].label[locale]}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          }
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <ChartCard
          title={translate('suiji.statistics.charts.categories')}
          testId="chart-categories"
          table={categories.data}
          error={categories.error}
          build={categoryChart}
          context={visits}
          height={320}
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <ChartCard
          title={translate('suiji.statistics.charts.trend')}
          testId="chart-trend"
          table={trend.data}
          error={trend.error}
          build={trendChart}
          context={visits}
          height={320}
        />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <ChartCard
          title={translate('suiji.statistics.charts.workload')}
          testId="chart-workload"
          table={workload.data}
          error={workload.error}
          build={workloadChart}
          context={inspectors}
          height={rankedHeight(workload.data)}
          footer={
            <Stack direction="row" sx={{ mt: 1, flexWrap: 'wrap', columnGap: 2 }}>
              {spread}
            </Stack>
          }
        />
      </Grid>
    </Grid>
  );
};
