import { figuresOf, resolvePeriod, type Period } from '@suiji/domain';
import { describe, expect, it } from 'vitest';
import type { StatisticsRow, StatisticsTable } from '../providers/dataProvider';
import {
  categoryChart,
  cutOffText,
  drillOf,
  drillPath,
  formatFigure,
  rankingChart,
  trendChart,
  workloadChart,
  type FigureContext,
} from './statisticsView';

const year = (() => {
  const r = resolvePeriod({ kind: 'YEAR', year: 2025 });
  if (!r.ok) throw new Error(r.message.en);
  return r.period;
})();

/** A table of the API's shape whose rows carry the given figures (the others null). */
function table(
  family: StatisticsTable['family'],
  groupBy: StatisticsTable['groupBy'],
  rows: { keys: string[]; labels: string[]; figures: Record<string, number> }[],
  period: Period = year,
): StatisticsTable {
  const figures = figuresOf(family).map((f) => f.code);
  const row = (r: { keys: string[]; labels: string[]; figures: Record<string, number> }): StatisticsRow => ({
    keys: r.keys,
    labels: r.labels,
    values: figures.map((code) => r.figures[code] ?? null),
  });
  return {
    family,
    groupBy,
    figures,
    period: { kind: period.kind, from: period.from, to: period.to, label: period.label['zh-CN'] },
    cutOff: '2025-12-31T16:30:00.000Z',
    rows: rows.map(row),
    total: row({ keys: [], labels: [], figures: {} }),
  };
}

const zh: FigureContext = { locale: 'zh-CN', period: year, filter: { departmentId: 'd1' } };
const en: FigureContext = { ...zh, locale: 'en' };

describe('the figures as the page shows them', () => {
  it('formats counts, rates and numbers, and shows a missing rate as a dash, not 0 %', () => {
    expect(formatFigure('due', 12345, 'zh-CN')).toBe('12,345');
    expect(formatFigure('completionRate', 0.756, 'en')).toBe('75.6%');
    expect(formatFigure('assignmentsMedian', 2.5, 'en')).toBe('2.5');
    expect(formatFigure('completionRate', null, 'zh-CN')).toBe('—');
  });

  it('states the cut-off in China time, whatever the browser’s zone', () => {
    expect(cutOffText('2025-12-31T16:30:00.000Z')).toBe('2026-01-01 00:30');
  });

  it('links a count of a row to its list, with the row’s group and the page’s filters, and a rate to none', () => {
    const t = table(
      'VISITS',
      ['REGION', 'MONTH'],
      [{ keys: ['尹集镇', '2025-02'], labels: ['尹集镇', '2025-02'], figures: { published: 3 } }],
    );
    const drill = drillOf(t, t.rows[0]!, 'published', zh);
    expect(drill).toEqual({
      resource: 'inspections',
      filter: {
        states: ['PUBLISHED'],
        drawnFrom: '2025-02-01',
        drawnTo: '2025-02-28',
        departmentId: 'd1',
        region: '尹集镇',
      },
    });
    expect(drillOf(t, t.rows[0]!, 'completionRate', zh)).toBeNull();
    const path = drillPath(drill!);
    expect(path.startsWith('/inspections?filter=')).toBe(true);
    expect(JSON.parse(new URLSearchParams(path.split('?')[1]).get('filter')!)).toEqual(drill!.filter);
  });
});

describe('the charts', () => {
  const byRegion = table(
    'VISITS',
    ['REGION'],
    [
      { keys: ['A 镇'], labels: ['A 镇'], figures: { due: 2, published: 1, completionRate: 0.5 } },
      { keys: ['B 镇'], labels: ['B 镇'], figures: { due: 9, published: 9, completionRate: 1 } },
      { keys: ['C 镇'], labels: ['C 镇'], figures: { due: 5, published: 0, completionRate: 0 } },
    ],
  );

  it('ranks regions by visits due, bars of due and published and the completion rate as a line on its own axis', () => {
    const { option } = rankingChart(byRegion, zh, '检查完成情况');
    const o = option as {
      yAxis: { data: string[] };
      series: { type: string; name: string; data: number[]; xAxisIndex: number }[];
      aria: { enabled: boolean };
      title: { text: string };
    };
    expect(o.yAxis.data).toEqual(['B 镇', 'C 镇', 'A 镇']);
    expect(o.series.map((s) => [s.type, s.name, s.xAxisIndex])).toEqual([
      ['bar', '应检查', 0],
      ['bar', '已公示', 0],
      ['line', '抽查完成率', 1],
    ]);
    expect(o.series[0]!.data).toEqual([9, 5, 2]);
    expect(o.aria.enabled).toBe(true);
    expect(o.title.text).toBe('检查完成情况');
  });

  it('names the series in the reader’s language', () => {
    const o = rankingChart(byRegion, en, 'Inspections').option as { series: { name: string }[] };
    expect(o.series.map((s) => s.name)).toEqual(['Due', 'Published', 'Completion']);
  });

  it('sends a click on a bar to the list it counts, in the ranked order; the rate line leads nowhere', () => {
    const { target } = rankingChart(byRegion, zh, '');
    expect(target(1, 0)).toEqual({
      resource: 'inspections',
      filter: {
        states: ['PUBLISHED'],
        drawnFrom: '2025-01-01',
        drawnTo: '2025-12-31',
        departmentId: 'd1',
        region: 'B 镇',
      },
    });
    expect(target(2, 0)).toBeNull();
    expect(target(0, 7)).toBeNull();
  });

  it('shows the categories with published results as slices that open their published results', () => {
    const t = table(
      'VISITS',
      ['CATEGORY'],
      [
        { keys: ['NO_PROBLEM'], labels: ['未发现问题'], figures: { published: 4 } },
        { keys: ['CLOSED'], labels: ['已关闭停业或正在组织清算'], figures: { published: 0 } },
        { keys: ['PROBLEM_PENDING'], labels: ['发现问题待后续处理'], figures: { published: 2 } },
      ],
    );
    const { option, target } = categoryChart(t, zh, '');
    const data = (option as { series: { data: { name: string; value: number }[] }[] }).series[0]!.data;
    expect(data).toEqual([
      { name: '未发现问题', value: 4 },
      { name: '发现问题待后续处理', value: 2 },
    ]);
    expect(target(0, 1)?.filter).toMatchObject({ states: ['PUBLISHED'], category: 'PROBLEM_PENDING' });
  });

  it('draws the months in order and opens a month’s visits', () => {
    const t = table(
      'VISITS',
      ['MONTH'],
      [
        { keys: ['2025-01'], labels: ['2025-01'], figures: { due: 1 } },
        { keys: ['2025-02'], labels: ['2025-02'], figures: { due: 3 } },
      ],
    );
    const { option, target } = trendChart(t, zh, '');
    expect((option as { xAxis: { data: string[] } }).xAxis.data).toEqual(['2025-01', '2025-02']);
    expect(target(0, 1)?.filter).toMatchObject({ drawnFrom: '2025-02-01', drawnTo: '2025-02-28' });
  });

  it('charts inspectors’ workload, which no list counts', () => {
    const t = table(
      'INSPECTORS',
      ['DEPARTMENT'],
      [{ keys: ['d1'], labels: ['自然资源局'], figures: { inspectorVisits: 12, distinctInspectors: 5 } }],
    );
    const { option, target } = workloadChart(t, en, '');
    expect((option as { series: { name: string; data: number[] }[] }).series).toMatchObject([
      { name: 'Inspector-visits', data: [12] },
      { name: 'Inspectors taking part', data: [5] },
    ]);
    expect(target(0, 0)).toBeNull();
  });
});
