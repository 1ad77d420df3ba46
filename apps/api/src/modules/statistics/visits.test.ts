import { drillDown, resolvePeriod, type Period, type PeriodInput, type RowKeys } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../db/statements.js';
import { errorCode } from '../../test/harness.js';
import { buildFixture, J, K, Y, type Fixture } from './statistics.fixture.js';

const TABLE = `query($f: StatFamily!, $p: PeriodInput!, $g: [StatDimension!]!, $filter: StatisticsFilterInput) {
  statistics(family: $f, period: $p, groupBy: $g, filter: $filter) {
    figures period { from to } cutOff rows { keys labels values } total { keys values } } }`;
const LIST =
  'query($f: InspectionFilter) { inspections(filter: $f, page: { page: 1, perPage: 1 }) { total } }';
const YEAR: PeriodInput = { kind: 'YEAR', year: Y };

type Figures = Record<string, number | null>;
interface Table {
  total: Figures;
  rows: Map<string, Figures>;
  labels: Map<string, string[]>;
}

/** The counts of a VISITS row as written by hand: due, pendingEntry, inEntry, published, problem, closed, onTime, overdue, jointVisits, visitsSaved. */
const visits = (...n: number[]) => ({
  due: n[0],
  pendingEntry: n[1],
  inEntry: n[2],
  published: n[3],
  problem: n[4],
  closed: n[5],
  onTime: n[6],
  overdue: n[7],
  jointVisits: n[8],
  visitsSaved: n[9],
});

describe('the VISITS figures', () => {
  let f: Fixture;
  let atMay5: Figures;
  const statementsAt: number[] = [];

  async function table(
    family: string,
    groupBy: string[] = [],
    period: PeriodInput = YEAR,
    filter: Record<string, unknown> | null = null,
    token = f.tokens.admin,
  ): Promise<Table> {
    const data = await f.t.ok(TABLE, { f: family, p: period, g: groupBy, filter }, token);
    const { figures, rows, total } = data.statistics as {
      figures: string[];
      rows: { keys: string[]; labels: string[]; values: (number | null)[] }[];
      total: { values: (number | null)[] };
    };
    const named = (values: (number | null)[]) =>
      Object.fromEntries(figures.map((code, i) => [code, values[i]!]));
    return {
      total: named(total.values),
      rows: new Map(rows.map((r) => [r.keys.join('|'), named(r.values)])),
      labels: new Map(rows.map((r) => [r.keys.join('|'), r.labels])),
    };
  }

  const costOf = async () => {
    const signedIn = await countStatements(f.t.app.orm, () => f.t.ok('{ me { id } }', {}, f.tokens.admin));
    const { statements } = await countStatements(f.t.app.orm, () => table('VISITS', ['ITEM', 'DEPARTMENT']));
    return statements.length - signedIn.statements.length;
  };

  beforeAll(async () => {
    f = await buildFixture({
      afterFirstDraws: async (fixture) => {
        f = fixture;
        statementsAt.push(await costOf());
      },
      atMay5: async () => {
        atMay5 = (await table('VISITS')).total;
      },
    });
    statementsAt.push(await costOf());
  }, 600_000);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => f?.t.close());

  it('counts every figure of the year as worked out by hand, rates from their counts', async () => {
    const { total } = await table('VISITS');
    expect(total).toMatchObject(visits(16, 8, 2, 6, 3, 2, 5, 10, 3, 7));
    expect(total.completionRate).toBeCloseTo(6 / 16);
    expect(total.problemRate).toBeCloseTo(3 / 6);
    expect(total.closureRate).toBeCloseTo(2 / 3);
    expect(total.onTimeRate).toBeCloseTo(5 / 6);
    expect(total.jointVisitShare).toBeCloseTo(3 / 16);
  });

  it('counts states and deadlines as of the request: on 5 May four results were overdue', () => {
    // V2 (published only on 15 June), V6 (rejected), W3 (not entered), W4 (awaiting review), all of
    // tasks that ended on 31 March; the visits drawn later did not exist yet.
    expect(atMay5).toMatchObject(visits(7, 1, 3, 3, 2, 0, 3, 4, 0, 4));
  });

  it('counts a joint visit under each of its departments, and once in the 合计 row', async () => {
    const { rows, total, labels } = await table('VISITS', ['DEPARTMENT']);
    const { bureau, market } = f.departments;
    expect(rows.get(bureau)).toMatchObject(visits(13, 5, 2, 6, 3, 2, 5, 7, 3, 7));
    expect(rows.get(market)).toMatchObject(visits(6, 4, 0, 2, 1, 1, 2, 4, 3, 3));
    expect(rows.size).toBe(2);
    expect(total.due).toBe(16);
    expect(labels.get(market)).toEqual(['舞钢市市场监督管理局']);
    const joint = await table('VISITS', ['DEPARTMENT', 'JOINT']);
    expect(Object.fromEntries([...joint.rows].map(([key, row]) => [key, row.due]))).toEqual({
      [`${bureau}|JOINT`]: 3,
      [`${bureau}|OWN`]: 10,
      [`${market}|JOINT`]: 3,
      [`${market}|OWN`]: 3,
    });
  });

  it("counts a visit under each item it covers, a problem and its closure by the item's own result", async () => {
    const { rows, total } = await table('VISITS', ['ITEM']);
    const { L, M, P, S, Q, MK, MK2 } = f.items;
    expect(rows.get(L)).toMatchObject(visits(4, 0, 1, 3, 2, 2, 2, 1, 0, 4));
    expect(rows.get(M)).toMatchObject(visits(4, 0, 1, 3, 1, 0, 2, 1, 0, 4));
    expect(rows.get(P)).toMatchObject(visits(3, 1, 1, 1, 0, 0, 1, 2, 0, 0));
    expect(rows.get(MK)).toMatchObject(visits(3, 1, 0, 2, 1, 1, 2, 1, 3, 3));
    expect(rows.get(MK2)).toMatchObject(visits(3, 3, 0, 0, 0, 0, 0, 3, 0, 0));
    expect(rows.get(S)).toMatchObject(visits(2, 2, 0, 0, 0, 0, 0, 2, 0, 0));
    expect(rows.get(Q)).toMatchObject(visits(1, 1, 0, 0, 0, 0, 0, 1, 0, 0));
    expect(rows.size).toBe(7);
    expect(total).toMatchObject(visits(16, 8, 2, 6, 3, 2, 5, 10, 3, 7));
    const one = await table('VISITS', [], YEAR, { itemId: L });
    expect(one.total).toMatchObject(visits(4, 0, 1, 3, 2, 2, 2, 1, 0, 4));
  });

  it('groups by the target as it was drawn: town, kind, and the risk class before a result raised it', async () => {
    const byRegion = await table('VISITS', ['REGION']);
    expect(byRegion.rows.get(J)).toMatchObject({ due: 5, published: 3 });
    expect(byRegion.rows.get(K)).toMatchObject({ due: 11, published: 3 });
    expect(byRegion.rows.size).toBe(2);
    const byKind = await table('VISITS', ['TARGET_KIND']);
    expect(Object.fromEntries([...byKind.rows].map(([k, r]) => [k, r.due]))).toEqual({
      ENTERPRISE: 11,
      UNIT: 4,
      PROJECT: 1,
    });
    // T4 was B when drawn in March and April, C in May (UNREACHABLE published), D in June (FALSIFIED).
    const byClass = await table('VISITS', ['RISK_CLASS']);
    expect(Object.fromEntries([...byClass.rows].map(([k, r]) => [k, r.due]))).toEqual({
      A: 4,
      B: 5,
      C: 5,
      D: 2,
    });
    const filtered = await table('VISITS', [], YEAR, { region: K, riskClass: 'C' });
    expect(filtered.total).toMatchObject({ due: 4, published: 1, problem: 1, jointVisits: 2 });
  });

  it('counts a published result under each category and follow-up among its items, each visit once', async () => {
    const byCategory = await table('VISITS', ['CATEGORY']);
    expect(Object.fromEntries([...byCategory.rows].map(([k, r]) => [k, [r.published, r.problem]]))).toEqual({
      NO_PROBLEM: [4, 1],
      PROBLEM_CORRECTED: [1, 1],
      UNREACHABLE: [1, 1],
      PROBLEM_PENDING: [1, 1],
      FALSIFIED: [1, 1],
    });
    const byFollowUp = await table('VISITS', ['FOLLOW_UP']);
    expect(Object.fromEntries([...byFollowUp.rows].map(([k, r]) => [k, r.published]))).toEqual({
      NONE: 4,
      ORDERED_TO_CORRECT: 1,
      CASE_FILED: 1,
      TRANSFERRED: 1,
    });
    const both = await table('VISITS', ['CATEGORY', 'FOLLOW_UP']);
    expect(both.rows.get('NO_PROBLEM|NONE')?.published).toBe(4);
    expect(both.rows.get('UNREACHABLE|CASE_FILED')?.published).toBe(1);
    expect(byCategory.total.published).toBe(6);
  });

  it('dates a draw by the day in Beijing: 17:00 UTC on 31 March is 1 April, in the second quarter', async () => {
    const byMonth = await table('VISITS', ['MONTH']);
    expect(byMonth.rows.size).toBe(12);
    expect(byMonth.rows.get(`${Y}-03`)?.due).toBe(3);
    expect(byMonth.rows.get(`${Y}-04`)?.due).toBe(4);
    expect(byMonth.rows.get(`${Y}-01`)?.due).toBe(0);
    const byQuarter = await table('VISITS', ['QUARTER']);
    expect(Object.fromEntries([...byQuarter.rows].map(([k, r]) => [k, r.due]))).toEqual({
      [`${Y}-Q1`]: 3,
      [`${Y}-Q2`]: 10,
      [`${Y}-Q3`]: 3,
    });
    const due = async (period: PeriodInput) => (await table('VISITS', [], period)).total.due;
    expect(await due({ kind: 'QUARTER', year: Y, quarter: 1 })).toBe(3);
    expect(await due({ kind: 'QUARTER', year: Y, quarter: 2 })).toBe(10);
    expect(await due({ kind: 'MONTH', year: Y, month: 3 })).toBe(3);
    expect(await due({ kind: 'RANGE', from: `${Y}-03-31`, to: `${Y}-03-31` })).toBe(3);
    expect(await due({ kind: 'RANGE', from: `${Y}-04-01`, to: `${Y}-04-01` })).toBe(4);
    expect(await due({ kind: 'YEAR', year: Y - 1 })).toBe(0);
  });

  it("shows a department's manager its own tasks and the joint ones, never another's own", async () => {
    const bureau = await table('VISITS', [], YEAR, null, f.tokens.manager);
    expect(bureau.total).toMatchObject(visits(13, 5, 2, 6, 3, 2, 5, 7, 3, 7));
    const market = await table('VISITS', ['ITEM'], YEAR, null, f.tokens.marketManager);
    expect(market.total).toMatchObject(visits(6, 4, 0, 2, 1, 1, 2, 4, 3, 3));
    expect([...market.rows.keys()].sort()).toEqual([f.items.MK, f.items.MK2].sort());
    // The coordinators see the same as their managers; the inspection list agrees.
    expect((await table('VISITS', [], YEAR, null, f.tokens.coordinator2)).total.due).toBe(6);
    expect((await f.t.ok(LIST, { f: {} }, f.tokens.marketManager)).inspections.total).toBe(6);
    expect((await f.t.ok(LIST, { f: {} }, f.tokens.manager)).inspections.total).toBe(13);
    // Asking for the other department's figures is refused; an inspector sees none.
    const other = await f.t.gql(
      TABLE,
      { f: 'VISITS', p: YEAR, g: [], filter: { departmentId: f.departments.bureau } },
      f.tokens.marketManager,
    );
    expect(errorCode(other)).toBe('FORBIDDEN');
    expect(other.errors?.[0]?.message).toContain('your own department');
    expect(errorCode(await f.t.gql(TABLE, { f: 'VISITS', p: YEAR, g: [] }, f.tokens.inspector))).toBe(
      'FORBIDDEN',
    );
    // The administrator narrows to one department, a unit standing for its department.
    const ownDepartment = await table('VISITS', [], YEAR, { departmentId: f.departments.market });
    expect(ownDepartment.total.due).toBe(6);
  });

  it('refuses bad requests, saying what is wrong', async () => {
    const bad = async (variables: Record<string, unknown>) => {
      const result = await f.t.gql(TABLE, { f: 'VISITS', p: YEAR, g: [], ...variables }, f.tokens.admin);
      return { code: errorCode(result), message: result.errors?.[0]?.message ?? '' };
    };
    expect(await bad({ g: ['COLOUR'] })).toMatchObject({ message: expect.stringContaining('COLOUR') });
    expect(await bad({ g: ['TARGET_STATUS'] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('VISITS cannot be grouped by TARGET_STATUS'),
    });
    expect(await bad({ p: { kind: 'RANGE', from: `${Y}-05-02`, to: `${Y}-05-01` } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('before it starts'),
    });
    expect(await bad({ p: { kind: 'YEAR', year: 1990 } })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await bad({ p: { kind: 'QUARTER', year: Y, quarter: 5 } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('give 1 to 4'),
    });
    expect(await bad({ filter: { departmentId: 'no-such-department' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('does not exist'),
    });
    const list = await f.t.gql(
      LIST,
      { f: { drawnFrom: `${Y}-05-02`, drawnTo: `${Y}-05-01` } },
      f.tokens.admin,
    );
    expect(list.errors?.[0]?.message).toContain('before it starts');
  });

  it('lists behind each number exactly the visits it counts', async () => {
    const period = (input: PeriodInput): Period => {
      const r = resolvePeriod(input);
      if (!r.ok) throw new Error(r.message.en);
      return r.period;
    };
    const cases: [string[], Record<string, string>, string][] = [
      [[], {}, f.tokens.admin],
      [['DEPARTMENT'], {}, f.tokens.admin],
      [['ITEM'], {}, f.tokens.admin],
      [['REGION', 'RISK_CLASS'], {}, f.tokens.admin],
      [['MONTH'], {}, f.tokens.admin],
      [['CATEGORY'], {}, f.tokens.admin],
      [['FOLLOW_UP', 'JOINT'], {}, f.tokens.admin],
      [['QUARTER'], { itemId: f.items.L }, f.tokens.admin],
      [['ITEM'], {}, f.tokens.marketManager],
      [['REGION'], {}, f.tokens.manager],
    ];
    let compared = 0;
    for (const [groupBy, filter, token] of cases) {
      const p = period(YEAR);
      const data = await table('VISITS', groupBy, YEAR, filter, token);
      const entries: [RowKeys, Figures][] = [
        [{}, data.total],
        ...[...data.rows].map(([key, row]): [RowKeys, Figures] => [
          Object.fromEntries(key.split('|').map((k, i) => [groupBy[i]!, k])),
          row,
        ]),
      ];
      for (const [keys, row] of entries)
        for (const [code, value] of Object.entries(row)) {
          const behind = drillDown(code, p, filter, keys);
          if (!behind || behind.resource !== 'inspections') continue;
          const listed = (await f.t.ok(LIST, { f: behind.filter }, token)).inspections.total;
          expect(listed, JSON.stringify({ groupBy, keys, code })).toBe(value);
          compared++;
        }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('costs the same few statements however much it counts', () => {
    expect(statementsAt).toHaveLength(2);
    expect(statementsAt[0]).toBe(statementsAt[1]);
    // The table's two counts, the department and item names, the check of the request.
    expect(statementsAt[1]).toBeLessThanOrEqual(6);
  });
});
