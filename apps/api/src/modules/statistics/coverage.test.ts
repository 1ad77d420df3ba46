import { drillDown, resolvePeriod, type PeriodInput } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../db/statements.js';
import { buildFixture, J, K, Y, type Fixture } from './statistics.fixture.js';

const TABLE = `query($f: StatFamily!, $p: PeriodInput!, $g: [StatDimension!]!, $filter: StatisticsFilterInput) {
  statistics(family: $f, period: $p, groupBy: $g, filter: $filter) { figures rows { keys values } total { values } } }`;
const SUMMARY = `query($p: PeriodInput!, $filter: StatisticsFilterInput) {
  statisticsSummary(period: $p, filter: $filter) { period { from to } previousPeriod { from to } kpis { figure value numerator denominator previous } } }`;
const LIST =
  'query($f: InspectionFilter) { inspections(filter: $f, page: { page: 1, perPage: 1 }) { total } }';
const YEAR: PeriodInput = { kind: 'YEAR', year: Y };

type Figures = Record<string, number | null>;

describe('coverage, burden and ratios', () => {
  let f: Fixture;
  const statementsAt: number[][] = [];

  async function table(
    family: string,
    groupBy: string[] = [],
    filter: Record<string, unknown> | null = null,
    period: PeriodInput = YEAR,
    token = f.tokens.admin,
  ): Promise<{ total: Figures; rows: Map<string, Figures> }> {
    const data = await f.t.ok(TABLE, { f: family, p: period, g: groupBy, filter }, token);
    const { figures, rows, total } = data.statistics as {
      figures: string[];
      rows: { keys: string[]; values: (number | null)[] }[];
      total: { values: (number | null)[] };
    };
    const named = (values: (number | null)[]) =>
      Object.fromEntries(figures.map((code, i) => [code, values[i]!]));
    return {
      total: named(total.values),
      rows: new Map(rows.map((r) => [r.keys.join('|'), named(r.values)])),
    };
  }
  /** Figures of some rows (by key), picked. */
  const pick = (rows: Map<string, Figures>, codes: string[]) =>
    Object.fromEntries([...rows].map(([key, row]) => [key, codes.map((c) => row[c])]));

  const cost = async () => {
    const signedIn = await countStatements(f.t.app.orm, () => f.t.ok('{ me { id } }', {}, f.tokens.admin));
    const out: number[] = [];
    for (const [family, groupBy] of [
      ['COVERAGE', ['ITEM', 'REGION']],
      ['BURDEN', ['REGION']],
      ['RATIOS', ['DEPARTMENT']],
    ] as const) {
      const { statements } = await countStatements(f.t.app.orm, () => table(family, [...groupBy]));
      out.push(statements.length - signedIn.statements.length);
    }
    return out;
  };

  beforeAll(async () => {
    f = await buildFixture({
      atMay5: async (fixture) => {
        f = fixture;
        statementsAt.push(await cost());
      },
    });
    statementsAt.push(await cost());
  }, 600_000);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => f?.t.close());

  describe('覆盖率', () => {
    it('counts the distinct targets with a result entered, over the active targets of the registry', async () => {
      // 甲镇: T1 (V1) and T2 (V2, X2) of T1, T2, T3 (T7 is deregistered).
      expect((await table('COVERAGE', [], { region: J })).total).toEqual({
        inspectedTargets: 2,
        activeTargets: 3,
        coverageRate: 2 / 3,
      });
      // 乙镇: T4 (W4, V4, X4), T5 (W5), T6 (V6, rejected but entered); active: T4, T5, T8 (T6 suspended).
      expect((await table('COVERAGE', [], { region: K })).total).toEqual({
        inspectedTargets: 3,
        activeTargets: 3,
        coverageRate: 1,
      });
      const byRegion = await table('COVERAGE', ['REGION']);
      expect(byRegion.rows.get(J)).toMatchObject({ inspectedTargets: 2, activeTargets: 3 });
      expect(byRegion.rows.get(K)).toMatchObject({ inspectedTargets: 3, activeTargets: 3 });
      expect(byRegion.total.inspectedTargets).toBe(5);
    });

    it('counts a target again in each month or quarter it was inspected, once in the 合计 row', async () => {
      const byMonth = await table('COVERAGE', ['MONTH'], { region: K });
      expect(byMonth.rows.size).toBe(12);
      expect(byMonth.rows.get(`${Y}-03`)).toMatchObject({ inspectedTargets: 2, activeTargets: 3 });
      expect(byMonth.rows.get(`${Y}-04`)).toMatchObject({ inspectedTargets: 2, activeTargets: 3 });
      expect(byMonth.rows.get(`${Y}-05`)).toMatchObject({ inspectedTargets: 1, activeTargets: 3 });
      expect(byMonth.rows.get(`${Y}-06`)).toMatchObject({ inspectedTargets: 0, activeTargets: 3 });
      expect(byMonth.total.inspectedTargets).toBe(3);
      const byQuarter = await table('COVERAGE', ['QUARTER'], { region: K });
      expect(pick(byQuarter.rows, ['inspectedTargets'])).toEqual({
        [`${Y}-Q1`]: [2],
        [`${Y}-Q2`]: [2],
        [`${Y}-Q3`]: [0],
        [`${Y}-Q4`]: [0],
      });
      // A range starting 1 April counts T4 (first entered there on 31 March) by its April visit.
      const spring = { kind: 'RANGE', from: `${Y}-04-01`, to: `${Y}-12-31` } as const;
      expect((await table('COVERAGE', [], { region: K }, spring)).total.inspectedTargets).toBe(2);
      const lastOfMarch = { kind: 'RANGE', from: `${Y}-03-31`, to: `${Y}-03-31` } as const;
      expect((await table('COVERAGE', [], { region: K }, lastOfMarch)).total.inspectedTargets).toBe(2);
    });

    it("counts an item's targets over the active targets of its type", async () => {
      const byItem = await table('COVERAGE', ['ITEM'], { region: J });
      expect(pick(byItem.rows, ['inspectedTargets', 'activeTargets'])).toEqual({
        [f.items.L]: [2, 2],
        [f.items.M]: [2, 2],
        [f.items.MK]: [1, 2],
      });
      expect(byItem.total).toMatchObject({ inspectedTargets: 2, activeTargets: 3 });
      expect((await table('COVERAGE', [], { region: K, itemId: f.items.P })).total).toMatchObject({
        inspectedTargets: 2,
        activeTargets: 2,
      });
    });

    it('groups a target by its class when first inspected, the registry by its class now', async () => {
      expect(
        pick((await table('COVERAGE', ['RISK_CLASS'], { region: J })).rows, [
          'inspectedTargets',
          'activeTargets',
        ]),
      ).toEqual({
        A: [1, 1],
        B: [1, 1],
        C: [0, 1],
      });
      // T4 was B when first inspected (W4) and is D now; T5 D; T6 C (suspended); T8 A, not inspected.
      expect(
        pick((await table('COVERAGE', ['RISK_CLASS'], { region: K })).rows, [
          'inspectedTargets',
          'activeTargets',
        ]),
      ).toEqual({
        A: [0, 1],
        B: [1, 0],
        C: [1, 0],
        D: [1, 2],
      });
    });

    it("counts for a department's manager the targets of its own and joint tasks", async () => {
      const market = await table('COVERAGE', [], { region: K }, YEAR, f.tokens.marketManager);
      expect(market.total).toMatchObject({ inspectedTargets: 1, activeTargets: 3 });
      const bureau = await table('COVERAGE', [], { region: K }, YEAR, f.tokens.manager);
      expect(bureau.total).toMatchObject({ inspectedTargets: 3, activeTargets: 3 });
      const adminMarket = await table('COVERAGE', [], { region: J, departmentId: f.departments.market });
      expect(adminMarket.total).toMatchObject({ inspectedTargets: 1, activeTargets: 3 });
      const { bureau: b, market: m } = f.departments;
      const byDepartment = await table('COVERAGE', ['DEPARTMENT'], { region: K });
      expect(pick(byDepartment.rows, ['inspectedTargets', 'activeTargets'])).toEqual({
        [b]: [3, 3],
        [m]: [1, 3],
      });
      expect(byDepartment.total.inspectedTargets).toBe(3);
    });
  });

  describe('扰民', () => {
    it('finds T8 visited twice for one item and T2, T4, T6 visited by both bureaus’ own tasks in the second quarter', async () => {
      expect((await table('BURDEN')).total).toEqual({ repeatSameItem: 1, multiDepartmentQuarter: 3 });
      expect(
        pick((await table('BURDEN', ['REGION'])).rows, ['repeatSameItem', 'multiDepartmentQuarter']),
      ).toEqual({
        [J]: [0, 1],
        [K]: [1, 2],
      });
      expect(
        pick((await table('BURDEN', ['ITEM'])).rows, ['repeatSameItem', 'multiDepartmentQuarter']),
      ).toEqual({
        [f.items.S]: [1, 0],
        [f.items.L]: [0, 3],
        [f.items.M]: [0, 3],
        [f.items.MK2]: [0, 3],
      });
      // T4 was B when the bureau drew it in April, D when the market bureau did in June.
      expect(
        pick((await table('BURDEN', ['RISK_CLASS'])).rows, ['repeatSameItem', 'multiDepartmentQuarter']),
      ).toEqual({
        A: [1, 0],
        B: [0, 2],
        C: [0, 1],
        D: [0, 1],
      });
      expect((await table('BURDEN', [], { itemId: f.items.S })).total).toEqual({
        repeatSameItem: 1,
        multiDepartmentQuarter: 0,
      });
    });

    it('takes quarters by the day in Beijing and the department’s own visits', async () => {
      const quarter = (q: number) => table('BURDEN', [], null, { kind: 'QUARTER', year: Y, quarter: q });
      expect((await quarter(1)).total).toEqual({ repeatSameItem: 0, multiDepartmentQuarter: 0 });
      expect((await quarter(2)).total).toEqual({ repeatSameItem: 0, multiDepartmentQuarter: 3 });
      expect((await quarter(3)).total).toEqual({ repeatSameItem: 1, multiDepartmentQuarter: 0 });
      expect((await table('BURDEN', [], null, YEAR, f.tokens.manager)).total).toEqual({
        repeatSameItem: 1,
        multiDepartmentQuarter: 3,
      });
      expect((await table('BURDEN', [], null, YEAR, f.tokens.marketManager)).total).toEqual({
        repeatSameItem: 0,
        multiDepartmentQuarter: 3,
      });
    });
  });

  describe('比例达成', () => {
    it("sets each item's visits against the targets it was open for, and flags the draw that fell short", async () => {
      const byItem = await table('RATIOS', ['ITEM']);
      const { L, M, P, S, Q, MK, MK2 } = f.items;
      expect(pick(byItem.rows, ['pool', 'drawn', 'minimumRatio', 'belowMinimum'])).toEqual({
        [L]: [4, 4, 0.1, 0],
        [M]: [4, 4, 0.1, 0],
        [P]: [3, 3, 0.1, 0],
        [MK]: [3, 3, 0.05, 0],
        [MK2]: [3, 3, 0.05, 0],
        // The third survey draw found T8 already inspected for S: 0 of 1.
        [S]: [3, 2, 0.3, 1],
        [Q]: [1, 1, 0.5, 0],
      });
      expect(byItem.rows.get(S)?.attainedRatio).toBeCloseTo(2 / 3);
      expect(byItem.total).toEqual({
        pool: 16,
        drawn: 16,
        attainedRatio: 1,
        minimumRatio: null,
        belowMinimum: 1,
      });
      expect((await table('RATIOS', [], { itemId: S })).total).toMatchObject({
        pool: 3,
        drawn: 2,
        minimumRatio: 0.3,
      });
    });

    it('counts a department’s draws, joint ones for each, in the period and the scope', async () => {
      const { bureau, market } = f.departments;
      expect(pick((await table('RATIOS', ['DEPARTMENT'])).rows, ['pool', 'drawn', 'belowMinimum'])).toEqual({
        [bureau]: [13, 13, 1],
        [market]: [6, 6, 0],
      });
      const both = await table('RATIOS', ['DEPARTMENT', 'ITEM']);
      expect(both.rows.get(`${bureau}|${f.items.MK}`)).toMatchObject({ pool: 3, drawn: 3 });
      expect(both.rows.get(`${market}|${f.items.MK}`)).toMatchObject({ pool: 3, drawn: 3 });
      expect(both.rows.get(`${market}|${f.items.L}`)).toBeUndefined();
      expect((await table('RATIOS', [], null, YEAR, f.tokens.marketManager)).total).toMatchObject({
        pool: 6,
        drawn: 6,
        belowMinimum: 0,
      });
      const quarter = (q: number) => table('RATIOS', [], null, { kind: 'QUARTER', year: Y, quarter: q });
      expect((await quarter(1)).total).toMatchObject({ pool: 3, drawn: 3 });
      expect((await quarter(2)).total).toMatchObject({ pool: 10, drawn: 10 });
      expect((await quarter(3)).total).toMatchObject({ pool: 3, drawn: 3, belowMinimum: 1 });
    });

    it('lists behind 抽查户数 the visits it counts', async () => {
      const period = resolvePeriod(YEAR);
      if (!period.ok) throw new Error(period.message.en);
      for (const groupBy of [['ITEM'], ['DEPARTMENT']]) {
        const { rows } = await table('RATIOS', groupBy);
        for (const [key, row] of rows) {
          const behind = drillDown('drawn', period.period, {}, { [groupBy[0]!]: key });
          expect(behind?.resource).toBe('inspections');
          const listed = (await f.t.ok(LIST, { f: behind!.filter }, f.tokens.admin)).inspections.total;
          expect(listed, key).toBe(row.drawn);
        }
      }
    });
  });

  it('puts the cards beside the previous period', async () => {
    const { statisticsSummary } = await f.t.ok(SUMMARY, { p: YEAR, filter: { region: K } }, f.tokens.admin);
    expect(statisticsSummary.previousPeriod).toEqual({ from: `${Y - 1}-01-01`, to: `${Y - 1}-12-31` });
    const kpis = Object.fromEntries(
      (
        statisticsSummary.kpis as {
          figure: string;
          value: number | null;
          numerator: number | null;
          denominator: number | null;
          previous: number | null;
        }[]
      ).map((k) => [k.figure, [k.value, k.numerator, k.denominator, k.previous]]),
    );
    expect(kpis).toEqual({
      due: [11, null, null, 0],
      published: [3, null, null, 0],
      completionRate: [3 / 11, 3, 11, null],
      coverageRate: [1, 3, 3, 0],
      problemRate: [2 / 3, 2, 3, null],
      jointVisitShare: [2 / 11, 2, 11, null],
      onTimeRate: [1, 3, 3, null],
      closureRate: [1 / 2, 1, 2, null],
    });
  });

  it('costs the same few statements however much it counts', () => {
    expect(statementsAt).toHaveLength(2);
    expect(statementsAt[0]).toEqual(statementsAt[1]);
    for (const n of statementsAt[1]!) expect(n).toBeLessThanOrEqual(8);
  });
});
