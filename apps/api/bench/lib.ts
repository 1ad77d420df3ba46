/**
 * Shared helpers of the benchmarks: each measurement runs in a child process of its own (so that its
 * peak memory is its own), reports one JSON result over IPC, and the parent prints the table.
 *
 * Benchmarks import the API's compiled code from ../dist (tsx does not emit decorator metadata).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';

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

/** Runs `file` (a benchmark module) as a worker child process with `task`, and returns what it reports. */
export function runWorker<T>(
  file: string,
  task: T,
  options: { timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // Compiled benchmarks run on plain node, so tsx's memory is not counted in the measurement.
      [
        ...(options.nodeArgs ?? []),
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

/** Runs a worker's body and reports its result (or its error) to the parent, then exits. */
export async function serveWorker(body: () => Promise<Measurement>): Promise<never> {
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
