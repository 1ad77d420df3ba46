/**
 * Shared helpers of the benchmarks: each measurement runs in a child process of its own (so that its
 * peak memory is its own), reports one JSON result over IPC, and the parent prints the table. A worker
 * that must stay up while the parent works (a server under load) uses startWorker/serveRunningWorker.
 *
 * Benchmarks import the API's compiled code from ../dist (tsx does not emit decorator metadata).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';

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

/** The task this process should run as a worker, or null in the coordinating process. */
export function workerTask<T>(): T | null {
  const at = process.argv.indexOf(WORKER_FLAG);
  if (at < 0) return null;
  return JSON.parse(process.argv[at + 1]!) as T;
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
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
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
      if (message.ok) result = message.result!;
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
    let settle: { resolve: (m: Measurement) => void; reject: (e: Error) => void } | undefined;
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
        } else if (message.ok) result = message.result!;
        else failure = message.error ?? 'unknown error';
      },
    );
    child.on('error', (error) => (started ? settle!.reject(error) : rejectStart(error)));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const error = failure
        ? new Error(`${JSON.stringify(task)}: ${failure}`)
        : result
          ? null
          : new Error(`${JSON.stringify(task)}: worker exited (${signal ?? code}) without a result`);
      if (!started) rejectStart(error ?? new Error(`${JSON.stringify(task)}: worker exited before ready`));
      else if (error) settle!.reject(error);
      else settle!.resolve(result!);
    });
  });
}

/** Runs a worker's body and reports its result (or its error) to the parent, then exits. */
export async function serveWorker(body: () => Promise<Measurement>): Promise<never> {
  // A worker whose parent is gone (interrupted, killed) stops too, rather than working on for nobody.
  process.once('disconnect', () => process.exit(2));
  try {
    const result = await body();
    await new Promise<void>((resolve) => process.send!({ ok: true, result }, () => resolve()));
    process.exit(0);
  } catch (error) {
    const e = error as Error;
    await new Promise<void>((resolve) =>
      process.send!({ ok: false, error: (e.stack ?? String(e)).slice(0, 4000) }, () => resolve()),
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
      if (process.env.SUIJI_BENCH_MEMORY_DETAIL === '1') atPeak = process.memoryUsage();
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
      if (process.env.SUIJI_BENCH_MEMORY_DETAIL === '1')
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
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
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
      process.send!({ ready: true, info });
    });
  return serveWorker(() => body(ready));
}

/** The databases a benchmark runs on. */
export type DbKind = 'sqlite' | 'postgresql';
export type Database = { kind: 'sqlite'; path: string } | { kind: 'postgresql'; url: string };

/** Where benchmarks create (and drop) their PostgreSQL databases. */
export const PG_ADMIN_URL = process.env.SUIJI_BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

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
  const app = await createApp({ database, jwtSecret, demo: true, adminPassword: null, log: () => {} });
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
