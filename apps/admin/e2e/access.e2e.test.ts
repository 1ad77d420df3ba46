/**
 * Telling refusal from absence, and names instead of keys, in a real browser over the demo's history: the
 * market bureau's coordinator opening one of the planning bureau's inspections is told 无权访问 (the record
 * exists; their department may not open it), not that it does not exist; an administrator reading the
 * trail sees each changed record by its name, linked to its page. Each page passes axe-core without serious
 * violations.
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
} from './harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('access and names', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  const token = async (username: string) =>
    (
      await graphqlAs<{ login: { token: string } }>(
        harness.base,
        null,
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: `${username}12345` },
      )
    ).login.token;

  it('says 无权访问 for another department’s record, and "does not exist" for a missing one', async () => {
    const { base } = harness;
    // The planning bureau's inspections the market bureau takes no part in (its API says FORBIDDEN).
    const mine = await token('coordinator');
    const theirs = await token('coordinator2');
    const { inspections } = await graphqlAs<{ inspections: { items: { id: string }[] } }>(
      base,
      mine,
      '{ inspections(page: { page: 1, perPage: 100 }) { items { id } } }',
    );
    let refused: string | undefined;
    for (const { id } of inspections.items) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${theirs}` },
        body: JSON.stringify({ query: 'query($id: ID!) { inspection(id: $id) { id } }', variables: { id } }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      if (body.errors?.[0]?.extensions?.code === 'FORBIDDEN') {
        refused = id;
        break;
      }
    }
    expect(refused).toBeDefined();

    const page = await harness.newAnonymousPage();
    await login(page, base, 'coordinator2', 'coordinator212345');
    await page.goto(`${base}/#/inspections/${refused}/show`);
    await page.getByTestId('forbidden').waitFor();
    await page.getByRole('heading', { name: '无权访问' }).first().waitFor();
    await expect(page.getByText('不存在').count()).resolves.toBe(0);
    expect(page.url()).toMatch(/#\/forbidden\?resource=inspections$/);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '96-forbidden');
    // The way back is to the list they may read.
    await page.getByRole('link', { name: /返回检查列表|返回.*列表/ }).click();
    await page.waitForURL(/#\/inspections$/);
    await page.locator('[data-testid=inspection-list] tbody tr').first().waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);

    // A record that does not exist says so, and goes back to its list.
    await page.goto(`${base}/#/inspections/00000000-0000-4000-8000-000000000000/show`);
    await page.waitForURL(/#\/inspections$/);
    await expect(page.getByTestId('forbidden').count()).resolves.toBe(0);
    await logout(page);
  });

  it('shows the trail’s records by their names, linked to their pages', async () => {
    const { base } = harness;
    const page = await harness.newAnonymousPage();
    await login(page, base, 'admin', 'admin12345');
    const targets = encodeURIComponent(JSON.stringify({ entity: 'Target' }));
    await page.goto(`${base}/#/trail?filter=${targets}`);
    const cells = page.locator('[data-testid=trail] tbody tr .column-entityId');
    await cells.first().locator('a').first().waitFor();
    const names = await cells.locator('a').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.trim()).not.toMatch(UUID);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '97-trail-names');
    // The name opens the record.
    const first = names[0]!.trim();
    await cells.locator('a').first().click();
    await page.waitForURL(/#\/targets\/[^/]+\/show$/);
    await page.getByText(first, { exact: true }).first().waitFor();
    // Titled by it too: the record's page has replaced the trail, which named it as well.
    await page.locator('h1', { hasText: first }).waitFor({ state: 'attached' });
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await logout(page);
    expect(harness.outsideRequests()).toEqual([]);
  });
});
