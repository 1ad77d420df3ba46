/**
 * The facts the statistics count, kept exact in the transaction of every change they depend on: one
 * function, `refreshVisitFacts`, recomputes them for a draw's visits or a few visits with a constant
 * number of set-based statements, and the services that change a visit call it (the draw's run, a
 * result entered or reviewed, an inspector replaced, a follow-up closed). Nothing here is a record of
 * its own: every fact follows from the draw, the task, the target as it was drawn and the result, so the
 * rows are written by SQL beside the unit of work and stay out of the trail.
 *
 * What is kept where:
 * - `inspection`: the day drawn (China), the task's initiating department, joint or not, the target's
 *   region, kind and risk class as of the draw, the publication deadline and the day published, whether
 *   the published result has a problem and whether every problem's follow-up is closed, the visits it
 *   saved, and whether the target was visited by several departments' own tasks in that quarter;
 * - `visit_item`: per item covered, copies of those (so a figure by item reads one table) and the item's
 *   own result: category and follow-up once published, problem, closed, whether it is the visit's first
 *   item of its category or follow-up (counting visits per category without DISTINCT), and whether the
 *   target had already been visited for the item;
 * - `inspection_member`: the visit's day and task beside each team place;
 * - `coverage_fact`: distinct targets inspected, as counts over an index (see the entity);
 * - `draw_item`: how many of a draw's visits cover each item;
 * - the summaries (`cubes.ts`): the rows of `inspection`, `visit_item`, `coverage_fact` and
 *   `inspection_member` counted by the columns the figures read.
 */
import { publicationDeadline } from '@suiji/domain';
import type { EntityManager } from '@mikro-orm/core';
import { dialectOf, type Dialect } from '../../db/dialect.js';
import { clause, placeholders, type Clause } from '../../db/query.js';
import { selectRows as rows } from '../../db/sql.js';
import { lockWrites } from '../trail/trail.service.js';
import { cubesIn, cubesOut, type CubeSelection } from './cubes.js';

/** The quarter key (YYYY-Qn, as the domain's `quarterKey`) of a day column. */
export function quarterSql(column: string): string {
  return `substr(${column}, 1, 4) || '-Q' || cast((cast(substr(${column}, 6, 2) as integer) + 2) / 3 as varchar(1))`;
}

/** The facts of a visit that each of its items' rows repeats. */
export const VISIT_FACTS = [
  'drawn_on',
  'region',
  'target_kind',
  'risk_class',
  'joint',
  'state',
  'deadline',
  'published_on',
  'saved',
] as const;

/** Which visits to refresh: those of a draw, or some by id (at most a page). */
export type VisitSelector =
  /**
   * `fresh`: the draw's visits were just written with their facts and are in no summary yet; `exact`:
   * their own facts are exactly those the refresh would compute (a task of one item; the draw's tests
   * check it), so only what they change around them is computed.
   */
  { drawId: string; fresh?: { exact: boolean } } | { inspectionIds: readonly string[] };

/** The selector as a condition on inspection columns, prefixed by `alias.` (or unprefixed). */
export type Selection = (alias?: string) => Clause;

export function selection(selector: VisitSelector): Selection {
  return (alias) => {
    const p = alias ? `${alias}.` : '';
    if ('drawId' in selector) return { sql: `${p}draw_id = ?`, params: [selector.drawId] };
    const ids = selector.inspectionIds.length > 0 ? [...selector.inspectionIds] : [''];
    return { sql: `${p}id in (${placeholders(ids)})`, params: ids };
  };
}

const before = (a: string, b: string) =>
  `(${a}.drawn_on < ${b}.drawn_on or (${a}.drawn_on = ${b}.drawn_on and ${a}.inspection_id < ${b}.inspection_id))`;

/**
 * The statements that bring the facts of the selected visits up to date, in order. `deadlines` maps the
 * last day of their tasks' windows to the publication deadline (computed by the domain's calendar).
 * Facts "as of the draw" are captured the first time (while null) and never changed after.
 */
export function visitFactStatements(
  dialect: Dialect,
  sel: Selection,
  deadlines: readonly (readonly [string, string])[],
  ownFacts = true,
): Clause[] {
  const s = sel();
  const si = sel('i');
  const selected = `select id from inspection where ${s.sql}`;
  const targets = `select target_id from inspection where ${s.sql}`;
  const target = (column: string) => `(select t.${column} from target t where t.id = inspection.target_id)`;
  const deadline =
    deadlines.length === 0
      ? 'deadline'
      : `coalesce(deadline, case (select k.window_end from task k where k.id = inspection.task_id) ${deadlines.map(() => 'when ? then ?').join(' ')} else null end)`;
  const exists = (condition: string) =>
    `exists (select 1 from visit_item vi where vi.inspection_id = inspection.id and ${condition})`;
  const items = '(select count(*) from visit_item vi where vi.inspection_id = inspection.id)';
  const departments = '(select count(*) from task_department td where td.task_id = inspection.task_id)';
  const departmentKeys =
    "(select td.task_id, td.department_id as department_key from task_department td union all select k.id, '' from task k) dk";
  const entered = `${si.sql} and i.state <> 'PENDING_ENTRY' and i.drawn_on is not null`;
  // The flags that depend on a target's other visits are recomputed for all of them, and written only
  // where they change: most of a draw's neighbours keep theirs, and a row not written costs no new version.
  const changed = (column: string, value: string) => dialect.distinct(column, `(${value})`);
  const repeated = `exists (select 1 from visit_item o where o.target_id = visit_item.target_id and o.item_id = visit_item.item_id and ${before('o', 'visit_item')})`;
  const multiDepartment = `(joint = false and exists (select 1 from inspection o
          where o.target_id = inspection.target_id and o.joint = false and o.initiating_department_id <> inspection.initiating_department_id
            and ${quarterSql('o.drawn_on')} = ${quarterSql('inspection.drawn_on')}))`;
  const prevOn = `(select max(o.drawn_on) from coverage_fact o
          where o.target_id = coverage_fact.target_id and o.department_key = coverage_fact.department_key
            and o.item_key = coverage_fact.item_key and ${before('o', 'coverage_fact')})`;
  /**
   * `update table set … where …`, writing only the rows where a value changes: most refreshes leave most
   * rows as they are (a fresh draw's visits are written with their facts), and on PostgreSQL a row
   * rewritten is a new version in every index of its table.
   */
  const updateChanged = (
    table: string,
    where: Clause,
    values: readonly [string, Clause][],
    from = '',
  ): Clause => ({
    sql: `update ${table} set ${values.map(([column, value]) => `${column} = ${value.sql}`).join(', ')} ${from}
      where ${where.sql} and (${values.map(([column, value]) => changed(`${table}.${column}`, value.sql)).join(' or ')})`,
    params: [
      ...values.flatMap(([, value]) => value.params),
      ...where.params,
      ...values.flatMap(([, value]) => value.params),
    ],
  });
  const own: Clause[] = [
    // The visit's own facts: as of the draw once, the publication day always.
    updateChanged('inspection', s, [
      [
        'drawn_on',
        clause('coalesce(drawn_on, (select d.drawn_on from draw d where d.id = inspection.draw_id))'),
      ],
      [
        'initiating_department_id',
        clause(
          'coalesce(initiating_department_id, (select k.department_id from task k where k.id = inspection.task_id))',
        ),
      ],
      [
        'joint',
        clause(
          'exists (select 1 from task_department td where td.task_id = inspection.task_id and td.initiating = false)',
        ),
      ],
      ['region', clause(`coalesce(region, ${target('region')})`)],
      ['target_kind', clause(`coalesce(target_kind, ${target('kind')})`)],
      ['risk_class', clause(`coalesce(risk_class, ${target('risk_class')})`)],
      ['deadline', clause(deadline, ...deadlines.flat())],
      [
        'published_on',
        clause(`case when published_at is null then null else ${dialect.chinaDay('published_at')} end`),
      ],
      ['counted_state', clause('state')],
    ]),
    // Each item's result, counted once published.
    {
      sql: `update visit_item set
        category = case when i.state = 'PUBLISHED' then r.category else null end,
        follow_up = case when i.state = 'PUBLISHED' then r.follow_up else null end,
        problem = (i.state = 'PUBLISHED' and c.problem),
        closed = (i.state = 'PUBLISHED' and c.problem and r.closed_on is not null)
      from item_result r join result_category c on c.code = r.category join inspection i on i.id = r.inspection_id
      where r.inspection_id = visit_item.inspection_id and r.item_id = visit_item.item_id and ${si.sql}`,
      params: si.params,
    },
    updateChanged('visit_item', clause(`inspection_id in (${selected})`, ...s.params), [
      [
        'first_of_category',
        clause(
          '(category is not null and not exists (select 1 from visit_item o where o.inspection_id = visit_item.inspection_id and o.category = visit_item.category and o.item_id < visit_item.item_id))',
        ),
      ],
      [
        'first_of_follow_up',
        clause(
          '(follow_up is not null and not exists (select 1 from visit_item o where o.inspection_id = visit_item.inspection_id and o.follow_up = visit_item.follow_up and o.item_id < visit_item.item_id))',
        ),
      ],
    ]),
    updateChanged('inspection', s, [
      ['problem', clause(exists('vi.problem = true'))],
      [
        'closed',
        clause(
          `(${exists('vi.problem = true')} and not ${exists('vi.problem = true and vi.closed = false')})`,
        ),
      ],
      ['saved', clause(`case when ${items} > ${departments} then ${items} else ${departments} end - 1`)],
    ]),
    updateChanged(
      'visit_item',
      clause(`i.id = visit_item.inspection_id and ${si.sql}`, ...si.params),
      [
        ...VISIT_FACTS.map((column): [string, Clause] => [column, clause(`i.${column}`)]),
        ['visit_problem', clause('i.problem')],
        ['visit_closed', clause('i.closed')],
      ],
      'from inspection i',
    ),
    updateChanged(
      'inspection_member',
      clause(`i.id = inspection_member.inspection_id and ${si.sql}`, ...si.params),
      [
        ['drawn_on', clause('i.drawn_on')],
        ['task_id', clause('i.task_id')],
      ],
      'from inspection i',
    ),
  ];
  return [
    ...(ownFacts ? own : []),
    // Burden: the same item again, and several departments' own tasks in one quarter (every visit of the
    // selected visits' targets, as a new visit changes its neighbours' flags).
    {
      sql: `update visit_item set repeated = ${repeated}
      where target_id in (${targets}) and ${changed('repeated', repeated)}`,
      params: s.params,
    },
    {
      sql: `update inspection set multi_department = ${multiDepartment}
      where target_id in (${targets}) and ${changed('multi_department', multiDepartment)}`,
      params: s.params,
    },
    // Coverage: a row per entered visit and set it counts in, then each row's predecessor in its set.
    {
      sql: `insert into coverage_fact (department_key, item_key, inspection_id, target_id, drawn_on, region, target_kind, risk_class)
      select dk.department_key, '', i.id, i.target_id, i.drawn_on, i.region, i.target_kind, i.risk_class
      from inspection i
      join ${departmentKeys} on dk.task_id = i.task_id
      where ${entered}
        and not exists (select 1 from coverage_fact c where c.department_key = '' and c.item_key = '' and c.inspection_id = i.id)`,
      params: si.params,
    },
    {
      sql: `insert into coverage_fact (department_key, item_key, inspection_id, target_id, drawn_on, region, target_kind, risk_class)
      select dk.department_key, vi.item_id, i.id, i.target_id, i.drawn_on, i.region, i.target_kind, i.risk_class
      from inspection i
      join visit_item vi on vi.inspection_id = i.id
      join ${departmentKeys} on dk.task_id = i.task_id
      where ${entered}
        and not exists (select 1 from coverage_fact c where c.department_key = '' and c.item_key = vi.item_id and c.inspection_id = i.id)`,
      params: si.params,
    },
    {
      sql: `update coverage_fact set prev_on = ${prevOn}
      where target_id in (${targets}) and ${changed('prev_on', prevOn)}`,
      params: s.params,
    },
    // 比例达成: the visits of each draw covering each of its items.
    {
      sql: `update draw_item set
        drawn = (select count(*) from inspection i join visit_item vi on vi.inspection_id = i.id and vi.item_id = draw_item.item_id where i.draw_id = draw_item.draw_id),
        drawn_on = (select d.drawn_on from draw d where d.id = draw_item.draw_id)
      where draw_id in (select draw_id from inspection where ${s.sql})`,
      params: s.params,
    },
  ];
}

/**
 * Brings the selected visits' facts and the summaries counting them up to date: their deadlines asked
 * first, their rows taken out of the summaries, the facts recomputed, the rows put back — a constant
 * number of statements, one transaction at a time. `change`, when given, runs after the rows are taken
 * out: a change of a fact row that this function does not write itself (a team place's inspector) goes
 * there.
 */
export async function refreshVisitFacts(
  em: EntityManager,
  selector: VisitSelector,
  change?: () => Promise<void>,
): Promise<void> {
  // A visit's facts read the other visits of its target (the same item again, several departments in a
  // quarter, the previous visit of a coverage set): two transactions changing visits of one target must
  // not each miss the other's, so the facts are refreshed one transaction at a time.
  await lockWrites(em);
  const sel = selection(selector);
  const s = sel('i');
  const ends = await rows<{ window_end: string }>(
    em,
    `select distinct k.window_end from task k where k.id in (select i.task_id from inspection i where ${s.sql} and i.deadline is null)`,
    s.params,
  );
  const deadlines = ends.map(({ window_end }) => [window_end, publicationDeadline(window_end)] as const);
  const plain = sel();
  const cubes: CubeSelection = {
    visits: { sql: `select id from inspection where ${plain.sql}`, params: plain.params },
    targets: { sql: `select target_id from inspection where ${plain.sql}`, params: plain.params },
  };
  // Fresh visits have nothing in the summaries to take out (and no coverage rows: none is entered).
  const fresh = 'drawId' in selector ? selector.fresh : undefined;
  const out: CubeSelection = fresh
    ? { ...cubes, visits: { sql: 'select null where 1 = 0', params: [] } }
    : cubes;
  for (const statement of cubesOut(out)) await rows(em, statement.sql, statement.params);
  await change?.();
  for (const statement of visitFactStatements(dialectOf(em), sel, deadlines, fresh?.exact !== true))
    await rows(em, statement.sql, statement.params);
  for (const statement of cubesIn(cubes)) await rows(em, statement.sql, statement.params);
}

/**
 * A task's departments as rows: the initiating one and each cooperating one. Called wherever a task's
 * departments are written (create, update, merge), after its flush, in the same transaction.
 */
export async function writeTaskDepartments(
  em: EntityManager,
  task: { id: string; department: { id: string }; cooperatingDepartmentIds: readonly string[] },
): Promise<void> {
  await rows(em, 'delete from task_department where task_id = ?', [task.id]);
  const departments = [
    task.department.id,
    ...task.cooperatingDepartmentIds.filter((id) => id !== task.department.id),
  ];
  await rows(
    em,
    `insert into task_department (task_id, department_id, initiating) values ${departments.map((_, i) => `(?, ?, ${i === 0 ? 'true' : 'false'})`).join(', ')}`,
    departments.flatMap((id) => [task.id, id]),
  );
}
