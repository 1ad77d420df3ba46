/**
 * The dashboard in a real browser: the built app served by the real API (fresh SQLite with demo data),
 * driven in Chromium. An administrator creates an inspection item and finds it, changes what a standard
 * result category does (its names stay the national ones), and finds both changes in the trail, whose
 * chain holds; an inspector sees no users, and a manager verifies the chain without listing it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, login, logout, SERIOUS, shot, startHarness, type Harness } from './harness';

describe('the dashboard in a browser', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  it('lets an administrator create an item, set a standard category’s consequences and find both in the verified trail, keeps users from an inspector, and lets a manager verify the trail', async () => {
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
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '02-item-create');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/#\/items(\?|$)/);

    await page.getByPlaceholder('搜索名称或代码').fill(name);
    await expect.poll(() => page.getByRole('cell', { name }).count(), { timeout: 60_000 }).toBe(1);
    // The search went to the API: the list holds the new item alone.
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 60_000 }).toBe(1);
    await expect(page.getByText('5%').first().isVisible()).resolves.toBe(true);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '03-items-list');

    // A standard category: its names are fixed, its consequences the administrator's to set.
    await page.goto(`${base}/#/categories/UNREACHABLE`);
    await page.getByTestId('standard-category').waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await expect(page.locator('input[name=nameZh]').getAttribute('readonly')).resolves.not.toBeNull();
    await expect(page.getByRole('button', { name: '删除' }).count()).resolves.toBe(0);
    await page.locator('input[name=raisesRisk]').uncheck();
    await shot(page, '03b-standard-category');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/#\/categories(\?|$)/);
    const unreachable = page.locator('[data-testid=categories] tbody tr').filter({ hasText: 'UNREACHABLE' });
    await unreachable.locator('[data-flag=marksAbnormal]').waitFor();
    await expect(unreachable.locator('[data-flag=raisesRisk]').count()).resolves.toBe(0);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);

    // 全程留痕: both changes are in the trail, newest first, by the administrator; the category's opens on
    // its before and after, and the chain holds.
    await page.goto(`${base}/#/trail`);
    const entries = page.locator('[data-testid=trail] tbody tr:has([data-entity])');
    const change = entries.first();
    await change.locator('[data-entity=Category]').waitFor();
    await change.getByText('UNREACHABLE').waitFor();
    await change.getByText('系统管理员').waitFor();
    await expect(change.locator('[data-action=update]').count()).resolves.toBe(1);
    await entries
      .filter({ has: page.locator('[data-entity=InspectionItem]') })
      .first()
      .waitFor();
    await change.click();
    const raisesRisk = page.getByTestId('trail-diff').locator('[data-key=raisesRisk]');
    await expect(raisesRisk.getAttribute('data-change')).resolves.toBe('changed');
    await expect(raisesRisk.locator('[data-side=before]').textContent()).resolves.toBe('true');
    await expect(raisesRisk.locator('[data-side=after]').textContent()).resolves.toBe('false');
    await shot(page, '03c-trail');
    // A list (the new item's inspection methods) shows as its items, not as the text it is stored as.
    await entries
      .filter({ has: page.locator('[data-entity=InspectionItem]') })
      .first()
      .click();
    const methods = page.getByTestId('trail-diff').locator('[data-key=methods] [data-side=after]');
    await methods.locator('[data-list=items] [data-item-change=same]').first().waitFor();
    await expect(methods.textContent()).resolves.not.toContain(',');
    await page.getByTestId('trail-verify').click();
    const verified = page.getByTestId('trail-verify-result');
    await expect(verified.getAttribute('data-ok')).resolves.toBe('true');
    await expect(verified.textContent()).resolves.toContain('留痕链完整');
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    // The filter goes to the API: only the category's entries remain.
    await page.getByRole('combobox', { name: '对象类型' }).click();
    await page.getByRole('option', { name: '检查结果类别' }).click();
    await expect
      .poll(() => entries.filter({ hasNot: page.locator('[data-entity=Category]') }).count(), {
        timeout: 60_000,
      })
      .toBe(0);
    await expect(entries.count()).resolves.toBeGreaterThan(0);

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
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '05-users-denied');
    await expect(page.locator('a[href="#/trail"]').count()).resolves.toBe(0);

    // A manager cannot list the trail but verifies its chain from the dashboard.
    await logout(page);
    await login(page, base, 'manager', 'manager12345');
    await page.getByTestId('trail-card').getByTestId('trail-verify').click();
    await expect(page.getByTestId('trail-verify-result').getAttribute('data-ok')).resolves.toBe('true');
    await expect(page.locator('a[href="#/trail"]').count()).resolves.toBe(0);
    await shot(page, '06-dashboard-manager-trail');

    expect(harness.outsideRequests()).toEqual([]);
    expect(harness.requested.length).toBeGreaterThan(0);
  });

  it('narrows the registry to a tag chosen from those in use, the filter going to the API', async () => {
    const { base } = harness;
    // A profile of its own: the shared one is still signed in as the manager.
    const page = await harness.newAnonymousPage();
    await login(page, base, 'admin', 'admin12345');
    const rows = page.locator('tbody tr');
    const withoutTag = (tag: string) => rows.filter({ hasNotText: tag }).count();
    await page.goto(`${base}/#/targets?filter=${encodeURIComponent(JSON.stringify({ tag: '重点监管' }))}`);
    await rows.first().waitFor();
    await expect.poll(() => withoutTag('重点监管'), { timeout: 60_000 }).toBe(0);
    // Another tag, from the tags in use: every row the API sends back has it.
    const tag = page.getByRole('combobox', { name: '标签' });
    await tag.click();
    await tag.fill('新设');
    await page.getByRole('option', { name: '新设立' }).click();
    await expect.poll(() => withoutTag('新设立'), { timeout: 60_000 }).toBe(0);
    await expect(rows.count()).resolves.toBeGreaterThan(0);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '07-targets-by-tag');
  });
});
