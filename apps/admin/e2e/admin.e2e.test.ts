/**
 * The dashboard in a real browser: the built app served by the real API (fresh SQLite with demo data),
 * driven in Chromium. An administrator creates an inspection item and finds it; an inspector sees no users.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, logout, shot, startHarness, type Harness } from './harness';

describe('the dashboard in a browser', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('lets an administrator create an item and find it, and keeps users from an inspector', async () => {
    const { base } = harness;
    const page = await harness.newPage();
    await login(page, base, 'admin', 'admin12345');
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
    await login(page, base, 'inspector', 'inspector12345');
    await page.getByText('执法检查人员').first().waitFor();
    await shot(page, '04-dashboard-inspector');
    await page.locator('a[href="#/items"]').first().waitFor();
    await expect(page.locator('a[href="#/users"]').count()).resolves.toBe(0);

    await page.goto(`${base}/#/users`);
    await page
      .getByText(/无权访问|没有访问此页面的权限/)
      .first()
      .waitFor();
    await expect(page.getByRole('cell', { name: 'admin', exact: true }).count()).resolves.toBe(0);
    await shot(page, '05-users-denied');

    expect(harness.outsideRequests()).toEqual([]);
    expect(harness.requested.length).toBeGreaterThan(0);
  });
});
