/**
 * 掌上执法, in a real browser over the demo's history: an inspector on a phone (390×844, touch) signs in,
 * sees their to-do list, opens a visit, takes a photo, and enters its result; the connection drops as they
 * submit, and nothing typed is lost (the draft outlives a reload); a double tap sends the result once. The
 * coordinator then finds it under "awaiting review" and publishes it. No page scrolls sideways on the phone,
 * and each passes axe-core without serious or critical violations (the counts by impact are printed).
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
  PNG,
} from './harness';
import type { Page } from 'playwright-core';

const fitsTheScreen = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe('result entry on a phone', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  const api = <T>(token: string | null, query: string, variables: Record<string, unknown> = {}) =>
    graphqlAs<T>(harness.base, token, query, variables);

  /** A visit awaiting entry that the demo coordinator reviews, and the username of one of its team. */
  async function visitToEnter(): Promise<{ id: string; target: string; username: string }> {
    const { login: session } = await api<{ login: { token: string } }>(
      null,
      'mutation { login(username: "coordinator", password: "coordinator12345") { token } }',
    );
    // Only an administrator reads the users (the team names its members' user ids).
    const { login: admin } = await api<{ login: { token: string } }>(
      null,
      'mutation { login(username: "admin", password: "admin12345") { token } }',
    );
    const { inspections } = await api<{
      inspections: { items: { id: string; target: { name: string }; team: { userId: string | null }[] }[] };
    }>(
      session.token,
      '{ inspections(filter: { states: [PENDING_ENTRY] }, sort: { field: "deadline", order: DESC }, page: { page: 1, perPage: 50 }) { items { id target { name } team { userId } } } }',
    );
    for (const inspection of inspections.items) {
      const userId = inspection.team.map((m) => m.userId).find((id) => id !== null);
      if (!userId) continue;
      const { user } = await api<{ user: { username: string } }>(
        admin.token,
        'query($id: ID!) { user(id: $id) { username } }',
        { id: userId },
      );
      return { id: inspection.id, target: inspection.target.name, username: user.username };
    }
    throw new Error('no visit awaiting entry with a signed-up team member in the demo');
  }

  it('is entered with a photo on a phone, kept through a dropped connection, sent once, and published', async () => {
    const { base } = harness;
    const visit = await visitToEnter();
    const phone = await harness.newPhonePage();
    await login(phone, base, visit.username, `${visit.username}12345`);

    // The to-do list: their visits to enter; this one among them.
    await phone.getByRole('heading', { name: '待办', level: 2 }).waitFor();
    await phone.getByTestId('todo-to_enter').getByTestId('todo-entry').first().waitFor();
    expect(await fitsTheScreen(phone)).toBe(true);
    expect(await axeViolations(phone, SERIOUS)).toEqual([]);
    await shot(phone, '90-phone-todo');

    await phone.goto(`${base}/#/inspections/${visit.id}/show`);
    await phone.getByTestId('enter-result').waitFor();
    expect(await fitsTheScreen(phone)).toBe(true);
    expect(await axeViolations(phone, SERIOUS)).toEqual([]);

    // The camera button takes the photo (on a phone `capture` opens the camera; here the file is handed in).
    const camera = phone.locator('input[name=photo]');
    expect(await camera.getAttribute('capture')).toBe('environment');
    expect(await camera.getAttribute('accept')).toMatch(/image\/jpeg/);
    await camera.setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: PNG });
    await phone.getByTestId('attachment').getByText('IMG_0001.png').waitFor();
    expect(await fitsTheScreen(phone)).toBe(true);
    await shot(phone, '91-phone-inspection-photo');

    // The form fills the screen; the date is today's, the methods and each item's category are chosen.
    await phone.getByTestId('enter-result').click();
    const dialog = phone.getByRole('dialog');
    await dialog.getByLabel('实地核查').check();
    const entries = dialog.getByTestId('item-result-entry');
    const items = await entries.count();
    expect(items).toBeGreaterThan(0);
    for (let i = 0; i < items; i++) {
      await entries
        .nth(i)
        .getByRole('combobox', { name: /检查结果/ })
        .click();
      await phone.getByRole('option', { name: '未发现问题', exact: true }).click();
      // The menu fades out before the next is opened (and before axe reads the page).
      await phone.locator(`[id="menu-items.${i}.category"]`).waitFor({ state: 'detached' });
    }
    await entries.first().locator('textarea[name$=".findings"]').fill('现场核查，用地与批准一致');
    const box = await dialog.boundingBox();
    expect(box?.width).toBe(390);
    expect(await fitsTheScreen(phone)).toBe(true);
    expect(await axeViolations(phone, SERIOUS)).toEqual([]);
    await shot(phone, '92-phone-enter-result');

    // The connection drops as they submit: nothing is sent, they are told so, and the draft stays.
    await phone.context().setOffline(true);
    await dialog.getByTestId('enter-result-confirm').click();
    await dialog
      .getByTestId('enter-result-error')
      .getByText(/网络连接中断/)
      .waitFor();
    await phone.context().setOffline(false);
    await phone.reload();
    await phone.getByTestId('enter-result').click();
    await dialog.getByTestId('draft-restored').waitFor();
    await expect(dialog.getByLabel('实地核查').isChecked()).resolves.toBe(true);
    await expect(entries.first().locator('textarea[name$=".findings"]').inputValue()).resolves.toBe(
      '现场核查，用地与批准一致',
    );
    await shot(phone, '93-phone-draft-restored');

    // The actions say what they do on the phone too (not bare icons), and a double tap sends the result once.
    await expect(dialog.getByTestId('enter-result-confirm').innerText()).resolves.toBe('提交审核');
    const sent: string[] = [];
    phone.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('enterResult'))
        sent.push(request.url());
    });
    await dialog.getByTestId('enter-result-confirm').dblclick();
    await dialog.waitFor({ state: 'detached' });
    await phone.getByText('待审核', { exact: true }).first().waitFor();
    expect(sent).toHaveLength(1);
    // Sent, the draft is gone: the next entry starts from what the API holds.
    const drafts = await phone.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('suiji.resultDraft.')),
    );
    expect(drafts).toEqual([]);
    expect(await fitsTheScreen(phone)).toBe(true);
    expect(await axeViolations(phone, SERIOUS)).toEqual([]);
    await shot(phone, '94-phone-result-entered');

    // The coordinator finds it under "awaiting review" from their to-do list, by the target's name.
    const desk = await harness.newAnonymousPage();
    await login(desk, base, 'coordinator', 'coordinator12345');
    const card = desk.getByTestId('todo-to_review');
    await card.getByTestId('todo-count').waitFor();
    const awaiting = encodeURIComponent(JSON.stringify({ states: ['PENDING_REVIEW'] }));
    await desk.goto(`${base}/#/inspections?filter=${awaiting}`);
    await desk.locator('input[name=q]').fill(visit.target);
    const row = desk.locator('[data-testid=inspection-list] tbody tr', {
      has: desk.getByText(visit.target, { exact: true }),
    });
    await row.first().waitFor();
    expect(await axeViolations(desk, SERIOUS)).toEqual([]);
    await desk.goto(`${base}/#/inspections/${visit.id}/show`);
    await desk.getByTestId('attachment').getByText('IMG_0001.png').waitFor();
    await desk.getByTestId('review-result').click();
    await desk.getByTestId('review-approve').click();
    await desk.getByText('已公示').first().waitFor();
    expect(await axeViolations(desk, SERIOUS)).toEqual([]);
    await shot(desk, '95-coordinator-published');
    await logout(desk);
    expect(harness.outsideRequests()).toEqual([]);
  });
});
