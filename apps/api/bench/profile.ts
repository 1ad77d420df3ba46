/**
 * CPU profiles of a bench's measured section (SUIJI_BENCH_CPU_PROF=1), taken in-process with the
 * inspector (sampling every 0.5 ms), summarised as lines to print: what dominates.
 */
import { benchSetting } from './env.js';
import { present } from '../dist/invariant.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Runs `body`, under the CPU profiler when SUIJI_BENCH_CPU_PROF=1: the summary's lines (self time by
 * function, the top 15, by package or folder, and the inclusive time of each of `steps` that appears), else no lines.
 */
export async function profiled<T>(
  body: () => Promise<T>,
  steps: readonly string[],
): Promise<{ value: T; profile: string[] }> {
  if (benchSetting('SUIJI_BENCH_CPU_PROF') !== '1') return { value: await body(), profile: [] };
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const value = await body();
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
  session.disconnect();
  return { value, profile: summarizeProfile(profile, steps) };
}

function summarizeProfile(profile: CpuProfile, steps: readonly string[]): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const place = (n: ProfileNode) => {
    const url = n.callFrame.url.replace(/^file:\/\//, '');
    const short = url.includes('node_modules')
      ? url.replace(/.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
      : url.replace(/.*\/(apps|packages)\//, '$1/');
    return `${n.callFrame.functionName || '(anonymous)'}${short ? ` (${short}:${n.callFrame.lineNumber + 1})` : ''}`;
  };
  /** Where a function lives: its package, or the project's folder (apps/api/dist/db), or V8's own. */
  const home = (n: ProfileNode) => {
    const url = n.callFrame.url.replace(/^file:\/\//, '');
    if (!url) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native)';
    if (url.startsWith('node:')) return 'node';
    const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (pkg) return present(pkg[1], 'the package');
    return url.replace(/.*\/(apps|packages)\//, '$1/').replace(/\/[^/]*$/, '');
  };
  const self = new Map<string, number>();
  const byHome = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    totalUs += us;
    const node = present(byId.get(id), 'byId.get(id)');
    self.set(place(node), (self.get(place(node)) ?? 0) + us);
    byHome.set(home(node), (byHome.get(home(node)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = present(byId.get(at), 'byId.get(at)').callFrame.functionName;
      if (steps.includes(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + us);
      }
    }
  });
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
  const lines = [`CPU profile: ${ms(totalUs)} sampled`];
  lines.push(
    `  inclusive: ${steps
      .filter((s) => inclusive.has(s))
      .map((s) => `${s} ${ms(present(inclusive.get(s), 'inclusive.get(s)'))}`)
      .join(', ')}`,
  );
  lines.push(
    `  self time by package or folder: ${[...byHome]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([name, us]) => `${name} ${ms(us)}`)
      .join(', ')}`,
  );
  lines.push('  top self time:');
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
    lines.push(`    ${ms(us).padStart(8)}  ${name}`);
  return lines;
}
