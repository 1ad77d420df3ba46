/**
 * Attachments in a real browser: a member of an inspection's team attaches a photo, sees its thumbnail,
 * is told why a text file named .png is refused (before anything is sent), and removes the photo again.
 * The draw and the team member's account are made through the API, as the other browser tests show them.
 */
import { chinaYear } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  drandValue,
  login,
  nextDrandRound,
  SERIOUS,
  shot,
  startHarness,
  untilRound,
  type Harness,
  PNG,
} from './harness';

describe('attachments in the browser', () => {
  let harness: Harness;

  async function gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> {
    const response = await fetch(`${harness.base}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  }
  const signIn = async (username: string, password: string) =>
    (
      await gql<{ login: { token: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: password },
      )
    ).login.token;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  it('are attached by a team member, shown as thumbnails, refused with a reason, and removed', async () => {
    const year = chinaYear();
    const coordinator = await signIn('coordinator', 'coordinator12345');
    const admin = await signIn('admin', 'admin12345');
    const itemId = (
      await gql('query($y: Int!) { items(filter: { year: $y, q: "土地使用情况" }) { items { id } } }', {
        y: year,
      })
    ).items.items[0].id;
    const taskId = (
      await gql(
        'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
        {
          i: {
            name: `附件 ${Date.now()}`,
            year,
            itemIds: [itemId],
            windowStart: `${year}-01-01`,
            windowEnd: `${year}-12-31`,
          },
        },
        coordinator,
      )
    ).createTask.id;
    const round = nextDrandRound();
    const drawId = (
      await gql(
        'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
        { i: { taskId, entropy: { source: 'DRAND', issue: round } } },
        coordinator,
      )
    ).scheduleDraw.id;
    await untilRound(round);
    await gql(
      'mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }',
      { i: { drawId, publicEntropy: drandValue(drawId) } },
      coordinator,
    );
    const inspection = (
      await gql(
        'query($d: ID!) { inspections(filter: { drawId: $d }) { items { id teamIds } } }',
        { d: drawId },
        coordinator,
      )
    ).inspections.items[0] as { id: string; teamIds: string[] };
    const unit = (await gql('{ departments(filter: { q: "WG-ZRZY-ZFJC" }) { items { id } } }')).departments
      .items[0].id;
    const userId = (
      await gql(
        'mutation($i: UserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            username: 'photographer',
            displayName: '拍照的检查员',
            password: 'camera-roll-2026',
            role: 'INSPECTOR',
            departmentId: unit,
          },
        },
        admin,
      )
    ).createUser.id;
    await gql(
      'mutation($id: ID!, $u: ID!) { updateInspector(id: $id, input: { userId: $u }) { id } }',
      { id: inspection.teamIds[0], u: userId },
      admin,
    );

    const page = await harness.newPage();
    await login(page, harness.base, 'photographer', 'camera-roll-2026');
    await page.goto(`${harness.base}/#/inspections/${inspection.id}/show`);
    await page.getByText('尚无照片或文书。').waitFor();
    const picker = page.locator('input[name=attachment]');

    await picker.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
    const tile = page.getByTestId('attachment');
    await tile.getByText('现场照片.png').waitFor();
    // The thumbnail is the photo itself, fetched with the login token.
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('[data-testid=attachment] img')].some(
        (img) => img.src.startsWith('blob:') && img.naturalWidth === 1,
      ),
    );
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '40-attachment-uploaded');

    await picker.setInputFiles({
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not a photo'),
    });
    await page.getByText(/按文件内容判断/).waitFor();
    await shot(page, '41-attachment-refused');
    expect(await tile.count()).toBe(1);

    await tile.getByRole('button', { name: '删除' }).click();
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('尚无照片或文书。').waitFor();
  });
});
