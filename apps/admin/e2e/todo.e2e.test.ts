/**
 * 待办 on each role's home page, in a real browser, over the demo's history: an inspector on a phone
 * (390×844) sees their visits to enter, nearest deadline first with the days left, and opens one; a
 * coordinator sees the results awaiting review, counted as the list they open counts them and as the
 * menu's badge does; an administrator the certificates expiring. Each page passes axe-core without
 * serious violations and, on the phone, scrolls no wider than the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  graphqlAs,
  login,
  logout,
  SERIOUS,
  shot,
  startHarness,
  type Harness,
} from './harness';

describe('the to-do lists', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  /** Sends one GraphQL operation as `token` (null: the public) and returns its data. */
  const api = <T>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    graphqlAs<T>(harness.base, token, query, variables);

  /** The username of an inspector with a visit awaiting entry (the demo's teams are drawn by lot). */
  async function inspectorWithWork(): Promise<string> {
    const { login: session } = await api<{ login: { token: string } }>(
      null,
      'mutation { login(username: "admin", password: "admin12345") { token } }',
    );
    const { inspections } = await api<{ inspections: { items: { team: { userId: string | null }[] }[] } }>(
      session.token,
      '{ inspections(filter: { states: [PENDING_ENTRY] }, page: { page: 1, perPage: 50 }) { items { team { userId } } } }',
    );
    const userId = inspections.items.flatMap((i) => i.team.map((m) => m.userId)).find((id) => id !== null);
    if (!userId) throw new Error('no inspector with a visit awaiting entry in the demo');
    const { user } = await api<{ user: { username: string } }>(
      session.token,
      'query($id: ID!) { user(id: $id) { username } }',
      { id: userId },
    );
    return user.username;
  }

  it('show an inspector on a phone their visits to enter, nearest deadline first', async () => {
    const { base } = harness;
    const page = await harness.newAnonymousPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const username = await inspectorWithWork();
    await login(page, base, username, `${username}12345`);
    await page.getByRole('heading', { name: '待办', level: 2 }).waitFor();
    const card = page.getByTestId('todo-to_enter');
    const entries = card.getByTestId('todo-entry');
    await entries.first().waitFor();
    // The days left come with the Chinese calendar, fetched after the list.
    await card.getByTestId('days-left').first().waitFor();
    const days = await card.getByTestId('days-left').allInnerTexts();
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) expect(day).toMatch(/还剩 \d+ 个工作日|今天到期|已逾期 \d+ 个工作日/);
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
    ).resolves.toBe(true);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '80-todo-inspector-phone');
    await entries.first().getByRole('link').click();
    await page.waitForURL(/#\/inspections\/[^/]+\/show$/);
    await page.getByTestId('publication-deadline').first().waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 900 });
    await logout(page);
  });

  it('show a coordinator the results awaiting review, as many as the list and the menu count', async () => {
    const { base } = harness;
    const page = await harness.newAnonymousPage();
    await login(page, base, 'coordinator', 'coordinator12345');
    const card = page.getByTestId('todo-to_review');
    await expect.poll(async () => (await card.getByTestId('todo-count').innerText()).trim()).toMatch(/^\d+$/);
    const count = Number(await card.getByTestId('todo-count').innerText());
    expect(count).toBeGreaterThan(0);
    // The menu's badge on 检查 counts the same.
    await expect
      .poll(async () =>
        (await page.getByTestId('menu-badge-inspections').innerText()).replace(/\D+/g, ' ').trim(),
      )
      .toContain(String(count));
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '81-todo-coordinator');
    // The list behind it holds as many.
    if (count > 5) await card.getByTestId('todo-all').click();
    else
      await page.goto(
        `${base}/#/inspections?filter=${encodeURIComponent(JSON.stringify({ states: ['PENDING_REVIEW'] }))}`,
      );
    await page.waitForURL(/#\/inspections\?/);
    await expect
      .poll(async () => (await page.locator('.MuiTablePagination-displayedRows').innerText()).trim())
      .toMatch(new RegExp(`共 ${count} 条|of ${count}`));
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await logout(page);
  });

  it('show an administrator the certificates expiring within 90 days', async () => {
    const { base } = harness;
    const page = await harness.newAnonymousPage();
    await login(page, base, 'admin', 'admin12345');
    await page.getByTestId('todo-certificates').waitFor();
    await expect
      .poll(async () =>
        (await page.getByTestId('todo-certificates').getByTestId('todo-count').innerText()).trim(),
      )
      .toMatch(/^\d+$/);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '82-todo-admin');
    // The registries' counts are what the lists they open show (the item list opens on this year's).
    const items = page.locator('[data-count=items]');
    await expect.poll(async () => /^\d+$/.test((await items.innerText()).trim())).toBe(true);
    const counted = Number(await items.innerText());
    await items.click();
    await page.waitForURL(/#\/items/);
    await expect
      .poll(async () =>
        Number(
          ((await page.locator('.MuiTablePagination-displayedRows').innerText()).match(/\d+/g) ?? []).at(-1),
        ),
      )
      .toBe(counted);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await logout(page);
    expect(harness.outsideRequests()).toEqual([]);
  });
});
