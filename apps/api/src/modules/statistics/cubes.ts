/**
 * The summary tables (cubes, see `cube.entity.ts`) and how they are kept exact: each cube counts the rows
 * of one fact table by the columns the figures read. `refreshVisitFacts` takes the changed visits' rows
 * out of every cube (a negative count per group), recomputes their facts, puts them back (a positive
 * count), and deletes the groups left at 0 — all in the transaction of the change, so a result published
 * is counted by the next request. Refreshes run one at a time (under the write lock), so no two
 * transactions move the same groups at once.
 *
 * A cube only reads fact columns that `refreshVisitFacts` alone writes (the visit's state as counted, not
 * its live state), so what is taken out is exactly what was put in.
 */
import type { Clause } from '../../db/query.js';

interface Cube {
  readonly table: string;
  /** The fact table, aliased `s`. */
  readonly source: string;
  /** The fact rows a cube counts. */
  readonly counted: string;
  /** Column of the cube → its SQL over the fact row. */
  readonly keys: Readonly<Record<string, string>>;
  /** Column of the cube → the fact row's value summed (besides `n`, the rows). */
  readonly sums: Readonly<Record<string, string>>;
}

/** Published within the deadline; null without a day published or a deadline, as the fact tables compare. */
const onTime = '(s.published_on <= s.deadline)';

export const CUBES: readonly Cube[] = [
  {
    table: 'visit_cube',
    source: 'inspection s',
    counted: 's.drawn_on is not null and s.counted_state is not null',
    keys: {
      task_id: 's.task_id',
      drawn_on: 's.drawn_on',
      region: 's.region',
      target_kind: 's.target_kind',
      risk_class: 's.risk_class',
      joint: 's.joint',
      state: 's.counted_state',
      problem: 's.problem',
      closed: 's.closed',
      on_time: onTime,
      deadline: 's.deadline',
    },
    sums: { saved: 's.saved' },
  },
  {
    table: 'visit_item_cube',
    source: 'visit_item s',
    counted: 's.drawn_on is not null',
    keys: {
      task_id: 's.task_id',
      item_id: 's.item_id',
      drawn_on: 's.drawn_on',
      region: 's.region',
      target_kind: 's.target_kind',
      risk_class: 's.risk_class',
      joint: 's.joint',
      state: 's.state',
      deadline: 's.deadline',
      on_time: onTime,
      visit_problem: 's.visit_problem',
      visit_closed: 's.visit_closed',
      category: 's.category',
      follow_up: 's.follow_up',
      problem: 's.problem',
      closed: 's.closed',
      first_of_category: 's.first_of_category',
      first_of_follow_up: 's.first_of_follow_up',
    },
    sums: { saved: 's.saved' },
  },
  {
    table: 'coverage_cube',
    source: 'coverage_fact s',
    counted: '1 = 1',
    keys: {
      department_key: 's.department_key',
      item_key: 's.item_key',
      drawn_on: 's.drawn_on',
      prev_on: 's.prev_on',
      region: 's.region',
      target_kind: 's.target_kind',
      risk_class: 's.risk_class',
    },
    sums: {},
  },
  {
    table: 'member_cube',
    source: 'inspection_member s',
    counted: 's.drawn_on is not null and s.task_id is not null',
    keys: { task_id: 's.task_id', inspector_id: 's.inspector_id', drawn_on: 's.drawn_on' },
    sums: {},
  },
];

/** Which fact rows of each cube a change of the selected visits touches, as a condition on `s`. */
export interface CubeSelection {
  /** The selected visits' ids, as a subquery. */
  readonly visits: Clause;
  /** The selected visits' targets, as a subquery (coverage rows of a target change with any of its visits). */
  readonly targets: Clause;
}

function touched(cube: Cube, sel: CubeSelection): Clause {
  switch (cube.table) {
    case 'visit_cube':
      return { sql: `s.id in (${sel.visits.sql})`, params: sel.visits.params };
    case 'coverage_cube':
      return { sql: `s.target_id in (${sel.targets.sql})`, params: sel.targets.params };
    default:
      return { sql: `s.inspection_id in (${sel.visits.sql})`, params: sel.visits.params };
  }
}

/** The statement adding (sign 1) or taking out (−1) the counted fact rows where `where` to a cube. */
function delta(cube: Cube, sign: 1 | -1, where: Clause): Clause {
  const keys = Object.entries(cube.keys);
  const sums = Object.entries(cube.sums);
  // Every column joined by '|', a null as '~', and in values '~' as '~0' and '|' as '~1', so no two groups
  // share a key; booleans as the database writes them as text, the same each time.
  const key = keys
    .map(([, sql]) => `coalesce(replace(replace(cast(${sql} as varchar(200)), '~', '~0'), '|', '~1'), '~')`)
    .join(` || '|' || `);
  const columns = ['key', ...keys.map(([c]) => c), 'n', ...sums.map(([c]) => c)];
  const values = [
    key,
    ...keys.map(([, sql]) => sql),
    `${sign} * count(*)`,
    ...sums.map(([, sql]) => `${sign} * coalesce(sum(${sql}), 0)`),
  ];
  const updates = ['n', ...sums.map(([c]) => c)].map((c) => `${c} = ${cube.table}.${c} + excluded.${c}`);
  return {
    sql: `insert into ${cube.table} (${columns.join(', ')})
      select ${values.join(', ')} from ${cube.source}
      where ${cube.counted} and ${where.sql}
      group by ${keys.map(([, sql]) => sql).join(', ')}
      order by 1
      on conflict (key) do update set ${updates.join(', ')}`,
    params: where.params,
  };
}

/** Takes the selected visits' rows out of every cube: run before their facts are recomputed. */
export function cubesOut(sel: CubeSelection): Clause[] {
  return CUBES.map((cube) => delta(cube, -1, touched(cube, sel)));
}

/** Puts the selected visits' rows back into every cube and drops the groups left empty: run after. */
export function cubesIn(sel: CubeSelection): Clause[] {
  return [
    ...CUBES.map((cube) => delta(cube, 1, touched(cube, sel))),
    ...CUBES.map((cube) => ({ sql: `delete from ${cube.table} where n = 0`, params: [] })),
  ];
}

const TARGET_KEY = 'status, region, kind, risk_class, target_types';

/**
 * Every cube from its fact table (the migration's backfill, and a check that the cubes are exact), and
 * the registry's `target_cube` from the live targets (its triggers keep it; this rebuilds it).
 */
export function cubesFromScratch(): string[] {
  return [
    ...CUBES.map((cube) => `delete from ${cube.table}`),
    ...CUBES.map((cube) => delta(cube, 1, { sql: '1 = 1', params: [] }).sql),
    'delete from target_cube',
    `insert into target_cube (${TARGET_KEY}, n) select ${TARGET_KEY}, count(*) from target where deleted_at is null group by ${TARGET_KEY}`,
  ];
}
