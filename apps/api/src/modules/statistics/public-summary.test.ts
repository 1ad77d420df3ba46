import { PUBLIC_FIGURES, PUBLIC_STATISTICS_YEARS, YEAR_MIN } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../db/statements.js';
import { errorCode } from '../../test/harness.js';
import { buildFixture, Y, type Fixture } from './statistics.fixture.js';

const FIGURES = 'drawn published problems problemRate onTime onTimeRate';
const PUBLIC = `query($filter: PublicStatisticsFilter) { publicStatistics(filter: $filter) {
  fromYear toYear cutOff rows { departmentId departmentName year ${FIGURES} } total { ${FIGURES} } } }`;
const TABLE = `query($p: PeriodInput!, $g: [StatDimension!]!, $filter: StatisticsFilterInput) {
  statistics(family: VISITS, period: $p, groupBy: $g, filter: $filter) { figures rows { keys values } total { values } } }`;

type Figures = Record<string, number | null>;
interface Row {
  [figure: string]: string | number | null;
  departmentId: string;
  departmentName: string;
  year: number;
}
interface Summary {
  fromYear: number;
  toYear: number;
  cutOff: string;
  rows: Row[];
  total: Figures;
}

/** The public field of each figure of the domain's `PUBLIC_FIGURES`. */
const FIELD: Record<(typeof PUBLIC_FIGURES)[number], string> = {
  due: 'drawn',
  published: 'published',
  problem: 'problems',
  problemRate: 'problemRate',
  onTime: 'onTime',
  onTimeRate: 'onTimeRate',
};

/** drawn, published, problems, problemRate, onTime, onTimeRate. */
const figures = (drawn: number, published: number, problems: number, onTime: number) => ({
  drawn,
  published,
  problems,
  problemRate: published ? problems / published : null,
  onTime,
  onTimeRate: published ? onTime / published : null,
});

describe('the public statistics (一公开)', () => {
  let f: Fixture;
  const statementsAt: number[][] = [];

  /** Read by the public: no token. */
  const summary = async (filter: Record<string, unknown> | null = null): Promise<Summary> =>
    (await f.t.ok(PUBLIC, { filter })).publicStatistics as Summary;

  /** The signed-in table of VISITS by department, as an administrator reads it. */
  async function signedIn(filter: Record<string, unknown> | null = null) {
    const data = await f.t.ok(
      TABLE,
      { p: { kind: 'YEAR', year: Y }, g: ['DEPARTMENT'], filter },
      f.tokens.admin,
    );
    const {
      figures: codes,
      rows,
      total,
    } = data.statistics as {
      figures: string[];
      rows: { keys: string[]; values: (number | null)[] }[];
      total: { values: (number | null)[] };
    };
    const named = (values: (number | null)[]): Figures =>
      Object.fromEntries(PUBLIC_FIGURES.map((code) => [FIELD[code], values[codes.indexOf(code)] ?? null]));
    return { rows: new Map(rows.map((r) => [r.keys[0]!, named(r.values)])), total: named(total.values) };
  }

  /** The statements of the public summary, for each filter: unfiltered, a year, a department. */
  const costOf = async () => {
    const counts: number[] = [];
    for (const filter of [null, { year: Y }, { departmentId: f.departments.market }]) {
      const { statements } = await countStatements(f.t.app.orm, () => summary(filter));
      counts.push(statements.length);
    }
    return counts;
  };

  beforeAll(async () => {
    f = await buildFixture({
      afterFirstDraws: async (fixture) => {
        f = fixture;
        statementsAt.push(await costOf());
      },
    });
    statementsAt.push(await costOf());
  }, 600_000);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => f?.t.close());

  it('lets anyone read visits drawn, results published and problems by department and year', async () => {
    const data = await summary({ year: Y });
    const { bureau, market } = f.departments;
    expect(data).toMatchObject({ fromYear: Y, toYear: Y });
    expect(new Date(data.cutOff).toISOString()).toBe(`${Y}-12-01T04:00:00.000Z`);
    expect(data.rows).toEqual([
      {
        departmentId: market,
        departmentName: '舞钢市市场监督管理局',
        year: Y,
        ...figures(6, 2, 1, 2),
      },
      { departmentId: bureau, departmentName: expect.any(String), year: Y, ...figures(13, 6, 3, 5) },
    ]);
    // Counts only: no visit, target or person of the fixture is named.
    const text = JSON.stringify(data);
    for (const id of [...Object.values(f.visits), ...Object.values(f.targets)])
      expect(text).not.toContain(id);
  });

  it('counts a joint visit under each department taking part, and once in the 合计 row', async () => {
    const { rows, total } = await summary({ year: Y });
    // The joint task's three visits count for both departments: 13 + 6 rows, 16 visits.
    expect(rows.reduce((sum, r) => sum + Number(r.drawn), 0)).toBe(19);
    expect(total).toEqual(figures(16, 6, 3, 5));
  });

  it('gives the same figures as the signed-in statistics for the same department and year', async () => {
    const table = await signedIn();
    const { rows, total } = await summary({ year: Y });
    expect(rows).toHaveLength(table.rows.size);
    const own = (r: Readonly<Record<string, unknown>>) =>
      Object.fromEntries(Object.values(FIELD).map((field) => [field, r[field]]));
    for (const row of rows) expect(own(row), row.departmentId).toEqual(table.rows.get(row.departmentId));
    expect(total).toEqual(table.total);
    for (const departmentId of [f.departments.bureau, f.departments.market]) {
      const one = await summary({ year: Y, departmentId });
      const theirs = await signedIn({ departmentId });
      expect(one.rows.map((r) => r.departmentId)).toEqual([departmentId]);
      expect(one.total).toEqual(theirs.total);
      expect(one.total).toEqual(table.rows.get(departmentId));
    }
  });

  it('rolls a sub-unit up into its department', async () => {
    const units = (
      await f.t.ok('query($p: ID!) { departments(filter: { parentId: $p }) { items { id } } }', {
        p: f.departments.bureau,
      })
    ).departments.items as { id: string }[];
    expect(units.length).toBeGreaterThan(0);
    const unit = await summary({ year: Y, departmentId: units[0]!.id });
    expect(unit.rows.map((r) => r.departmentId)).toEqual([f.departments.bureau]);
    expect(unit.total).toEqual(figures(13, 6, 3, 5));
  });

  it(`covers the latest ${PUBLIC_STATISTICS_YEARS} years without a year, and a year without visits as nothing`, async () => {
    const latest = await summary();
    expect(latest).toMatchObject({ fromYear: Y - PUBLIC_STATISTICS_YEARS + 1, toYear: Y });
    expect(latest.rows.map((r) => r.year)).toEqual([Y, Y]);
    expect(latest.total).toEqual(figures(16, 6, 3, 5));
    const before = await summary({ year: Y - 1 });
    expect(before.rows).toEqual([]);
    expect(before.total).toEqual(figures(0, 0, 0, 0));
  });

  it('refuses a bad filter, saying what is wrong', async () => {
    const bad = async (filter: Record<string, unknown>) => {
      const result = await f.t.gql(PUBLIC, { filter });
      return { code: errorCode(result), message: result.errors?.[0]?.message ?? '' };
    };
    expect(await bad({ year: YEAR_MIN - 1 })).toEqual({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining(`give a year from ${YEAR_MIN} to ${Y}`),
    });
    expect(await bad({ year: Y + 1 })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await bad({ departmentId: 'no-such-department' })).toEqual({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('does not exist'),
    });
    expect(await bad({ departmentId: 'x'.repeat(37) })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('costs the same few statements however much it counts', () => {
    expect(statementsAt).toHaveLength(2);
    expect(statementsAt[0]).toEqual(statementsAt[1]);
    // The two counts and the departments' names; with a department, its check and its roll-up.
    expect(statementsAt[1]).toEqual([3, 3, 5]);
  });
});
