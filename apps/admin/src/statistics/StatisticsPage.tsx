/**
 * 统计分析: the headline figures as cards beside the previous period's, charts, and the grouped table with
 * its 合计 row, over a period and filters kept in the page's address. Every number opens the list it counts.
 */
import { Alert, Stack, Typography } from '@mui/material';
import { resolvePeriod } from '@suiji/domain';
import { useMemo } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router';
import { FigureNotes } from './FigureNotes';
import { KpiCards } from './KpiCards';
import { StatisticsCharts } from './StatisticsCharts';
import { StatisticsFilters } from './StatisticsFilters';
import { StatisticsTableCard } from './StatisticsTableCard';
import { periodInput, readState, writeState, type StatisticsState } from './statisticsState';
import { cutOffText, localeOf, notedFigures, type FigureContext } from './statisticsView';
import { useStatisticsSummary } from './useStatistics';

export default function StatisticsPage() {
  const translate = useTranslate();
  const [raLocale] = useLocaleState();
  const locale = localeOf(raLocale);
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => readState(search), [search]);
  // Choices replace the page's address rather than add to the history: back leaves the page.
  const onChange = (next: StatisticsState) => setSearch(writeState(next), { replace: true });
  const input = useMemo(() => periodInput(state), [state]);
  const resolved = useMemo(() => resolvePeriod(input), [input]);
  const context = useMemo<FigureContext | null>(
    () => (resolved.ok ? { locale, period: resolved.period, filter: state.filter } : null),
    [resolved, locale, state.filter],
  );
  const summary = useStatisticsSummary({ period: input, filter: state.filter }, locale, resolved.ok);

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4, minWidth: 0 }} data-testid="statistics-page">
      <Title title="suiji.statistics.title" />
      <Stack sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 2 }} direction="row">
        {/* The app bar's title is the page's h1. */}
        <Typography component="h2" variant="h5">
          {translate('suiji.statistics.title')}
        </Typography>
        {summary.data ? (
          <Typography color="text.secondary" data-testid="statistics-period">
            {summary.data.period.label}
            {translate('suiji.semicolon')}
            <span data-testid="statistics-cut-off">
              {translate('suiji.statistics.cut_off', { time: cutOffText(summary.data.cutOff) })}
            </span>
          </Typography>
        ) : null}
      </Stack>
      <StatisticsFilters state={state} onChange={onChange} />
      {!resolved.ok || !context ? (
        <Alert severity="error" data-testid="statistics-period-error">
          {resolved.ok ? null : resolved.message[locale]}
        </Alert>
      ) : (
        <>
          <KpiCards
            summary={summary.data}
            error={summary.error}
            period={context.period}
            filter={state.filter}
            locale={locale}
          />
          <StatisticsCharts state={state} period={input} context={context} onChange={onChange} />
          <StatisticsTableCard state={state} period={input} context={context} onChange={onChange} />
          <FigureNotes codes={notedFigures(state.family)} locale={locale} />
        </>
      )}
    </Stack>
  );
}
