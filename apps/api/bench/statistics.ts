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
 * that their pools do not run dry) are created and their draws scheduled and run — real draws. Then the
 * database itself generates the targets and, for each draw, one visit for every eighth generated target:
 * its team of two from the draw's roster, the task's items, and a state by a hash of target and draw
 * (last year's mostly published, this year's spread over every state), with item results (a tenth with a
 * problem, half of those closed) for entered ones. Finally the same backfill the migration runs brings the
 * rows and facts (task_department, inspection_member, visit_item, coverage_fact, the visit's facts) up to
 * date, as the services would have kept them; then ANALYZE.
 *
 * Every statement is timed, whichever layer sends it (knex's query / query-response events carry the
 * ORM's, the raw SQL's and the facts'); the breakdown prints, per query, the time in SQL and the rest
 * (GraphQL, JS) and its slowest statement kind.
 *
 * Options: SUIJI_BENCH_STAT_TARGETS / SUIJI_BENCH_STAT_VISITS (defaults 1,000,000 / 3,000,000 on
 * PostgreSQL, 100,000 / 300,000 on SQLite), SUIJI_BENCH_DBS (default "sqlite,postgresql"),
 * SUIJI_BENCH_STAT_RUNS (default 30), SUIJI_BENCH_PG_URL, SUIJI_BENCH_KEEP=1 keeps the temp folder.
 */
import { chinaYear } from '@suiji/domain';
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fmtInt,
  fmtSec,
  freshDatabase,
  measure,
  runWorker,
  serveWorker,
  signedIn,
  table,
  workerTask,
  type Database,
  type DbKind,
  type Measurement,
  sqlDialect,
  sqlLabel,
  sqlString,
} from './lib.js';

const SELF = fileURLToPath(import.meta.url);
const RUNS = Number(process.env.SUIJI_BENCH_STAT_RUNS ?? 30);
const SIZES: Record<DbKind, { targets: number; visits: number }> = {
  postgresql: {
    targets: Number(process.env.SUIJI_BENCH_STAT_TARGETS ?? 1_000_000),
    visits: Number(process.env.SUIJI_BENCH_STAT_VISITS ?? 3_000_000),
  },
  sqlite: {
    targets: Number(process.env.SUIJI_BENCH_STAT_TARGETS ?? 100_000),
    visits: Number(process.env.SUIJI_BENCH_STAT_VISITS ?? 300_000),
  },
};
const TARGET_QUERY_P95_MS = 200;
const TARGET_SCREEN_MS = 500;
const JWT_SECRET = 'bench-secret-of-enough-length';
const YEAR = chinaYear();
const TARGET_TYPE = '企业';
const DRAWS = 24;
const CHUNK = 50_000;
const WORKER_TIMEOUT_MS = 60 * 60_000;
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
}

interface Bulk {
  itemIds: string[];
  inspectorIds: string[];
  enteredBy: string;
  reviewedBy: string;
  now: Date;
}

/**
 * The visits of a draw for generated targets from … to − 1 whose number is the draw's residue mod 8.
 * State by h = (i + 7 × draw) mod 20: last year 19 in 20 published; this year 0–9 published, 10–12
 * awaiting review, 13 rejected, the rest awaiting entry.
 */
function visitsSql(kind: DbKind, from: number, to: number, k: number, draw: DrawInfo, b: Bulk): string {
  const d = dialect(kind);
  const h = `((t.i + ${7 * k}) % 20)`;
  const state = draw.lastYear
    ? `case when ${h} < 19 then 'PUBLISHED' else 'PENDING_ENTRY' end`
    : `case when ${h} < 10 then 'PUBLISHED' when ${h} < 13 then 'PENDING_REVIEW' when ${h} = 13 then 'REJECTED' else 'PENDING_ENTRY' end`;
  const entered = draw.lastYear ? `${h} < 19` : `${h} < 14`;
  const published = draw.lastYear ? `${h} < 19` : `${h} < 10`;
  const when = (cond: string, then: string) => `case when ${cond} then ${then} else null end`;
  const at = d.ts(new Date(`${draw.day}T04:00:00Z`));
  // Published 10 days after the draw, late for one in seven (70 days after it).
  const pubAt = (late: boolean) =>
    d.ts(new Date(Date.parse(`${draw.day}T04:00:00Z`) + (late ? 70 : 10) * 86_400_000));
  const n = b.inspectorIds.length;
  const second = `t.i + 1 + (t.i / ${n}) % ${n - 1}`;
  return `insert into inspection (id, created_at, updated_at, draw_id, task_id, target_id, team_ids, item_ids, state, methods_used, inspected_on, entered_by_id, entered_at, reviewed_by_id, published_at)
    select ${d.uuid}, ${at}, ${at}, ${sqlString(draw.drawId)}, ${sqlString(draw.taskId)}, t.id,
      ',' || ${d.pick(b.inspectorIds, 't.i')} || ',' || ${d.pick(b.inspectorIds, second)} || ',',
      ${sqlString(`,${b.itemIds.join(',')},`)}, ${state}, case when ${entered} then ',ON_SITE,' else '' end,
      ${when(entered, sqlString(draw.day))}, ${when(entered, sqlString(b.enteredBy))}, ${when(entered, at)},
      ${when(published, sqlString(b.reviewedBy))}, ${when(published, `case when t.i % 7 = 0 then ${pubAt(true)} else ${pubAt(false)} end`)}
    from (select id, cast(substr(credit_code, ${CODE_PREFIX.length + 1}) as integer) as i from target
      where credit_code >= ${sqlString(CODE_PREFIX + String(from).padStart(16, '0'))} and credit_code < ${sqlString(CODE_PREFIX + String(to).padStart(16, '0'))}) as t
    where t.i % 8 = ${k % 8}`;
}

/** An item result per item of every entered visit of the draw: a tenth with a problem, half of those closed. */
function resultsSql(kind: DbKind, draw: DrawInfo, b: Bulk): string {
  const d = dialect(kind);
  const now = d.ts(b.now);
  const items = b.itemIds.map((id, k) => `select ${sqlString(id)} as item_id, ${k} as k`).join(' union all ');
  const hash =
    kind === 'postgresql'
      ? `abs(hashtext(ins.id || it.item_id))`
      : `abs(unicode(substr(ins.id, 1, 1)) * 31 + unicode(substr(ins.id, 2, 1)) * 7 + unicode(substr(ins.id, 3, 1)) + it.k)`;
  return `insert into item_result (id, created_at, updated_at, inspection_id, item_id, category, findings, follow_up, closed_on)
    select ${d.uuid}, ${now}, ${now}, ins.id, it.item_id,
      case when ${hash} % 10 = 0 then 'PROBLEM_PENDING' when ${hash} % 10 = 1 then 'UNREACHABLE' else 'NO_PROBLEM' end,
      '现场检查', case when ${hash} % 10 = 0 then 'ORDERED_TO_CORRECT' else 'NONE' end,
      case when ${hash} % 20 = 0 and ins.state = 'PUBLISHED' then ins.inspected_on else null end
    from inspection ins cross join (${items}) as it
    where ins.draw_id = ${sqlString(draw.drawId)} and ins.state <> 'PENDING_ENTRY'
      and not exists (select 1 from item_result r where r.inspection_id = ins.id)`;
}

async function count(conn: Conn, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await conn.execute(sql, params)) as { n: number | string }[];
  return Number(row!.n);
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
  const itemIds = items.map((i) => i.id);
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
    const drawId = (
      await gql<{ scheduleDraw: { id: string } }>(
        'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
        {
          i: { taskId },
        },
      )
    ).scheduleDraw.id;
    await gql('mutation($i: RunDrawInput!) { runDraw(input: $i) { status } }', {
      i: { drawId, publicEntropy: `福彩3D 基准 ${k}` },
    });
    const year = lastYear ? YEAR - 1 : YEAR;
    const day = `${year}-${pad(month)}-10`;
    // Moved to its month: the task's year and window, the draw's run, its visits' creation.
    const end = `${year}-${pad(month)}-${month === 2 ? 28 : 30}`;
    await conn.execute(
      `update task set year = ?, window_start = ?, window_end = ? where id = ?`,
      [year, day, end, taskId],
      'run',
    );
    const ranAt = new Date(`${day}T04:00:00Z`).toISOString();
    await conn.execute(
      database.kind === 'postgresql'
        ? `update draw set ran_at = ?::timestamptz where id = ?`
        : `update draw set ran_at = ? where id = ?`,
      [ranAt, drawId],
      'run',
    );
    draws.push({ drawId, taskId, day, lastYear });
  }
  progress(`${DRAWS} tasks drawn through the API`);
  const [roster] = (await conn.execute('select inspectors from draw where id = ?', [draws[0]!.drawId])) as {
    inspectors: string;
  }[];
  const inspectorIds = (JSON.parse(roster!.inspectors) as [string, string][]).map(([id]) => id);
  const userId = async (username: string) =>
    ((await conn.execute('select id from app_user where username = ?', [username])) as { id: string }[])[0]!
      .id;
  const now = new Date();
  const bulk: Bulk = {
    itemIds,
    inspectorIds,
    enteredBy: await userId('inspector'),
    reviewedBy: await userId('coordinator'),
    now,
  };

  // The visits: each draw visits every eighth generated target, so DRAWS/8 visits per target.
  const perTarget = DRAWS / 8;
  const wanted = Math.min(targets, Math.ceil(visits / perTarget));
  const generate = await measure('generate targets, visits and results (setup)', visits, async () => {
    for (let from = 0; from < targets; from += CHUNK)
      await conn.execute(targetsSql(database.kind, from, Math.min(targets, from + CHUNK), now), [], 'run');
    for (const [k, draw] of draws.entries()) {
      for (let from = 0; from < wanted; from += CHUNK * 4)
        await conn.execute(
          visitsSql(database.kind, from, Math.min(wanted, from + CHUNK * 4), k, draw, bulk),
          [],
          'run',
        );
      await conn.execute(resultsSql(database.kind, draw, bulk), [], 'run');
      progress(`visits and results of draw ${k + 1} generated`);
    }
  });
  const { rowBackfill, deadlineBackfill, factBackfill } =
    await import('../dist/migrations/visit-facts-backfill.js');
  const facts = await measure('backfill rows and facts (setup)', visits, async () => {
    // Start from nothing: the facts the services kept for the real draws are recomputed with the rest.
    // Only the draws' items (draw_item) stay as the scheduling wrote them: the migration's way of
    // recovering them from the frozen pools is for old draws, and quadratic.
    for (const table of ['coverage_fact', 'visit_item', 'inspection_member', 'task_department'])
      await conn.execute(`delete from ${table}`, [], 'run');
    await conn.execute(
      `update inspection set drawn_on = null, deadline = null, region = null, target_kind = null, risk_class = null`,
      [],
      'run',
    );
    const ends = (
      (await conn.execute('select distinct window_end from task')) as { window_end: string }[]
    ).map((e) => e.window_end);
    const backfill = [
      ...rowBackfill(database.kind),
      ...deadlineBackfill(ends),
      ...factBackfill(database.kind),
    ];
    for (const sql of backfill.filter((s) => !/^\s*insert into draw_item/.test(s))) {
      await conn.execute(sql, [], 'run');
      progress(`backfill: ${sql.replace(/\s+/g, ' ').slice(0, 60)}`);
    }
    if (database.kind === 'postgresql') await conn.execute('vacuum analyze', [], 'run');
    else await conn.execute('analyze', [], 'run');
  });
  const stored = await count(conn, 'select count(*) as n from inspection');
  const results = await count(conn, 'select count(*) as n from item_result');
  const members = await count(conn, 'select count(*) as n from inspection_member');
  return { app, conn, gql, generate, facts, stored, results, members };
}

interface Timing {
  name: string;
  p50: number;
  p95: number;
  sqlMs: number;
  statements: number;
  slowest: string;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function run(task: Task): Promise<Measurement> {
  const { database, targets, visits } = task;
  const s = await setup(database, targets, visits);
  try {
    const { app, conn } = s;
    // Every statement, whichever layer sends it, passes through knex: timed by its query id.
    const knex = (
      app.orm.em as unknown as {
        getKnex(): { on(e: string, f: (q: { __knexQueryUid: string; sql: string }) => void): void };
      }
    ).getKnex();
    const open = new Map<string, { sql: string; start: number }>();
    const done: { sql: string; ms: number }[] = [];
    knex.on('query', (q) => open.set(q.__knexQueryUid, { sql: q.sql, start: performance.now() }));
    const finish = (_: unknown, q: { __knexQueryUid: string }) => {
      const o = open.get(q.__knexQueryUid);
      if (o) done.push({ sql: o.sql, ms: performance.now() - o.start });
      open.delete(q.__knexQueryUid);
    };
    (knex as unknown as { on(e: string, f: (...a: never[]) => void): void }).on('query-response', finish);
    (knex as unknown as { on(e: string, f: (...a: never[]) => void): void }).on('query-error', finish);

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
      await body(); // warm-up
      const ms: number[] = [];
      done.length = 0;
      for (let r = 0; r < RUNS; r++) {
        const start = performance.now();
        await body();
        ms.push(performance.now() - start);
      }
      const byKind = new Map<string, number>();
      for (const d of done) byKind.set(sqlLabel(d.sql), (byKind.get(sqlLabel(d.sql)) ?? 0) + d.ms);
      const slowest = [...byKind].sort((a, b) => b[1] - a[1])[0];
      timings.push({
        name,
        p50: percentile(ms, 50),
        p95: percentile(ms, 95),
        sqlMs: done.reduce((a, d) => a + d.ms, 0) / RUNS,
        statements: done.length / RUNS,
        slowest: slowest ? `${slowest[0]} ${(slowest[1] / RUNS).toFixed(1)} ms` : '',
      });
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
  const kinds = (process.env.SUIJI_BENCH_DBS ?? 'sqlite,postgresql').split(',') as DbKind[];
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
          `  setup: ${fmtInt(e.stored)} visits (${fmtInt(e.yearVisits)} this year), ${fmtInt(e.results)} item results, ${fmtInt(e.members)} team places; generated in ${fmtSec(e.generateMs)}, facts backfilled in ${fmtSec(e.factsMs)}`,
        );
        const base = e.timings[0]!;
        const rows = [
          [
            'query',
            'p50',
            'p95',
            '× baseline p50',
            'SQL per run',
            'statements',
            'slowest statement kind',
            'target',
          ],
        ];
        for (const t of e.timings) {
          const isScreen = t.name.startsWith('whole');
          const isBase = t === base;
          const limit = isScreen ? TARGET_SCREEN_MS : TARGET_QUERY_P95_MS;
          const ok = isBase ? '' : t.p95 < limit ? `ok (< ${limit} ms)` : `MISSED (p95 ≥ ${limit} ms)`;
          if (!isBase && t.p95 >= limit) missed++;
          rows.push([
            t.name,
            `${t.p50.toFixed(1)} ms`,
            `${t.p95.toFixed(1)} ms`,
            isBase ? '1.00×' : `${(t.p50 / base.p50).toFixed(2)}×`,
            `${t.sqlMs.toFixed(1)} ms`,
            t.statements.toFixed(1),
            t.slowest,
            ok,
          ]);
        }
        console.log(table(rows));
        const worst = e.timings.slice(1, -1).sort((a, b) => b.p95 - a.p95)[0]!;
        console.log(
          `  dominates: ${worst.name} (p95 ${worst.p95.toFixed(1)} ms; ${((worst.sqlMs / worst.p50) * 100).toFixed(0)} % of its time in SQL, slowest: ${worst.slowest})`,
        );
      } finally {
        await drop();
      }
    }
  } finally {
    if (process.env.SUIJI_BENCH_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  }
  console.log(missed ? `\nstatistics: ${missed} target(s) missed` : '\nstatistics: every target met');
}
