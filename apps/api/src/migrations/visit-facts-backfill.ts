/**
 * The backfill of the migrations that normalise the comma-separated lists into rows and add the facts of
 * the statistics (Migration20261201134013 on SQLite, Migration20261201134014 on PostgreSQL). A frozen
 * copy of what `refreshVisitFacts` did when they were written, over every visit at once, so that the
 * migrations keep doing the same whatever that function becomes.
 *
 * What cannot be known afterwards is taken as well as it can be: a visit's target attributes "as of the
 * draw" are the target's when migrating; a draw's per-item pool is its whole pool for a draw of one item,
 * and for a draw of several the pool's targets of the item's type not inspected for it by an earlier draw.
 */
import { publicationDeadline } from '@suiji/domain';

type Dialect = 'sqlite' | 'postgresql';

/** The ids of a ",a,b," list column as rows (id), per dialect. */
function listRows(dialect: Dialect, table: string, column: string): string {
  return dialect === 'postgresql'
    ? `${table} cross join lateral unnest(string_to_array(trim(both ',' from ${table}.${column}), ',')) as l(id)`
    : `${table} join json_each('["' || replace(trim(${table}.${column}, ','), ',', '","') || '"]') l0 on true`;
}

/** The row forms of the lists, the draws' days and their items. */
export function rowBackfill(dialect: Dialect): string[] {
  const pg = dialect === 'postgresql';
  const ignore = pg ? '' : 'or ignore ';
  const conflict = pg ? ' on conflict do nothing' : '';
  const id = pg ? 'l.id' : 'l0.value';
  const find = (haystack: string, needle: string) =>
    pg ? `strpos(${haystack}, ${needle}) > 0` : `instr(${haystack}, ${needle}) > 0`;
  const tab = pg ? "E'\\t'" : 'char(9)';
  const chinaDay = (column: string) =>
    pg ? `to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')` : `date(${column}, '+8 hours')`;
  // The ids of a frozen pool's lines ("id<TAB>stratum"), read once per draw: rows `p.id`.
  const poolIds = (pool: string) =>
    pg
      ? `(select split_part(line, ${tab}, 1) as id from unnest(string_to_array(${pool}, E'\\n')) as line) p`
      : // JSON strings hold no tab: the tab becomes a space, which no id holds.
        `(select substr(j.value, 1, instr(j.value, ' ') - 1) as id from json_each('["' || replace(replace(${pool}, ${tab}, ' '), char(10), '","') || '"]') j) p`;
  const drawItems = `select d.id as draw_id, it.id as item_id, d.task_id, it.target_type, it.min_ratio_bp, d.pool_size,
      d.created_at, d.pool,
      (select count(*) from inspection_item o where ${find('d.item_ids', "',' || o.id || ','")}
        or (d.item_ids = '' and exists (select 1 from task_item ti where ti.task_id = d.task_id and ti.inspection_item_id = o.id))) as items
    from draw d join inspection_item it
      on ${find('d.item_ids', "',' || it.id || ','")}
      or (d.item_ids = '' and exists (select 1 from task_item ti where ti.task_id = d.task_id and ti.inspection_item_id = it.id))`;
  return [
    `insert into task_department (task_id, department_id, initiating) select id, department_id, true from task`,
    `insert ${ignore}into task_department (task_id, department_id, initiating)
      select task.id, ${id}, false from ${listRows(dialect, 'task', 'cooperating_department_ids')}
      where task.cooperating_department_ids <> '' and ${id} <> task.department_id${conflict}`,
    `insert ${ignore}into inspection_member (inspection_id, inspector_id)
      select inspection.id, ${id} from ${listRows(dialect, 'inspection', 'team_ids')}
      where inspection.team_ids <> ''${conflict}`,
    `insert ${ignore}into visit_item (inspection_id, item_id, draw_id, task_id, target_id)
      select inspection.id, ${id}, inspection.draw_id, inspection.task_id, inspection.target_id
      from ${listRows(dialect, 'inspection', 'item_ids')}
      where inspection.item_ids <> ''${conflict}`,
    `update draw set drawn_on = ${chinaDay('ran_at')} where ran_at is not null`,
    `insert into draw_item (draw_id, item_id, task_id, pool_size, min_ratio_bp)
      select di.draw_id, di.item_id, di.task_id,
        case when di.items = 1 then di.pool_size else (select count(*) from ${poolIds('di.pool')} join target t on t.id = p.id
          where ${find('t.target_types', "',' || di.target_type || ','")}
            and not exists (select 1 from visit_item vi join inspection i on i.id = vi.inspection_id
              where vi.item_id = di.item_id and vi.target_id = t.id and i.draw_id <> di.draw_id and i.created_at < di.created_at)) end,
        di.min_ratio_bp
      from (${drawItems}) di`,
  ];
}

/** The publication deadline of every inspection, from its task's last day, counted on the domain's calendar. */
export function deadlineBackfill(windowEnds: readonly string[]): string[] {
  return windowEnds.map(
    (end) =>
      `update inspection set deadline = '${publicationDeadline(end)}' where task_id in (select id from task where window_end = '${end.replace(/'/g, "''")}')`,
  );
}

const FIRST: Record<Dialect, string> = {
  sqlite: `update inspection set drawn_on = coalesce(drawn_on, (select d.drawn_on from draw d where d.id = inspection.draw_id)), initiating_department_id = coalesce(initiating_department_id, (select k.department_id from task k where k.id = inspection.task_id)), joint = exists (select 1 from task_department td where td.task_id = inspection.task_id and td.initiating = false), region = coalesce(region, (select t.region from target t where t.id = inspection.target_id)), target_kind = coalesce(target_kind, (select t.kind from target t where t.id = inspection.target_id)), risk_class = coalesce(risk_class, (select t.risk_class from target t where t.id = inspection.target_id)), deadline = deadline, published_on = case when published_at is null then null else date(published_at, '+8 hours') end where 1 = 1`,
  postgresql: `update inspection set drawn_on = coalesce(drawn_on, (select d.drawn_on from draw d where d.id = inspection.draw_id)), initiating_department_id = coalesce(initiating_department_id, (select k.department_id from task k where k.id = inspection.task_id)), joint = exists (select 1 from task_department td where td.task_id = inspection.task_id and td.initiating = false), region = coalesce(region, (select t.region from target t where t.id = inspection.target_id)), target_kind = coalesce(target_kind, (select t.kind from target t where t.id = inspection.target_id)), risk_class = coalesce(risk_class, (select t.risk_class from target t where t.id = inspection.target_id)), deadline = deadline, published_on = case when published_at is null then null else to_char(published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') end where 1 = 1`,
};

const REST = [
  `update visit_item set category = case when i.state = 'PUBLISHED' then r.category else null end, follow_up = case when i.state = 'PUBLISHED' then r.follow_up else null end, problem = (i.state = 'PUBLISHED' and c.problem), closed = (i.state = 'PUBLISHED' and c.problem and r.closed_on is not null) from item_result r join result_category c on c.code = r.category join inspection i on i.id = r.inspection_id where r.inspection_id = visit_item.inspection_id and r.item_id = visit_item.item_id and 1 = 1`,
  `update visit_item set first_of_category = (category is not null and not exists (select 1 from visit_item o where o.inspection_id = visit_item.inspection_id and o.category = visit_item.category and o.item_id < visit_item.item_id)), first_of_follow_up = (follow_up is not null and not exists (select 1 from visit_item o where o.inspection_id = visit_item.inspection_id and o.follow_up = visit_item.follow_up and o.item_id < visit_item.item_id)) where inspection_id in (select id from inspection where 1 = 1)`,
  `update inspection set problem = exists (select 1 from visit_item vi where vi.inspection_id = inspection.id and vi.problem = true), closed = (exists (select 1 from visit_item vi where vi.inspection_id = inspection.id and vi.problem = true) and not exists (select 1 from visit_item vi where vi.inspection_id = inspection.id and vi.problem = true and vi.closed = false)), saved = case when (select count(*) from visit_item vi where vi.inspection_id = inspection.id) > (select count(*) from task_department td where td.task_id = inspection.task_id) then (select count(*) from visit_item vi where vi.inspection_id = inspection.id) else (select count(*) from task_department td where td.task_id = inspection.task_id) end - 1 where 1 = 1`,
  `update visit_item set drawn_on = i.drawn_on, region = i.region, target_kind = i.target_kind, risk_class = i.risk_class, joint = i.joint, state = i.state, deadline = i.deadline, published_on = i.published_on, saved = i.saved, visit_problem = i.problem, visit_closed = i.closed from inspection i where i.id = visit_item.inspection_id and 1 = 1`,
  `update inspection_member set drawn_on = i.drawn_on, task_id = i.task_id from inspection i where i.id = inspection_member.inspection_id and 1 = 1`,
  `update visit_item set repeated = exists (select 1 from visit_item o where o.target_id = visit_item.target_id and o.item_id = visit_item.item_id and (o.drawn_on < visit_item.drawn_on or (o.drawn_on = visit_item.drawn_on and o.inspection_id < visit_item.inspection_id))) where target_id in (select target_id from inspection where 1 = 1)`,
  `update inspection set multi_department = (joint = false and exists (select 1 from inspection o where o.target_id = inspection.target_id and o.joint = false and o.initiating_department_id <> inspection.initiating_department_id and substr(o.drawn_on, 1, 4) || '-Q' || cast((cast(substr(o.drawn_on, 6, 2) as integer) + 2) / 3 as varchar(1)) = substr(inspection.drawn_on, 1, 4) || '-Q' || cast((cast(substr(inspection.drawn_on, 6, 2) as integer) + 2) / 3 as varchar(1)))) where target_id in (select target_id from inspection where 1 = 1)`,
  `insert into coverage_fact (department_key, item_key, inspection_id, target_id, drawn_on, region, target_kind, risk_class) select dk.department_key, '', i.id, i.target_id, i.drawn_on, i.region, i.target_kind, i.risk_class from inspection i join (select td.task_id, td.department_id as department_key from task_department td union all select k.id, '' from task k) dk on dk.task_id = i.task_id where 1 = 1 and i.state <> 'PENDING_ENTRY' and i.drawn_on is not null and not exists (select 1 from coverage_fact c where c.department_key = '' and c.item_key = '' and c.inspection_id = i.id)`,
  `insert into coverage_fact (department_key, item_key, inspection_id, target_id, drawn_on, region, target_kind, risk_class) select dk.department_key, vi.item_id, i.id, i.target_id, i.drawn_on, i.region, i.target_kind, i.risk_class from inspection i join visit_item vi on vi.inspection_id = i.id join (select td.task_id, td.department_id as department_key from task_department td union all select k.id, '' from task k) dk on dk.task_id = i.task_id where 1 = 1 and i.state <> 'PENDING_ENTRY' and i.drawn_on is not null and not exists (select 1 from coverage_fact c where c.department_key = '' and c.item_key = vi.item_id and c.inspection_id = i.id)`,
  `update coverage_fact set prev_on = (select max(o.drawn_on) from coverage_fact o where o.target_id = coverage_fact.target_id and o.department_key = coverage_fact.department_key and o.item_key = coverage_fact.item_key and (o.drawn_on < coverage_fact.drawn_on or (o.drawn_on = coverage_fact.drawn_on and o.inspection_id < coverage_fact.inspection_id))) where target_id in (select target_id from inspection where 1 = 1)`,
  `update draw_item set drawn = (select count(*) from inspection i join visit_item vi on vi.inspection_id = i.id and vi.item_id = draw_item.item_id where i.draw_id = draw_item.draw_id), drawn_on = (select d.drawn_on from draw d where d.id = draw_item.draw_id) where draw_id in (select draw_id from inspection where 1 = 1)`,
];

/** The facts of every visit, as `refreshVisitFacts` computed them. */
export function factBackfill(dialect: Dialect): string[] {
  return [FIRST[dialect], ...REST];
}

/**
 * The summaries (cubes, modules/statistics/cubes.ts) counted afresh from the facts, each visit's state as
 * they count it first: `cubesFromScratch()` as it was when Migration20261201171813/4 were written.
 */
export function cubeBackfill(): string[] {
  return [
    'update inspection set counted_state = state where drawn_on is not null',
    `delete from visit_cube`,
    `delete from visit_item_cube`,
    `delete from coverage_cube`,
    `delete from member_cube`,
    `insert into visit_cube (key, task_id, drawn_on, region, target_kind, risk_class, joint, state, problem, closed, on_time, deadline, n, saved) select coalesce(replace(replace(cast(s.task_id as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.drawn_on as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.region as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.target_kind as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.risk_class as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.joint as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.counted_state as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.problem as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.closed as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast((s.published_on <= s.deadline) as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.deadline as varchar(200)), '~', '~0'), '|', '~1'), '~'), s.task_id, s.drawn_on, s.region, s.target_kind, s.risk_class, s.joint, s.counted_state, s.problem, s.closed, (s.published_on <= s.deadline), s.deadline, 1 * count(*), 1 * coalesce(sum(s.saved), 0) from inspection s where s.drawn_on is not null and s.counted_state is not null and 1 = 1 group by s.task_id, s.drawn_on, s.region, s.target_kind, s.risk_class, s.joint, s.counted_state, s.problem, s.closed, (s.published_on <= s.deadline), s.deadline order by 1 on conflict (key) do update set n = visit_cube.n + excluded.n, saved = visit_cube.saved + excluded.saved`,
    `insert into visit_item_cube (key, task_id, item_id, drawn_on, region, target_kind, risk_class, joint, state, deadline, on_time, visit_problem, visit_closed, category, follow_up, problem, closed, first_of_category, first_of_follow_up, n, saved) select coalesce(replace(replace(cast(s.task_id as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.item_id as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.drawn_on as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.region as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.target_kind as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.risk_class as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.joint as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.state as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.deadline as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast((s.published_on <= s.deadline) as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.visit_problem as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.visit_closed as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.category as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.follow_up as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.problem as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.closed as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.first_of_category as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.first_of_follow_up as varchar(200)), '~', '~0'), '|', '~1'), '~'), s.task_id, s.item_id, s.drawn_on, s.region, s.target_kind, s.risk_class, s.joint, s.state, s.deadline, (s.published_on <= s.deadline), s.visit_problem, s.visit_closed, s.category, s.follow_up, s.problem, s.closed, s.first_of_category, s.first_of_follow_up, 1 * count(*), 1 * coalesce(sum(s.saved), 0) from visit_item s where s.drawn_on is not null and 1 = 1 group by s.task_id, s.item_id, s.drawn_on, s.region, s.target_kind, s.risk_class, s.joint, s.state, s.deadline, (s.published_on <= s.deadline), s.visit_problem, s.visit_closed, s.category, s.follow_up, s.problem, s.closed, s.first_of_category, s.first_of_follow_up order by 1 on conflict (key) do update set n = visit_item_cube.n + excluded.n, saved = visit_item_cube.saved + excluded.saved`,
    `insert into coverage_cube (key, department_key, item_key, drawn_on, prev_on, region, target_kind, risk_class, n) select coalesce(replace(replace(cast(s.department_key as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.item_key as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.drawn_on as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.prev_on as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.region as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.target_kind as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.risk_class as varchar(200)), '~', '~0'), '|', '~1'), '~'), s.department_key, s.item_key, s.drawn_on, s.prev_on, s.region, s.target_kind, s.risk_class, 1 * count(*) from coverage_fact s where 1 = 1 and 1 = 1 group by s.department_key, s.item_key, s.drawn_on, s.prev_on, s.region, s.target_kind, s.risk_class order by 1 on conflict (key) do update set n = coverage_cube.n + excluded.n`,
    `insert into member_cube (key, task_id, inspector_id, drawn_on, n) select coalesce(replace(replace(cast(s.task_id as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.inspector_id as varchar(200)), '~', '~0'), '|', '~1'), '~') || '|' || coalesce(replace(replace(cast(s.drawn_on as varchar(200)), '~', '~0'), '|', '~1'), '~'), s.task_id, s.inspector_id, s.drawn_on, 1 * count(*) from inspection_member s where s.drawn_on is not null and s.task_id is not null and 1 = 1 group by s.task_id, s.inspector_id, s.drawn_on order by 1 on conflict (key) do update set n = member_cube.n + excluded.n`,
  ];
}
