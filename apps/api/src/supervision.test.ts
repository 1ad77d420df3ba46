/**
 * A round of supervision end to end, through the API only: plan → task → acceptance (joint) → draw →
 * results entered by the teams → review → publication, with the trail verified at the end. Once for a
 * joint task of two departments and once for a single department's task.
 */
import { chinaToday, chinaYear } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp, drandOutcome } from './test/harness.js';

const YEAR = chinaYear();
const TODAY = chinaToday();

interface Visit {
  id: string;
  itemIds: string[];
  teamIds: string[];
  team: { id: string; departmentId: string }[];
}

describe('a round of supervision', () => {
  let t: TestApp;
  let admin: string;
  let bureauCoordinator: string;
  let marketCoordinator: string;
  const departments: Record<string, string> = {};
  let landItem: string;
  let marketItem: string;
  let seq = 0;

  const departmentId = async (code: string) =>
    (
      await t.ok('query($q: String!) { departments(filter: { q: $q }) { items { id code } } }', { q: code })
    ).departments.items.find((d: { code: string }) => d.code === code).id as string;

  const signInAs = (inspectorId: string, unitCode: string) => t.signInAsInspector(inspectorId, unitCode);

  async function planAndTask(joint: boolean): Promise<string> {
    const lines = [{ itemId: landItem, ratioBp: 1000, timesPerYear: 1 }];
    if (joint) lines.push({ itemId: marketItem, ratioBp: 1000, timesPerYear: 1 });
    const plan = (
      await t.ok(
        'mutation($i: PlanInput!) { createPlan(input: $i) { id } }',
        {
          i: {
            name: `${YEAR} 年${joint ? '联合' : ''}抽查计划 ${++seq}`,
            year: YEAR,
            cooperatingDepartmentIds: joint ? [departments.market] : [],
            lines,
          },
        },
        bureauCoordinator,
      )
    ).createPlan.id;
    return (
      await t.ok(
        'mutation($i: TaskInput!) { createTask(input: $i) { id ready } }',
        {
          i: {
            name: `${YEAR} 年第一轮${joint ? '联合' : ''}抽查 ${seq}`,
            year: YEAR,
            planId: plan,
            cooperatingDepartmentIds: joint ? [departments.market] : [],
            itemIds: lines.map((l) => l.itemId),
            scope: 'DIRECTED',
            regions: ['垭口街道', '寺坡街道', '院岭街道'],
            windowStart: `${YEAR}-01-01`,
            windowEnd: `${YEAR}-12-31`,
          },
        },
        bureauCoordinator,
      )
    ).createTask.id;
  }

  async function draw(taskId: string, runBy: string): Promise<Visit[]> {
    const drawId = (
      await t.ok(
        'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
        { i: { taskId, entropy: t.entropy() } },
        bureauCoordinator,
      )
    ).scheduleDraw.id;
    t.runnable();
    await t.ok(
      'mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }',
      { i: { drawId, publicEntropy: drandOutcome(drawId) } },
      runBy,
    );
    expect((await t.ok('query($id: ID!) { verifyDraw(id: $id) { ok } }', { id: drawId })).verifyDraw.ok).toBe(
      true,
    );
    return (
      await t.ok(
        'query($d: ID!) { inspections(filter: { drawId: $d }, page: { page: 1, perPage: 500 }) { items { id itemIds teamIds team { id departmentId } } } }',
        { d: drawId },
        bureauCoordinator,
      )
    ).inspections.items;
  }

  const enter = (visit: Visit, token: string, category: string) =>
    t.gql(
      'mutation($i: ResultInput!) { enterResult(input: $i) { state results { category } } }',
      {
        i: {
          inspectionId: visit.id,
          items: visit.itemIds.map((itemId) => ({ itemId, category, findings: '现场核查' })),
          methodsUsed: ['ON_SITE', 'DOCUMENT'],
          inspectedOn: TODAY,
        },
      },
      token,
    );
  const publish = (visit: Visit, token: string) =>
    t.gql(
      'mutation($i: ReviewInput!) { reviewResult(input: $i) { state } }',
      { i: { inspectionId: visit.id, approve: true } },
      token,
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    bureauCoordinator = await t.login('coordinator');
    marketCoordinator = await t.login('coordinator2');
    departments.bureau = await departmentId('WG-ZRZY');
    departments.market = await departmentId('WG-SCJG');
    const items = (
      await t.ok(
        'query($y: Int!) { items(filter: { year: $y }, page: { page: 1, perPage: 100 }) { items { id name } } }',
        {
          y: YEAR,
        },
      )
    ).items.items as { id: string; name: string }[];
    landItem = items.find((i) => i.name.includes('土地使用情况'))!.id;
    marketItem = items.find((i) => i.name.includes('企业公示信息'))!.id;
  });
  afterAll(() => t.close());

  it('runs a joint task of two departments from plan to publication', async () => {
    const taskId = await planAndTask(true);
    const early = await t.gql(
      'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
      { i: { taskId, entropy: t.entropy() } },
      bureauCoordinator,
    );
    expect(errorCode(early)).toBe('CONFLICT');
    // The initiating department cannot accept for the cooperating one.
    expect(
      errorCode(
        await t.gql(
          'mutation($id: ID!) { acceptTask(taskId: $id) { id } }',
          { id: taskId },
          bureauCoordinator,
        ),
      ),
    ).toBe('FORBIDDEN');
    const accepted = await t.ok(
      'mutation($id: ID!) { acceptTask(taskId: $id) { ready } }',
      { id: taskId },
      marketCoordinator,
    );
    expect(accepted.acceptTask.ready).toBe(true);

    const visits = await draw(taskId, marketCoordinator);
    expect(visits.length).toBeGreaterThan(1);
    for (const visit of visits) {
      // One visit for both departments' items, by a team with an inspector from each.
      expect(visit.itemIds.sort()).toEqual([landItem, marketItem].sort());
      const roots = new Set<string>();
      for (const member of visit.team) roots.add(member.departmentId);
      expect(roots.size).toBe(2);
    }
    const [first, second] = visits as [Visit, Visit];
    const marketUnit = await departmentId('WG-SCJG-XY');
    const bureauMember = first.team.find((m) => m.departmentId !== marketUnit)!;
    const marketMember = second.team.find((m) => m.departmentId === marketUnit)!;
    const bureauToken = await signInAs(bureauMember.id, 'WG-ZRZY-ZFJC');
    const marketToken = await signInAs(marketMember.id, 'WG-SCJG-XY');

    // Each department's inspector enters the result of their own team, not the other's.
    if (!second.teamIds.includes(bureauMember.id))
      expect(errorCode(await enter(second, bureauToken, 'NO_PROBLEM'))).toBe('FORBIDDEN');
    expect((await enter(first, bureauToken, 'PROBLEM_CORRECTED')).data).toMatchObject({
      enterResult: { state: 'PENDING_REVIEW' },
    });
    expect((await enter(second, marketToken, 'NO_PROBLEM')).data).toMatchObject({
      enterResult: { state: 'PENDING_REVIEW' },
    });
    // Coordinators of either department review.
    expect((await publish(first, marketCoordinator)).data).toMatchObject({
      reviewResult: { state: 'PUBLISHED' },
    });
    expect((await publish(second, bureauCoordinator)).data).toMatchObject({
      reviewResult: { state: 'PUBLISHED' },
    });
    expect(errorCode(await enter(first, bureauToken, 'NO_PROBLEM'))).toBe('CONFLICT');

    const published = (
      await t.ok(
        'query($t: ID!) { publicResults(filter: { taskId: $t }) { items { id authorities items { category } } } }',
        { t: taskId },
      )
    ).publicResults.items;
    expect(published.map((p: { id: string }) => p.id).sort()).toEqual([first.id, second.id].sort());
    // Both departments are named as the inspecting authorities, the initiating one first.
    for (const result of published)
      expect(result.authorities).toEqual(['舞钢市自然资源和规划局', '舞钢市市场监督管理局']);
    expect((await t.ok('{ verifyTrail { ok checked } }', {}, admin)).verifyTrail).toMatchObject({ ok: true });
  });

  it('runs a single department’s task from plan to publication', async () => {
    const taskId = await planAndTask(false);
    expect(
      (
        await t.ok(
          'query($id: ID!) { task(id: $id) { ready acceptances { state } } }',
          { id: taskId },
          bureauCoordinator,
        )
      ).task,
    ).toEqual({
      ready: true,
      acceptances: [],
    });
    const visits = await draw(taskId, bureauCoordinator);
    const visit = visits[0]!;
    expect(visit.itemIds).toEqual([landItem]);
    const token = await signInAs(visit.teamIds[0]!, 'WG-ZRZY-ZFJC');
    expect((await enter(visit, token, 'UNREACHABLE')).data).toMatchObject({
      enterResult: { state: 'PENDING_REVIEW' },
    });
    // Another department's coordinator neither reads nor publishes it.
    expect(errorCode(await publish(visit, marketCoordinator))).toBe('FORBIDDEN');
    expect(
      errorCode(await t.gql('query($id: ID!) { task(id: $id) { id } }', { id: taskId }, marketCoordinator)),
    ).toBe('FORBIDDEN');
    expect((await publish(visit, bureauCoordinator)).data).toMatchObject({
      reviewResult: { state: 'PUBLISHED' },
    });
    expect((await t.ok('{ verifyTrail { ok } }', {}, admin)).verifyTrail.ok).toBe(true);
  });
});
