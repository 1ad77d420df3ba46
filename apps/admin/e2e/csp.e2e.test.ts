/**
 * The Content-Security-Policy in a real browser: the public pages (a drawn draw verified in the reader's
 * browser, the published results) and the dashboard's pages, signed in as the administrator, load under
 * the API's CSP with no console error, no page error and no policy violation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  login,
  startHarness,
  type Harness,
  drandValue,
  nextDrandRound,
  untilRound,
  axeViolations,
  graphqlAs,
  SERIOUS,
} from './harness';

/** Everything the page reports as wrong: console errors, uncaught errors, CSP violations. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('reportViolation', (violation: string) => problems.push(`CSP: ${violation}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (v: string) => void }).reportViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return problems;
}

/** Opens a route of the dashboard and waits until it has loaded what it asks for. */
async function visit(page: Page, base: string, route: string): Promise<void> {
  await page.goto(`${base}/#${route}`);
  await page.waitForLoadState('networkidle');
  // Let the page render what it fetched (styles are inserted as it renders).
  await page.waitForTimeout(300);
}

describe('the Content-Security-Policy in a browser', () => {
  let harness: Harness;
  let drawId: string;

  /** Sends one GraphQL operation as `token` (null: the public) and returns its data. */
  const api = <T>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    graphqlAs<T>(harness.base, token, query, variables);

  beforeAll(async () => {
    harness = await startHarness();
    // A drawn draw, so that its public page shows a record to verify.
    const { login: session } = await api<{ login: { token: string } }>(
      null,
      'mutation { login(username: "coordinator", password: "coordinator12345") { token } }',
    );
    const year = new Date().getFullYear();
    const { items } = await api<{ items: { items: { id: string }[] } }>(
      session.token,
      'query($y: Int!) { items(filter: { year: $y, q: "土地使用情况" }) { items { id } } }',
      { y: year },
    );
    const { createTask } = await api<{ createTask: { id: string } }>(
      session.token,
      'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
      {
        i: {
          name: 'CSP 测试任务',
          year,
          itemIds: [items.items[0]!.id],
          windowStart: `${year}-01-01`,
          windowEnd: `${year}-12-31`,
        },
      },
    );
    const round = nextDrandRound();
    const { scheduleDraw } = await api<{ scheduleDraw: { id: string } }>(
      session.token,
      'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
      { i: { taskId: createTask.id, entropy: { source: 'DRAND', issue: round } } },
    );
    drawId = scheduleDraw.id;
    await untilRound(round);
    await api(session.token, 'mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }', {
      i: { drawId, publicEntropy: drandValue(drawId) },
    });
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  it('serves the dashboard under a policy of its own origin only', async () => {
    const page = await harness.newAnonymousPage();
    const response = await page.goto(`${harness.base}/`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('loads the public pages with no console error and no violation', async () => {
    const page = await harness.newAnonymousPage();
    const problems = await watch(page);
    await visit(page, harness.base, '/public/draws');
    await page.locator('tbody tr').first().waitFor();
    // Each page passes axe-core without serious violations, too.
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await visit(page, harness.base, `/public/draws/${drawId}`);
    await page.getByTestId('verify-browser').click();
    await expect(page.getByTestId('verify-browser-result').getAttribute('data-ok')).resolves.toBe('true');
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await visit(page, harness.base, '/public/results');
    await page.getByRole('heading', { name: '抽查结果公示' }).waitFor();
    await page.locator('[data-testid=public-results] tbody tr').first().waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    // The portal's entry page and item list.
    await visit(page, harness.base, '/public');
    await page.getByRole('heading', { name: '“双随机、一公开”公示平台' }).waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await visit(page, harness.base, '/public/items');
    await page.locator('[data-testid=public-items] tbody tr').first().waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await page.getByRole('navigation').getByRole('link', { name: '抽查结果公示' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('loads the dashboard’s pages for the administrator with no console error and no violation', async () => {
    const page = await harness.newPage();
    const problems = await watch(page);
    await login(page, harness.base, 'admin', 'admin12345');
    const { targets } = await api<{ targets: { items: { id: string }[] } }>(
      (
        await api<{ login: { token: string } }>(
          null,
          'mutation { login(username: "admin", password: "admin12345") { token } }',
        )
      ).login.token,
      '{ targets(page: { page: 1, perPage: 1 }) { items { id } } }',
    );
    for (const route of [
      '/',
      '/items',
      '/plans',
      '/tasks',
      '/draws',
      `/draws/${drawId}/show`,
      '/inspections',
      '/categories',
      '/targets',
      `/targets/${targets.items[0]!.id}/show`,
      '/inspectors',
      '/conflicts',
      '/departments',
      '/users',
      '/trail',
      '/import',
      '/merges',
    ]) {
      await visit(page, harness.base, route);
      // Titled: the page has rendered; axe waits for what it fetches.
      await page.locator('h1', { hasText: /\S/ }).first().waitFor();
      expect(await axeViolations(page, SERIOUS)).toEqual([]);
    }
    expect(problems).toEqual([]);
  });
});
