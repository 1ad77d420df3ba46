/**
 * A coordinator's day on the inspection list, in a real browser, over the demo's history: the results
 * awaiting review, narrowed by a target's name, sorted by deadline; three chosen and published at once;
 * the list then shows them published. Each page passes axe-core without serious violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, login, logout, SERIOUS, shot, startHarness, type Harness } from './harness';

describe('the inspection list at work', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  it('filters by state and by a target, sorts by deadline, and publishes three at once', async () => {
    const { base } = harness;
    const page = await harness.newAnonymousPage();
    await login(page, base, 'coordinator', 'coordinator12345');
    // Awaiting review, as a figure of 统计分析 or a to-do entry links to it.
    const awaiting = encodeURIComponent(JSON.stringify({ states: ['PENDING_REVIEW'] }));
    await page.goto(`${base}/#/inspections?filter=${awaiting}`);
    const rows = page.locator('[data-testid=inspection-list] tbody tr');
    await rows.first().waitFor();
    const states = await rows.locator('.column-state').allInnerTexts();
    expect(states.length).toBeGreaterThanOrEqual(3);
    for (const state of states) expect(state).toBe('待审核');
    // How many await review in all, from the list's pagination ("1-10 / 共 34 条"): its last number.
    const total = async () =>
      Number(
        ((await page.locator('.MuiTablePagination-displayedRows').innerText()).match(/\d+/g) ?? []).at(-1),
      );
    const before = await total();
    expect(before).toBeGreaterThanOrEqual(states.length);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);

    // By a target's name: only its rows.
    const name = (await rows.first().locator('.column-target\\.name').innerText()).trim();
    await page.locator('input[name=q]').fill(name);
    await expect
      .poll(async () => {
        const names = await rows.locator('.column-target\\.name').allInnerTexts();
        return names.length > 0 && names.length <= states.length && names.every((n) => n.includes(name));
      })
      .toBe(true);
    await shot(page, '70-inspections-by-name');
    await page.locator('input[name=q]').fill('');
    await expect.poll(() => rows.count()).toBe(states.length);

    // Sorted by deadline, nearest first.
    await page.getByRole('button', { name: /公示期限/ }).click();
    await page.waitForURL(/sort=deadline/);
    await expect
      .poll(async () => {
        const days = (await rows.locator('[data-testid=publication-deadline]').allInnerTexts()).map((d) =>
          d.trim(),
        );
        return days.length > 0 && days.join() === [...days].sort().join();
      })
      .toBe(true);

    // Three chosen and published in one go.
    for (const row of (await rows.all()).slice(0, 3))
      await row.getByTestId('choose-for-batch').locator('input').check();
    await page.getByText('已选择 3 条待审核结果').waitFor();
    await page.getByTestId('publish-selected').click();
    await page.getByText('已公示 3 条检查结果').waitFor();
    await expect.poll(total).toBe(before - 3);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '71-inspections-published');
    await logout(page);
    expect(harness.outsideRequests()).toEqual([]);
  });
});
