/**
 * 一公开 as a citizen uses it, signed out, in a real browser, over the demo's history: from the portal's entry
 * page, a company is found by a part of its name and by its credit code; its result is published; its page
 * holds its history; the draw it was drawn in lists it in the 抽查名单 and, asked about it, says it was in the
 * pool and drawn, which the reader checks against pool.txt and the record here; the draw verifies in the
 * browser; and the page speaks English. Each page passes axe-core without serious violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, SERIOUS, shot, startHarness, type Harness } from './harness';

interface Published {
  drawId: string;
  targetName: string;
  creditCode: string;
  taskName: string;
}

describe('the public portal', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  it('finds a company, its result, its page and its draw, where it is listed, checked and verified', async () => {
    const { base } = harness;
    // A published result of the demo's history, as the public API gives it.
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ publicResults(page: { page: 1, perPage: 1 }) { items { drawId targetName creditCode taskName } } }',
      }),
    });
    const body = (await response.json()) as { data: { publicResults: { items: Published[] } } };
    const result = body.data.publicResults.items[0]!;
    expect(result.creditCode).toMatch(/^[0-9A-Z]{18}$/);

    const visitor = await harness.newAnonymousPage();
    await visitor.goto(`${base}/#/public`);
    await visitor.getByRole('heading', { name: '“双随机、一公开”公示平台' }).waitFor();
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    // By a part of its name, from the entry page's search.
    const part = [...result.targetName].slice(2, 6).join('');
    await visitor.getByRole('textbox').first().fill(part);
    await visitor.getByRole('button', { name: '查询' }).click();
    await visitor.waitForURL(/#\/public\/results/);
    const rows = visitor.locator('[data-testid=public-results] tbody tr');
    await rows.filter({ hasText: result.creditCode }).first().waitFor();
    await expect(rows.first().innerText()).resolves.toContain(part);
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    // By its credit code: its results only.
    const q = visitor.locator('input[name=q]');
    await q.fill(result.creditCode);
    await expect
      .poll(async () => {
        const texts = await rows.allInnerTexts();
        return texts.length > 0 && texts.every((r) => r.includes(result.creditCode));
      })
      .toBe(true);
    await shot(visitor, '60-portal-found');

    // Its page: its name, code and every published inspection of it.
    await rows.first().getByTestId('entity-link').click();
    await visitor.waitForURL(new RegExp(`#/public/entities/${result.creditCode}$`));
    await expect(visitor.getByTestId('entity-name').innerText()).resolves.toBe(result.targetName);
    const history = visitor.locator('[data-testid=public-results] tbody tr');
    await history.first().waitFor();
    await expect(visitor.getByTestId('entity-count').innerText()).resolves.toMatch(
      new RegExp(`共 ${await history.count()} 条`),
    );
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    await shot(visitor, '61-portal-entity');

    // The draw it was drawn in, from the result's task.
    await history
      .filter({ hasText: result.taskName })
      .first()
      .getByRole('link', { name: result.taskName })
      .click();
    await visitor.waitForURL(/#\/public\/draws\/[^/]+$/);
    await expect(visitor.getByTestId('draw-title').innerText()).resolves.toContain(result.taskName);
    // In its 抽查名单, found by its credit code.
    const drawn = visitor.locator('[data-testid=drawn-list] tbody tr');
    await drawn.first().waitFor();
    await visitor.locator('input[name=q]').fill(result.creditCode);
    await expect.poll(() => drawn.count()).toBe(1);
    await expect(drawn.first().innerText()).resolves.toContain(result.targetName);

    // Asked about it by its credit code, the draw says it was in the pool and drawn, and not its stratum (a
    // risk class, which is not public).
    await visitor.getByTestId('check-q').fill(result.creditCode);
    await visitor.getByTestId('check-submit').click();
    const entry = visitor.getByTestId('check-entry');
    await entry.waitFor();
    await expect(entry.count()).resolves.toBe(1);
    await expect(entry.getByTestId('check-drawn').innerText()).resolves.toBe('已被抽中');
    await expect(entry.getByTestId('check-standing').innerText()).resolves.toBe('在本次摇号的检查对象名录中');
    await expect(entry.innerText()).resolves.not.toMatch(/分层|[ABCD] 类/);
    // The declared entropy source and the timeline, then the whole draw verified in this browser.
    await visitor.getByTestId('entropy-source').waitFor();
    await visitor.getByTestId('verify-browser').click();
    const verdict = visitor.getByTestId('verify-browser-result');
    await verdict.waitFor();
    await expect(verdict.getAttribute('data-ok')).resolves.toBe('true');
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    await shot(visitor, '62-portal-draw-checked');

    // English, on the same page: the sections, the list and the check relabelled, the answer too.
    await visitor.getByRole('button', { name: '简体中文' }).click();
    await visitor.getByRole('menuitem', { name: 'English' }).click();
    await visitor.getByRole('heading', { name: 'Targets drawn', level: 2 }).waitFor();
    await visitor.getByRole('heading', { name: 'Check an entity: was it in this draw?', level: 2 }).waitFor();
    // (The language switch renders the page anew: the question is asked again.)
    await visitor.getByTestId('check-q').fill(result.creditCode);
    await visitor.getByTestId('check-submit').click();
    await expect.poll(() => entry.getByTestId('check-drawn').innerText()).toBe('Drawn');
    await visitor.getByRole('navigation').getByRole('link', { name: 'Published results' }).waitFor();
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    await shot(visitor, '63-portal-english');

    // Asked about nobody, it says so; about nothing, it does not ask.
    await visitor.getByTestId('check-q').fill('不存在的企业名称某某某');
    await visitor.getByTestId('check-submit').click();
    await visitor.getByTestId('check-none').waitFor();
    await visitor.getByTestId('check-q').fill(' 舞 ');
    await expect(visitor.getByTestId('check-submit').isDisabled()).resolves.toBe(true);
    expect(harness.outsideRequests()).toEqual([]);
  });

  it('publishes the plans, the tasks with their draws, and the statistics by department and year', async () => {
    const { base } = harness;
    const visitor = await harness.newAnonymousPage();
    await visitor.goto(`${base}/#/public`);
    const nav = visitor.getByRole('navigation');
    // The year's plans (the demo's bureau plan and the joint one), each with its lines and tasks.
    await nav.getByRole('link', { name: '年度抽查计划公示' }).click();
    const plans = visitor.locator('[data-testid=public-plans] tbody tr');
    await plans.first().waitFor();
    expect(await plans.count()).toBeGreaterThanOrEqual(2);
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    await plans.first().click();
    await visitor.waitForURL(/#\/public\/plans\/[^/]+$/);
    await visitor.locator('[data-testid=plan-lines] tbody tr').first().waitFor();
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    await shot(visitor, '64-portal-plan');
    // The tasks as notices: each links to its draw's public page.
    await nav.getByRole('link', { name: '抽查任务公示' }).click();
    const tasks = visitor.locator('[data-testid=public-tasks] tbody tr');
    await tasks.first().waitFor();
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    await shot(visitor, '65-portal-tasks');
    await tasks.first().getByTestId('task-draw').click();
    await visitor.waitForURL(/#\/public\/draws\/[^/]+$/);
    await visitor.getByTestId('draw-title').waitFor();
    // The statistics: a row per department and year, and the 合计 row; drawn at least what is published.
    await nav.getByRole('link', { name: '抽查统计' }).click();
    await visitor.locator('[data-testid=public-statistics-row]').first().waitFor();
    const total = visitor.getByTestId('public-statistics-total');
    await expect(total.innerText()).resolves.toContain('合计');
    const figure = async (code: string) =>
      Number((await total.locator(`[data-figure=${code}]`).innerText()).replace(/[^0-9]/g, ''));
    expect(await figure('due')).toBeGreaterThan(0);
    expect(await figure('due')).toBeGreaterThanOrEqual(await figure('published'));
    expect(await figure('published')).toBeGreaterThanOrEqual(await figure('problem'));
    await visitor.getByTestId('public-statistics-cut-off').waitFor();
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    await shot(visitor, '66-portal-statistics');
    expect(harness.outsideRequests()).toEqual([]);
  });
});
