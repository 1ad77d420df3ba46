/**
 * What the browser tests share: the built dashboard served by the real API (a fresh SQLite database with the
 * demo data) on a free port, a fresh Chromium profile, sign-in helpers, screenshots (SUIJI_SCREENSHOTS=dir),
 * the list of every URL the browser asked for, to check that nothing left this machine, and axe-core's checks
 * of the pages, which every page a test file opens must have had when its harness stops.
 */
import { createHash } from 'node:crypto';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drandRoundAfter, drandRoundTime } from '@suiji/domain';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const adminDir = resolve(here, '..');
const apiDir = resolve(adminDir, '../api');
const distDir = join(adminDir, 'dist');
const apiMain = join(apiDir, 'dist/main.js');
const CHROMIUM = process.env.SUIJI_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = process.env.SUIJI_SCREENSHOTS;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error()),
      );
    });
  });
}

async function waitForHealth(url: string, api: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`The API exited with ${api.exitCode}:\n${log()}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The API did not answer ${url} within 60 s:\n${log()}`);
}

/** A 1×1 PNG photo, as a camera or file picker hands one over (the API checks the content, not the name). */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A dashboard route as a pattern: its hash path, keys and numbers as `:id` (…/inspections/:id/show). */
export function routeOf(url: string): string {
  const hash = new URL(url).hash.split('?')[0] || '#/';
  return hash
    .split('/')
    .map((part) => (/^[0-9a-f-]{36}$|^\d+$|^[0-9A-Z]{18}$/.test(part) ? ':id' : part))
    .join('/');
}

/**
 * The routes the browser tests opened, and those axe checked, over the whole run of a test file (vitest gives
 * each file a module of its own). A route counts as opened once a tab has shown it (see `watchShown`), or when
 * axe checked it. A route the dashboard only passes through on its way elsewhere (`#/` before the sign-in
 * page, a record's page making way for 无权访问 or for its list) is left while it still loads: not counted.
 */
const visitedRoutes = new Set<string>();
const checkedRoutes = new Set<string>();
/** How long a page stays as it is, titled and with nothing left to fetch, to count as shown. */
const SHOWN_MS = 300;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe's WCAG 2 A and AA violations of the page (those of `impacts` only, when given), as "rule: the elements'
 * selectors". Prints how many of each impact the page has, so every browser test reports every page it checks;
 * a page without exactly one level-one heading counts as a violation too.
 */
export async function axeViolations(page: Page, impacts?: readonly string[]): Promise<string[]> {
  await settled(page);
  // A dialog or notification fading in or out is read mid-way at a contrast it never rests at: wait until
  // the page's transitions have ended (the infinite ones, spinners, never do and are not waited for).
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  // Evaluated through the browser's protocol, not as a page script, so a Content-Security-Policy allows it.
  await page.evaluate(axeSource);
  const { violations, counts } = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    const counts: Record<string, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const v of result.violations) counts[v.impact ?? 'minor'] = (counts[v.impact ?? 'minor'] ?? 0) + 1;
    return {
      counts,
      violations: result.violations
        .filter((v) => !only || only.includes(v.impact ?? ''))
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ') + ' ' + n.failureSummary).join(', ')}`),
    };
  }, impacts ?? null);
  const where = routeOf(page.url());
  checkedRoutes.add(where);
  // And the house rule axe leaves to best practice: one level-one heading per page (the app bar's title),
  // which says something (a page without a title leaves the app bar's empty). Read from the document: the
  // app bar slides out of sight while the page is scrolled down.
  const h1 = await page.locator('h1').evaluateAll((headings) => headings.map((h) => h.textContent.trim()));
  console.log(
    `axe ${where}: ${Object.entries(counts)
      .map(([impact, n]) => `${impact} ${n}`)
      .join(', ')}; h1 ${h1.length}${h1.includes('') ? ' (empty)' : ''}`,
  );
  if (h1.length !== 1 || !h1[0])
    violations.push(`page-has-one-h1: ${JSON.stringify(h1)} as level-one headings, one titled one expected`);
  return violations;
}

/** The page-side state `watchShown` keeps. */
interface ShownState {
  /** Since when the page has been shown as it is now. */
  suijiShownSince?: number;
  /** Tells the harness an address the page has shown. */
  suijiShown(url: string): Promise<void>;
}

/**
 * Run in each document a tab loads. The page is shown when its level-one heading has a text (the app bar's
 * title, set by the page) and the app bar's loading indicator is gone; kept as `suijiShownSince` (reset as the
 * address changes), and each address shown for `ms` on end is told to the harness.
 */
function watchShown(ms: number): void {
  const state = window as unknown as ShownState;
  const reported = new Set<string>();
  let href = '';
  setInterval(() => {
    const shown =
      !document.querySelector('[data-testid=loading]') &&
      /\S/.test(document.querySelector('h1')?.textContent ?? '');
    if (!shown || location.href !== href) state.suijiShownSince = undefined;
    href = location.href;
    if (!shown) return;
    state.suijiShownSince ??= performance.now();
    if (performance.now() - state.suijiShownSince >= ms && !reported.has(href)) {
      reported.add(href);
      void state.suijiShown(href);
    }
  }, 50);
}

/**
 * Waits until the page has been shown for a moment: it has what it asked for (a page's requests follow one
 * another: the record, then what it refers to). Gives up after 10 s, for a page that polls or has no title
 * (which axeViolations then reports).
 */
async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      (ms) => {
        const since = (window as unknown as ShownState).suijiShownSince;
        return since !== undefined && performance.now() - since >= ms;
      },
      SHOWN_MS,
      { timeout: 10_000, polling: 100 },
    )
    .catch(() => undefined);
}

export async function shot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  // Let dialogs and notifications finish their transitions.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface Harness {
  /** The origin of the API and the dashboard, e.g. http://127.0.0.1:41234 */
  base: string;
  /** Every URL the browser requested. */
  requested: string[];
  /** A new tab in the shared browser profile. */
  newPage(): Promise<Page>;
  /** A new tab in a fresh profile of its own: nobody signed in, nothing cached. */
  newAnonymousPage(): Promise<Page>;
  /** Likewise, as a phone: 390×844, touch, a mobile browser. */
  newPhonePage(): Promise<Page>;
  /** The requested URLs on a host other than this machine. */
  outsideRequests(): string[];
  stop(): Promise<void>;
}

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

export async function startHarness(): Promise<Harness> {
  if (!existsSync(apiMain))
    throw new Error(`${apiMain} is missing: build the API first (pnpm --filter @suiji/api build).`);
  if (!existsSync(join(distDir, 'index.html')))
    execFileSync(process.execPath, [join(adminDir, 'node_modules/vite/bin/vite.js'), 'build'], {
      cwd: adminDir,
    });
  const dirs = [mkdtempSync(join(tmpdir(), 'suiji-e2e-data-'))];
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const api = spawn(process.execPath, [apiMain], {
    cwd: apiDir,
    env: {
      ...process.env,
      SUIJI_PORT: String(port),
      SUIJI_HOST: '127.0.0.1',
      SUIJI_DATA_DIR: dirs[0],
      SUIJI_ADMIN_STATIC_DIR: distDir,
      SUIJI_JWT_SECRET: 'e2e-secret-of-at-least-sixteen-characters',
      SUIJI_ADMIN_PASSWORD: 'admin12345',
      SUIJI_DEMO: 'true',
      SUIJI_DATABASE_URL: '',
      DATABASE_URL: '',
      // The browser tests check the product as shipped, whatever the developer's shell says.
      SUIJI_ENV: 'production',
      SUIJI_PUBLIC_INSPECTOR_NAMES: 'false',
      // A draw may run a second after it was scheduled (a day in production), once its source is out.
      SUIJI_DRAW_MIN_DELAY: String(DRAW_MIN_DELAY_SECONDS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  api.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const contexts: BrowserContext[] = [];
  const requested: string[] = [];

  async function launch(phone = false): Promise<BrowserContext> {
    // A fresh profile per context: nothing cached or signed in from before.
    const userDataDir = mkdtempSync(join(tmpdir(), 'suiji-e2e-chromium-'));
    dirs.push(userDataDir);
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      locale: 'zh-CN',
      // Where the users are: "today" in the dashboard is the API's day in China Standard Time.
      timezoneId: 'Asia/Shanghai',
      viewport: phone ? { width: 390, height: 844 } : { width: 1400, height: 900 },
      ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}),
      args: CHROMIUM_ARGS,
    });
    contexts.push(context);
    return context;
  }

  async function pageOf(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('request', (request) => requested.push(request.url()));
    await page.exposeBinding('suijiShown', (_source, url: string) => {
      if (url.startsWith(base)) visitedRoutes.add(routeOf(url));
    });
    await page.addInitScript(watchShown, SHOWN_MS);
    return page;
  }

  /** Closes the browser, stops the API and removes the temporary directories, whatever fails on the way. */
  const cleanUp = async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    if (api.exitCode === null) {
      const exited = new Promise((r) => api.once('exit', r));
      api.kill('SIGTERM');
      const timer = setTimeout(() => api.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };

  /**
   * Cleans up, then fails the test file if a route it opened was never checked by axe, so that a page a
   * test comes to visit is checked too (throwing from the file's afterAll, beside any test's own failure).
   */
  const stop = async () => {
    const opened = new Set([...visitedRoutes, ...checkedRoutes]);
    const unchecked = [...opened].filter((r) => !checkedRoutes.has(r)).sort();
    const report =
      `axe: ${checkedRoutes.size} routes checked of ${opened.size} opened` +
      (unchecked.length ? `; opened without a check: ${unchecked.join(' ')}` : '');
    console.log(report);
    await cleanUp();
    if (unchecked.length) throw new Error(`${report}: check each page a test opens with axeViolations().`);
  };

  try {
    await waitForHealth(`${base}/health`, api, () => output);
    const shared = await launch();
    return {
      base,
      requested,
      newPage: () => pageOf(shared),
      newAnonymousPage: async () => pageOf(await launch()),
      newPhonePage: async () => pageOf(await launch(true)),
      outsideRequests: () =>
        requested.filter((url) => {
          const { protocol, hostname } = new URL(url);
          if (protocol === 'data:' || protocol === 'blob:') return false;
          return hostname !== '127.0.0.1' && hostname !== 'localhost';
        }),
      stop,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** The server's minimum delay between scheduling a draw and running it, in these tests. */
export const DRAW_MIN_DELAY_SECONDS = 1;

/** The drand round to declare for a draw scheduled now: the first after the minimum delay. */
export function nextDrandRound(): string {
  // A few seconds' lead: the dialog is filled in and submitted before the round comes.
  return String(drandRoundAfter(new Date(Date.now() + DRAW_MIN_DELAY_SECONDS * 1000 + 5000)));
}

/** Waits until a draw that declared `round` may run. */
export async function untilRound(round: string): Promise<void> {
  const wait = drandRoundTime(Number(round)).getTime() + 500 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** A drand round's value (64 hex digits) to run a draw with. */
export function drandValue(n: number | string = 0): string {
  return createHash('sha256').update(`e2e outcome ${n}`).digest('hex');
}

/** In the schedule dialog: declares the next drand round as the public entropy source; returns it. */
export async function declareDrandRound(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '公开随机源' }).click();
  await page.getByRole('option', { name: /drand/ }).click();
  const round = nextDrandRound();
  await dialog.locator('input[name=entropyIssue]').fill(round);
  return round;
}

/** The impacts of axe's violations that fail a browser test. */
export const SERIOUS = ['serious', 'critical'];

/**
 * Signs in from the sign-in page. The first sign-in of a test file checks the sign-in page with axe, and the
 * home page it lands on once that has fetched the role's content (axeViolations waits for it); a test may
 * check the home page again in a state it brings it to.
 */
export async function login(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/#/login`);
  await page.locator('input[name=username]').waitFor();
  if (!checkedRoutes.has(routeOf(page.url()))) expect(await axeViolations(page, SERIOUS)).toEqual([]);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  // Signed in: the app bar's user menu shows, whichever home page the role lands on.
  await page.getByRole('button', { name: '个人信息' }).waitFor();
  if (!checkedRoutes.has(routeOf(page.url()))) expect(await axeViolations(page, SERIOUS)).toEqual([]);
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '个人信息' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.locator('input[name=username]').waitFor();
}

/** Sends one GraphQL operation to the API at `base` as `token` (null: the public) and returns its data. */
export async function graphqlAs<T>(
  base: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data!;
}
