/**
 * Shared helpers of the benchmarks: each measurement runs in a child process of its own (so that its
 * peak memory is its own), reports one JSON result over IPC, and the parent prints the table. A worker
 * that must stay up while the parent works (a server under load) uses startWorker/serveRunningWorker.
 *
 * Benchmarks import the API's compiled code from ../dist (tsx does not emit decorator metadata).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { drandRoundAfter, drandRoundTime } from '@suiji/domain';
import pg from 'pg';
import { present } from '../dist/invariant.js';
import { benchSetting, workerEnv } from './env.js';

export const API_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

/** What a worker reports back. */
export interface Measurement {
  name: string;
  /** Wall time of the measured section, in milliseconds. */
  ms: number;
  rows: number;
  /** Peak resident set size of the worker process, in bytes (max of getrusage and the sampled RSS). */
  peakRss: number;
  /** RSS just before the measured section started, in bytes. */
  rssBefore: number;
  extra?: Record<string, unknown>;
}

const WORKER_FLAG = '--bench-worker';

/** Sends `message` to the parent over the IPC channel every worker is started with (see spawnWorker). */
function sendToParent(message: unknown, callback?: () => void): void {
  if (!process.send) throw new Error('a benchmark worker runs as a child process with an IPC channel');
  if (callback) process.send(message, (error: Error | null) => (error ? console.error(error) : callback()));
  else process.send(message);
}

/** The task this process should run as a worker, or null in the coordinating process. */
export function workerTask<T>(): T | null {
  const at = process.argv.indexOf(WORKER_FLAG);
  if (at < 0) return null;
  return JSON.parse(present(process.argv[at + 1], `the task after ${WORKER_FLAG}`)) as T;
}

function spawnWorker<T>(file: string, task: T, nodeArgs: string[] = []) {
  return spawn(
    process.execPath,
    // Compiled benchmarks run on plain node, so tsx's memory is not counted in the measurement.
    [
      ...nodeArgs,
      ...(file.endsWith('.ts') ? ['--import', 'tsx'] : []),
      file,
      WORKER_FLAG,
      JSON.stringify(task),
    ],
    {
      cwd: API_DIR,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: workerEnv(),
    },
  );
}

/** Runs `file` (a benchmark module) as a worker child process with `task`, and returns what it reports. */
export function runWorker<T>(
  file: string,
  task: T,
  options: { timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawnWorker(file, task, options.nodeArgs);
    let result: Measurement | null = null;
    let failure: string | null = null;
    const timer = setTimeout(
      () => {
        failure = `timed out after ${options.timeoutMs} ms`;
        child.kill('SIGKILL');
      },
      options.timeoutMs ?? 10 * 60_000,
    );
    child.on('message', (message: { ok: boolean; result?: Measurement; error?: string }) => {
      if (message.ok) result = message.result ?? null;
      else failure = message.error ?? 'unknown error';
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (failure) reject(new Error(`${JSON.stringify(task)}: ${failure}`));
      else if (!result)
        reject(new Error(`${JSON.stringify(task)}: worker exited (${signal ?? code}) without a result`));
      else resolve(result);
    });
  });
}

/** A worker that stays up (a server under load, say) until the parent stops it. */
export interface RunningWorker<R> {
  /** What the worker sent when it became ready (a port, a token). */
  info: R;
  /** Tells the worker to finish; resolves with what it then reports. */
  stop(): Promise<Measurement>;
}

/**
 * Starts `file` as a worker with `task` that reports `ready` (see `serveRunningWorker`), keeps running
 * while the parent works (load from another process, say), and reports its measurement when stopped.
 */
export function startWorker<T, R>(
  file: string,
  task: T,
  options: { timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<RunningWorker<R>> {
  return new Promise((resolveStart, rejectStart) => {
    const child = spawnWorker(file, task, options.nodeArgs);
    let started = false;
    let result: Measurement | null = null;
    let failure: string | null = null;
    // Replaced at once: a promise's executor runs synchronously.
    let settle: { resolve: (m: Measurement) => void; reject: (e: Error) => void } = {
      resolve: () => {},
      reject: () => {},
    };
    const done = new Promise<Measurement>((resolve, reject) => (settle = { resolve, reject }));
    // Reported through stop(); a worker that fails before it is stopped must not be an unhandled rejection.
    done.catch(() => {});
    const timer = setTimeout(
      () => {
        failure = `timed out after ${options.timeoutMs} ms`;
        child.kill('SIGKILL');
      },
      options.timeoutMs ?? 10 * 60_000,
    );
    child.on(
      'message',
      (message: { ready?: boolean; info?: R; ok?: boolean; result?: Measurement; error?: string }) => {
        if (message.ready) {
          started = true;
          resolveStart({
            info: message.info as R,
            stop: () => {
              if (child.connected) child.send({ stop: true });
              return done;
            },
          });
        } else if (message.ok) result = message.result ?? null;
        else failure = message.error ?? 'unknown error';
      },
    );
    child.on('error', (error) => (started ? settle.reject(error) : rejectStart(error)));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const error = failure
        ? new Error(`${JSON.stringify(task)}: ${failure}`)
        : result
          ? null
          : new Error(`${JSON.stringify(task)}: worker exited (${signal ?? code}) without a result`);
      if (!started) rejectStart(error ?? new Error(`${JSON.stringify(task)}: worker exited before ready`));
      else if (error) settle.reject(error);
      // No error means a result.
      else if (result) settle.resolve(result);
    });
  });
}

/** Runs a worker's body and reports its result (or its error) to the parent, then exits. */
export async function serveWorker(body: () => Promise<Measurement>): Promise<never> {
  // A worker whose parent is gone (interrupted, killed) stops too, rather than working on for nobody.
  process.once('disconnect', () => process.exit(2));
  try {
    const result = await body();
    await new Promise<void>((resolve) => sendToParent({ ok: true, result }, () => resolve()));
    process.exit(0);
  } catch (error) {
    const e = error as Error;
    await new Promise<void>((resolve) =>
      sendToParent({ ok: false, error: (e.stack ?? String(e)).slice(0, 4000) }, () => resolve()),
    );
    process.exit(1);
  }
}

/** Samples RSS every few milliseconds; `peak()` is the max of the samples and getrusage's maxRSS. */
export function rssSampler(intervalMs = 10) {
  let peak = process.memoryUsage.rss();
  let atPeak = process.memoryUsage();
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) {
      peak = rss;
      if (benchSetting('SUIJI_BENCH_MEMORY_DETAIL') === '1') atPeak = process.memoryUsage();
    }
  }, intervalMs);
  timer.unref();
  return {
    peak(): number {
      const rss = process.memoryUsage.rss();
      if (rss > peak) peak = rss;
      // maxRSS is in kilobytes.
      return Math.max(peak, process.resourceUsage().maxRSS * 1024);
    },
    stop() {
      clearInterval(timer);
      if (benchSetting('SUIJI_BENCH_MEMORY_DETAIL') === '1')
        console.log(
          `  memory at the sampled peak: ${Object.entries(atPeak)
            .map(([k, v]) => `${k} ${(v / 1048576).toFixed(0)} MB`)
            .join(', ')}`,
        );
    },
  };
}

/** Times `section` in a process whose peak memory is tracked. */
export async function measure(
  name: string,
  rows: number,
  section: () => Promise<Record<string, unknown> | void>,
): Promise<Measurement> {
  const sampler = rssSampler();
  const rssBefore = process.memoryUsage.rss();
  const start = process.hrtime.bigint();
  const extra = (await section()) ?? undefined;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const peakRss = sampler.peak();
  sampler.stop();
  return { name, ms, rows, peakRss, rssBefore, extra };
}

export const mb = (bytes: number) => bytes / (1024 * 1024);
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
export const fmtSec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const fmtMb = (bytes: number) => `${mb(bytes).toFixed(0)} MB`;
export const fmtRatio = (r: number) => `${r.toFixed(2)}×`;

/** A plain text table: first row is the header; columns after the first are right-aligned. */
export function table(rows: string[][]): string {
  const header = present(rows[0], 'the header row of a table');
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/**
 * The worker side of `startWorker`: `body` calls `ready(info)` once it can be used, which returns when
 * the parent stops it (or goes away); `body` then cleans up and returns its measurement.
 */
export function serveRunningWorker<R>(
  body: (ready: (info: R) => Promise<void>) => Promise<Measurement>,
): Promise<never> {
  const ready = (info: R) =>
    new Promise<void>((resolve) => {
      process.on('message', (message: { stop?: boolean }) => {
        if (message.stop) resolve();
      });
      process.once('disconnect', () => resolve());
      sendToParent({ ready: true, info });
    });
  return serveWorker(() => body(ready));
}

/**
 * A benchmark's command-line option `--name value` (`pnpm bench -- draw --targets 20000`: bench/run.ts
 * passes the options after a filter to the benchmarks it selects), or undefined when it is not given.
 */
export function benchOption(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.lastIndexOf(`--${name}`);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

/** The databases a benchmark runs on. */
export type DbKind = 'sqlite' | 'postgresql';
export type Database = { kind: 'sqlite'; path: string } | { kind: 'postgresql'; url: string };

/** Where benchmarks create (and drop) their PostgreSQL databases. */
export const PG_ADMIN_URL =
  benchSetting('SUIJI_BENCH_PG_URL') ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function pgAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of the kind (a file in `dir` for SQLite); `drop` removes it. */
export async function freshDatabase(
  kind: DbKind,
  dir: string,
  label: string,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const path = join(dir, `${label}.db`);
    return { database: { kind, path }, drop: async () => rmSync(path, { force: true }) };
  }
  const name = `suiji_bench_${label.replace(/\W/g, '_')}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await pgAdmin(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    database: { kind, url: url.toString() },
    drop: () => pgAdmin(`drop database if exists ${name} with (force)`),
  };
}

/** A GraphQL call as the signed-in user; throws on errors. */
export type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** The API started in this process on `database` with the demo data, signed in as the demo coordinator. */
export async function signedIn(database: Database, jwtSecret: string, locale: 'en' | 'zh-CN' = 'en') {
  const { createApp } = await import('../dist/server.js');
  // A draw may run as soon as its declared source is out (see `benchEntropy`).
  const app = await createApp({
    database,
    jwtSecret,
    demo: true,
    adminPassword: null,
    drawMinDelaySeconds: 0,
    log: () => {},
  });
  const call = async (query: string, variables: Record<string, unknown> | undefined, token?: string) => {
    const result = await app.execute({ query, variables }, token ? `Bearer ${token}` : undefined, locale);
    if (result.errors?.length)
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors).slice(0, 2000)}`);
    return result.data as never;
  };
  const login = (await call(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    { u: 'coordinator', p: 'coordinator12345' },
  )) as { login: { token: string } };
  const token = login.login.token;
  const gql: Gql = (query, variables) => call(query, variables, token);
  return { app, gql, token };
}

/** The public entropy source a benchmark's draw declares: the next drand round, a few seconds away. */
export function benchEntropy(): { source: 'DRAND'; issue: string } {
  return { source: 'DRAND', issue: String(drandRoundAfter(new Date(Date.now() + 2000))) };
}

/** Waits until a drand round is out, so that a draw that declared it may run. */
export async function untilRound(issue: string): Promise<void> {
  const wait = drandRoundTime(Number(issue)).getTime() + 50 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** A drand round's value (64 hex digits), the public entropy a benchmark's draw runs with. */
export function benchOutcome(n: number | string): string {
  return createHash('sha256').update(`bench outcome ${n}`).digest('hex');
}

/**
 * Schedules a task's draw through the API, declaring the next drand round, and runs it once the round
 * is out (the benchmarks' app has no minimum delay); returns the draw's id and how many it selected.
 */
export async function drawThroughApi(
  gql: Gql,
  taskId: string,
): Promise<{ drawId: string; selected: number }> {
  const entropy = benchEntropy();
  const drawId = (
    await gql<{ scheduleDraw: { id: string } }>(
      'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
      { i: { taskId, entropy } },
    )
  ).scheduleDraw.id;
  await untilRound(entropy.issue);
  const drawn = (
    await gql<{ runDraw: { status: string; selectedCount: number } }>(
      'mutation($i: RunDrawInput!) { runDraw(input: $i) { status selectedCount } }',
      { i: { drawId, publicEntropy: benchOutcome(drawId) } },
    )
  ).runDraw;
  if (drawn.status !== 'DRAWN') throw new Error(`draw ${drawId}: status ${drawn.status}`);
  return { drawId, selected: drawn.selectedCount };
}

/** How long a query took over its runs, and what its statements cost. */
export interface Timing {
  name: string;
  p50: number;
  p95: number;
  /** The time in SQL per run. */
  sqlMs: number;
  statements: number;
  /** The statement kind that took the most time, with its time per run. */
  slowest: string;
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return present(
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)],
    `the p${p} of no values`,
  );
};

/** A statement timed by `statementTimer`: its SQL, when it was sent and when its answer (or error) came. */
export interface TimedStatement {
  sql: string;
  ms: number;
  /** `performance.now()` at knex's `query` event and at its `query-response` / `query-error`. */
  start: number;
  end: number;
}

/**
 * Every statement the app sends, whichever layer sends it (knex's query / query-response events carry
 * the ORM's, the raw SQL's and the facts'), timed by its query id. `app` is anything with an ORM.
 */
export function statementTimer(app: { orm: { em: unknown } }) {
  const knex = (app.orm.em as { getKnex(): { on(e: string, f: (...a: never[]) => void): void } }).getKnex();
  const open = new Map<string, { sql: string; start: number }>();
  const done: TimedStatement[] = [];
  knex.on('query', (q: { __knexQueryUid: string; sql: string }) =>
    open.set(q.__knexQueryUid, { sql: q.sql, start: performance.now() }),
  );
  const finish = ((_: unknown, q: { __knexQueryUid: string }) => {
    const o = open.get(q.__knexQueryUid);
    const end = performance.now();
    if (o) done.push({ sql: o.sql, ms: end - o.start, start: o.start, end });
    open.delete(q.__knexQueryUid);
  }) as never;
  knex.on('query-response', finish);
  knex.on('query-error', finish);
  return { done };
}

/** Runs `body` once to warm up, then `runs` times: its p50, p95 and its statements' cost. */
export async function timeRuns(
  name: string,
  runs: number,
  timer: ReturnType<typeof statementTimer>,
  body: () => Promise<unknown>,
): Promise<Timing> {
  await body();
  const ms: number[] = [];
  timer.done.length = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await body();
    ms.push(performance.now() - start);
  }
  const byKind = new Map<string, number>();
  for (const d of timer.done) byKind.set(sqlLabel(d.sql), (byKind.get(sqlLabel(d.sql)) ?? 0) + d.ms);
  const slowest = [...byKind].sort((a, b) => b[1] - a[1])[0];
  return {
    name,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    sqlMs: timer.done.reduce((a, d) => a + d.ms, 0) / runs,
    statements: timer.done.length / runs,
    slowest: slowest ? `${slowest[0]} ${(slowest[1] / runs).toFixed(1)} ms` : '',
  };
}

/**
 * Prints timings as a table beside the first (the baseline), each against its p95 target (`limitOf`;
 * null: informative), and what dominates; returns how many targets were missed.
 */
export function printTimings(timings: readonly Timing[], limitOf: (t: Timing) => number | null): number {
  const base = present(timings[0], 'a baseline timing');
  let missed = 0;
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
  for (const t of timings) {
    const limit = t === base ? null : limitOf(t);
    if (limit !== null && t.p95 >= limit) missed++;
    rows.push([
      t.name,
      `${t.p50.toFixed(1)} ms`,
      `${t.p95.toFixed(1)} ms`,
      t === base ? '1.00×' : `${(t.p50 / base.p50).toFixed(2)}×`,
      `${t.sqlMs.toFixed(1)} ms`,
      t.statements.toFixed(1),
      t.slowest,
      limit === null ? '' : t.p95 < limit ? `ok (< ${limit} ms)` : `MISSED (p95 ≥ ${limit} ms)`,
    ]);
  }
  console.log(table(rows));
  const measured = timings.filter((t) => t !== base && limitOf(t) !== null);
  const worst = [...measured].sort((a, b) => b.p95 - a.p95)[0];
  if (worst)
    console.log(
      `  dominates: ${worst.name} (p95 ${worst.p95.toFixed(1)} ms; ${((worst.sqlMs / worst.p50) * 100).toFixed(0)} % of its time in SQL, slowest: ${worst.slowest})`,
    );
  return missed;
}

// ---------------------------------------------------------------------------------------------
// SQL the benchmarks generate data with, and how they name the statements they time.

/** A text as an SQL string literal. */
export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The dialect's pieces of the generating statements. */
export function sqlDialect(kind: DbKind) {
  const hex = (bytes: number) => `lower(hex(randomblob(${bytes})))`;
  return {
    uuid:
      kind === 'postgresql'
        ? 'gen_random_uuid()::text'
        : `${hex(4)} || '-' || ${hex(2)} || '-4' || substr(${hex(2)}, 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(${hex(2)}, 2) || '-' || ${hex(6)}`,
    /** list[n mod length], n an integer expression. */
    pick: (list: string[], n: string) =>
      kind === 'postgresql'
        ? `(array[${list.map(sqlString).join(',')}])[1 + (${n}) % ${list.length}]`
        : `json_extract(${sqlString(JSON.stringify(list))}, '$[' || ((${n}) % ${list.length}) || ']')`,
    /** A point in time as the column stores it: timestamptz, ISO-8601 text on SQLite. */
    ts: (at: Date) =>
      kind === 'postgresql' ? `timestamptz ${sqlString(at.toISOString())}` : sqlString(at.toISOString()),
    /** `base` plus n milliseconds, as the column stores it. */
    at: (base: Date, n: string) =>
      kind === 'postgresql'
        ? `(timestamptz ${sqlString(base.toISOString())} + (${n}) * interval '1 millisecond')`
        : `strftime('%Y-%m-%dT%H:%M:%fZ', ${sqlString(base.toISOString())}, '+' || ((${n}) / 1000.0) || ' seconds')`,
    /** The integers from … to − 1 as rows `s.i`. */
    series: (from: number, to: number) =>
      kind === 'postgresql'
        ? `generate_series(${from}, ${to - 1}) as s(i)`
        : `(with recursive r(i) as (select ${from} union all select i + 1 from r where i < ${to - 1}) select i from r) as s`,
  };
}

/** A statement's kind: its verb and first table ("select target", "insert inspection"). */
export function sqlLabel(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim().toLowerCase();
  const verb = /^(\w+)/.exec(s)?.[1] ?? '?';
  const table = /\b(?:from|into|update)\s+[`"]?(\w+)/.exec(s)?.[1] ?? '';
  return `${verb} ${table}`.trim();
}
