/**
 * `pnpm bench`: runs each benchmark file in a child process of its own, in order; each benchmark runs
 * every measurement in a further child process, so peak memory is per measurement.
 *
 * Benchmarks print figures and their ratios to baselines measured in the same run. A missed target is
 * reported, not an error: the exit code is non-zero only when a benchmark actually fails.
 * `pnpm bench -- import-targets` runs only the benchmarks whose names contain one of the arguments.
 * Options `--name value` after a filter go to the benchmarks that filter selects (`pnpm bench -- draw
 * --targets 10000000`); options before any filter go to every benchmark.
 * The API must be built first (the root `pnpm bench` builds it); benchmarks import ../dist.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_DIR } from './lib.js';
import { present } from '../dist/invariant.js';

/** The benchmarks, in the order they run. Later issues add theirs here. */
const BENCHMARKS = [
  'import-targets.ts',
  'draw.ts',
  'list-inspections.ts',
  'abuse.ts',
  'statistics.ts',
  'public.ts',
  'first-screen.ts',
];

/** This runner's folder: bench/ under tsx, bench-dist/ once compiled (as `pnpm bench` runs it). */
const HERE = dirname(fileURLToPath(import.meta.url));
const COMPILED = fileURLToPath(import.meta.url).endsWith('.js');

function runFile(file: string, options: readonly string[]): Promise<number> {
  const path = join(HERE, COMPILED ? file.replace(/\.ts$/, '.js') : file);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(COMPILED ? [] : ['--import', 'tsx']), path, ...options], {
      cwd: API_DIR,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

/** The arguments: filters, each with the `--name value` options after it; `common` are those before any filter. */
function parseArgs(args: readonly string[]) {
  const common: string[] = [];
  const filters: { filter: string; options: string[] }[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = present(args[i], 'args[i]');
    if (arg === '--') continue;
    if (arg.startsWith('--')) {
      const value = args[i + 1];
      const option = value === undefined || value.startsWith('--') ? [arg] : [arg, value];
      i += option.length - 1;
      (filters[filters.length - 1]?.options ?? common).push(...option);
    } else filters.push({ filter: arg, options: [] });
  }
  return { common, filters };
}

const { common, filters } = parseArgs(process.argv.slice(2));
const selected = BENCHMARKS.filter(
  (b) => filters.length === 0 || filters.some(({ filter }) => b.includes(filter)),
).map((file) => ({
  file,
  options: [
    ...common,
    ...filters.filter(({ filter }) => file.includes(filter)).flatMap(({ options }) => options),
  ],
}));
if (!existsSync(join(API_DIR, 'dist', 'server.js'))) {
  console.error(
    'apps/api/dist is missing: build first (pnpm --filter @suiji/api build, or the root pnpm bench).',
  );
  process.exit(2);
}
const failed: string[] = [];
const started = Date.now();
for (const { file, options } of selected) {
  const code = await runFile(file, options);
  if (code !== 0) failed.push(`${file} (exit ${code})`);
}
console.log(
  `\nbench: ${selected.length - failed.length}/${selected.length} benchmarks ran in ${((Date.now() - started) / 1000).toFixed(0)} s${failed.length ? `; failed: ${failed.join(', ')}` : ''}`,
);
process.exit(failed.length ? 1 : 0);
