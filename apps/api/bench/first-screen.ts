/**
 * First-screen benchmark (issue 11, item 5): how much script each page of the dashboard loads, and how
 * soon the sign-in page and the inspector's to-do list show, in Chromium on a throttled network — the
 * dashboard as built (the first screen in the app's script, every other page's code split off and fetched
 * when it first shows, libraries in chunks of their own) beside the baseline built in the same run from the
 * same sources: everything in one script (`vite build --mode single-bundle`: no splitting at all, as the
 * dashboard shipped before but for the statistics page).
 *
 * Setup (not measured): both builds go to a temp folder; the API (built, production mode, the demo data
 * with its two years of history) listens in a worker process, serving the split build on one port and the
 * single bundle on another (the same API behind both); an inspector with visits to enter is found as the
 * administrator through GraphQL; each role signs in once per build through the sign-in page, and its
 * session (localStorage) is what every later browser context starts from.
 *
 * Script per route: each route is opened in a fresh browser context (cold cache, nothing in memory), at
 * full speed, until its main content shows and the network has been quiet for half a second. Counted:
 * every .js response — gzip (zlib at the level the server's `compression()` uses for gzip: the target's
 * figure), what actually went over the wire (Chromium asks for brotli), and the number of requests. "New
 * after home" is what a route adds to what the role's home page already loaded (the same chunks are not
 * fetched again: their names carry a hash and they are cached for a year). Target: the sign-in page and
 * the inspector's to-do list each < 250 kB of gzipped script.
 *
 * First meaningful paint: from navigation start (performance.now() in the page) to the first frame in
 * which the page's main content is visible — the sign-in form (its password field and submit button), the
 * to-do list's heading (待办) with its first entry — cold cache, Chromium's network throttled through the DevTools protocol to
 * 10 Mbit/s down and up with 40 ms latency; several runs, the median (and the range). Also recorded: when
 * the to-do list's first entry shows, and, as what the time went on, when the page's HTML, its last
 * script and its last GraphQL answer before the paint arrived. Target: < 1 s each.
 *
 * Options: SUIJI_BENCH_FIRST_SCREEN_RUNS (paint runs per page and build, default 5), SUIJI_CHROMIUM
 * (default /usr/bin/chromium), SUIJI_BENCH_KEEP=1 keeps the temp folder (both builds).
 */
// The paint watcher runs in the page: its code is checked against the browser's types.
/// <reference lib="dom" />
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import express from 'express';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  API_DIR,
  percentile,
  rssSampler,
  serveRunningWorker,
  startWorker,
  table,
  workerTask,
  type Database,
  type Measurement,
  type RunningWorker,
} from './lib.js';
import { benchSetting } from './env.js';
import { present } from '../dist/invariant.js';

const SELF = fileURLToPath(import.meta.url);
const ADMIN_DIR = join(API_DIR, '..', 'admin');
const VITE = join(ADMIN_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
const CHROMIUM = benchSetting('SUIJI_CHROMIUM') ?? '/usr/bin/chromium';
const RUNS = Number(benchSetting('SUIJI_BENCH_FIRST_SCREEN_RUNS') ?? 5);
if (!Number.isInteger(RUNS) || RUNS < 1)
  throw new Error(
    `SUIJI_BENCH_FIRST_SCREEN_RUNS must be a whole number of runs from 1 (it is "${benchSetting('SUIJI_BENCH_FIRST_SCREEN_RUNS')}").`,
  );
const KEEP = benchSetting('SUIJI_BENCH_KEEP') === '1';
const SCRIPT_TARGET_KB = 250;
const PAINT_TARGET_MS = 1000;
/** 10 Mbit/s, in bytes per second, as the DevTools protocol takes it. */
const THROUGHPUT = 10_000_000 / 8;
const LATENCY_MS = 40;
const ADMIN_PASSWORD = 'admin12345';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

type Build = 'split' | 'single';
const BUILDS: readonly Build[] = ['split', 'single'];
const BUILD_LABEL: Record<Build, string> = { split: 'split build', single: 'single bundle' };

interface ServeTask {
  kind: 'serve';
  database: Database;
  dists: Record<Build, string>;
}
type ServerInfo = Record<Build, number>;

/** The server's process: one API on the demo data, serving each build on a port of its own. */
async function serve(task: ServeTask, ready: (info: ServerInfo) => Promise<void>): Promise<Measurement> {
  const { createApp } = await import('../dist/server.js');
  const { compress, dashboard, securityHeaders } = await import('../dist/http.js');
  const sampler = rssSampler();
  const rssBefore = process.memoryUsage.rss();
  const app = await createApp({
    database: task.database,
    jwtSecret: 'first-screen-benchmark-secret-0123456789',
    demo: true,
    demoHistory: true,
    adminPassword: ADMIN_PASSWORD,
    adminStaticDir: task.dists.split,
    log: () => {},
  });
  const split = await app.listen(0, '127.0.0.1');
  // The single bundle's files first, with the same headers and compression; the API behind them.
  const single = express();
  single.disable('x-powered-by');
  single.use(securityHeaders(), compress(), dashboard(task.dists.single), app.express);
  const singleServer = await new Promise<Server>((resolve, reject) => {
    const s = single.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const port = (s: Server) => {
    const address = s.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return address.port;
  };
  const start = process.hrtime.bigint();
  await ready({ split: port(split), single: port(singleServer) });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const peakRss = sampler.peak();
  sampler.stop();
  await new Promise<void>((resolve) => singleServer.close(() => resolve()));
  await app.close();
  return { name: 'server', ms, rows: 0, peakRss, rssBefore };
}

/** Builds the dashboard into `outDir`: split as shipped, or in one script (the baseline). */
function buildDashboard(build: Build, outDir: string): void {
  execFileSync(
    process.execPath,
    [
      VITE,
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
      ...(build === 'single' ? ['--mode', 'single-bundle'] : []),
    ],
    { cwd: ADMIN_DIR, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/** One GraphQL operation over HTTP as `token` (null: the public); throws on errors. */
async function graphql<T>(
  base: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return present(body.data, 'body.data');
}

/** The username of an inspector with a visit awaiting entry (the demo's teams are drawn by lot). */
async function inspectorWithWork(base: string): Promise<string> {
  const { login } = await graphql<{ login: { token: string } }>(
    base,
    null,
    'mutation($p: String!) { login(username: "admin", password: $p) { token } }',
    { p: ADMIN_PASSWORD },
  );
  const { inspections } = await graphql<{ inspections: { items: { team: { userId: string | null }[] }[] } }>(
    base,
    login.token,
    '{ inspections(filter: { states: [PENDING_ENTRY] }, page: { page: 1, perPage: 50 }) { items { team { userId } } } }',
  );
  const userId = inspections.items.flatMap((i) => i.team.map((m) => m.userId)).find((id) => id !== null);
  if (!userId) throw new Error('no inspector with a visit awaiting entry in the demo');
  const { user } = await graphql<{ user: { username: string } }>(
    base,
    login.token,
    'query($id: ID!) { user(id: $id) { username } }',
    { id: userId },
  );
  return user.username;
}

type Role = 'public' | 'inspector' | 'manager';

interface Route {
  name: string;
  role: Role;
  /** The address after the '#'; null: the inspection the to-do list's first entry opens. */
  hash: string | null;
  /** What must be visible for the page to count as shown. */
  ready: string[];
  /** The route whose scripts "new after home" subtracts. */
  home?: string;
}

const SIGN_IN = 'sign-in page';
const TODO = 'inspector: to-do list (home)';

const ROUTES: Route[] = [
  { name: SIGN_IN, role: 'public', hash: '/login', ready: ['input[name=password]', 'button[type=submit]'] },
  // Meaningful: the inspector's visits, not the heading that shows before them.
  { name: TODO, role: 'inspector', hash: '/', ready: ['#todo-title', '[data-testid=todo-entry]'] },
  {
    name: 'inspector: inspection list',
    role: 'inspector',
    hash: '/inspections',
    ready: ['[data-testid=inspection-list] tbody tr'],
    home: TODO,
  },
  {
    name: 'inspector: an inspection',
    role: 'inspector',
    hash: null,
    ready: ['[data-testid=publication-deadline]'],
    home: TODO,
  },
  {
    name: 'manager: statistics (home)',
    role: 'manager',
    hash: '/statistics',
    ready: ['[data-testid^=kpi-value-]', '[data-testid=statistics-cut-off]'],
  },
  { name: 'public portal home', role: 'public', hash: '/public', ready: ['input'], home: SIGN_IN },
];

/** The first-meaningful-paint pages: the sign-in form, and the to-do list with its first entry. */
const PAINTS: { route: string; also?: string }[] = [
  { route: SIGN_IN },
  { route: TODO, also: '[data-testid=todo-entry]' },
];

interface Script {
  url: string;
  gzip: number;
  sent: number;
}

interface Visit {
  scripts: Script[];
  /** On the to-do list: the address of the inspection its first entry opens. */
  inspection?: string;
}

class Browsers {
  constructor(
    private readonly browser: Browser,
    private readonly sessions: Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>,
  ) {}

  static async launch(): Promise<Browsers> {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return new Browsers(browser, new Map());
  }

  /** A fresh context (cold cache) that starts signed in as `role` on `base`. */
  async context(base: string, role: Role): Promise<BrowserContext> {
    const storageState = role === 'public' ? undefined : await this.session(base, role);
    return this.browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1400, height: 900 },
      storageState,
    });
  }

  /** Signs `role` in once on `base`, through the sign-in page; what later contexts start from. */
  private async session(base: string, role: Exclude<Role, 'public'>) {
    const key = `${base} ${role}`;
    const known = this.sessions.get(key);
    if (known) return known;
    const username = role === 'manager' ? 'manager' : await inspectorWithWork(base);
    const context = await this.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${base}/#/login`);
      await page.locator('input[name=username]').fill(username);
      await page.locator('input[name=password]').fill(`${username}12345`);
      await page.locator('button[type=submit]').click();
      await page.getByRole('button', { name: '个人信息' }).waitFor();
      const state = await context.storageState();
      this.sessions.set(key, state);
      return state;
    } finally {
      await context.close();
    }
  }

  close() {
    return this.browser.close();
  }
}

/** Waits until `selectors` all match a visible element, and then until no request is in flight for `quietMs`. */
async function settle(page: Page, selectors: string[], inFlight: () => number, quietMs = 500) {
  for (const selector of selectors) await page.locator(selector).first().waitFor({ state: 'visible' });
  let quietSince = performance.now();
  while (performance.now() - quietSince < quietMs) {
    await new Promise((r) => setTimeout(r, 50));
    if (inFlight() > 0) quietSince = performance.now();
  }
}

/** Opens `route` in a fresh context at full speed and counts the scripts it loads. */
async function visit(browsers: Browsers, base: string, route: Route, hash: string): Promise<Visit> {
  const context = await browsers.context(base, route.role);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    let inFlight = 0;
    const pending: Promise<Script | null>[] = [];
    page.on('request', () => inFlight++);
    page.on('requestfinished', () => inFlight--);
    page.on('requestfailed', () => inFlight--);
    page.on('response', (response) => {
      if (!new URL(response.url()).pathname.endsWith('.js')) return;
      pending.push(
        (async () => {
          const [body, sizes] = await Promise.all([response.body(), response.request().sizes()]);
          return {
            url: response.url(),
            gzip: gzipSync(body, { level: constants.Z_DEFAULT_COMPRESSION }).length,
            sent: sizes.responseBodySize,
          };
        })().catch(() => null),
      );
    });
    await page.goto(`${base}/#${hash}`);
    await settle(page, route.ready, () => inFlight);
    const scripts = (await Promise.all(pending)).filter((s): s is Script => s !== null);
    if (route.name !== TODO) return { scripts };
    await page.locator('[data-testid=todo-entry]').first().waitFor();
    const href = await page
      .locator('[data-testid=todo-entry] a[href*="/inspections/"]')
      .first()
      .getAttribute('href');
    if (!href) throw new Error('the to-do list shows no inspection');
    return { scripts, inspection: href.replace(/^#/, '') };
  } finally {
    await context.close();
  }
}

interface Paint {
  /** From navigation start to the frame in which the main content is visible. */
  at: number;
  /** The same for `also` (the to-do list's first entry), when asked. */
  also: number | null;
  html: number;
  lastScript: number;
  /** When the first script was asked for, and the longest any script waited for its first byte. */
  firstScript: number;
  scriptWait: number;
  scripts: number;
  lastData: number;
  data: number;
}

/**
 * Runs in the page from its first moment: checks at each frame whether `selectors` are visible, and
 * records when (and what had arrived by then) in `window.__suijiPaint`; then the same for `also`.
 */
function watchPaint({ selectors, also }: { selectors: string[]; also: string | null }) {
  const visible = (selector: string) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0;
  };
  const w = window as unknown as { __suijiPaint?: Record<string, unknown> };
  const snapshot = (at: number) => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const done = (test: (name: string) => boolean) =>
      resources.filter((r) => test(r.name) && r.responseEnd <= at);
    const scripts = done((name) => new URL(name).pathname.endsWith('.js'));
    const data = done((name) => new URL(name).pathname === '/graphql');
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      at,
      html: nav?.responseEnd ?? 0,
      lastScript: Math.max(0, ...scripts.map((r) => r.responseEnd)),
      firstScript: Math.min(...scripts.map((r) => r.startTime)),
      scriptWait: Math.max(0, ...scripts.map((r) => r.responseStart - r.requestStart)),
      scripts: scripts.length,
      lastData: Math.max(0, ...data.map((r) => r.responseEnd)),
      data: data.length,
    };
  };
  const tick = () => {
    const now = performance.now();
    if (!w.__suijiPaint && selectors.every(visible)) w.__suijiPaint = { ...snapshot(now), also: null };
    if (w.__suijiPaint && also && w.__suijiPaint.also === null && visible(also)) w.__suijiPaint.also = now;
    if (!w.__suijiPaint || (also && w.__suijiPaint.also === null)) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** One cold load of `route`, throttled: when its main content first showed. */
async function paintOnce(
  browsers: Browsers,
  base: string,
  route: Route,
  also: string | null,
): Promise<Paint> {
  const context = await browsers.context(base, route.role);
  try {
    await context.addInitScript(watchPaint, { selectors: route.ready, also });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LATENCY_MS,
      downloadThroughput: THROUGHPUT,
      uploadThroughput: THROUGHPUT,
    });
    await page.goto(`${base}/#${route.hash ?? ''}`, { waitUntil: 'commit' });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const paint = await page.evaluate(
        () => (window as unknown as { __suijiPaint?: Paint }).__suijiPaint ?? null,
      );
      if (paint && (!also || paint.also !== null)) return paint;
      if (Date.now() > deadline) throw new Error(`${route.name}: not shown within 60 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => bytes / 1000;
const fmtKb = (bytes: number) => `${kb(bytes).toFixed(1)} kB`;
const fmtMs = (ms: number) => `${ms.toFixed(0)} ms`;
const median = (values: number[]) => percentile(values, 50);
const sum = (scripts: Script[], key: 'gzip' | 'sent') => scripts.reduce((a, s) => a + s[key], 0);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'suiji-bench-first-screen-'));
  const dists: Record<Build, string> = { split: join(dir, 'split'), single: join(dir, 'single') };
  let browsers: Browsers | undefined;
  let server: RunningWorker<ServerInfo> | undefined;
  let missed = 0;
  try {
    for (const build of BUILDS) buildDashboard(build, dists[build]);
    const files = (build: Build) =>
      readdirSync(join(dists[build], 'assets')).filter((f) => f.endsWith('.js')).length;
    console.log(
      `\nfirst screen: the dashboard split (${files('split')} scripts) beside the single bundle (${files('single')} script), built from the same sources in this run; Chromium, cold cache`,
    );
    server = await startWorker<ServeTask, ServerInfo>(
      SELF,
      { kind: 'serve', database: { kind: 'sqlite', path: join(dir, 'first-screen.db') }, dists },
      { timeoutMs: 30 * 60_000 },
    );
    const bases: Record<Build, string> = {
      split: `http://127.0.0.1:${server.info.split}`,
      single: `http://127.0.0.1:${server.info.single}`,
    };
    browsers = await Browsers.launch();

    // Script per route, each build.
    const visits: Record<Build, Map<string, Visit>> = { split: new Map(), single: new Map() };
    for (const build of BUILDS) {
      for (const route of ROUTES) {
        const hash =
          route.hash ??
          present(
            present(visits[build].get(TODO), 'visits[build].get(TODO)').inspection,
            'the inspection the to-do page links to',
          );
        visits[build].set(route.name, await visit(browsers, bases[build], route, hash));
      }
    }
    const rows = [
      [
        'route (cold cache)',
        'split: gzip',
        'as sent',
        'requests',
        'new after home',
        'single: gzip',
        'split ÷ single',
        'target',
      ],
    ];
    for (const route of ROUTES) {
      const split = present(visits.split.get(route.name), 'visits.split.get(route.name)').scripts;
      const single = present(visits.single.get(route.name), 'visits.single.get(route.name)').scripts;
      const home = route.home
        ? present(visits.split.get(route.home), 'visits.split.get(route.home)').scripts
        : null;
      const added = home ? split.filter((s) => !home.some((h) => h.url === s.url)) : null;
      const targeted = route.name === SIGN_IN || route.name === TODO;
      const ok = sum(split, 'gzip') < SCRIPT_TARGET_KB * 1000;
      if (targeted && !ok) missed++;
      rows.push([
        route.name,
        fmtKb(sum(split, 'gzip')),
        fmtKb(sum(split, 'sent')),
        String(split.length),
        added ? `${fmtKb(sum(added, 'gzip'))} in ${added.length}` : '',
        fmtKb(sum(single, 'gzip')),
        `${((sum(split, 'gzip') / sum(single, 'gzip')) * 100).toFixed(0)} %`,
        targeted ? (ok ? `ok (< ${SCRIPT_TARGET_KB} kB)` : `MISSED (≥ ${SCRIPT_TARGET_KB} kB)`) : '',
      ]);
    }
    console.log(
      '\nscript each route loads (gzip: the target figure; as sent: brotli, what Chromium received)',
    );
    console.log(table(rows));
    const biggest = (scripts: Script[]) =>
      [...scripts]
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 3)
        .map((s) => `${new URL(s.url).pathname.replace('/assets/', '')} ${fmtKb(s.gzip)}`)
        .join(', ');
    for (const name of [SIGN_IN, TODO])
      console.log(
        `  ${name}, largest scripts: ${biggest(present(visits.split.get(name), 'visits.split.get(name)').scripts)}`,
      );

    // First meaningful paint, throttled, each build; the builds take turns, so that both see the same load.
    const paints: Record<Build, Map<string, Paint[]>> = { split: new Map(), single: new Map() };
    for (const { route: name, also } of PAINTS) {
      const route = present(
        ROUTES.find((r) => r.name === name),
        'ROUTES.find((r) => r.name === name)',
      );
      for (const build of BUILDS) paints[build].set(name, []);
      for (let r = 0; r < RUNS; r++)
        for (const build of BUILDS)
          present(paints[build].get(name), 'paints[build].get(name)').push(
            await paintOnce(browsers, bases[build], route, also ?? null),
          );
    }
    const paintRows = [
      [
        'page',
        'split: median',
        'range',
        'single: median',
        'range',
        'split ÷ single',
        'first entry (split / single)',
        'target',
      ],
    ];
    const range = (values: number[]) => `${fmtMs(Math.min(...values))}–${fmtMs(Math.max(...values))}`;
    for (const { route: name, also } of PAINTS) {
      const split = present(paints.split.get(name), 'paints.split.get(name)').map((p) => p.at);
      const single = present(paints.single.get(name), 'paints.single.get(name)').map((p) => p.at);
      const ok = median(split) < PAINT_TARGET_MS;
      if (!ok) missed++;
      const entry = (build: Build) =>
        fmtMs(median(present(paints[build].get(name), 'paints[build].get(name)').map((p) => p.also ?? NaN)));
      paintRows.push([
        name,
        fmtMs(median(split)),
        range(split),
        fmtMs(median(single)),
        range(single),
        `${((median(split) / median(single)) * 100).toFixed(0)} %`,
        also ? `${entry('split')} / ${entry('single')}` : '',
        ok ? `ok (< ${PAINT_TARGET_MS} ms)` : `MISSED (≥ ${PAINT_TARGET_MS} ms)`,
      ]);
    }
    console.log(
      `\nfirst meaningful paint: ${THROUGHPUT * 8e-6} Mbit/s, ${LATENCY_MS} ms latency, cold cache, ${RUNS} runs per page and build (machine load ${present(loadavg()[0], 'loadavg()[0]').toFixed(1)} on ${availableParallelism()} cores: rendering and first bytes wait for the CPU)`,
    );
    console.log(table(paintRows));
    for (const { route: name } of PAINTS)
      for (const build of BUILDS) {
        const runs = present(paints[build].get(name), 'paints[build].get(name)');
        const at = median(runs.map((p) => p.at));
        const html = median(runs.map((p) => p.html));
        const lastScript = median(runs.map((p) => p.lastScript));
        const firstScript = median(runs.map((p) => p.firstScript));
        const scriptWait = median(runs.map((p) => p.scriptWait));
        const lastData = median(runs.map((p) => p.lastData));
        const scripts = present(visits[build].get(name), 'visits[build].get(name)').scripts;
        const wire = (sum(scripts, 'sent') / THROUGHPUT) * 1000;
        const phases = [
          ['the HTML', html],
          [`scripts (${median(runs.map((p) => p.scripts))} requests)`, lastScript - html],
          [
            `data (${median(runs.map((p) => p.data))} GraphQL answers after the scripts)`,
            Math.max(0, lastData - lastScript),
          ],
          ['rendering after the last arrival', at - Math.max(html, lastScript, lastData)],
        ] as const;
        const top = present(
          [...phases].sort((a, b) => b[1] - a[1])[0],
          '[...phases].sort((a, b) => b[1] - a[1])[0]',
        );
        console.log(
          `  ${name}, ${BUILD_LABEL[build]}: painted at ${fmtMs(at)}; HTML at ${fmtMs(html)}, scripts asked for from ${fmtMs(firstScript)}, the last in at ${fmtMs(lastScript)} (${fmtKb(sum(scripts, 'sent'))} as sent, ${fmtMs(wire)} of transfer at 10 Mbit/s; the slowest first byte after ${fmtMs(scriptWait)}), last GraphQL answer at ${lastData ? fmtMs(lastData) : '—'}; dominates: ${top[0]}, ${fmtMs(top[1])}`,
        );
      }
  } finally {
    // Each step whatever the one before did: no browser, server or temp folder is left behind.
    await browsers?.close().catch((e: unknown) => console.error('closing the browsers failed:', e));
    await server?.stop().catch((e: unknown) => console.error('stopping the API failed:', e));
    if (!KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
  console.log(missed ? `\nfirst-screen: ${missed} target(s) missed` : '\nfirst-screen: every target met');
}

const task = workerTask<ServeTask>();
if (task?.kind === 'serve') await serveRunningWorker<ServerInfo>((ready) => serve(task, ready));
else await main();
