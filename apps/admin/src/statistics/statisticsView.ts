/**
 * How 统计分析 reads the API's tables: a figure's value in a row, in the reader's language and format, the
 * list behind it (the domain's `drillDown`, as a react-admin list address), and the ECharts options of each
 * chart with the list behind each bar, point and slice. Pure, so that what a chart shows and where a click
 * leads are tested without a browser.
 */
import {
  KPI_FIGURES,
  chinaDateTime,
  drillDown,
  figure,
  figuresOf,
  type DrillDown,
  type Locale,
  type Period,
  type RowKeys,
  type StatFamily,
  type StatisticsFilter,
} from '@suiji/domain';
import type { EChartsCoreOption } from 'echarts/core';
import type { StatisticsRow, StatisticsTable } from '../providers/dataProvider';

/** The domain's language of react-admin's locale. */
export function localeOf(locale: string): Locale {
  return locale === 'en' ? 'en' : 'zh-CN';
}

/** A figure's name in the reader's language (its code when the domain does not know it). */
export function figureLabel(code: string, locale: Locale): string {
  return figure(code)?.label[locale] ?? code;
}

/** What a figure is, as "数据说明" prints it. */
export function figureFormula(code: string, locale: Locale): string {
  return figure(code)?.formula[locale] ?? '';
}

/** The figures 统计分析's 数据说明 explains: the cards' and those of the table's family, each once. */
export function notedFigures(family: StatFamily): string[] {
  return [...new Set<string>([...KPI_FIGURES, ...figuresOf(family).map((f) => f.code)])];
}

/** A figure's value as people read it: counts grouped, rates as percentages, "—" where there is none. */
export function formatFigure(code: string, value: number | null | undefined, locale: Locale): string {
  if (value == null || Number.isNaN(value)) return '—';
  const kind = figure(code)?.kind ?? 'number';
  if (kind === 'rate')
    return new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: kind === 'count' ? 0 : 1 }).format(value);
}

/** The cut-off (截至) as a China date and time to the minute, whatever the browser's time zone. */
export function cutOffText(iso: string): string {
  return chinaDateTime(new Date(iso)).replace('T', ' ');
}

/** The react-admin address of a list narrowed by a drill-down's filter. */
export function drillPath(drill: DrillDown): string {
  return `/${drill.resource}?${new URLSearchParams({ filter: JSON.stringify(drill.filter) }).toString()}`;
}

/** A figure's value in a row of a table: null where the table has no such column or no value. */
export function valueOf(
  table: Pick<StatisticsTable, 'figures'>,
  row: StatisticsRow,
  code: string,
): number | null {
  const i = table.figures.indexOf(code);
  return i < 0 ? null : (row.values[i] ?? null);
}

/** A row's group, dimension by dimension (the 合计 row has none). */
export function rowKeys(table: Pick<StatisticsTable, 'groupBy'>, row: StatisticsRow): RowKeys {
  const keys: RowKeys = {};
  table.groupBy.forEach((dim, i) => {
    const key = row.keys[i];
    if (key !== undefined) keys[dim] = key;
  });
  return keys;
}

/** What a table's numbers are about: the period and the filters it was asked with. */
export interface FigureContext {
  locale: Locale;
  period: Period;
  filter: StatisticsFilter;
}

/** The list behind a figure of a row, or null for a figure no list counts (rates, medians). */
export function drillOf(
  table: Pick<StatisticsTable, 'groupBy'>,
  row: StatisticsRow,
  code: string,
  context: FigureContext,
): DrillDown | null {
  return drillDown(code, context.period, context.filter, rowKeys(table, row));
}

/** An ECharts option, and the list behind the bar, point or slice a click lands on. */
export interface ChartSpec {
  option: EChartsCoreOption;
  target: (seriesIndex: number, dataIndex: number) => DrillDown | null;
}

const percentAxis = (locale: Locale) => (value: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);

const valueFormatter = (code: string, locale: Locale) => (value: unknown) =>
  formatFigure(code, typeof value === 'number' ? value : null, locale);

/** The options every chart shares: the title screen readers announce, and ECharts' descriptions on. */
function base(title: string): EChartsCoreOption {
  return {
    // The card shows the title as a heading; ECharts' description (aria) reads it from here.
    title: { text: title, show: false },
    aria: { enabled: true },
    tooltip: { confine: true },
    legend: { top: 0, type: 'scroll' },
    animation: false,
  };
}

/** A series of one figure over the rows, named in the reader's language. */
function series(
  type: 'bar' | 'line',
  code: string,
  rows: readonly StatisticsRow[],
  table: Pick<StatisticsTable, 'figures'>,
  locale: Locale,
  extra: Record<string, unknown> = {},
) {
  return {
    type,
    name: figureLabel(code, locale),
    data: rows.map((row) => valueOf(table, row, code)),
    tooltip: { valueFormatter: valueFormatter(code, locale) },
    ...extra,
  };
}

/** Targets of a chart whose series are figures over the rows. */
function targets(
  table: StatisticsTable,
  rows: readonly StatisticsRow[],
  codes: readonly string[],
  context: FigureContext,
) {
  return (seriesIndex: number, dataIndex: number): DrillDown | null => {
    const row = rows[dataIndex];
    const code = codes[seriesIndex];
    return row && code ? drillOf(table, row, code, context) : null;
  };
}

/**
 * Visits by department or region as ranked bars (most due on top): due and published as bars, the
 * completion rate as a line on a second axis. Horizontal, so that long names stay readable on a phone.
 */
export function rankingChart(table: StatisticsTable, context: FigureContext, title: string): ChartSpec {
  const { locale } = context;
  const rows = [...table.rows].sort(
    (a, b) =>
      (valueOf(table, b, 'due') ?? 0) - (valueOf(table, a, 'due') ?? 0) ||
      (a.labels[0] ?? '').localeCompare(b.labels[0] ?? '', locale),
  );
  const codes = ['due', 'published', 'completionRate'];
  return {
    option: {
      ...base(title),
      tooltip: { confine: true, trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 56, bottom: 8 },
      xAxis: [
        { type: 'value', minInterval: 1 },
        {
          type: 'value',
          min: 0,
          max: 1,
          position: 'top',
          splitLine: { show: false },
          axisLabel: { formatter: percentAxis(locale) },
        },
      ],
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => row.labels[0] ?? row.keys[0] ?? ''),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [
        series('bar', 'due', rows, table, locale, { xAxisIndex: 0, cursor: 'pointer' }),
        series('bar', 'published', rows, table, locale, { xAxisIndex: 0, cursor: 'pointer' }),
        series('line', 'completionRate', rows, table, locale, { xAxisIndex: 1, cursor: 'default' }),
      ],
    },
    target: targets(table, rows, codes, context),
  };
}

/** Published results by result category, as a pie; a slice opens the published results of its category. */
export function categoryChart(table: StatisticsTable, context: FigureContext, title: string): ChartSpec {
  const { locale } = context;
  const rows = table.rows.filter((row) => (valueOf(table, row, 'published') ?? 0) > 0);
  return {
    option: {
      ...base(title),
      tooltip: { confine: true, trigger: 'item', valueFormatter: valueFormatter('published', locale) },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          name: figureLabel('published', locale),
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}: {c}' },
          cursor: 'pointer',
          data: rows.map((row) => ({
            name: row.labels[0] ?? row.keys[0] ?? '',
            value: valueOf(table, row, 'published') ?? 0,
          })),
        },
      ],
    },
    target: targets(table, rows, ['published'], context),
  };
}

/** Visits month by month: due and published as lines, the completion rate on a second axis. */
export function trendChart(table: StatisticsTable, context: FigureContext, title: string): ChartSpec {
  const { locale } = context;
  const rows = table.rows;
  const codes = ['due', 'published', 'completionRate'];
  return {
    option: {
      ...base(title),
      tooltip: { confine: true, trigger: 'axis' },
      grid: { left: 8, right: 8, top: 56, bottom: 8 },
      xAxis: {
        type: 'category',
        data: rows.map((row) => row.labels[0] ?? row.keys[0] ?? ''),
      },
      yAxis: [
        { type: 'value', minInterval: 1 },
        {
          type: 'value',
          min: 0,
          max: 1,
          splitLine: { show: false },
          axisLabel: { formatter: percentAxis(locale) },
        },
      ],
      series: [
        series('line', 'due', rows, table, locale, { yAxisIndex: 0, cursor: 'pointer' }),
        series('line', 'published', rows, table, locale, { yAxisIndex: 0, cursor: 'pointer' }),
        series('line', 'completionRate', rows, table, locale, {
          yAxisIndex: 1,
          cursor: 'default',
          lineStyle: { type: 'dashed' },
        }),
      ],
    },
    target: targets(table, rows, codes, context),
  };
}

/**
 * Inspectors' workload by department: inspector-visits (人次) and inspectors taking part. Neither has a
 * list of its own (they count people on teams), so a click leads nowhere.
 */
export function workloadChart(table: StatisticsTable, context: FigureContext, title: string): ChartSpec {
  const { locale } = context;
  const rows = table.rows;
  return {
    option: {
      ...base(title),
      tooltip: { confine: true, trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 56, bottom: 8 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => row.labels[0] ?? row.keys[0] ?? ''),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [
        series('bar', 'inspectorVisits', rows, table, locale, { cursor: 'default' }),
        series('bar', 'distinctInspectors', rows, table, locale, { cursor: 'default' }),
      ],
    },
    target: () => null,
  };
}
