/**
 * A draw from end to end in a real browser: a coordinator creates this year's task for one item, schedules its
 * draw (one per task, with the items' ratios by default), runs it with public entropy and sees the inspections
 * it made; then an anonymous visitor finds the draw from the sign-in page, published by its task's name, and
 * verifies it in their own browser.
 */
import { chinaYear } from '@suiji/domain';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  declareDrandRound,
  drandValue,
  login,
  SERIOUS,
  shot,
  startHarness,
  untilRound,
  type Harness,
} from './harness';

const ITEM = '土地使用情况监督检查';

describe('a verifiable draw in the browser', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  it('is scheduled and run by a coordinator and verified by anyone without signing in', async () => {
    const { base } = harness;
    const year = chinaYear();
    const page = await harness.newPage();
    await login(page, base, 'coordinator', 'coordinator12345');

    const name = `${year} 年土地使用情况双随机抽查 ${Date.now()}`;
    await page.goto(`${base}/#/tasks/create`);
    await page.locator('input[name=name]').fill(name);
    await page.getByLabel(new RegExp(ITEM)).check();
    await page.locator('input[name=windowStart]').fill(`${year}-06-01`);
    await page.locator('input[name=windowEnd]').fill(`${year}-09-30`);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '10-task-create');
    await page.locator('button[type=submit]').click();

    await page.locator(`[data-testid=task-items] tr[data-item="${ITEM}"]`).waitFor();
    const draw = page.getByTestId('task-draw');
    await draw.getByText('未安排').waitFor();
    await draw.getByRole('button', { name: '安排摇号' }).click();
    // No item to choose: the draw covers the task's items, each class at the highest of their ratios.
    await expect(page.getByTestId('schedule-items').innerText()).resolves.toContain(ITEM);
    await expect(page.locator('input[name=ratio-A]').inputValue()).resolves.toBe('10');
    // The public entropy source is declared now. The dialog suggests 双色球's next draw after a day; the
    // test declares the next drand round instead (its server's delay is a second).
    await expect(page.locator('input[name=entropyIssue]').inputValue()).resolves.toMatch(/^\d{7}$/);
    await shot(page, '11-schedule-dialog');
    const round = await declareDrandRound(page);
    await page.getByTestId('schedule-confirm').click();
    await draw.getByText('已安排').waitFor();

    await draw.getByRole('button', { name: '摇号' }).click();
    // Before the round is out the button waits, and enables itself when it is.
    const run = page.getByTestId('run-confirm');
    await expect(run.isDisabled()).resolves.toBe(true);
    await untilRound(round);
    await expect(run.isEnabled()).resolves.toBe(true);
    const entropy = page.locator('textarea[name=publicEntropy]');
    await entropy.fill('03 07 12 19 25 31 + 09');
    await expect(page.getByText(/不是.*64 位十六进制数/).count()).resolves.toBeGreaterThan(0);
    await entropy.fill(drandValue(name));
    await expect(
      page.getByText(`drand quicknet round ${round} randomness ${drandValue(name)}`).count(),
    ).resolves.toBe(1);
    await shot(page, '12-run-dialog');
    await run.click();
    await draw.getByText('已摇号').waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '13-task-show');

    await draw.getByRole('link', { name: '查看摇号' }).click();
    await page.waitForURL(/#\/draws\/[^/]+\/show$/);
    const drawId = /#\/draws\/([^/]+)\/show$/.exec(page.url())![1]!;
    const inspections = page.locator('[data-testid=draw-inspections] tbody tr');
    await inspections.first().waitFor();
    expect(await inspections.count()).toBeGreaterThan(0);
    // Each row names a target by its 18-character credit code and a team of two.
    await expect(inspections.first().innerText()).resolves.toMatch(/[0-9A-Z]{18}/);
    await expect(inspections.first().getByTestId('team').innerText()).resolves.toMatch(/.+、.+/);
    await expect(inspections.first().getByTestId('inspection-items').innerText()).resolves.toContain(ITEM);
    await expect(page.getByTestId('draw-title').innerText()).resolves.toContain(name);
    // A replacement is drawn; the coordinator gives the reason's code and, for the trail only, a note.
    await page.getByRole('button', { name: '更换检查人员' }).first().click();
    const replace = page.getByRole('dialog');
    await replace.getByRole('radio').first().check();
    await replace.getByRole('combobox', { name: '更换原因' }).click();
    await page.getByRole('option', { name: '因病', exact: true }).click();
    await replace.locator('textarea[name=note]').fill('住院治疗两周');
    await shot(page, '13b-replace-dialog');
    await replace.getByRole('button', { name: '更换检查人员' }).click();
    await page.getByText(/已更换：.+经随机抽取加入检查组/).waitFor();
    await page.getByTestId('verify-server').click();
    await expect(page.getByTestId('verify-server-result').getAttribute('data-ok')).resolves.toBe('true');
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '14-draw-show');

    // Staff know a draw by its task and the task's items.
    await page.goto(`${base}/#/draws`);
    const listed = page.locator('[data-testid=draws] tbody tr').filter({ hasText: name });
    await listed.getByTestId('task-items-chips').getByText(ITEM).waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '14b-draws');

    const visitor = await harness.newAnonymousPage();
    await visitor.goto(`${base}/#/login`);
    await visitor.locator('input[name=username]').waitFor();
    // The sign-in page names the product, and switches language.
    await expect(visitor.getByTestId('product-name').innerText()).resolves.toContain('双随机、一公开');
    await visitor.getByRole('button', { name: '简体中文' }).click();
    await visitor.getByRole('menuitem', { name: 'English' }).click();
    // (English's messages are fetched when first chosen.)
    await visitor
      .getByTestId('product-name')
      .getByText(/random inspection/)
      .waitFor();
    await visitor.getByRole('button', { name: 'English' }).click();
    await visitor.getByRole('menuitem', { name: '简体中文' }).click();
    await visitor
      .getByTestId('product-name')
      .getByText(/双随机/)
      .waitFor();
    // With its own icon in the browser's tab.
    const icon = await visitor.request.get(`${base}/favicon.svg`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    await shot(visitor, '15-login-public-link');
    await visitor.getByRole('link', { name: '公示平台（无需登录）' }).click();
    await visitor.waitForURL(/#\/public$/);
    await visitor.getByRole('heading', { name: '“双随机、一公开”公示平台' }).waitFor();
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    await shot(visitor, '15b-public-home');
    // The portal's item list: this year's, every column of the published list.
    await visitor.getByRole('navigation').getByRole('link', { name: '随机抽查事项清单' }).click();
    await visitor.waitForURL(/#\/public\/items$/);
    const itemRow = visitor.locator('[data-testid=public-items] tbody tr').filter({ hasText: ITEM });
    await expect(itemRow.innerText()).resolves.toContain('中华人民共和国土地管理法');
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    await visitor.getByRole('navigation').getByRole('link', { name: '摇号公示' }).click();
    await visitor.waitForURL(/#\/public\/draws$/);
    await visitor.locator('[data-testid=draws] tbody tr').first().waitFor();
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    await shot(visitor, '16-public-draws');
    // The public page names the task, its departments and its items, as published.
    const row = visitor.locator('[data-testid=draws] tbody tr').filter({ hasText: `#${drawId.slice(0, 8)}` });
    await expect(row.innerText()).resolves.toContain(name);
    await expect(row.innerText()).resolves.toContain(ITEM);
    await row.click();
    await visitor.waitForURL(new RegExp(`#/public/draws/${drawId}$`));
    await expect(visitor.getByTestId('draw-title').innerText()).resolves.toContain(name);
    // Its 抽查名单 names every target drawn, with its credit code and the item.
    const drawnRows = visitor.locator('[data-testid=drawn-list] tbody tr');
    await drawnRows.first().waitFor();
    await expect(drawnRows.first().innerText()).resolves.toMatch(/[0-9A-Z]{18}/);
    await expect(drawnRows.first().innerText()).resolves.toContain(ITEM);
    // The published pool is the text whose SHA-256 is the digest shown since scheduling.
    const poolHref = await visitor.getByTestId('download-pool').getAttribute('href');
    const pool = await visitor.request.get(new URL(poolHref!, base).href);
    expect(pool.status()).toBe(200);
    const digest = createHash('sha256')
      .update(await pool.body())
      .digest('hex');
    await visitor.getByText(digest).waitFor();
    // The record names the replacement's reason by its code, never in the coordinator's words.
    const record = await visitor.request.get(`${base}/draws/${drawId}/record.json`);
    const published = await record.text();
    expect(published).toContain('"reason":"ILLNESS"');
    expect(published).not.toContain('住院');
    await visitor.getByTestId('verify-browser').click();
    const verdict = visitor.getByTestId('verify-browser-result');
    await verdict.waitFor();
    await expect(verdict.getAttribute('data-ok')).resolves.toBe('true');
    await expect(verdict.innerText()).resolves.toContain('验证通过');
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    await shot(visitor, '17-public-draw-verified');
    // The visitor never signed in: the sign-in page is still what the dashboard proper shows.
    await visitor.goto(`${base}/#/tasks`);
    await visitor.locator('input[name=username]').waitFor();

    expect(harness.outsideRequests()).toEqual([]);
  });
});
