/**
 * Statistics benchmark (issue 9): the queries of 统计分析's first screen over a province-sized history —
 * PostgreSQL with 1,000,000 targets and 3,000,000 visits with their item results and teams over two
 * years (SQLite: 100,000 and 300,000) — each run 30 times as the demo's manager through GraphQL
 * in-process, p50 and p95, beside a baseline measured in the same run on the same database:
 * `SELECT count(*)` of the year's visits. Targets: each query's p95 < 200 ms; the whole first screen
 * (its queries sent together, as the page does) < 500 ms.
 *
 * Setup (not measured): the app starts on an empty database with the demo data; as the coordinator,
 * through GraphQL, 24 directed tasks (one a month over last year and this year, each in one region so
 * that their pools do not run dry) are created and their draws scheduled and run — real draws, moved to
 * their month. Then the database itself generates the targets and, for each draw, one visit for every
 * eighth generated target (its team of two from the draw's roster, the task's items, a state by a hash of
 * target and draw: last year's mostly published, this year's spread over every state) with its item
 * results (a tenth with a problem, half of those closed), and beside them what the services keep: the
 * rows of the team and the items, the coverage rows and every fact of the visit, in set-based INSERTs.
 * The summaries are counted from those facts as the migration does, and a check recomputes 500 visits'
 * facts (of the first and the last draw) through `refreshVisitFacts` and finds every summary unchanged.
 * Then ANALYZE.
 *
 * Every statement is timed, whichever layer sends it (knex's query / query-response events carry the
 * ORM's, the raw SQL's and the facts'); the breakdown prints, per query, the time in SQL and the rest
 * (GraphQL, JS) and its slowest statement kind.
 *
 * Options: SUIJI_BENCH_STAT_TARGETS / SUIJI_BENCH_STAT_VISITS (defaults 1,000,000 / 3,000,000 on
 * PostgreSQL, 100,000 / 300,000 on SQLite), SUIJI_BENCH_DBS (default "sqlite,postgresql"),
 * SUIJI_BENCH_STAT_RUNS (default 30), SUIJI_BENCH_PG_URL, SUIJI_BENCH_KEEP=1 keeps the temp folder.
 */
import { chinaYear, publicationDeadline } from '@suiji/domain';
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  drawThroughApi,
  fmtInt,
  fmtSec,
  freshDatabase,
  measure,
  printTimings,
  runWorker,
  serveWorker,
  signedIn,
  sqlDialect,
  sqlString,
  statementTimer,
  timeRuns,
  workerTask,
  type Database,
  type DbKind,
  type Measurement,
  type Timing,
} from './lib.js';
import { benchSetting } from './env.js';
import { present } from '../dist/invariant.js';

const SELF = fileURLToPath(import.meta.url);
const RUNS = Number(benchSetting('SUIJI_BENCH_STAT_RUNS') ?? 30);
const SIZES: Record<DbKind, { targets: number; visits: number }> = {
  postgresql: {
    targets: Number(benchSetting('SUIJI_BENCH_STAT_TARGETS') ?? 1_000_000),
    visits: Number(benchSetting('SUIJI_BENCH_STAT_VISITS') ?? 3_000_000),
  },
  sqlite: {
    targets: Number(benchSetting('SUIJI_BENCH_STAT_TARGETS') ?? 100_000),
    visits: Number(benchSetting('SUIJI_BENCH_STAT_VISITS') ?? 300_000),
  },
};
const TARGET_QUERY_P95_MS = 200;
const TARGET_SCREEN_MS = 500;
const JWT_SECRET = 'bench-secret-of-enough-length';
const YEAR = chinaYear();
const TARGET_TYPE = '企业';
const DRAWS = 24;
const CHUNK = 50_000;
const WORKER_TIMEOUT_MS = 3 * 60 * 60_000;
const CODE_PREFIX = 'BS';

const REGIONS = [
  '垭口街道',
  '寺坡街道',
  '院岭街道',
  '矿建街道',
  '朱兰街道',
  '尚店镇',
  '八台镇',
  '尹集镇',
  '武功乡',
  '杨庄乡',
  '庙街乡',
  '枣林镇',
];
const RISK_BY_DECILE = 'ABBBBCCCDD';

/** The first screen of 统计分析, as the dashboard sends it. */
const PERIOD = { kind: 'YEAR', year: YEAR };
const SCREEN: { name: string; query: string; variables: Record<string, unknown> }[] = [
  {
    name: 'cards (statisticsSummary)',
    query:
      'query($p: PeriodInput!) { statisticsSummary(period: $p) { cutOff kpis { figure value numerator denominator previous } } }',
    variables: { p: PERIOD },
  },
  ...(
    [
      ['visits by region', 'VISITS', ['REGION']],
      ['visits by department', 'VISITS', ['DEPARTMENT']],
      ['visits by category', 'VISITS', ['CATEGORY']],
      ['visits by month', 'VISITS', ['MONTH']],
      ['coverage by region', 'COVERAGE', ['REGION']],
      ['inspectors by department', 'INSPECTORS', ['DEPARTMENT']],
    ] as const
  ).map(([name, family, groupBy]) => ({
    name,
    query:
      'query($f: StatFamily!, $p: PeriodInput!, $g: [StatDimension!]!) { statistics(family: $f, period: $p, groupBy: $g) { figures rows { keys labels values } total { values } } }',
    variables: { f: family, p: PERIOD, g: groupBy },
  })),
];

type Task = { database: Database; targets: number; visits: number };

interface Conn {
  execute(sql: string, params?: unknown[], method?: 'all' | 'get' | 'run'): Promise<unknown>;
}

/** The generating statements' pieces, with the credit codes of this benchmark's targets. */
function dialect(kind: DbKind) {
  return {
    ...sqlDialect(kind),
    code: (i: string) =>
      kind === 'postgresql'
        ? `'${CODE_PREFIX}' || lpad(${i}::text, 16, '0')`
        : `'${CODE_PREFIX}' || substr('0000000000000000' || ${i}, -16, 16)`,
  };
}

function targetsSql(kind: DbKind, from: number, to: number, now: Date): string {
  const d = dialect(kind);
  const ts = d.ts(now);
  const region = d.pick(REGIONS, 'i');
  return `insert into target (id, created_at, updated_at, deleted_at, name, credit_code, kind, legal_representative, address, region, contact, tags, risk_class, status, target_types)
    select ${d.uuid}, ${ts}, ${ts}, null, '舞钢市统计测试企业' || i || '有限公司', ${d.code('i')}, 'ENTERPRISE',
      '王某', '舞钢市' || ${region} || (1 + i % 300) || '号', ${region}, '13' || (900000000 + i), '',
      substr('${RISK_BY_DECILE}', 1 + i % 10, 1), case when i % 50 = 0 then 'SUSPENDED' else 'ACTIVE' end, ',${TARGET_TYPE},'
    from ${d.series(from, to)}`;
}

interface DrawInfo {
  drawId: string;
  taskId: string;
  /** Its China day, YYYY-MM-DD. */
  day: string;
  lastYear: boolean;
  /** The task's departments (task_department), the initiating one first. */
  departments: string[];
  /** The task's initiating department. */
  departmentId: string;
  deadline: string;
}

interface Bulk {
  /** The task's items, in the order of their ids. */
  itemIds: string[];
  inspectorIds: string[];
  enteredBy: string;
  reviewedBy: string;
  /** Result categories that count as a problem. */
  problemCategories: Set<string>;
  draws: DrawInfo[];
}

/**
 * What becomes of the visit of generated target `t.i` in draw k, as SQL over `t.i`: h = (i + 7k) mod 20;
 * last year 19 in 20 published; this year 0–9 published, 10–12 awaiting review, 13 rejected, the rest
 * awaiting entry. Item j's result by g = (31 i + 17 j + 7 k) mod 20: g mod 10 = 0 a problem pending
 * (ordered to correct; closed when g = 0 and published), 1 unreachable, else no problem.
 */
function fate(k: number, b: Bulk) {
  const lastYear = present(b.draws[k], 'b.draws[k]').lastYear;
  const h = `((t.i + ${7 * k}) % 20)`;
  const g = (j: number) => `((t.i * 31 + ${17 * j + 7 * k}) % 20)`;
  const category = (j: number) =>
    `case when ${g(j)} % 10 = 0 then 'PROBLEM_PENDING' when ${g(j)} % 10 = 1 then 'UNREACHABLE' else 'NO_PROBLEM' end`;
  const followUp = (j: number) => `case when ${g(j)} % 10 = 0 then 'ORDERED_TO_CORRECT' else 'NONE' end`;
  const problemOf = (j: number) =>
    ['PROBLEM_PENDING', 'UNREACHABLE']
      .filter((c) => b.problemCategories.has(c))
      .map((c) => `${g(j)} % 10 = ${c === 'PROBLEM_PENDING' ? 0 : 1}`)
      .join(' or ') || '1 = 0';
  const published = lastYear ? `${h} < 19` : `${h} < 10`;
  const entered = lastYear ? `${h} < 19` : `${h} < 14`;
  const items = b.itemIds.map((_, j) => j);
  const itemProblem = (j: number) => `(${published} and (${problemOf(j)}))`;
  const itemClosed = (j: number) => `(${itemProblem(j)} and ${g(j)} = 0)`;
  const problem = `(${items.map(itemProblem).join(' or ')})`;
  const closed = `(${problem} and ${items.map((j) => `(not ${itemProblem(j)} or ${itemClosed(j)})`).join(' and ')})`;
  return {
    h,
    state: lastYear
      ? `case when ${h} < 19 then 'PUBLISHED' else 'PENDING_ENTRY' end`
      : `case when ${h} < 10 then 'PUBLISHED' when ${h} < 13 then 'PENDING_REVIEW' when ${h} = 13 then 'REJECTED' else 'PENDING_ENTRY' end`,
    published,
    entered,
    category,
    followUp,
    itemProblem,
    itemClosed,
    problem,
    closed,
    g,
  };
}

/** The generated targets from … to − 1, with their number `i` (a draw visits every eighth). */
function targetsOf(from: number, to: number): string {
  return `(select id, region, kind, risk_class, cast(substr(credit_code, ${CODE_PREFIX.length + 1}) as integer) as i from target
      where credit_code >= ${sqlString(CODE_PREFIX + String(from).padStart(16, '0'))} and credit_code < ${sqlString(CODE_PREFIX + String(to).padStart(16, '0'))}) as t`;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The statements generating draw k's visits of the generated targets from … to − 1 with everything the
 * services write beside them — item results, the rows of the team and the items, the coverage rows — and
 * every fact `refreshVisitFacts` would have computed, in set-based INSERTs (no UPDATE of millions of rows).
 */
function generateSql(kind: DbKind, from: number, to: number, k: number, b: Bulk): string[] {
  const d = dialect(kind);
  const draw = present(b.draws[k], 'b.draws[k]');
  const f = fate(k, b);
  const when = (cond: string, then: string) => `case when ${cond} then ${then} else null end`;
  const at = d.ts(new Date(`${draw.day}T04:00:00Z`));
  // Published 10 days after the draw, late for one in seven (70 days after it), at noon in China.
  const pubDay = (late: boolean) => addDays(draw.day, late ? 70 : 10);
  const pubAt = (late: boolean) => d.ts(new Date(`${pubDay(late)}T04:00:00Z`));
  const n = b.inspectorIds.length;
  const second = `t.i + 1 + (t.i / ${n}) % ${n - 1}`;
  const saved = Math.max(b.itemIds.length, draw.departments.length) - 1;
  const t = targetsOf(from, to);
  const mine = `t.i % 8 = ${k % 8}`;
  const ins = `join inspection ins on ins.draw_id = ${sqlString(draw.drawId)} and ins.target_id = t.id`;
  const bool = (cond: string) =>
    kind === 'postgresql' ? `(${cond})` : `case when ${cond} then 1 else 0 end`;
  const out: string[] = [
    `insert into inspection (id, created_at, updated_at, draw_id, task_id, target_id, team_ids, item_ids, state, methods_used,
        inspected_on, entered_by_id, entered_at, reviewed_by_id, published_at, drawn_on, initiating_department_id, joint, region,
        target_kind, risk_class, deadline, published_on, problem, closed, saved, multi_department, counted_state)
      select ${d.uuid}, ${at}, ${at}, ${sqlString(draw.drawId)}, ${sqlString(draw.taskId)}, t.id,
        ',' || ${d.pick(b.inspectorIds, 't.i')} || ',' || ${d.pick(b.inspectorIds, second)} || ',',
        ${sqlString(`,${b.itemIds.join(',')},`)}, ${f.state}, case when ${f.entered} then ',ON_SITE,' else '' end,
        ${when(f.entered, sqlString(draw.day))}, ${when(f.entered, sqlString(b.enteredBy))}, ${when(f.entered, at)},
        ${when(f.published, sqlString(b.reviewedBy))}, ${when(f.published, `case when t.i % 7 = 0 then ${pubAt(true)} else ${pubAt(false)} end`)},
        ${sqlString(draw.day)}, ${sqlString(draw.departmentId)}, ${bool('1 = 0')}, t.region, t.kind, t.risk_class, ${sqlString(draw.deadline)},
        ${when(f.published, `case when t.i % 7 = 0 then ${sqlString(pubDay(true))} else ${sqlString(pubDay(false))} end`)},
        ${bool(f.problem)}, ${bool(f.closed)}, ${saved}, ${bool('1 = 0')}, ${f.state}
      from ${t} where ${mine}`,
  ];
  // The items in the order of their ids: an item is the first of its category or follow-up if no item
  // before it has the same.
  b.itemIds.forEach((itemId, j) => {
    const earlier = b.itemIds.slice(0, j).map((_, e) => e);
    const firstOf = (expr: (x: number) => string) =>
      earlier.length === 0
        ? f.published
        : `${f.published} and ${earlier.map((e) => `${expr(e)} <> ${expr(j)}`).join(' and ')}`;
    out.push(
      `insert into item_result (id, created_at, updated_at, inspection_id, item_id, category, findings, follow_up, closed_on)
        select ${d.uuid}, ${at}, ${at}, ins.id, ${sqlString(itemId)}, ${f.category(j)}, '现场检查', ${f.followUp(j)},
          ${when(`${f.g(j)} = 0 and ${f.published}`, sqlString(draw.day))}
        from ${t} ${ins} where ${mine} and ${f.entered}`,
      `insert into visit_item (inspection_id, item_id, draw_id, task_id, target_id, drawn_on, region, target_kind, risk_class, joint,
          state, deadline, published_on, saved, visit_problem, visit_closed, category, follow_up, problem, closed,
          first_of_category, first_of_follow_up, repeated)
        select ins.id, ${sqlString(itemId)}, ins.draw_id, ins.task_id, ins.target_id, ins.drawn_on, ins.region, ins.target_kind,
          ins.risk_class, ins.joint, ins.state, ins.deadline, ins.published_on, ins.saved, ins.problem, ins.closed,
          ${when(f.published, f.category(j))}, ${when(f.published, f.followUp(j))}, ${bool(f.itemProblem(j))}, ${bool(f.itemClosed(j))},
          ${bool(firstOf(f.category))}, ${bool(firstOf(f.followUp))}, ${bool(k >= 8 ? '1 = 1' : '1 = 0')}
        from ${t} ${ins} where ${mine}`,
    );
  });
  for (const member of ['t.i', second])
    out.push(
      `insert into inspection_member (inspection_id, inspector_id, task_id, drawn_on)
        select ins.id, ${d.pick(b.inspectorIds, member)}, ins.task_id, ins.drawn_on from ${t} ${ins} where ${mine}`,
    );
  // Coverage: the same target's previous entered visit in the set — every bench draw covers the same
  // items for the same department, and visits a target every eighth draw.
  const earlier = [k - 8, k - 16].filter((e) => e >= 0);
  const prevOn =
    earlier.length === 0
      ? 'null'
      : `case ${earlier.map((e) => `when ${fate(e, b).entered} then ${sqlString(present(b.draws[e], 'b.draws[e]').day)}`).join(' ')} else null end`;
  for (const departmentKey of ['', ...draw.departments])
    for (const itemKey of ['', ...b.itemIds])
      out.push(
        `insert into coverage_fact (department_key, item_key, inspection_id, target_id, drawn_on, prev_on, region, target_kind, risk_class)
          select ${sqlString(departmentKey)}, ${sqlString(itemKey)}, ins.id, ins.target_id, ins.drawn_on, ${prevOn}, ins.region,
            ins.target_kind, ins.risk_class
          from ${t} ${ins} where ${mine} and ${f.entered}`,
      );
  return out;
}

async function count(conn: Conn, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await conn.execute(sql, params)) as { n: number | string }[];
  return Number(present(row, 'row').n);
}

const pad = (n: number) => String(n).padStart(2, '0');

const started = performance.now();
const progress = (what: string) =>
  console.log(`  … ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

async function setup(database: Database, targets: number, visits: number) {
  const { app, gql } = await signedIn(database, JWT_SECRET, 'zh-CN');
  progress('the app started with the demo data');
  const conn = app.orm.em.getConnection() as unknown as Conn;
  const items = (
    await gql<{ items: { items: { id: string; targetType: string }[] } }>(
      'query($y: Int!) { items(filter: { year: $y, q: "土地" }, page: { page: 1, perPage: 100 }) { items { id targetType } } }',
      { y: YEAR },
    )
  ).items.items.filter((i) => i.targetType === TARGET_TYPE);
  if (items.length === 0) throw new Error('setup: no demo item of 土地 for 企业');
  const itemIds = items.map((i) => i.id).sort();
  const draws: DrawInfo[] = [];
  for (let k = 0; k < DRAWS; k++) {
    const lastYear = k < 12;
    const month = (k % 12) + 1;
    const taskId = (
      await gql<{ createTask: { id: string } }>('mutation($i: TaskInput!) { createTask(input: $i) { id } }', {
        i: {
          name: `统计基准测试任务 ${k + 1}`,
          year: YEAR,
          itemIds,
          scope: 'DIRECTED',
          regions: [REGIONS[k % 12]],
          windowStart: `${YEAR}-01-01`,
          windowEnd: `${YEAR}-12-31`,
        },
      })
    ).createTask.id;
    const { drawId } = await drawThroughApi(gql, taskId);
    const year = lastYear ? YEAR - 1 : YEAR;
    const day = `${year}-${pad(month)}-10`;
    // Moved to its month: the task's year and window, the draw's run; the real draw's own few visits
    // (of demo targets) go, and the generated ones take their place.
    const end = `${year}-${pad(month)}-${month === 2 ? 28 : 30}`;
    await conn.execute(
      `update task set year = ?, window_start = ?, window_end = ? where id = ?`,
      [year, day, end, taskId],
      'run',
    );
    await conn.execute(
      database.kind === 'postgresql'
        ? `update draw set ran_at = ?::timestamptz, drawn_on = ? where id = ?`
        : `update draw set ran_at = ?, drawn_on = ? where id = ?`,
      [new Date(`${day}T04:00:00Z`).toISOString(), day, drawId],
      'run',
    );
    for (const table of ['coverage_fact', 'visit_item', 'inspection_member'])
      await conn.execute(
        `delete from ${table} where inspection_id in (select id from inspection where draw_id = ?)`,
        [drawId],
        'run',
      );
    await conn.execute('delete from inspection where draw_id = ?', [drawId], 'run');
    const departments = (
      (await conn.execute(
        'select department_id, initiating from task_department where task_id = ? order by initiating desc, department_id',
        [taskId],
      )) as { department_id: string }[]
    ).map((r) => r.department_id);
    const [task] = (await conn.execute('select department_id from task where id = ?', [taskId])) as {
      department_id: string;
    }[];
    draws.push({
      drawId,
      taskId,
      day,
      lastYear,
      departments,
      departmentId: present(task, 'task').department_id,
      deadline: publicationDeadline(end),
    });
  }
  progress(`${DRAWS} tasks drawn through the API`);
  const [roster] = (await conn.execute('select inspectors from draw where id = ?', [
    present(draws[0], 'draws[0]').drawId,
  ])) as {
    inspectors: string;
  }[];
  const inspectorIds = (JSON.parse(present(roster, 'roster').inspectors) as [string, string][]).map(
    ([id]) => id,
  );
  const userId = async (username: string) =>
    present(
      ((await conn.execute('select id from app_user where username = ?', [username])) as { id: string }[])[0],
      'the benchmark user',
    ).id;
  const problemCategories = new Set(
    ((await conn.execute('select code from result_category where problem = true')) as { code: string }[]).map(
      (r) => r.code,
    ),
  );
  const now = new Date();
  const bulk: Bulk = {
    itemIds,
    inspectorIds,
    enteredBy: await userId('inspector'),
    reviewedBy: await userId('coordinator'),
    problemCategories,
    draws,
  };

  // The visits: each draw visits every eighth generated target, so DRAWS/8 visits per target.
  const perTarget = DRAWS / 8;
  const wanted = Math.min(targets, Math.ceil(visits / perTarget));
  const generate = await measure('generate targets, visits and results (setup)', visits, async () => {
    for (let from = 0; from < targets; from += CHUNK)
      await conn.execute(targetsSql(database.kind, from, Math.min(targets, from + CHUNK), now), [], 'run');
    progress('targets generated');
    for (const k of draws.keys()) {
      for (let from = 0; from < wanted; from += CHUNK * 4)
        for (const sql of generateSql(database.kind, from, Math.min(wanted, from + CHUNK * 4), k, bulk))
          await conn.execute(sql, [], 'run');
      // Every eighth of the generated targets, as many per item; the pool: those of the task's region.
      const drawn = wanted > k % 8 ? Math.floor((wanted - 1 - (k % 8)) / 8) + 1 : 0;
      await conn.execute(
        'update draw_item set drawn = ?, drawn_on = ?, pool_size = ? where draw_id = ?',
        [drawn, present(draws[k], 'draws[k]').day, drawn * 8, present(draws[k], 'draws[k]').drawId],
        'run',
      );
      progress(`visits of draw ${k + 1} generated with their facts`);
    }
  });
  const { cubesFromScratch } = await import('../dist/modules/statistics/cubes.js');
  const facts = await measure('summaries counted from the facts (setup)', visits, async () => {
    for (const sql of cubesFromScratch()) await conn.execute(sql, [], 'run');
    progress('summaries counted');
    if (database.kind === 'postgresql') await conn.execute('vacuum analyze', [], 'run');
    else await conn.execute('analyze', [], 'run');
  });
  // The generated facts are what the services would have kept: recomputing two draws' visits through
  // refreshVisitFacts leaves every summary as it was.
  const { refreshVisitFacts } = await import('../dist/modules/statistics/visit-facts.js');
  const cubes = async () =>
    JSON.stringify(
      await Promise.all(
        ['visit_cube', 'visit_item_cube', 'coverage_cube', 'member_cube'].map((table) =>
          conn.execute(`select key, n from ${table} order by key`),
        ),
      ),
    );
  const before = await cubes();
  // A sample: 250 visits of the first draw and 250 of the last (with their targets' other visits).
  const sample: string[] = [];
  for (const draw of [present(draws[0], 'draws[0]'), present(draws[DRAWS - 1], 'draws[DRAWS - 1]')])
    sample.push(
      ...(
        (await conn.execute('select id from inspection where draw_id = ? order by id limit 250', [
          draw.drawId,
        ])) as { id: string }[]
      ).map((r) => r.id),
    );
  const check = await measure('refreshVisitFacts of 500 visits (setup check)', visits, async () => {
    const em = app.orm.em.fork();
    await em.transactional((tx) => refreshVisitFacts(tx, { inspectionIds: sample }));
  });
  const agree = (await cubes()) === before;
  progress(
    `${sample.length} visits' facts recomputed by refreshVisitFacts in ${fmtSec(check.ms)}: summaries ${agree ? 'unchanged' : 'CHANGED'}`,
  );
  if (!agree) throw new Error('setup: the generated facts differ from what refreshVisitFacts computes');
  const stored = await count(conn, 'select count(*) as n from inspection');
  const results = await count(conn, 'select count(*) as n from item_result');
  const members = await count(conn, 'select count(*) as n from inspection_member');
  return { app, conn, gql, generate, facts, stored, results, members };
}

async function run(task: Task): Promise<Measurement> {
  const { database, targets, visits } = task;
  const s = await setup(database, targets, visits);
  try {
    const { app, conn } = s;
    const timer = statementTimer(app);

    const login = await app.execute(
      { query: 'mutation { login(username: "manager", password: "manager12345") { token } }' },
      undefined,
      'zh-CN',
    );
    const token = (login.data as { login: { token: string } }).login.token;
    const call = async (query: string, variables: Record<string, unknown>) => {
      const r = await app.execute({ query, variables }, `Bearer ${token}`, 'zh-CN');
      if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors).slice(0, 1000)}`);
      return r.data;
    };

    const yearFrom = `${YEAR}-01-01`;
    const yearTo = `${YEAR}-12-31`;
    const baselineSql = 'select count(*) as n from inspection where drawn_on between ? and ?';
    const yearVisits = await count(conn, baselineSql, [yearFrom, yearTo]);
    const timings: Timing[] = [];
    const time = async (name: string, body: () => Promise<unknown>) => {
      timings.push(await timeRuns(name, RUNS, timer, body));
    };
    await time('baseline: count(*) of the year’s visits', () => count(conn, baselineSql, [yearFrom, yearTo]));
    for (const q of SCREEN) await time(q.name, () => call(q.query, q.variables));
    await time('whole first screen (together)', () =>
      Promise.all(SCREEN.map((q) => call(q.query, q.variables))),
    );
    return {
      name: database.kind,
      ms: 0,
      rows: s.stored,
      peakRss: process.resourceUsage().maxRSS * 1024,
      rssBefore: 0,
      extra: {
        timings,
        yearVisits,
        stored: s.stored,
        results: s.results,
        members: s.members,
        generateMs: s.generate.ms,
        factsMs: s.facts.ms,
      },
    };
  } finally {
    await s.app.close();
  }
}

const task = workerTask<Task>();
if (task) await serveWorker(() => run(task));
else {
  const dir = mkdtempSync(join(tmpdir(), 'suiji-bench-stat-'));
  const kinds = (benchSetting('SUIJI_BENCH_DBS') ?? 'sqlite,postgresql').split(',') as DbKind[];
  let missed = 0;
  try {
    for (const kind of kinds) {
      const { database, drop } = await freshDatabase(kind, dir, 'statistics');
      try {
        const { targets, visits } = SIZES[kind];
        console.log(
          `\nstatistics on ${kind}: ${fmtInt(targets)} targets, ${fmtInt(visits)} visits over two years, ${RUNS} runs per query`,
        );
        const m = await runWorker<Task>(
          SELF,
          { database, targets, visits },
          { timeoutMs: WORKER_TIMEOUT_MS },
        );
        const e = m.extra as {
          timings: Timing[];
          yearVisits: number;
          stored: number;
          results: number;
          members: number;
          generateMs: number;
          factsMs: number;
        };
        console.log(
          `  setup: ${fmtInt(e.stored)} visits (${fmtInt(e.yearVisits)} this year), ${fmtInt(e.results)} item results, ${fmtInt(e.members)} team places; generated with their facts in ${fmtSec(e.generateMs)}, summaries counted in ${fmtSec(e.factsMs)}`,
        );
        missed += printTimings(e.timings, (t) =>
          t.name.startsWith('whole') ? TARGET_SCREEN_MS : TARGET_QUERY_P95_MS,
        );
      } finally {
        await drop();
      }
    }
  } finally {
    if (benchSetting('SUIJI_BENCH_KEEP') !== '1') rmSync(dir, { recursive: true, force: true });
  }
  console.log(missed ? `\nstatistics: ${missed} target(s) missed` : '\nstatistics: every target met');
}
