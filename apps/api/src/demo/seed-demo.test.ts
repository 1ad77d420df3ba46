import { chinaDate, chinaToday, chinaYear } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { DEMO_USERS, demoLoginsText } from './seed-demo.js';

const THIS_YEAR = chinaYear();
const LAST_YEAR = THIS_YEAR - 1;
const TODAY = chinaToday();

const count = <T>(list: readonly T[], pick: (x: T) => boolean) => list.filter(pick).length;

interface Visit {
  state: string;
  overdue: boolean;
  publishedAt: string | null;
  publicationDeadline: string;
  inspectedOn: string | null;
  results: { closedOn: string | null; closedByName: string | null; categoryInfo: { problem: boolean } }[];
}

describe('the demo with its history', () => {
  let t: TestApp;
  let admin: string;
  let manager: string;

  beforeAll(async () => {
    t = await startTestApp({ demoHistory: true });
    admin = await t.login('admin');
    manager = await t.login('manager');
  }, 120_000);
  afterAll(() => t.close());

  it('holds plans and tasks of both years in every state: single and joint, drawn or not, merged', async () => {
    const plans = (
      await t.ok(
        '{ plans(page: { page: 1, perPage: 100 }) { items { year cooperatingDepartmentIds } } }',
        {},
        manager,
      )
    ).plans.items as { year: number; cooperatingDepartmentIds: string[] }[];
    // Last year is whole; this year's history goes as far as today.
    expect(count(plans, (p) => p.year === LAST_YEAR && p.cooperatingDepartmentIds.length === 0)).toBe(1);
    expect(count(plans, (p) => p.year === LAST_YEAR && p.cooperatingDepartmentIds.length === 1)).toBe(1);
    expect(count(plans, (p) => p.year === THIS_YEAR && p.cooperatingDepartmentIds.length === 0)).toBe(1);
    const tasks = (
      await t.ok(
        '{ tasks(page: { page: 1, perPage: 100 }) { items { id year planId ready cooperatingDepartmentIds } } }',
        {},
        admin,
      )
    ).tasks.items as {
      id: string;
      year: number;
      planId: string | null;
      ready: boolean;
      cooperatingDepartmentIds: string[];
    }[];
    const draws = (
      await t.ok('{ draws(page: { page: 1, perPage: 100 }) { items { taskId status } } }', {}, admin)
    ).draws.items as { taskId: string; status: string }[];
    const drawOf = (id: string) => draws.find((d) => d.taskId === id)?.status ?? 'NONE';
    expect(count(tasks, (x) => x.year === LAST_YEAR)).toBeGreaterThan(3);
    expect(count(tasks, (x) => drawOf(x.id) === 'DRAWN')).toBeGreaterThanOrEqual(5);
    expect(count(tasks, (x) => drawOf(x.id) === 'SCHEDULED')).toBe(1);
    expect(count(tasks, (x) => drawOf(x.id) === 'NONE' && x.ready)).toBeGreaterThan(0);
    // A joint task its cooperating department has not accepted yet; joint tasks from a plan and from a merge.
    expect(count(tasks, (x) => !x.ready)).toBe(1);
    expect(count(tasks, (x) => x.cooperatingDepartmentIds.length > 0 && x.planId !== null)).toBeGreaterThan(
      0,
    );
    expect(count(tasks, (x) => x.planId === null)).toBeGreaterThan(2);
    // Last year's second quarter: the two bureaus' tasks on the same street, merged into one joint task.
    const merges = (
      await t.ok(
        'query($y: Int!) { mergeProposals(year: $y, quarter: 2) { state mergedTaskId } }',
        { y: LAST_YEAR },
        await t.login('coordinator'),
      )
    ).mergeProposals as { state: string; mergedTaskId: string | null }[];
    const merged = merges.filter((m) => m.state === 'ACCEPTED');
    expect(merged).toHaveLength(1);
    expect(drawOf(merged[0]!.mergedTaskId!)).toBe('DRAWN');
  });

  it('holds results awaiting entry, awaiting review, rejected, published on time and late, and follow-ups open and closed', async () => {
    const visits = (
      await t.ok(
        `{ inspections(page: { page: 1, perPage: 500 }) { total items { state overdue publishedAt publicationDeadline inspectedOn
            results { closedOn closedByName categoryInfo { problem } } } } }`,
        {},
        admin,
      )
    ).inspections as { total: number; items: Visit[] };
    expect(visits.total).toBe(visits.items.length);
    expect(visits.total).toBeGreaterThan(100);
    for (const state of ['PENDING_ENTRY', 'PENDING_REVIEW', 'REJECTED', 'PUBLISHED'])
      expect(
        count(visits.items, (v) => v.state === state),
        state,
      ).toBeGreaterThan(0);
    const published = visits.items.filter((v) => v.state === 'PUBLISHED');
    const late = (v: Visit) => chinaDate(new Date(v.publishedAt!)) > v.publicationDeadline;
    expect(count(published, late)).toBeGreaterThan(0);
    expect(count(published, (v) => !late(v))).toBeGreaterThan(count(published, late));
    expect(count(visits.items, (v) => v.overdue)).toBeGreaterThan(0);
    // Everything happened by today, in its order: inspected, then published.
    for (const v of published) {
      expect(v.inspectedOn! <= TODAY).toBe(true);
      expect(chinaDate(new Date(v.publishedAt!)) >= v.inspectedOn!).toBe(true);
    }
    const problems = published.flatMap((v) => v.results).filter((r) => r.categoryInfo.problem);
    expect(count(problems, (r) => r.closedOn !== null)).toBeGreaterThan(0);
    expect(count(problems, (r) => r.closedOn === null)).toBeGreaterThan(0);
    expect(problems.filter((r) => r.closedOn).every((r) => r.closedByName)).toBe(true);
    expect((await t.ok('{ publicResults { total } }')).publicResults.total).toBe(published.length);
  });

  it("lists every demo login in the start-up message: one per role and the registry's inspectors", async () => {
    const accounts = (
      await t.ok(
        '{ users(page: { page: 1, perPage: 100 }) { items { username } } }',
        {},
        await t.login('admin'),
      )
    ).users.items.map((u: { username: string }) => u.username) as string[];
    const text = demoLoginsText(accounts);
    for (const user of DEMO_USERS) expect(text).toContain(user.username);
    const numbered = accounts.filter((u) => /^inspector\d{2}$/.test(u)).sort();
    expect(numbered.length).toBeGreaterThan(20);
    expect(text).toContain(`${numbered[0]} … ${numbered.at(-1)}`);
    expect(text).toContain('12345');
  });

  it('was made through the services: the trail names who did each step, and its chain holds', async () => {
    const trail = await t.ok<{ trail: { total: number }; verifyTrail: { ok: boolean } }>(
      '{ trail(page: { page: 1, perPage: 1 }) { total } verifyTrail { ok } }',
      {},
      admin,
    );
    expect(trail.verifyTrail.ok).toBe(true);
    expect(trail.trail.total).toBeGreaterThan(300);
    const me = async (username: string) =>
      (await t.ok('{ me { id } }', {}, await t.login(username))).me.id as string;
    const stepsBy = async (actorId: string) =>
      (
        await t.ok(
          'query($a: ID!) { trail(filter: { actorId: $a }, page: { page: 1, perPage: 1 }) { total } }',
          { a: actorId },
          admin,
        )
      ).trail.total as number;
    for (const username of ['admin', 'coordinator', 'coordinator2'])
      expect(await stepsBy(await me(username)), username).toBeGreaterThan(0);
    // Results are entered by the inspectors of each team, signed in with accounts of their own.
    const inspectors = (
      await t.ok(
        '{ users(filter: { role: INSPECTOR }, page: { page: 1, perPage: 100 }) { items { id } } }',
        {},
        admin,
      )
    ).users.items as { id: string }[];
    expect(inspectors.length).toBeGreaterThan(20);
    let entering = 0;
    for (const { id } of inspectors) if ((await stepsBy(id)) > 0) entering++;
    expect(entering).toBeGreaterThan(10);
  });
});

describe('the demo started early in the year', () => {
  let t: TestApp;
  // 8 January, 10:00 in Beijing: this year's history has hardly begun.
  const now = new Date(`${THIS_YEAR}-01-08T02:00:00Z`);

  beforeAll(async () => {
    t = await startTestApp({ demoHistory: true, clock: () => now });
  }, 120_000);
  afterAll(() => t.close());

  it('holds last year whole and nothing dated after its first day', async () => {
    const admin = await t.login('admin');
    const visits = (
      await t.ok(
        '{ inspections(page: { page: 1, perPage: 500 }) { items { state inspectedOn publishedAt } } }',
        {},
        admin,
      )
    ).inspections.items as { state: string; inspectedOn: string | null; publishedAt: string | null }[];
    const lastYear = (v: { inspectedOn: string | null }) => v.inspectedOn?.startsWith(`${LAST_YEAR}-`);
    expect(count(visits, (v) => !!lastYear(v) && v.state === 'PUBLISHED')).toBeGreaterThan(30);
    for (const v of visits) {
      if (v.inspectedOn) expect(v.inspectedOn <= chinaToday(now)).toBe(true);
      if (v.publishedAt) expect(new Date(v.publishedAt).getTime()).toBeLessThanOrEqual(now.getTime());
    }
    expect((await t.ok('{ verifyTrail { ok } }', {}, admin)).verifyTrail.ok).toBe(true);
  });
});
