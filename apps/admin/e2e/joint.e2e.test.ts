/**
 * Joint tasks in a real browser: a cooperating department's coordinator accepts a joint task on its page,
 * then two departments' tasks of this quarter that would visit the same targets are proposed for merging on
 * the merge proposals page and accepted by the other department, which makes them one joint task.
 */
import { chinaQuarter, chinaYear } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, login, logout, SERIOUS, shot, startHarness, type Harness } from './harness';

describe('joint tasks in the browser', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  /** Runs an operation against the API as a demo user. */
  async function api(username: string, query: string, variables: Record<string, unknown> = {}) {
    const call = async (q: string, v: Record<string, unknown>, token?: string) => {
      const response = await fetch(`${harness.base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: q, variables: v }),
      });
      const body = (await response.json()) as { data: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const { login: session } = await call(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: `${username}12345` },
    );
    return call(query, variables, session.token);
  }

  it('is accepted by the cooperating department, and two departments’ tasks are merged into one', async () => {
    const now = new Date();
    const year = chinaYear(now);
    const month = String(3 * (chinaQuarter(now) - 1) + 1).padStart(2, '0');
    const window = { year, windowStart: `${year}-${month}-01`, windowEnd: `${year}-${month}-28` };
    const itemOf = async (q: string) =>
      (
        await api(
          'admin',
          'query($y: Int!, $q: String) { items(filter: { year: $y, q: $q }) { items { id } } }',
          { y: year, q },
        )
      ).items.items[0].id as string;
    const landItem = await itemOf('土地使用情况');
    const marketItem = await itemOf('企业公示信息');
    const market = (
      await api('admin', '{ departments(filter: { q: "舞钢市市场监督管理局" }) { items { id } } }')
    ).departments.items[0].id as string;
    const create = async (username: string, input: Record<string, unknown>) =>
      (
        await api(username, 'mutation($i: TaskInput!) { createTask(input: $i) { id } }', {
          i: { ...window, ...input },
        })
      ).createTask.id as string;
    const joint = await create('coordinator', {
      name: '土地与公示信息联合抽查',
      itemIds: [landItem],
      cooperatingDepartmentIds: [market],
    });
    await create('coordinator', { name: '本季度土地使用情况抽查', itemIds: [landItem] });
    await create('coordinator2', { name: '本季度企业公示信息抽查', itemIds: [marketItem] });

    const page = await harness.newPage();
    await login(page, harness.base, 'coordinator2', 'coordinator212345');
    await page.goto(`${harness.base}/#/tasks/${joint}/show`);
    const row = page.locator('[data-testid=task-acceptances] tr[data-department="舞钢市市场监督管理局"]');
    await row.getByText('待确认').waitFor();
    await shot(page, '40-joint-task-pending');
    await row.getByRole('button', { name: '接受' }).click();
    await row.getByText('已接受').waitFor();
    await page.getByText('全部配合部门已接受，可以安排摇号。').waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '41-joint-task-accepted');

    await page.getByRole('menuitem', { name: '合并建议' }).click();
    const suggestion = page
      .locator('[data-testid=merge-proposal][data-state=SUGGESTED]')
      .filter({ hasText: '本季度企业公示信息抽查' })
      .filter({ hasText: '本季度土地使用情况抽查' });
    await suggestion.getByText(/预计减少入户检查 \d+ 次/).waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '42-merge-suggestion');
    await suggestion.getByRole('button', { name: '发起合并' }).click();
    const open = page
      .locator('[data-testid=merge-proposal][data-state=OPEN]')
      .filter({ hasText: '本季度企业公示信息抽查' });
    await open.waitFor();
    await logout(page);

    await login(page, harness.base, 'coordinator', 'coordinator12345');
    await page.goto(`${harness.base}/#/merges`);
    await open.getByRole('button', { name: '接受' }).click();
    const merged = page
      .locator('[data-testid=merge-proposal][data-state=ACCEPTED]')
      .filter({ hasText: '本季度企业公示信息抽查' });
    await merged.waitFor();
    await shot(page, '43-merged');
    await merged.getByRole('link', { name: '查看合并后的联合抽查任务' }).click();
    await page.waitForURL(/#\/tasks\/[^/]+\/show$/);
    await page
      .getByText(/^联合抽查：/)
      .first()
      .waitFor();
    await expect(page.getByText('全部配合部门已接受，可以安排摇号。').isVisible()).resolves.toBe(true);
    expect(harness.outsideRequests()).toEqual([]);
  });
});
