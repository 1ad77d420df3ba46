/**
 * Inspection list benchmark (issue requirement): listing 100 inspections with their target, team,
 * items and results through GraphQL issues a constant number of SQL statements (at most 5) whatever
 * the page size, and that query's throughput (requests/s, p50, p99) under autocannon with 200,000
 * inspections stored — on PostgreSQL (a fresh database, dropped afterwards) and on SQLite (a file).
 *
 *   LIST = inspections(page: { page: 1, perPage: n }) { total items { id state publicationDeadline
 *          overdue target { … } team { … } items { … } results { … categoryInfo { … } item { … } } } }
 *
 * Statements: counted in the server's process for n = 10, 100 and 500; signing in (the token's user
 * and its department tree) is counted apart with `{ me { id } }`, and the listing's own count is the
 * total less that. Target: the listing's count ≤ 5 and the same for every page size.
 *
 * Throughput: the API listens in a worker process; this process runs autocannon against it (POST
 * /graphql, LIST with n = 100, signed in as the coordinator), after a short warm-up. Baseline, measured
 * in the same run with the same settings: `{ me { id } }` — signing in and GraphQL, no listing. Every
 * response must be 2xx and equal (in its ASCII characters, see `ascii`) to the one checked before the
 * run, else FAIL; requests/s and latency are reported beside the baseline's (target: the list ≥ 0.25× the
 * baseline's requests/s). For the breakdown, each operation is also timed alone in the server's process,
 * with its statements' times.
 *
 * Load: then LOAD_CLIENTS (200) clients at once for LOAD_SECONDS (30 s) on the targets list and on the
 * inspection list, 25 per page each (every client sends its next request when its last is answered):
 * requests/s, p50 and p99; target 0 failed (no timeout, no error, every body as checked) and p99 < 1 s.
 * The baseline is run first under the same load: its latency is the floor of the lists'.
 *
 * Setup (not measured): the app starts on the empty database with the demo data; as the coordinator,
 * through GraphQL, a task with the demo's two land-use items (土地) is created and its draw scheduled
 * and run — a real draw. Then the database itself generates (one INSERT … SELECT per chunk and table)
 * 200,000 more targets of type "企业" and one inspection of that draw for each: a team of two from the
 * draw's roster, the task's items, every other one PUBLISHED with a result per item, the rest
 * PENDING_ENTRY; then their statistics facts and summaries are computed as the draw keeps its own (the
 * lists' totals are read from the summaries), and ANALYZE. The generated inspections are dated just
 * before the draw's own, so the first page mixes published ones (with results) and pending ones.
 *
 * Options: SUIJI_BENCH_LIST_INSPECTIONS (default 200000), SUIJI_BENCH_DBS (default
 * "sqlite,postgresql"), SUIJI_BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
 * SUIJI_BENCH_DURATION (seconds per autocannon run, default 10), SUIJI_BENCH_WARMUP (seconds, default
 * 2), SUIJI_BENCH_CONNECTIONS (default 10), SUIJI_BENCH_LOAD_CLIENTS (default 200),
 * SUIJI_BENCH_LOAD_SECONDS (default 30), SUIJI_BENCH_KEEP=1 keeps the temp folder (SQLite file),
 * SUIJI_BENCH_CPU_PROF=1 prints a CPU profile of 100 lists of 100 alone in the server's process.
 */
import { chinaYear } from '@suiji/domain';
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import {
  drawThroughApi,
  fmtInt,
  fmtMb,
  fmtRatio,
  fmtSec,
  freshDatabase,
  measure,
  runWorker,
  serveRunningWorker,
  serveWorker,
  signedIn,
  sqlDialect as dialect,
  sqlLabel,
  sqlString,
  startWorker,
  table,
  workerTask,
  type Database,
  type DbKind,
  type Measurement,
} from './lib.js';
import { benchSetting } from './env.js';
import { profiled } from './profile.js';
import { present } from '../dist/invariant.js';
import { refreshVisitFacts } from '../dist/modules/statistics/visit-facts.js';

const SELF = fileURLToPath(import.meta.url);
const INSPECTIONS = Number(benchSetting('SUIJI_BENCH_LIST_INSPECTIONS') ?? 200_000);
const DURATION_S = Number(benchSetting('SUIJI_BENCH_DURATION') ?? 10);
const WARMUP_S = Number(benchSetting('SUIJI_BENCH_WARMUP') ?? 2);
const CONNECTIONS = Number(benchSetting('SUIJI_BENCH_CONNECTIONS') ?? 10);
/** The load run: this many clients at once, each sending its next request when its last is answered. */
const LOAD_CLIENTS = Number(benchSetting('SUIJI_BENCH_LOAD_CLIENTS') ?? 200);
const LOAD_S = Number(benchSetting('SUIJI_BENCH_LOAD_SECONDS') ?? 30);
const LOAD_LIST_SIZE = 25;
const LOAD_P99_MS = 1000;
/** autocannon's own default: a response slower than this counts as an error (a timeout). */
const TIMEOUT_S = 10;
const TARGET_STATEMENTS = 5;
/** The list's requests/s against the baseline's, in the same run. */
const TARGET_RATIO = 0.25;
const PAGE_SIZES = [10, 100, 500];
const LOAD_PAGE_SIZE = 100;
const JWT_SECRET = 'bench-secret-of-enough-length';
const YEAR = chinaYear();
const TARGET_TYPE = '企业';
const WORKER_TIMEOUT_MS = 15 * 60_000;

/** What the dashboard's inspection list shows: target, team, items and results. */
const LIST = `query($n: Int!) { inspections(page: { page: 1, perPage: $n }) { total items { id state publicationDeadline overdue target { id name creditCode riskClass } team { id name departmentId } items { id name } results { category categoryInfo { nameZh problem } findings followUp item { name } } } } }`;
/** The load run's two lists, 25 per page, as the dashboard asks for them. */
const LOAD_TARGETS = `query($n: Int!) { targets(page: { page: 1, perPage: $n }) { total items { id name creditCode kind region riskClass status tags abnormal targetTypes } } }`;
const LOAD_INSPECTIONS = LIST;
/** Signing in and GraphQL alone: the baseline of both the statement count and the throughput. */
const ME = '{ me { id } }';

type Task =
  { kind: 'setup'; database: Database; inspections: number } | { kind: 'serve'; database: Database };

// ---------------------------------------------------------------------------------------------
// Setup: a real draw through the API, then the bulk generated inside the database.

const REGIONS = ['垭口街道', '寺坡街道', '院岭街道', '矿建街道', '朱兰街道', '尚店镇', '八台镇', '尹集镇'];
/** Risk classes by i mod 10: A 10%, B 40%, C 30%, D 20%. */
const RISK_BY_DECILE = 'ABBBBCCCDD';
const CHUNK = 50_000;
/** Generated credit codes: "BL" and 16 digits, unlike any real or demo code; sorted as i is. */
const CODE_PREFIX = 'BL';

const code = (i: number) => `${CODE_PREFIX}${String(i).padStart(16, '0')}`;

/** Targets `from` … `to - 1` of type 企业. */
function targetsSql(kind: DbKind, from: number, to: number, now: Date): string {
  const d = dialect(kind);
  const series = d.series(from, to);
  const ts = d.ts(now);
  const region = d.pick(REGIONS, 'i');
  return `insert into target (id, created_at, updated_at, deleted_at, name, credit_code, kind, legal_representative, address, region, contact, tags, risk_class, status, target_types)
    select ${d.uuid}, ${ts}, ${ts}, null, '舞钢市列表测试企业' || i || '有限公司', ${kind === 'postgresql' ? `'${CODE_PREFIX}' || lpad(i::text, 16, '0')` : `'${CODE_PREFIX}' || substr('0000000000000000' || i, -16, 16)`}, 'ENTERPRISE',
      '王某', '舞钢市' || ${region} || (1 + i % 300) || '号', ${region}, '13' || (900000000 + i), '',
      substr('${RISK_BY_DECILE}', 1 + i % 10, 1), 'ACTIVE', ',${TARGET_TYPE},'
    from ${series}`;
}

/** The generated targets `from` … `to - 1` with their i, found by their credit codes' range. */
const generatedTargets = (from: number, to: number) =>
  `(select id, cast(substr(credit_code, ${CODE_PREFIX.length + 1}) as integer) as i from target where credit_code >= '${code(from)}' and credit_code < '${code(to)}')`;

interface Bulk {
  drawId: string;
  taskId: string;
  itemIds: string[];
  inspectorIds: string[];
  enteredBy: string;
  reviewedBy: string;
  /** The generated inspections' created_at: base + i ms. */
  base: Date;
  now: Date;
}

/** One inspection of the draw per generated target: even i PUBLISHED, odd i PENDING_ENTRY. */
function inspectionsSql(kind: DbKind, from: number, to: number, b: Bulk): string {
  const d = dialect(kind);
  const published = (then: string, otherwise = 'null') =>
    `case when t.i % 2 = 0 then ${then} else ${otherwise} end`;
  const now = d.ts(b.now);
  const created = d.at(b.base, 't.i');
  // Two different inspectors: i and i + 1 + (i / n) mod (n - 1), both mod n.
  const n = b.inspectorIds.length;
  const second = `t.i + 1 + (t.i / ${n}) % ${n - 1}`;
  return `insert into inspection (id, created_at, updated_at, draw_id, task_id, target_id, team_ids, item_ids, state, methods_used, inspected_on, entered_by_id, entered_at, reviewed_by_id, published_at)
    select ${d.uuid}, ${created}, ${created}, ${sqlString(b.drawId)}, ${sqlString(b.taskId)}, t.id,
      ',' || ${d.pick(b.inspectorIds, 't.i')} || ',' || ${d.pick(b.inspectorIds, second)} || ',',
      ${sqlString(`,${b.itemIds.join(',')},`)},
      ${published(`'PUBLISHED'`, `'PENDING_ENTRY'`)}, ${published(`',ON_SITE,DOCUMENT,'`, `''`)},
      ${published(`'${YEAR}-06-15'`)}, ${published(sqlString(b.enteredBy))}, ${published(now)},
      ${published(sqlString(b.reviewedBy))}, ${published(now)}
    from ${generatedTargets(from, to)} as t`;
}

/** A result per item of every published generated inspection: a third found a problem, corrected. */
function resultsSql(kind: DbKind, from: number, to: number, b: Bulk): string {
  const d = dialect(kind);
  const now = d.ts(b.now);
  const items = b.itemIds.map((id, k) => `select ${sqlString(id)} as item_id, ${k} as k`).join(' union all ');
  const problem = '(t.i / 2 + it.k) % 3 = 0';
  return `insert into item_result (id, created_at, updated_at, inspection_id, item_id, category, findings, follow_up)
    select ${d.uuid}, ${now}, ${now}, ins.id, it.item_id,
      case when ${problem} then 'PROBLEM_CORRECTED' else 'NO_PROBLEM' end,
      case when ${problem} then '现场发现未批先建，已责令整改并完成整改' else '现场检查未发现问题' end, 'NONE'
    from ${generatedTargets(from, to)} as t
    join inspection ins on ins.target_id = t.id and ins.draw_id = ${sqlString(b.drawId)}
    cross join (${items}) as it
    where t.i % 2 = 0`;
}

interface Conn {
  execute(sql: string, params?: unknown[], method?: 'all' | 'get' | 'run'): Promise<unknown>;
}

async function count(conn: Conn, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await conn.execute(sql, params)) as { n: number | string }[];
  return Number(present(row, 'row').n);
}

async function setup(database: Database, inspections: number): Promise<Measurement> {
  const { app, gql } = await signedIn(database, JWT_SECRET, 'zh-CN');
  try {
    const conn = app.orm.em.getConnection() as unknown as Conn;
    const drawStart = performance.now();
    const items = (
      await gql<{ items: { items: { id: string; targetType: string }[] } }>(
        'query($y: Int!) { items(filter: { year: $y, q: "土地" }, page: { page: 1, perPage: 100 }) { items { id targetType } } }',
        { y: YEAR },
      )
    ).items.items.filter((i) => i.targetType === TARGET_TYPE);
    if (items.length === 0) throw new Error('setup: no demo item of 土地 for 企业');
    const itemIds = items.map((i) => i.id);
    const taskId = (
      await gql<{ createTask: { id: string } }>('mutation($i: TaskInput!) { createTask(input: $i) { id } }', {
        i: {
          name: `${YEAR} 年土地利用抽查（列表基准测试）`,
          year: YEAR,
          itemIds,
          windowStart: `${YEAR}-01-01`,
          windowEnd: `${YEAR}-12-31`,
        },
      })
    ).createTask.id;
    const { drawId, selected } = await drawThroughApi(gql, taskId);
    const drawMs = performance.now() - drawStart;

    // The draw's eligible roster (the inspectors the task's departments may send), JSON [[id, department], …].
    const [roster] = (await conn.execute('select inspectors from draw where id = ?', [drawId])) as {
      inspectors: string;
    }[];
    const inspectorIds = (JSON.parse(present(roster, 'roster').inspectors) as [string, string][]).map(
      ([id]) => id,
    );
    if (inspectorIds.length < 2)
      throw new Error(`setup: ${inspectorIds.length} inspectors in the draw's roster`);
    const userId = async (username: string) =>
      present(
        (
          (await conn.execute('select id from app_user where username = ?', [username])) as { id: string }[]
        )[0],
        'the benchmark user',
      ).id;
    const drawnAt = present(
      (
        (await conn.execute('select min(created_at) as at from inspection where draw_id = ?', [drawId])) as {
          at: string | Date | null;
        }[]
      )[0],
      'the earliest inspection',
    ).at;
    const now = new Date();
    const bulk: Bulk = {
      drawId,
      taskId,
      itemIds,
      inspectorIds,
      enteredBy: await userId('inspector'),
      reviewedBy: await userId('coordinator'),
      // Just before the draw's own inspections (ordered by creation, the first page shows these).
      base: new Date(new Date(drawnAt ?? now).getTime() - inspections - 60_000),
      now,
    };

    const result = await measure('generate the inspections (setup)', inspections, async () => {
      for (let from = 0; from < inspections; from += CHUNK) {
        const to = Math.min(inspections, from + CHUNK);
        for (const sql of [
          targetsSql(database.kind, from, to, now),
          inspectionsSql(database.kind, from, to, bulk),
          resultsSql(database.kind, from, to, bulk),
        ])
          await conn.execute(sql, [], 'run');
      }
    });
    // The generated visits' statistics facts and summaries, as the draw keeps them for its own: the
    // list's total is read from the summaries.
    const factsStart = performance.now();
    await app.orm.em.fork().transactional((em) => refreshVisitFacts(em, { drawId }));
    const factsMs = performance.now() - factsStart;
    const analyzeStart = performance.now();
    if (database.kind === 'postgresql') await conn.execute('vacuum analyze', [], 'run');
    else {
      await conn.execute('analyze', [], 'run');
      await conn.execute('pragma wal_checkpoint(truncate)', [], 'all');
    }
    const analyzeMs = performance.now() - analyzeStart;
    const stored = await count(conn, 'select count(*) as n from inspection where draw_id = ?', [drawId]);
    const results = await count(conn, 'select count(*) as n from item_result');
    const published = Math.ceil(inspections / 2);
    if (stored !== selected + inspections)
      throw new Error(`setup: ${stored} inspections, expected ${selected} + ${inspections}`);
    if (results !== published * itemIds.length)
      throw new Error(`setup: ${results} item results, expected ${published} × ${itemIds.length}`);
    result.extra = {
      drawMs,
      drawn: selected,
      items: itemIds.length,
      inspectors: inspectorIds.length,
      inspections: stored,
      results,
      targets: await count(conn, 'select count(*) as n from target'),
      analyzeMs,
      factsMs,
    };
    return result;
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The server: statement counts in-process, then HTTP for autocannon in the parent.

interface StatementCount {
  label: string;
  perPage: number | null;
  statements: number;
  kinds: string[];
}

interface ServerInfo {
  port: number;
  token: string;
  counts: StatementCount[];
  alone: Alone[];
  /** SUIJI_BENCH_CPU_PROF=1: the profile of PROFILE_RUNS lists alone, else empty. */
  profile: string[];
}

interface ListPage {
  inspections: {
    total: number;
    items: { state: string; team: unknown[]; items: unknown[]; results: unknown[] }[];
  };
}

/** Checks a page of the list: n rows (or all), with teams, items and, on published rows, results. */
function checkPage(page: ListPage, n: number): void {
  const { total, items } = page.inspections;
  if (items.length !== Math.min(n, total))
    throw new Error(`list: ${items.length} rows for ${n} per page of ${total}`);
  if (!items.every((i) => i.team.length > 0 && i.items.length > 0))
    throw new Error('list: a row without its team or items');
  const published = items.filter((i) => i.state === 'PUBLISHED');
  if (published.length === 0 || !published.every((i) => i.results.length === i.items.length))
    throw new Error(`list: ${published.length} published rows, or one without its results`);
}

/**
 * Times the statements the ORM sends (every one goes through the connection's execute), and tells
 * when the database has been quiet: the requests autocannon abandoned at its end are still running
 * in the server and must finish before the database is closed.
 */
function sqlClock(conn: Conn) {
  let active = 0;
  let last = performance.now();
  /** Wall time with at least one statement running (statements may run at the same time). */
  let sqlMs = 0;
  let busySince = 0;
  /** While set, every statement's kind and time is added to it. */
  let record: { label: string; ms: number }[] | null = null;
  const original = conn.execute.bind(conn) as (...args: unknown[]) => Promise<unknown>;
  (conn as { execute: unknown }).execute = async (...args: unknown[]) => {
    const start = performance.now();
    if (active++ === 0) busySince = start;
    try {
      return await original(...args);
    } finally {
      last = performance.now();
      if (--active === 0) sqlMs += last - busySince;
      record?.push({ label: sqlLabel(sqlOf(args[0])), ms: last - start });
    }
  };
  return {
    sqlMs: () => sqlMs,
    /** Runs `work` and returns its statements' kinds and times. */
    async statements(work: () => Promise<void>): Promise<{ label: string; ms: number }[]> {
      const events: { label: string; ms: number }[] = [];
      record = events;
      try {
        await work();
      } finally {
        record = null;
      }
      return events;
    },
    async quiet(ms: number, maxMs = 30_000): Promise<void> {
      const until = performance.now() + maxMs;
      while ((active > 0 || performance.now() - last < ms) && performance.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

const sqlOf = (arg: unknown) =>
  String(typeof arg === 'string' ? arg : ((arg as { sql?: string } | null)?.sql ?? '?'));

/** One request alone, in-process (no HTTP, no load): the median of a few, and its time in SQL. */
interface Alone {
  label: string;
  ms: number;
  sqlMs: number;
  /** The median run's statements, in order, with their times. */
  statements: { label: string; ms: number }[];
}

const ALONE_RUNS = 7;
/** SUIJI_BENCH_CPU_PROF=1: this many lists alone under the profiler. */
const PROFILE_RUNS = 100;
/** The list's steps whose inclusive time the profile shows. */
const LIST_STEPS = [
  'processGraphQLRequest',
  'execute',
  'parse',
  'validate',
  'readRows',
  'listEntities',
  'summedCount',
  'authenticate',
  'runMicrotasks',
  'serialize',
  'stringify',
];
const median = (runs: Alone[]) =>
  present(
    [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)],
    'the median of a non-empty sample',
  );

async function serve(database: Database, ready: (info: ServerInfo) => Promise<void>): Promise<Measurement> {
  const { app, token } = await signedIn(database, JWT_SECRET, 'zh-CN');
  const { countStatements } = await import('../dist/db/statements.js');
  const clock = sqlClock(app.orm.em.getConnection());
  try {
    const run = async (label: string, query: string, perPage: number | null) => {
      const result = await app.execute(
        { query, variables: perPage === null ? {} : { n: perPage } },
        `Bearer ${token}`,
        'zh-CN',
      );
      if (result.errors?.length)
        throw new Error(`${label}: GraphQL errors: ${JSON.stringify(result.errors).slice(0, 2000)}`);
      if (perPage !== null) checkPage(result.data as ListPage, perPage);
    };
    const counted = async (label: string, query: string, perPage: number | null) => {
      const { statements } = await countStatements(app.orm, () => run(label, query, perPage));
      return { label, perPage, statements: statements.length, kinds: statements.map(sqlLabel) };
    };
    const counts: StatementCount[] = [await counted('sign-in: { me { id } }', ME, null)];
    for (const n of PAGE_SIZES) counts.push(await counted(`list, ${n} per page`, LIST, n));
    const alone: Alone[] = [];
    for (const [label, query, perPage] of [
      ['baseline: { me { id } }', ME, null],
      [`inspections, ${LOAD_PAGE_SIZE} per page`, LIST, LOAD_PAGE_SIZE],
    ] as const) {
      const runs: Alone[] = [];
      for (let i = 0; i < ALONE_RUNS; i++) {
        const sql = clock.sqlMs();
        const start = performance.now();
        const statements = await clock.statements(() => run(label, query, perPage));
        runs.push({ label, ms: performance.now() - start, sqlMs: clock.sqlMs() - sql, statements });
      }
      alone.push(median(runs));
    }
    const { profile } = await profiled(async () => {
      for (let i = 0; i < PROFILE_RUNS; i++) await run('profiled list', LIST, LOAD_PAGE_SIZE);
    }, LIST_STEPS);
    const server = await app.listen(0, '127.0.0.1');
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('serve: no port');
    const m = await measure('server under load', 0, () =>
      ready({ port: address.port, token, counts, alone, profile }),
    );
    await clock.quiet(1000);
    return m;
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Coordinator.

interface Load {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Connection errors (timeouts included: `timeouts` of them), non-2xx responses, bodies unlike the checked one. */
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  /** Where the first mismatched body differs from the checked one. */
  unlike?: string;
}

/**
 * A body's printable ASCII characters. autocannon decodes each network chunk of a body as UTF-8 on its
 * own, so a Chinese character split between two chunks arrives as U+FFFD: bodies are compared on their
 * ASCII characters (the structure, ids, states, dates, codes), which fix the rows the Chinese text
 * comes from.
 */
const ascii = (text: string) => text.replace(/[^ -~]/g, '');

/** The two texts around their first difference. */
function difference(expected: string, got: string): string {
  let at = 0;
  while (at < expected.length && expected[at] === got[at]) at++;
  const around = (t: string) => JSON.stringify(t.slice(Math.max(0, at - 80), at + 160));
  return `at character ${at} of ${expected.length}: expected …${around(expected)}…, got (${got.length} characters) …${around(got)}…`;
}

/** POSTs one GraphQL operation and returns the response's text, after checking it. */
async function post(port: number, token: string, body: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 2000)}`);
  const parsed = JSON.parse(text) as { errors?: unknown[] };
  if (parsed.errors?.length) throw new Error(`GraphQL errors: ${text.slice(0, 2000)}`);
  return text;
}

/** autocannon against the server with one operation; every response must equal `expected`. */
async function load(
  name: string,
  port: number,
  token: string,
  body: string,
  seconds: number,
  connections = CONNECTIONS,
) {
  const expected = await post(port, token, body);
  const expectedAscii = ascii(expected);
  let unlike: string | undefined;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
    connections,
    duration: seconds,
    timeout: TIMEOUT_S,
    // Counted in mismatches; the first one is kept to show how it differs.
    verifyBody: (got) => {
      const text = ascii(String(got ?? ''));
      if (text === expectedAscii) return true;
      unlike ??= text;
      return false;
    },
  });
  const l: Load = {
    name,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    unlike: unlike === undefined ? undefined : difference(expectedAscii, unlike),
  };
  return { load: l, bytes: Buffer.byteLength(expected) };
}

interface DbResult {
  db: DbKind;
  setup: Measurement;
  counts: StatementCount[];
  alone: Alone[];
  profile: string[];
  baseline: Load;
  list: Load;
  listBytes: number;
  /** The load run: LOAD_CLIENTS clients on each list of LOAD_LIST_SIZE. */
  loads: Load[];
  server: Measurement;
}

/** Requests per second: one decimal below 100. */
const fmtRps = (rps: number) => (rps < 100 ? rps.toFixed(1) : fmtInt(rps));
const fmtSmallRatio = (r: number) => (r < 0.1 ? `${r.toPrecision(2)}×` : fmtRatio(r));
const fmtMs = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
const failures = (l: Load) => l.errors + l.non2xx + l.mismatches;

async function main(): Promise<void> {
  const dbs = (benchSetting('SUIJI_BENCH_DBS') ?? 'sqlite,postgresql')
    .split(',')
    .map((s) => s.trim()) as DbKind[];
  const keep = benchSetting('SUIJI_BENCH_KEEP') === '1';
  const dir = mkdtempSync(join(tmpdir(), 'suiji-bench-list-'));
  console.log(
    `\n== Inspection list: ${LOAD_PAGE_SIZE} of ${fmtInt(INSPECTIONS)} inspections with target, team, items and results, through GraphQL (${dbs.join(', ')}) ==`,
  );
  console.log(
    `temp folder: ${dir}${keep ? ' (kept)' : ''}; autocannon: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per operation, ${TIMEOUT_S} s timeout`,
  );
  const results: DbResult[] = [];
  try {
    for (const kind of dbs) {
      const { database, drop } = await freshDatabase(kind, dir, 'list');
      try {
        const opts = { timeoutMs: WORKER_TIMEOUT_MS };
        const set = await runWorker<Task>(SELF, { kind: 'setup', database, inspections: INSPECTIONS }, opts);
        const x = set.extra ?? {};
        console.log(
          `  ${kind}: setup: draw of ${fmtInt(Number(x.drawn))} through the API ${fmtSec(Number(x.drawMs))}; generated ${fmtInt(INSPECTIONS)} targets, inspections and ${fmtInt(Number(x.results))} item results in ${fmtSec(set.ms)}, then their statistics facts in ${fmtSec(Number(x.factsMs))} and analyze in ${fmtSec(Number(x.analyzeMs))}; ${fmtInt(Number(x.inspections))} inspections, ${fmtInt(Number(x.targets))} targets, ${Number(x.items)} items, ${Number(x.inspectors)} inspectors`,
        );
        const server = await startWorker<Task, ServerInfo>(SELF, { kind: 'serve', database }, opts);
        let stopped: Measurement | undefined;
        try {
          const { port, token, counts, alone, profile } = server.info;
          console.log(
            `  ${kind}: statements per request: ${counts.map((c) => `${c.label} ${c.statements}`).join(', ')}`,
          );
          const listBody = JSON.stringify({ query: LIST, variables: { n: LOAD_PAGE_SIZE } });
          const meBody = JSON.stringify({ query: ME });
          if (WARMUP_S > 0) {
            await load('warm-up', port, token, meBody, WARMUP_S);
            await load('warm-up', port, token, listBody, WARMUP_S);
          }
          const baseline = (await load('baseline: { me { id } }', port, token, meBody, DURATION_S)).load;
          console.log(`  ${kind}: baseline ${fmtRps(baseline.rps)} requests/s, p99 ${fmtMs(baseline.p99)}`);
          const list = await load(
            `inspections, ${LOAD_PAGE_SIZE} per page`,
            port,
            token,
            listBody,
            DURATION_S,
          );
          console.log(`  ${kind}: list ${fmtRps(list.load.rps)} requests/s, p99 ${fmtMs(list.load.p99)}`);
          const loads: Load[] = [];
          // The floor first: the baseline's own latency under as many clients.
          for (const [name, query] of [
            ['baseline { me { id } }', ME],
            ['targets', LOAD_TARGETS],
            ['inspections', LOAD_INSPECTIONS],
          ] as const) {
            const body = JSON.stringify(
              query === ME ? { query } : { query, variables: { n: LOAD_LIST_SIZE } },
            );
            const label = `load: ${LOAD_CLIENTS} clients, ${name}${query === ME ? '' : `, ${LOAD_LIST_SIZE} per page`}`;
            const l = (await load(label, port, token, body, LOAD_S, LOAD_CLIENTS)).load;
            loads.push(l);
            console.log(
              `  ${kind}: ${label}: ${fmtRps(l.rps)} requests/s, p50 ${fmtMs(l.p50)}, p99 ${fmtMs(l.p99)}, ${failures(l)} failed`,
            );
          }
          stopped = await server.stop();
          results.push({
            db: kind,
            setup: set,
            counts,
            alone,
            profile,
            baseline,
            list: list.load,
            listBytes: list.bytes,
            loads,
            server: stopped,
          });
        } finally {
          if (!stopped) await server.stop().catch(() => undefined);
        }
      } finally {
        if (!keep || kind === 'postgresql') await drop();
      }
    }

    const statementRows: string[][] = [['statements per request', 'total', 'the listing', 'statements']];
    for (const r of results) {
      const signIn = present(r.counts[0], 'r.counts[0]');
      for (const c of r.counts)
        statementRows.push([
          `${r.db}: ${c.label}`,
          String(c.statements),
          c.perPage === null ? '' : String(c.statements - signIn.statements),
          c.kinds.join(', '),
        ]);
    }
    console.log();
    console.log(table(statementRows));

    const aloneRows: string[][] = [
      ['one request alone (in-process, median)', 'time', 'SQL', 'the rest (JS)', 'statements'],
    ];
    for (const r of results)
      for (const a of r.alone)
        aloneRows.push([
          `${r.db}: ${a.label}`,
          fmtMs(a.ms),
          fmtMs(a.sqlMs),
          fmtMs(a.ms - a.sqlMs),
          a.statements.map((st) => `${st.label} ${fmtMs(st.ms)}`).join(', '),
        ]);
    console.log();
    console.log(table(aloneRows));
    for (const r of results)
      if (r.profile.length) {
        console.log(`\n${r.db}: ${PROFILE_RUNS} lists of ${LOAD_PAGE_SIZE} alone, in-process.`);
        for (const line of r.profile) console.log(line);
      }

    const loadRows: string[][] = [
      [
        'throughput (autocannon)',
        'requests/s',
        '÷ baseline',
        'p50',
        'p99',
        'p99 ÷ baseline',
        'requests',
        'failed',
      ],
    ];
    for (const r of results) {
      for (const l of [r.baseline, r.list, ...r.loads])
        loadRows.push([
          `${r.db}: ${l.name}`,
          fmtRps(l.rps),
          fmtSmallRatio(l.rps / r.baseline.rps),
          fmtMs(l.p50),
          fmtMs(l.p99),
          fmtRatio(l.p99 / r.baseline.p99),
          fmtInt(l.requests),
          String(failures(l)),
        ]);
    }
    console.log();
    console.log(table(loadRows));
    console.log(
      `\nEach request signs in (the token's user, the department tree) and runs the operation; the page of ${LOAD_PAGE_SIZE} is ${fmtInt(results[0]?.listBytes ?? 0)} bytes of JSON. "failed" = connection errors (timeouts after ${TIMEOUT_S} s included) + non-2xx + bodies unlike the one checked before the run. SQL = wall time with a statement running: a page's select and its count run at the same time, so the statements' own times overlap.`,
    );
    for (const r of results)
      console.log(
        `${r.db}: the server's peak RSS ${fmtMb(r.server.peakRss)} (before the load ${fmtMb(r.server.rssBefore)})`,
      );

    console.log();
    for (const r of results) {
      const signIn = present(r.counts[0], 'r.counts[0]').statements;
      const own = r.counts.slice(1).map((c) => c.statements - signIn);
      const constant = new Set(own).size === 1;
      console.log(
        `${own.every((n) => n <= TARGET_STATEMENTS) && constant ? 'PASS' : 'FAIL'}  ${r.db}: the listing issues ${own.join(', ')} statements for ${PAGE_SIZES.join(', ')} per page, + ${signIn} to sign in (target ≤ ${TARGET_STATEMENTS}, the same for every page size)`,
      );
      for (const l of [r.baseline, r.list])
        console.log(
          `${failures(l) === 0 ? 'PASS' : 'FAIL'}  ${r.db}: ${l.name}: ${l.errors} errors (${l.timeouts} timeouts), ${l.non2xx} non-2xx, ${l.mismatches} unlike the checked response under load (target 0)${l.unlike ? `; the first differs ${l.unlike}` : ''}`,
        );
      const [floor, ...lists] = r.loads;
      if (floor)
        console.log(
          `info  ${r.db}: ${floor.name}: ${fmtRps(floor.rps)} requests/s, p50 ${fmtMs(floor.p50)}, p99 ${fmtMs(floor.p99)}, ${failures(floor)} failed — the floor of the lists' latency under this load (no target)`,
        );
      for (const l of lists)
        console.log(
          `${failures(l) === 0 && l.p99 < LOAD_P99_MS ? 'PASS' : 'FAIL'}  ${r.db}: ${l.name}: ${fmtRps(l.rps)} requests/s, p99 ${fmtMs(l.p99)} (target < ${fmtMs(LOAD_P99_MS)}), ${l.timeouts} timeouts, ${failures(l)} failed (target 0)${l.unlike ? `; the first differs ${l.unlike}` : ''}`,
        );
      console.log(
        `${r.list.rps / r.baseline.rps >= TARGET_RATIO ? 'PASS' : 'FAIL'}  ${r.db}: ${fmtRps(r.list.rps)} requests/s (${fmtSmallRatio(r.list.rps / r.baseline.rps)} the baseline's ${fmtRps(r.baseline.rps)}; target ≥ ${TARGET_RATIO}×), p50 ${fmtMs(r.list.p50)}, p99 ${fmtMs(r.list.p99)} with ${fmtInt(Number(r.setup.extra?.inspections))} inspections stored`,
      );
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

const task = workerTask<Task>();
if (task) {
  if (task.kind === 'serve') await serveRunningWorker<ServerInfo>((ready) => serve(task.database, ready));
  else await serveWorker(() => setup(task.database, task.inspections));
} else {
  await main();
}
