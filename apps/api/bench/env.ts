/**
 * The benchmarks' settings from the environment: the bench is a program of its own beside the API (whose
 * configuration is read in src/env.ts), and this is the one module of it that reads `process.env`. Each read
 * happens when it is asked for, as the benchmarks read their settings where they use them.
 */

/** The environment variables the benchmarks read. */
export type BenchSetting =
  | 'SUIJI_BENCH_ABUSE_SECONDS'
  | 'SUIJI_BENCH_CONNECTIONS'
  | 'SUIJI_BENCH_CPU_PROF'
  | 'SUIJI_BENCH_DBS'
  | 'SUIJI_BENCH_DRAW_POOL'
  | 'SUIJI_BENCH_DURATION'
  | 'SUIJI_BENCH_FIRST_SCREEN_RUNS'
  | 'SUIJI_BENCH_IMPORT_NODE_ARGS'
  | 'SUIJI_BENCH_KEEP'
  | 'SUIJI_BENCH_LIST_INSPECTIONS'
  | 'SUIJI_BENCH_LOAD_CLIENTS'
  | 'SUIJI_BENCH_LOAD_SECONDS'
  | 'SUIJI_BENCH_MEMORY_DETAIL'
  | 'SUIJI_BENCH_PG_URL'
  | 'SUIJI_BENCH_PUBLIC_RESULTS'
  | 'SUIJI_BENCH_PUBLIC_RUNS'
  | 'SUIJI_BENCH_PUBLIC_TARGETS'
  | 'SUIJI_BENCH_ROWS'
  | 'SUIJI_BENCH_STAT_RUNS'
  | 'SUIJI_BENCH_STAT_TARGETS'
  | 'SUIJI_BENCH_STAT_VISITS'
  | 'SUIJI_BENCH_WARMUP'
  | 'SUIJI_CHROMIUM';

/** The value of a benchmark setting, or undefined when it is unset. */
export function benchSetting(name: BenchSetting): string | undefined {
  return process.env[name];
}

/** The environment a worker child process starts with: this one's, in production mode unless it says otherwise. */
export function workerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
}
