import { describe, expect, it } from 'vitest';
import {
  FAMILY_DIMENSIONS,
  FIGURES,
  KPI_FIGURES,
  applicableFilter,
  checkStatisticsRequest,
  combineFigures,
  countsOf,
  drillDown,
  figure,
  monthsOf,
  previousPeriod,
  quarterKey,
  resolvePeriod,
  type Period,
} from './index.js';

const period = (input: Parameters<typeof resolvePeriod>[0]): Period => {
  const r = resolvePeriod(input);
  if (!r.ok) throw new Error(r.message.en);
  return r.period;
};

describe('statistics figures', () => {
  it('gives every figure a unique code, both labels and a formula; rates divide counts of their own family', () => {
    const codes = FIGURES.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const f of FIGURES) {
      expect(f.label.en && f.label['zh-CN'] && f.formula.en && f.formula['zh-CN']).toBeTruthy();
      if (f.kind === 'rate') {
        expect(figure(f.numerator!)).toMatchObject({ family: f.family, kind: 'count' });
        expect(figure(f.denominator!)).toMatchObject({ family: f.family, kind: 'count' });
      }
    }
    for (const code of KPI_FIGURES) expect(figure(code)).toBeDefined();
  });

  it('combines counts into rates, and a rate over nothing is null, not 0', () => {
    expect(countsOf('VISITS')).not.toContain('completionRate');
    const row = combineFigures('VISITS', { due: 8, published: 6, problem: 3, closed: 1, onTime: 5 });
    expect(row.completionRate).toBe(0.75);
    expect(row.problemRate).toBe(0.5);
    expect(row.closureRate).toBeCloseTo(1 / 3);
    expect(row.onTimeRate).toBeCloseTo(5 / 6);
    expect(row.overdue).toBe(0);
    expect(combineFigures('VISITS', {}).completionRate).toBeNull();
    expect(combineFigures('INSPECTORS', {}).assignmentsMedian).toBeNull();
  });
});

describe('statistics periods', () => {
  it('resolves a year, a quarter, a month and a range to their first and last days', () => {
    expect(period({ kind: 'YEAR', year: 2026 })).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(period({ kind: 'QUARTER', year: 2024, quarter: 1 })).toMatchObject({
      from: '2024-01-01',
      to: '2024-03-31',
    });
    expect(period({ kind: 'MONTH', year: 2024, month: 2 })).toMatchObject({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(period({ kind: 'RANGE', from: '2026-03-05', to: '2026-03-05' })).toMatchObject({
      from: '2026-03-05',
      to: '2026-03-05',
    });
  });

  it('refuses a range that ends before it starts, a non-day, a year out of range, an over-long range', () => {
    const bad = (input: Parameters<typeof resolvePeriod>[0]) => {
      const r = resolvePeriod(input);
      return r.ok ? null : r;
    };
    expect(bad({ kind: 'RANGE', from: '2026-03-05', to: '2026-03-04' })?.message.en).toContain(
      'ends (2026-03-04) before it starts',
    );
    expect(bad({ kind: 'RANGE', from: '2026-02-30', to: '2026-03-04' })?.field).toBe('from');
    expect(bad({ kind: 'YEAR', year: 1999 })?.message['zh-CN']).toContain('超出范围');
    expect(bad({ kind: 'YEAR' })?.field).toBe('year');
    expect(bad({ kind: 'QUARTER', year: 2026, quarter: 5 })?.field).toBe('quarter');
    expect(bad({ kind: 'MONTH', year: 2026, month: 0 })?.field).toBe('month');
    expect(bad({ kind: 'RANGE', from: '2020-01-01', to: '2026-01-01' })?.message.en).toContain('at most');
  });

  it('steps back to the previous period of the same kind and length', () => {
    expect(previousPeriod(period({ kind: 'YEAR', year: 2026 }))).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(previousPeriod(period({ kind: 'QUARTER', year: 2026, quarter: 1 }))).toMatchObject({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousPeriod(period({ kind: 'QUARTER', year: 2026, quarter: 3 }))).toMatchObject({
      from: '2026-04-01',
    });
    expect(previousPeriod(period({ kind: 'MONTH', year: 2026, month: 1 }))).toMatchObject({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(previousPeriod(period({ kind: 'RANGE', from: '2026-03-01', to: '2026-03-10' }))).toMatchObject({
      from: '2026-02-19',
      to: '2026-02-28',
    });
    expect(previousPeriod(period({ kind: 'YEAR', year: 2000 }))).toBeNull();
  });

  it('lists the months a period touches and keys quarters', () => {
    expect(monthsOf(period({ kind: 'RANGE', from: '2025-11-20', to: '2026-02-01' }))).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(quarterKey('2026-07-01')).toBe('2026-Q3');
  });
});

describe('statistics requests', () => {
  const year = { kind: 'YEAR', year: 2026 } as const;
  it('accepts a family grouped by its own dimensions', () => {
    expect(checkStatisticsRequest({ family: 'VISITS', groupBy: ['REGION', 'MONTH'], period: year }).ok).toBe(
      true,
    );
  });

  it('refuses a dimension the family lacks, an unknown one, too many, a filter that does not apply', () => {
    const field = (r: ReturnType<typeof checkStatisticsRequest>) => (r.ok ? null : r.field);
    expect(field(checkStatisticsRequest({ family: 'PLANS', groupBy: ['REGION'], period: year }))).toBe(
      'groupBy',
    );
    expect(
      field(checkStatisticsRequest({ family: 'VISITS', groupBy: ['COLOUR' as never], period: year })),
    ).toBe('groupBy');
    expect(
      field(checkStatisticsRequest({ family: 'VISITS', groupBy: ['REGION', 'MONTH', 'ITEM'], period: year })),
    ).toBe('groupBy');
    expect(
      field(checkStatisticsRequest({ family: 'VISITS', groupBy: ['REGION', 'REGION'], period: year })),
    ).toBe('groupBy');
    expect(
      field(
        checkStatisticsRequest({ family: 'PLANS', groupBy: [], period: year, filter: { region: '尹集镇' } }),
      ),
    ).toBe('region');
    expect(
      field(
        checkStatisticsRequest({
          family: 'VISITS',
          groupBy: [],
          period: year,
          filter: { riskClass: 'E' as never },
        }),
      ),
    ).toBe('riskClass');
    expect(
      field(checkStatisticsRequest({ family: 'VISITS', groupBy: [], period: { kind: 'YEAR', year: 3000 } })),
    ).toBe('year');
  });

  it('drops the filters a family cannot take', () => {
    expect(applicableFilter('PLANS', { departmentId: 'd', region: 'r' })).toEqual({ departmentId: 'd' });
    for (const dims of Object.values(FAMILY_DIMENSIONS)) expect(dims.length).toBeGreaterThan(0);
  });
});

describe('the list behind a number', () => {
  const y = period({ kind: 'YEAR', year: 2026 });
  it('narrows inspections to the figure, the row and the filters, a month row to its days', () => {
    expect(drillDown('published', y, { departmentId: 'd1' }, { MONTH: '2026-02', REGION: '尹集镇' })).toEqual(
      {
        resource: 'inspections',
        filter: {
          states: ['PUBLISHED'],
          drawnFrom: '2026-02-01',
          drawnTo: '2026-02-28',
          departmentId: 'd1',
          region: '尹集镇',
        },
      },
    );
    expect(drillDown('closed', y, {}, { ITEM: 'i1' })?.filter).toMatchObject({
      problem: true,
      closed: true,
      itemId: 'i1',
    });
    expect(drillDown('jointTasks', y, {}, { QUARTER: '2026-Q2' })).toEqual({
      resource: 'tasks',
      filter: { joint: true, windowFrom: '2026-04-01', windowTo: '2026-06-30' },
    });
    expect(drillDown('activeTargets', y, {}, { REGION: '尹集镇' })).toEqual({
      resource: 'targets',
      filter: { status: 'ACTIVE', region: '尹集镇' },
    });
  });

  it('has no list where the row contradicts the figure: ad hoc tasks of the row of plan tasks', () => {
    expect(drillDown('planTasks', y, {}, { ORIGIN: 'AD_HOC' })).toBeNull();
    expect(drillDown('ownTasks', y, {}, { JOINT: 'JOINT' })).toBeNull();
    expect(drillDown('ownTasks', y, {}, { JOINT: 'OWN' })?.filter).toMatchObject({ joint: false });
    expect(drillDown('tasksDone', y, {}, { ORIGIN: 'PLAN' })?.filter).toMatchObject({
      fromPlan: true,
      progress: 'DONE',
    });
  });

  it('has no list for a rate or a median, nor for a figure its row rules out', () => {
    expect(drillDown('completionRate', y, {})).toBeNull();
    expect(drillDown('jointVisits', y, {}, { JOINT: 'OWN' })).toBeNull();
    expect(drillDown('jointVisits', y, {}, { JOINT: 'JOINT' })?.filter).toMatchObject({ joint: true });
    expect(drillDown('assignmentsMedian', y, {})).toBeNull();
  });
});
