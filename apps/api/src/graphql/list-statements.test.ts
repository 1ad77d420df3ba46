/**
 * A page of each list the dashboard shows, read with everything the dashboard reads of its records (the
 * fragments of apps/admin/src/graphql/records.ts), costs the same statements for ten rows and for thirty:
 * nested fields go through the request's loaders, never one statement per row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements, isTotal } from '../db/statements.js';
import { startTestApp, type TestApp } from '../test/harness.js';

const LISTS: Record<string, string> = {
  tasks: `{ id createdAt updatedAt name year departmentId department { id name } cooperatingDepartmentIds planId plan { id name } itemIds items { id name seq minRatioBp riskRatios { riskClass ratioBp } targetType departmentId } scope regions tags riskClasses targetKinds windowStart windowEnd teamSize ready progress visits { drawn entered published } acceptances { departmentId departmentName state answeredByName answeredAt reason } }`,
  draws: `{ id createdAt updatedAt taskId departmentIds status runAfter commitment poolDigest poolSize excludedCount rosterSize ratios { riskClass ratioBp } team { size departments } entropySource entropyIssue entropyPublishedAt ranAt publicEntropy seed nonce selectedCount poolUrl exclusionsUrl recordUrl }`,
  inspections: `{ id createdAt updatedAt taskId drawId targetId target { id name creditCode region riskClass } teamIds team { id name departmentId userId } state ...Results publicationDeadline overdue enteredAt reviewComment }`,
  targets: `{ id createdAt updatedAt name creditCode kind legalRepresentative address region contact tags riskClass status targetTypes abnormal abnormalReason problemCount }`,
};
const FRAGMENTS = `fragment CategoryInfo on ResultCategory { code nameZh nameEn departmentId standard problem raisesRisk marksAbnormal } fragment Results on Inspection { itemIds items { id name } methodsUsed inspectedOn publishedAt results { id itemId item { id name } category categoryInfo { id ...CategoryInfo } findings followUp closedOn closureOutcome closureNote closedByName closedAt } }`;

describe('a page of a list', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ demoHistory: true });
    admin = await t.login('admin');
  }, 300_000);
  afterAll(() => t.close());

  it.each(Object.keys(LISTS))('of %s costs the same statements for ten rows and for thirty', async (list) => {
    const selection = LISTS[list]!;
    const query = `${list === 'inspections' ? FRAGMENTS : ''} query($p: PageInput) { ${list}(page: $p) { total items ${selection} } }`;
    // Once first: what a request reads once and then keeps (the department tree) is not the page's.
    await t.ok(query, { p: { page: 1, perPage: 1 } }, admin);
    const counts: number[] = [];
    for (const perPage of [10, 30]) {
      const { result, statements } = await countStatements(t.app.orm, () =>
        t.ok(query, { p: { page: 1, perPage } }, admin),
      );
      const rows = (result[list] as { items: unknown[] }).items.length;
      // The demo's history has more than ten of each, so that the second page reads more rows.
      if (perPage > 10) expect(rows, list).toBeGreaterThan(10);
      // The total is counted only when the page is full (a short page tells it): not a statement per row.
      counts.push(statements.filter((s) => !isTotal(s)).length);
    }
    expect(counts[1], list).toBe(counts[0]);
  });
});
