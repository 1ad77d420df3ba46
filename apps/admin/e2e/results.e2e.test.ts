/**
 * A result from the draw to its publication, in a real browser: a coordinator adds a result category of their
 * department, schedules and runs the draw of a two-item task; a member of a drawn team enters the visit's
 * result item by item; the coordinator publishes it; anyone then finds it on the public results page, and the
 * target's record shows what it did (abnormal list, problem count, history).
 */
import { chinaYear } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  login,
  SERIOUS,
  shot,
  startHarness,
  type Harness,
  declareDrandRound,
  drandValue,
  untilRound,
  graphqlAs,
} from './harness';

const LAND = '土地使用情况监督检查';
const MINE = '矿山地质环境保护与土地复垦情况的监管';
const OWN_CODE = 'LAND_NOT_RECLAIMED';
const OWN_NAME = '未履行土地复垦义务';

interface Drawn {
  id: string;
  targetId: string;
  target: { name: string };
  itemIds: string[];
  team: { id: string; departmentId: string }[];
}

describe('a result in the browser', () => {
  let harness: Harness;

  /** Sends one GraphQL operation as `token` (null: the public) and returns its data. */
  const api = <T>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    graphqlAs<T>(harness.base, token, query, variables);

  async function tokenOf(username: string, password: string): Promise<string> {
    const data = await api<{ login: { token: string } }>(
      null,
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: password },
    );
    return data.login.token;
  }

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  it('is entered per item by a team member, published by the coordinator and public', async () => {
    const { base } = harness;
    const year = chinaYear();
    const admin = await tokenOf('admin', 'admin12345');
    const coordinator = await tokenOf('coordinator', 'coordinator12345');

    // The coordinator adds a category of the department's own, which puts a target on the abnormal list.
    const page = await harness.newPage();
    await login(page, base, 'coordinator', 'coordinator12345');
    await page.goto(`${base}/#/categories`);
    await page.locator('[data-testid=categories] tbody tr').first().waitFor();
    // The standard categories are there, and a coordinator may not edit them.
    const unreachable = page.locator('[data-testid=categories] tbody tr').filter({ hasText: 'UNREACHABLE' });
    await unreachable.getByText('标准类别').waitFor();
    await expect(unreachable.getByRole('link', { name: '编辑' }).count()).resolves.toBe(0);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await page.goto(`${base}/#/categories/create`);
    await page.locator('input[name=code]').fill(OWN_CODE);
    await page.locator('input[name=nameZh]').fill(OWN_NAME);
    await page.locator('input[name=nameEn]').fill('Land not reclaimed');
    await page.locator('input[name=marksAbnormal]').check();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '20-category-create');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/#\/categories(\?|$)/);
    const own = page.locator('[data-testid=categories] tbody tr').filter({ hasText: OWN_CODE });
    await own.getByText('列入经营异常名录').waitFor();
    await own.getByRole('link', { name: '编辑' }).waitFor();
    await shot(page, '21-categories');

    // A task of two items that apply to the same targets: one visit checks both (进一次门、查多项事).
    const items = await api<{ items: { items: { id: string; name: string }[] } }>(
      coordinator,
      'query($y: Int!) { items(filter: { year: $y }, page: { page: 1, perPage: 100 }) { items { id name } } }',
      { y: year },
    );
    const itemIds = [LAND, MINE].map((name) => items.items.items.find((i) => i.name === name)!.id);
    const taskName = `${year} 年土地使用与复垦联合检查 ${Date.now()}`;
    const { createTask } = await api<{ createTask: { id: string } }>(
      coordinator,
      'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
      { i: { name: taskName, year, itemIds, windowStart: `${year}-01-01`, windowEnd: `${year}-12-31` } },
    );

    // The coordinator schedules and runs its one draw in the dashboard.
    await page.goto(`${base}/#/tasks/${createTask.id}/show`);
    const draw = page.getByTestId('task-draw');
    await draw.getByText('未安排').waitFor();
    await draw.getByRole('button', { name: '安排摇号' }).click();
    await expect(page.getByTestId('schedule-items').innerText()).resolves.toContain(MINE);
    const round = await declareDrandRound(page);
    await page.getByTestId('schedule-confirm').click();
    await draw.getByText('已安排').waitFor();
    await draw.getByRole('button', { name: '摇号' }).click();
    await untilRound(round);
    await page.locator('textarea[name=publicEntropy]').fill(drandValue(taskName));
    await page.getByTestId('run-confirm').click();
    await draw.getByText('已摇号').waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);

    // A member of a drawn team gets an account (set up through the API, as an administrator would).
    const { draws } = await api<{ draws: { items: { id: string }[] } }>(
      coordinator,
      'query($t: ID!) { draws(filter: { taskId: $t }) { items { id } } }',
      { t: createTask.id },
    );
    const { inspections } = await api<{ inspections: { items: Drawn[] } }>(
      coordinator,
      `query($d: ID!) { inspections(filter: { drawId: $d }, page: { page: 1, perPage: 500 }) {
        items { id targetId target { name } itemIds team { id departmentId } } } }`,
      { d: draws.items[0]!.id },
    );
    const inspection = inspections.items.find((i) => i.itemIds.length === 2)!;
    expect(inspection).toBeDefined();
    const member = inspection.team[0]!;
    const { createUser } = await api<{ createUser: { id: string } }>(
      admin,
      'mutation($i: UserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          username: 'member1',
          displayName: '检查组成员',
          password: 'field-visit-2026',
          role: 'INSPECTOR',
          departmentId: member.departmentId,
        },
      },
    );
    await api(
      admin,
      'mutation($id: ID!, $u: ID!) { updateInspector(id: $id, input: { userId: $u }) { id } }',
      {
        id: member.id,
        u: createUser.id,
      },
    );

    // The member enters the visit's result: its date and methods once, then a result for each item.
    const memberPage = await harness.newAnonymousPage();
    await login(memberPage, base, 'member1', 'field-visit-2026');
    // Their inspections list the items each visit covers.
    await memberPage.goto(`${base}/#/inspections`);
    await memberPage.locator('tbody tr [data-testid=inspection-items]').first().waitFor();
    expect(await axeViolations(memberPage, SERIOUS)).toEqual([]);
    await shot(memberPage, '22a-member-inspections');
    await memberPage.goto(`${base}/#/inspections/${inspection.id}/show`);
    await memberPage.getByTestId('enter-result').click();
    const dialog = memberPage.getByRole('dialog');
    await dialog.getByLabel('实地核查').check();
    const land = dialog.locator(`[data-testid=item-result-entry][data-item="${LAND}"]`);
    const mine = dialog.locator(`[data-testid=item-result-entry][data-item="${MINE}"]`);
    await land.getByRole('combobox', { name: /检查结果/ }).click();
    await memberPage.getByRole('option', { name: '未发现问题', exact: true }).click();
    await mine.getByRole('combobox', { name: /检查结果/ }).click();
    // The task's departments' own category is offered beside the standard ones.
    await memberPage.getByRole('option', { name: OWN_NAME, exact: true }).click();
    await mine.locator('textarea[name$=".findings"]').fill('露天采场未按方案复垦');
    await mine.getByRole('combobox', { name: /后续处置/ }).click();
    await memberPage.getByRole('option', { name: '责令改正', exact: true }).click();
    await shot(memberPage, '22-enter-result');
    await memberPage.getByTestId('enter-result-confirm').click();
    await memberPage.getByText('待审核').first().waitFor();
    await memberPage
      .locator(`[data-testid=item-results] tr[data-item="${MINE}"]`)
      .getByText(OWN_NAME)
      .waitFor();
    expect(await axeViolations(memberPage, SERIOUS)).toEqual([]);
    await shot(memberPage, '23-result-entered');

    // The coordinator reviews it in the dashboard and publishes it.
    await page.goto(`${base}/#/inspections/${inspection.id}/show`);
    await page.getByTestId('review-result').click();
    const summary = page.getByTestId('result-summary');
    await summary.getByText(OWN_NAME).waitFor();
    await summary.getByText('未发现问题').waitFor();
    await shot(page, '24-review');
    await page.getByTestId('review-approve').click();
    await page.getByText('已公示').first().waitFor();

    // The problem's follow-up is open until the coordinator records how it ended (后续处置完结); the item
    // that found nothing has none to close.
    const mineRow = page.locator(`[data-testid=item-results] tr[data-item="${MINE}"]`);
    const landRow = page.locator(`[data-testid=item-results] tr[data-item="${LAND}"]`);
    await mineRow.getByTestId('closure-open').waitFor();
    await expect(landRow.getByTestId('close-follow-up').count()).resolves.toBe(0);
    await mineRow.getByTestId('close-follow-up').click();
    const closing = page.getByRole('dialog');
    await closing.getByRole('combobox', { name: /处置结果/ }).click();
    await page.getByRole('option', { name: '其他', exact: true }).click();
    // "Other" says what happened: the domain's rule holds the dialog until the note does.
    await expect(closing.getByTestId('close-follow-up-submit').isDisabled()).resolves.toBe(true);
    await closing.locator('textarea[name=note]').fill('已完成复垦并通过验收');
    await shot(page, '24b-close-follow-up');
    await closing.getByTestId('close-follow-up-submit').click();
    await mineRow.getByTestId('closure').getByText('其他').waitFor();
    await mineRow.getByText('已完成复垦并通过验收').waitFor();
    await mineRow.getByText('登记人：执法监察股 负责人').waitFor();
    await expect(mineRow.getByTestId('close-follow-up').count()).resolves.toBe(0);

    // Anyone finds it on the public page by the entity's name, item by item, without signing in: the
    // category and follow-up of each item, not the team's findings in their own words.
    const visitor = await harness.newAnonymousPage();
    await visitor.goto(`${base}/#/public/results`);
    await visitor.locator('input[name=q]').fill(inspection.target.name);
    // The demo's history has published other results, some perhaps of targets of the same name.
    const row = visitor
      .locator('[data-testid=public-results] tbody tr')
      .filter({ hasText: inspection.target.name })
      .filter({ hasText: OWN_NAME });
    await row.locator(`[data-item="${MINE}"]`).getByText(OWN_NAME).waitFor();
    await row.locator(`[data-item="${MINE}"]`).getByText('责令改正').waitFor();
    await row.locator(`[data-item="${LAND}"]`).getByText('未发现问题').waitFor();
    await expect(row.innerText()).resolves.not.toContain('露天采场');
    await expect.poll(() => row.count()).toBe(1);
    expect(await axeViolations(visitor, SERIOUS)).toEqual([]);
    await shot(visitor, '25-public-results');

    // The target's record took the category's consequences.
    await page.goto(`${base}/#/targets/${inspection.targetId}/show`);
    await page.getByTestId('abnormal').waitFor();
    await expect(page.getByTestId('abnormal-reason').innerText()).resolves.toContain(OWN_NAME);
    await page.getByTestId('inspection-history').getByText(OWN_NAME).waitFor();
    await page.getByTestId('inspection-history').getByText('已完成复垦并通过验收').waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '26-target-record');

    expect(harness.outsideRequests()).toEqual([]);
  });
});
