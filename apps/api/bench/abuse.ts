/**
 * Abuse benchmark (issue 8): while hostile queries, files and password guesses are sent, does the
 * server keep answering everyone else, within bounded memory?
 *
 * The API (built, production mode, demo data) listens in a worker process. A probe client sends
 * `{ me { id } }` as the signed-in administrator, one request at a time, and records each latency:
 * first alone (the baseline, same duration, same process), then while attackers run at once, each
 * keeping one request in flight:
 *   - deep-anonymous: a query 16 levels deep, anonymous;
 *   - deep-signed-in: 16 levels through targets and their inspection history, as the administrator;
 *   - huge-text: a 50 MB query text;
 *   - aliases: 60 aliased `exportTargets`;
 *   - introspection: the schema, anonymous (off in production);
 *   - passwords: wrong passwords for an existing and an unknown account;
 *   - imports: a truncated .xlsx, a zip bomb (a 1 GiB cell in a 1 MB file), a million-row CSV and a
 *     10 MB cell, in turn.
 * Targets: the probe's p99 under attack < 500 ms; the server's peak RSS < 1 GB. Every attack must be
 * refused (a 4xx status or a GraphQL error), never answered with a 5xx or left hanging.
 *
 * Options: SUIJI_BENCH_DBS (default "sqlite,postgresql"), SUIJI_BENCH_ABUSE_SECONDS (per phase,
 * default 20), SUIJI_BENCH_PG_URL.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fmtMb,
  freshDatabase,
  rssSampler,
  serveRunningWorker,
  startWorker,
  table,
  workerTask,
  type Database,
  type DbKind,
} from './lib.js';
import { giantCellCsv, junkRowsCsv, truncatedXlsx, zipBombXlsx } from './hostile-files.js';
import { benchSetting } from './env.js';
import { present } from '../dist/invariant.js';

const SELF = fileURLToPath(import.meta.url);
const SECONDS = Number(benchSetting('SUIJI_BENCH_ABUSE_SECONDS') ?? 20);
const DBS = (benchSetting('SUIJI_BENCH_DBS') ?? 'sqlite,postgresql').split(',') as DbKind[];
const P99_TARGET_MS = 500;
const RSS_TARGET = 1024 * 1024 * 1024;

interface ServeTask {
  kind: 'serve';
  database: Database;
}
interface ServerInfo {
  port: number;
}

/** The server's process: the built app in production mode, listening until stopped. */
async function serve(database: Database, ready: (info: ServerInfo) => Promise<void>) {
  const { createApp } = await import('../dist/server.js');
  const sampler = rssSampler();
  const rssBefore = process.memoryUsage.rss();
  const app = await createApp({
    database,
    jwtSecret: 'abuse-benchmark-secret-0123456789',
    demo: true,
    adminPassword: null,
    log: () => {},
  });
  const server = await app.listen(0, '127.0.0.1');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const start = process.hrtime.bigint();
  await ready({ port: address.port });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const peakRss = sampler.peak();
  sampler.stop();
  await app.close();
  return { name: 'server', ms, rows: 0, peakRss, rssBefore };
}

interface Call {
  status: number;
  ms: number;
  /** The first GraphQL error's code, if any. */
  code?: string;
  /** Whether the request was turned down: a 4xx, a GraphQL error other than a server error, or a report with `ok: false`. */
  refused: boolean;
}

async function post(base: string, body: string, headers: Record<string, string> = {}): Promise<Call> {
  const started = performance.now();
  try {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(120_000),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let parsed: {
      data?: Record<string, { ok?: boolean } | null>;
      errors?: { extensions?: { code?: string } }[];
    };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      return { status: response.status, ms, code: 'NOT_JSON', refused: false };
    }
    const code = parsed.errors?.[0]?.extensions?.code;
    const reportRefused = Object.values(parsed.data ?? {}).some((v) => v?.ok === false);
    const refused =
      (response.status >= 400 && response.status < 500) ||
      (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') ||
      reportRefused;
    return { status: response.status, ms, code: code ?? (reportRefused ? 'ok:false' : undefined), refused };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, code: (error as Error).name, refused: false };
  }
}

const gql = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

function nested(levels: number, open: (i: number) => string, leaf: string): string {
  let q = leaf;
  for (let i = levels - 1; i >= 0; i--) q = `${open(i)} { ${q} }`;
  return q;
}

const TARGET_HEADER = ['名称', '统一社会信用代码', '类型', '法定代表人', '地址', '乡镇街道', '联系电话'];

/** The attacks: each gives the next request's body and headers. */
async function attacks(adminToken: string) {
  const admin = { authorization: `Bearer ${adminToken}` };
  const importBody = (filename: string, bytes: Buffer) =>
    gql('mutation($f: FileInput!) { importTargets(file: $f) { ok imported } }', {
      f: { filename, contentBase64: bytes.toString('base64') },
    });
  const hostileFiles = [
    importBody(
      'truncated.xlsx',
      await truncatedXlsx([TARGET_HEADER, ...Array.from({ length: 200 }, (_, i) => [`公司${i}`])]),
    ),
    importBody('bomb.xlsx', await zipBombXlsx()),
    importBody('junk.csv', junkRowsCsv(TARGET_HEADER)),
    importBody('giant.csv', giantCellCsv(TARGET_HEADER)),
  ];
  const huge = gql(`{ me { id ${'__typename '.repeat((50 * 1024 * 1024) / 11)} } }`);
  const aliases = gql(
    `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: exportTargets { filename }`).join(' ')} }`,
  );
  const deepAnonymous = gql(`{ departments { items { ${nested(16, () => 'parent', 'id')} } } }`);
  const deepSignedIn = gql(
    `{ targets(page: { perPage: 100 }) { items { ${nested(16, (i) => (i % 2 ? 'target' : 'inspectionHistory'), 'id')} } } }`,
  );
  const introspection = gql('{ __schema { types { name fields { name type { name } } } } }');
  let guess = 0;
  let file = 0;
  return {
    'deep-anonymous': () => ({ body: deepAnonymous }),
    'deep-signed-in': () => ({ body: deepSignedIn, headers: admin }),
    'huge-text': () => ({ body: huge }),
    aliases: () => ({ body: aliases, headers: admin }),
    introspection: () => ({ body: introspection }),
    passwords: () => ({
      body: gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
        u: guess % 2 ? 'coordinator' : 'nobody-here',
        p: `guess-${guess++}`,
      }),
    }),
    imports: () => ({
      body: present(hostileFiles[file++ % hostileFiles.length], 'hostileFiles[file++ % hostileFiles.length]'),
      headers: admin,
    }),
  } satisfies Record<string, () => { body: string; headers?: Record<string, string> }>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return present(
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)],
    'the percentile of a non-empty sample',
  );
}

/** `{ me { id } }`, one at a time, until `until`; returns the latencies (ms) and failures. */
async function probe(base: string, token: string, until: number) {
  const body = gql('{ me { id } }');
  const latencies: number[] = [];
  let failures = 0;
  while (performance.now() < until) {
    const call = await post(base, body, { authorization: `Bearer ${token}` });
    if (call.status !== 200 || call.code) failures++;
    latencies.push(call.ms);
    await new Promise((r) => setTimeout(r, 10));
  }
  return { latencies: latencies.sort((a, b) => a - b), failures };
}

async function runOn(kind: DbKind, dir: string) {
  const { database, drop } = await freshDatabase(kind, dir, `abuse_${kind}`);
  try {
    const server = await startWorker<ServeTask, ServerInfo>(
      SELF,
      { kind: 'serve', database },
      { timeoutMs: 30 * 60_000 },
    );
    const base = `http://127.0.0.1:${server.info.port}`;
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: gql('mutation { login(username: "admin", password: "admin12345") { token } }'),
    });
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
    const made = await attacks(token);

    const baseline = await probe(base, token, performance.now() + SECONDS * 1000);

    const until = performance.now() + SECONDS * 1000;
    const outcomes = new Map<string, Call[]>();
    const attackers = Object.entries(made).map(async ([name, next]) => {
      const calls: Call[] = [];
      outcomes.set(name, calls);
      while (performance.now() < until) {
        const { body, headers } = next() as { body: string; headers?: Record<string, string> };
        calls.push(await post(base, body, headers));
      }
    });
    const underAttack = await probe(base, token, until);
    await Promise.all(attackers);
    const serverMeasurement = await server.stop();

    const row = (label: string, r: { latencies: number[]; failures: number }) => [
      label,
      String(r.latencies.length),
      String(r.failures),
      `${percentile(r.latencies, 50).toFixed(1)} ms`,
      `${percentile(r.latencies, 99).toFixed(1)} ms`,
      `${(r.latencies.at(-1) ?? NaN).toFixed(1)} ms`,
    ];
    console.log(`\n${kind}: probe { me { id } }, ${SECONDS} s per phase`);
    console.log(
      table([
        ['phase', 'requests', 'failed', 'p50', 'p99', 'max'],
        row('baseline (alone)', baseline),
        row('under attack', underAttack),
      ]),
    );
    const attackRows = [...outcomes].map(([name, calls]) => {
      const statuses = new Map<string, number>();
      for (const c of calls) {
        const key = `${c.status}${c.code ? ` ${c.code}` : ''}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
      const ms = calls.map((c) => c.ms).sort((a, b) => a - b);
      const refused = calls.every((c) => c.refused);
      return [
        name,
        String(calls.length),
        [...statuses].map(([k, n]) => `${k} ×${n}`).join(', '),
        `${percentile(ms, 50).toFixed(0)} ms`,
        `${(ms.at(-1) ?? NaN).toFixed(0)} ms`,
        refused ? 'refused' : 'NOT ALL REFUSED',
      ];
    });
    console.log(table([['attack', 'requests', 'answers', 'p50', 'max', 'verdict'], ...attackRows]));
    // What the server spent its time on: the attack whose requests took longest, all added up (they
    // share its one event loop with the probe).
    const busiest = [...outcomes]
      .map(([name, calls]) => [name, calls.reduce((sum, c) => sum + c.ms, 0)] as const)
      .sort((a, b) => b[1] - a[1]);
    console.log(
      `time in flight per attack: ${busiest.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
    const p99 = percentile(underAttack.latencies, 99);
    const allRefused = attackRows.every((r) => r[5] === 'refused');
    console.log(
      `probe p99 under attack ${p99.toFixed(1)} ms (baseline ${percentile(baseline.latencies, 99).toFixed(1)} ms): ${p99 < P99_TARGET_MS ? 'PASS' : 'FAIL'} (< ${P99_TARGET_MS} ms)`,
    );
    console.log(
      `server peak RSS ${fmtMb(serverMeasurement.peakRss)} (at start ${fmtMb(serverMeasurement.rssBefore)}): ${serverMeasurement.peakRss < RSS_TARGET ? 'PASS' : 'FAIL'} (< 1 GB)`,
    );
    console.log(`every attack refused: ${allRefused ? 'PASS' : 'FAIL'}`);
  } finally {
    await drop();
  }
}

const task = workerTask<ServeTask>();
if (task?.kind === 'serve') await serveRunningWorker<ServerInfo>((ready) => serve(task.database, ready));
else {
  const dir = mkdtempSync(join(tmpdir(), 'suiji-abuse-'));
  try {
    for (const kind of DBS) await runOn(kind, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
