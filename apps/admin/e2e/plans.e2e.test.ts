/**
 * Yearly plans in a real browser: a coordinator finds the demo plan with its progress, and makes a plan
 * whose line is checked against the item's minimum ratio before it is sent.
 */
import { chinaYear } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, login, SERIOUS, shot, startHarness, type Harness } from './harness';

describe('yearly plans in a browser', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  it('shows the demo plan’s lines with their rounds, and checks a new line’s ratio in the form', async () => {
    const { base } = harness;
    const page = await harness.newPage();
    await login(page, base, 'coordinator', 'coordinator12345');

    await page.locator('a[href="#/plans"]').first().click();
    const demoPlan = page.getByText(`${chinaYear()} 年度“双随机、一公开”抽查计划`).first();
    await demoPlan.waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await demoPlan.click();
    const lines = page.getByTestId('plan-lines');
    await expect.poll(() => lines.locator('tbody tr').count(), { timeout: 60_000 }).toBe(4);
    // Each line's rounds of the year so far: the demo's history has made those whose day has come.
    await expect(lines.getByText(/^[01] \/ 1$/).count()).resolves.toBe(4);
    await lines.getByText('30%').first().waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, 'plans-01-demo-plan');

    const name = `端到端测试计划 ${Date.now()}`;
    await page.goto(`${base}/#/plans/create`);
    await page.locator('input[name=name]').fill(name);
    await page
      .getByRole('combobox', { name: /抽查事项/ })
      .first()
      .click();
    await page.getByRole('option', { name: /土地使用情况监督检查/ }).click();
    await page.locator('input[name="lines.0.ratioBp"]').fill('5');
    await page.locator('input[name="lines.0.period"]').fill('第三季度');
    await page.locator('button[type=submit]').click();
    await page
      .getByText(/低于该事项的最低比例 10%/)
      .first()
      .waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, 'plans-02-ratio-below-minimum');

    await page.locator('input[name="lines.0.ratioBp"]').fill('15');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/#\/plans\/[^/]+\/show/);
    await page.getByText(name).first().waitFor();
    const created = page.getByTestId('plan-lines');
    await created.getByText('15%').first().waitFor();
    await created.getByText('第三季度').first().waitFor();
    await shot(page, 'plans-03-created');
  });
});
