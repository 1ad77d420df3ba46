/**
 * The dashboard in a real browser: the built app served by the real API (fresh SQLite with demo data),
 * driven in Chromium. An administrator creates an inspection item and finds it; an inspector sees no users.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

async function shot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('the dashboard in a browser', () => {
  let api: ChildProcess | undefined;
  let browser: BrowserContext | undefined;
  let dataDir: string;
  let userDataDir: string;
  let base: string;
  let output = '';
  const requested: string[] = [];

  beforeAll(async () => {
    if (!existsSync(apiMain))
      throw new Error(`${apiMain} is missing: build the API first (pnpm --filter @suiji/api build).`);
    if (!existsSync(join(distDir, 'index.html')))
      execFileSync(process.execPath, [join(adminDir, 'node_modules/vite/bin/vite.js'), 'build'], {
        cwd: adminDir,
      });
    dataDir = mkdtempSync(join(tmpdir(), 'suiji-e2e-data-'));
    userDataDir = mkdtempSync(join(tmpdir(), 'suiji-e2e-chromium-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [apiMain], {
      cwd: apiDir,
      env: {
        ...process.env,
        SUIJI_PORT: String(port),
        SUIJI_HOST: '127.0.0.1',
        SUIJI_DATA_DIR: dataDir,
        SUIJI_ADMIN_STATIC_DIR: distDir,
        SUIJI_JWT_SECRET: 'e2e-secret-of-at-least-sixteen-characters',
        SUIJI_ADMIN_PASSWORD: 'admin12345',
        SUIJI_DEMO: 'true',
        SUIJI_DATABASE_URL: '',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForHealth(`${base}/health`, api, () => output);
    // A fresh profile per run: nothing cached or signed in from before.
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      locale: 'zh-CN',
      viewport: { width: 1400, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (api && api.exitCode === null) {
      const exited = new Promise((r) => api!.once('exit', r));
      api.kill('SIGTERM');
      const timer = setTimeout(() => api!.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    for (const dir of [dataDir, userDataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const page = await browser!.newPage();
    page.setDefaultTimeout(60_000);
    page.on('request', (request) => requested.push(request.url()));
    return page;
  }

  async function login(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${base}/#/login`);
    await page.locator('input[name=username]').fill(username);
    await page.locator('input[name=password]').fill(password);
    await page.locator('button[type=submit]').click();
    await page.getByText('欢迎').first().waitFor();
  }

  async function logout(page: Page): Promise<void> {
    await page.getByRole('button', { name: '个人信息' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.locator('input[name=username]').waitFor();
  }

  it('lets an administrator create an item and find it, and keeps users from an inspector', async () => {
    const page = await newPage();
    await login(page, 'admin', 'admin12345');
    await shot(page, '01-dashboard-admin');

    const name = `端到端测试抽查事项 ${Date.now()}`;
    await page.goto(`${base}/#/items/create`);
    await page.locator('input[name=departmentId]').click();
    await page.getByRole('option').first().click();
    await page.locator('input[name=seq]').fill('99');
    await page.locator('input[name=name]').fill(name);
    await page.locator('[name=legalBasis]').first().fill('《中华人民共和国土地管理法》第六十七条');
    await page.locator('input[name=inspectingBody]').fill('武冈市自然资源局');
    await page.locator('input[name=targetType]').fill('土地使用权人');
    await page.locator('input[name=minRatioBp]').fill('5');
    await shot(page, '02-item-create');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/#\/items(\?|$)/);

    await page.getByPlaceholder('搜索名称或代码').fill(name);
    await expect.poll(() => page.getByRole('cell', { name }).count(), { timeout: 60_000 }).toBe(1);
    // The search went to the API: the list holds the new item alone.
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 60_000 }).toBe(1);
    await expect(page.getByText('5%').first().isVisible()).resolves.toBe(true);
    await shot(page, '03-items-list');

    await logout(page);
    await login(page, 'inspector', 'inspector12345');
    await page.getByText('执法检查人员').first().waitFor();
    await shot(page, '04-dashboard-inspector');
    await expect(page.locator('a[href="#/items"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('a[href="#/users"]').count()).resolves.toBe(0);

    await page.goto(`${base}/#/users`);
    await page
      .getByText(/无权访问|没有访问此页面的权限/)
      .first()
      .waitFor();
    await expect(page.getByRole('cell', { name: 'admin', exact: true }).count()).resolves.toBe(0);
    await shot(page, '05-users-denied');

    const outside = requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      if (protocol === 'data:' || protocol === 'blob:') return false;
      return hostname !== '127.0.0.1' && hostname !== 'localhost';
    });
    expect(outside).toEqual([]);
    expect(requested.length).toBeGreaterThan(0);
  });
});
