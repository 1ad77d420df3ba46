/**
 * 一公开 of yearly plans and tasks, as a citizen reads them without signing in: who takes part (every
 * department of a joint task, the initiating one first), which items, the scope, the window and how many
 * were drawn; found by year, department and plan, sorted and paged, in the same few statements whatever
 * the page's size. A task is published once its draw is scheduled; drafts and deleted plans are not.
 */
import { chinaYear } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements, isTotal } from '../../db/statements.js';
import { drandOutcome, errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const YEAR = chinaYear();

const PLANS = `query($f: PublicPlanFilter, $s: SortInput, $p: PageInput) { publicPlans(filter: $f, sort: $s, page: $p) {
  total items { id name year departments lines { item ratioBp timesPerYear period } taskCount selectedCount createdAt } } }`;
const TASKS = `query($f: PublicTaskFilter, $s: SortInput, $p: PageInput) { publicTasks(filter: $f, sort: $s, page: $p) {
  total items { id name year planId planName departments items scope regions tags targetKinds windowStart windowEnd
  drawId drawStatus selectedCount } } }`;
const PLAN = `query($id: ID!) { publicPlan(id: $id) { id name departments lines { item } taskCount selectedCount } }`;

/** A notice as the query string selects it. */
type Notices = { total: number; items: ({ id: string } & Record<string, any>)[] };

const BUREAU_NAME = '舞钢市自然资源和规划局';
const MARKET_NAME = '舞钢市市场监督管理局';

describe('plans and tasks as public notices', () => {
  let t: TestApp;
  let coordinator: string;
  let bureau: string;
  let market: string;
  let land: { id: string; minRatioBp: number };
  let disclosure: { id: string; minRatioBp: number };
  let planId: string;
  /** The joint, directed round of the plan, drawn. */
  let joint: { id: string; drawId: string };
  /** A round of the plan of the bureau alone, its draw scheduled but not run. */
  let scheduled: { id: string; drawId: string };
  /** A task of no plan, drawn. */
  let alone: { id: string; drawId: string };
  let draftId: string;
  let userId: string;

  const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
  const tasks = async (variables: Record<string, unknown> = {}) =>
    (await t.ok(TASKS, variables)).publicTasks as Notices;
  const plans = async (variables: Record<string, unknown> = {}) =>
    (await t.ok(PLANS, variables)).publicPlans as Notices;

  const createTask = async (input: Record<string, unknown>) =>
    (
      await t.ok(
        'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
        { i: { year: YEAR, itemIds: [land.id], ...input } },
        coordinator,
      )
    ).createTask.id as string;
  const schedule = async (taskId: string) =>
    (
      await t.ok(
        'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
        { i: { taskId, entropy: t.entropy() } },
        coordinator,
      )
    ).scheduleDraw.id as string;
  const run = async (drawId: string) => {
    t.runnable();
    await t.ok(
      'mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }',
      { i: { drawId, publicEntropy: drandOutcome(drawId) } },
      coordinator,
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.login('coordinator');
    const coordinator2 = await t.login('coordinator2');
    userId = (await t.ok('{ me { id } }', {}, coordinator)).me.id;
    const departments = (await t.ok('{ departments(filter: { kind: DEPARTMENT }) { items { id code } } }'))
      .departments.items as { id: string; code: string }[];
    bureau = departments.find((d) => d.code === 'WG-ZRZY')!.id;
    market = departments.find((d) => d.code === 'WG-SCJG')!.id;
    const item = async (q: string) =>
      (
        await t.ok(
          'query($y: Int!, $q: String!) { items(filter: { year: $y, q: $q }) { items { id minRatioBp } } }',
          {
            y: YEAR,
            q,
          },
        )
      ).items.items[0] as { id: string; minRatioBp: number };
    land = await item('土地使用情况');
    disclosure = await item('企业公示信息');
    planId = (
      await t.ok(
        'mutation($i: PlanInput!) { createPlan(input: $i) { id } }',
        {
          i: {
            name: '公示测试联合抽查计划',
            year: YEAR,
            cooperatingDepartmentIds: [market],
            remarks: '内部备注：联系人 13800001111',
            lines: [
              { itemId: land.id, ratioBp: land.minRatioBp, timesPerYear: 2, period: '第一季度' },
              { itemId: disclosure.id, ratioBp: disclosure.minRatioBp, timesPerYear: 1 },
            ],
          },
        },
        coordinator,
      )
    ).createPlan.id;

    const jointId = await createTask({
      name: '公示测试联合定向任务',
      planId,
      cooperatingDepartmentIds: [market],
      itemIds: [land.id, disclosure.id],
      scope: 'DIRECTED',
      regions: ['垭口街道'],
      targetKinds: ['ENTERPRISE'],
      riskClasses: ['A', 'B', 'C', 'D'],
      windowStart: `${YEAR}-03-01`,
      windowEnd: `${YEAR}-03-31`,
    });
    await t.ok('mutation($id: ID!) { acceptTask(taskId: $id) { id } }', { id: jointId }, coordinator2);
    joint = { id: jointId, drawId: await schedule(jointId) };
    await run(joint.drawId);

    const scheduledId = await createTask({
      name: '公示测试待摇号任务',
      planId,
      windowStart: `${YEAR}-11-01`,
      windowEnd: `${YEAR}-11-30`,
    });
    scheduled = { id: scheduledId, drawId: await schedule(scheduledId) };

    const aloneDraw = await t.drawLandTask(coordinator, '公示测试单独任务');
    alone = {
      id: (await t.ok('query($id: ID!) { draw(id: $id) { taskId } }', { id: aloneDraw }, coordinator)).draw
        .taskId,
      drawId: aloneDraw,
    };
    draftId = await createTask({
      name: '公示测试草稿任务',
      planId,
      windowStart: `${YEAR}-12-01`,
      windowEnd: `${YEAR}-12-31`,
    });
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => t?.close());

  it('lists tasks whose draw is scheduled, latest window first, with what a notice states', async () => {
    const page = await tasks();
    expect(ids(page)).toEqual([scheduled.id, joint.id, alone.id]);
    expect(page.total).toBe(3);
    const selectedCount = (
      await t.ok('query($id: ID!) { publicDraw(id: $id) { selectedCount } }', { id: joint.drawId })
    ).publicDraw.selectedCount as number;
    expect(selectedCount).toBeGreaterThan(0);
    expect(page.items[1]).toEqual({
      id: joint.id,
      name: '公示测试联合定向任务',
      year: YEAR,
      planId,
      planName: '公示测试联合抽查计划',
      departments: [BUREAU_NAME, MARKET_NAME],
      items: expect.arrayContaining(['土地使用情况监督检查', expect.stringContaining('企业公示信息')]),
      scope: 'DIRECTED',
      regions: ['垭口街道'],
      tags: [],
      targetKinds: ['ENTERPRISE'],
      windowStart: `${YEAR}-03-01`,
      windowEnd: `${YEAR}-03-31`,
      drawId: joint.drawId,
      drawStatus: 'DRAWN',
      selectedCount,
    });
    expect(page.items[1]!.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({
      departments: [BUREAU_NAME],
      scope: 'UNDIRECTED',
      regions: [],
      drawId: scheduled.drawId,
      drawStatus: 'SCHEDULED',
      selectedCount: null,
    });
    expect(page.items[2]).toMatchObject({ planId: null, planName: null, drawId: alone.drawId });
    expect(ids(page)).not.toContain(draftId);
  });

  it('lists every department of a joint task, and finds it by any of them', async () => {
    const byMarket = await tasks({ f: { departmentId: market } });
    expect(ids(byMarket)).toEqual([joint.id]);
    expect(byMarket.items[0]!.departments).toEqual([BUREAU_NAME, MARKET_NAME]);
    expect(ids(await tasks({ f: { departmentId: bureau } }))).toEqual([scheduled.id, joint.id, alone.id]);
  });

  it('publishes nothing personal and never the risk classes of a directed scope', async () => {
    const text = JSON.stringify([await tasks(), await plans()]);
    expect(text).not.toContain(userId);
    expect(text).not.toContain('13800001111');
    expect(text).not.toMatch(/风险|riskClass/);
    for (const field of ['riskClasses', 'teamSize', 'cooperatingDepartmentIds'])
      expect((await t.gql(`{ publicTasks { items { ${field} } } }`)).errors?.[0]?.message).toContain(
        `Cannot query field "${field}"`,
      );
    expect((await t.gql('{ publicPlans { items { remarks } } }')).errors?.[0]?.message).toContain(
      'Cannot query field "remarks"',
    );
  });

  it('filters tasks by year, plan, scope and name', async () => {
    expect(ids(await tasks({ f: { planId } }))).toEqual([scheduled.id, joint.id]);
    expect(ids(await tasks({ f: { scope: 'DIRECTED' } }))).toEqual([joint.id]);
    expect(ids(await tasks({ f: { year: YEAR } }))).toHaveLength(3);
    expect(await tasks({ f: { year: YEAR - 1 } })).toEqual({ total: 0, items: [] });
    expect(ids(await tasks({ f: { q: '单独' } }))).toEqual([alone.id]);
  });

  it('lists plans newest first with their items, departments, published rounds and targets drawn', async () => {
    const page = await plans({ f: { year: YEAR } });
    const demo = page.items.filter((p) => p.id !== planId);
    // The demo data's plan of the bureau, made before this test's.
    expect(demo).toHaveLength(1);
    expect(ids(page)).toEqual([planId, demo[0]!.id]);
    const drawn = (await tasks({ f: { planId } })).items.find((i) => i.id === joint.id)!.selectedCount;
    expect(page.items[0]).toEqual({
      id: planId,
      name: '公示测试联合抽查计划',
      year: YEAR,
      departments: [BUREAU_NAME, MARKET_NAME],
      lines: expect.arrayContaining([
        { item: '土地使用情况监督检查', ratioBp: land.minRatioBp, timesPerYear: 2, period: '第一季度' },
        {
          item: expect.stringContaining('企业公示信息'),
          ratioBp: disclosure.minRatioBp,
          timesPerYear: 1,
          period: null,
        },
      ]),
      // The draft round is not counted: it is not published.
      taskCount: 2,
      selectedCount: drawn,
      createdAt: expect.any(String),
    });
    expect(page.items[0]!.lines).toHaveLength(2);
    expect(demo[0]).toMatchObject({ departments: [BUREAU_NAME], taskCount: 0, selectedCount: 0 });
    expect(ids(await plans({ f: { departmentId: market } }))).toEqual([planId]);
    expect(ids(await plans({ f: { q: '联合抽查' } }))).toEqual([planId]);
    expect(await plans({ f: { year: YEAR + 1 } })).toEqual({ total: 0, items: [] });
  });

  it('shows one plan, and neither a deleted plan nor one that is not there', async () => {
    const one = (await t.ok(PLAN, { id: planId })).publicPlan;
    expect(one).toMatchObject({ id: planId, departments: [BUREAU_NAME, MARKET_NAME], taskCount: 2 });
    const gone = (
      await t.ok(
        'mutation($i: PlanInput!) { createPlan(input: $i) { id } }',
        {
          i: {
            name: '公示测试已删除计划',
            year: YEAR,
            lines: [{ itemId: land.id, ratioBp: land.minRatioBp, timesPerYear: 1 }],
          },
        },
        coordinator,
      )
    ).createPlan.id as string;
    await t.ok('mutation($id: ID!) { deletePlan(id: $id) { id } }', { id: gone }, coordinator);
    expect((await t.ok(PLAN, { id: gone })).publicPlan).toBeNull();
    expect(ids(await plans())).not.toContain(gone);
    expect((await t.ok(PLAN, { id: 'no-such-plan' })).publicPlan).toBeNull();
  });

  it('sorts by the fields offered, and pages without overlap', async () => {
    const byName = await tasks({ s: { field: 'name', order: 'ASC' } });
    const names = byName.items.map((i) => i.name as string);
    expect(names).toEqual([...names].sort());
    expect(ids(await tasks({ s: { field: 'windowStart', order: 'ASC' } }))).toEqual([
      alone.id,
      joint.id,
      scheduled.id,
    ]);
    expect(ids(await tasks({ s: { field: 'year', order: 'DESC' } }))).toHaveLength(3);
    const planNames = (await plans({ s: { field: 'name', order: 'DESC' } })).items.map(
      (p) => p.name as string,
    );
    expect(planNames).toEqual([...planNames].sort().reverse());
    expect((await plans({ s: { field: 'year', order: 'ASC' } })).total).toBe(2);

    const first = await tasks({ p: { page: 1, perPage: 2 } });
    const second = await tasks({ p: { page: 2, perPage: 2 } });
    expect(first.total).toBe(3);
    expect(second.total).toBe(3);
    expect([...ids(first), ...ids(second)]).toEqual([scheduled.id, joint.id, alone.id]);
    const planPages = [
      await plans({ p: { page: 1, perPage: 1 } }),
      await plans({ p: { page: 2, perPage: 1 } }),
    ];
    expect(planPages.map((p) => p.total)).toEqual([2, 2]);
    expect(new Set(planPages.flatMap(ids)).size).toBe(2);
  });

  it('refuses a bad filter or sort, saying what to do', async () => {
    const year = await t.gql(TASKS, { f: { year: 1900 } });
    expect(errorCode(year)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(year.errors)).toMatch(/year must be from/);
    expect(errorCode(await t.gql(PLANS, { f: { year: 99999 } }))).toBe('BAD_USER_INPUT');
    for (const [query, field] of [
      [TASKS, 'riskClasses'],
      [TASKS, 'createdAt'],
      [PLANS, 'remarks'],
    ] as const) {
      const sorted = await t.gql(query, { s: { field, order: 'ASC' } });
      expect(errorCode(sorted)).toBe('BAD_USER_INPUT');
      expect(sorted.errors?.[0]?.message).toMatch(new RegExp(`Cannot sort by "${field}": sort by one of`));
    }
    expect(errorCode(await t.gql(TASKS, { f: { q: 'x'.repeat(1000) } }))).toBe('BAD_USER_INPUT');
  });

  it('pages plans and tasks in the same few statements whatever the page size', async () => {
    for (const [query, sizes] of [
      [PLANS, [1, 2]],
      [TASKS, [1, 3]],
    ] as const) {
      const counts: number[] = [];
      for (const perPage of sizes) {
        const { result, statements } = await countStatements(t.app.orm, () =>
          t.ok(query, { p: { page: 1, perPage } }),
        );
        expect(Object.values(result)[0].items).toHaveLength(perPage);
        // A page shorter than asked knows its total without counting: leave the count out.
        counts.push(statements.filter((sql) => !isTotal(sql)).length);
      }
      expect(counts[0]).toBe(counts[1]);
      expect(counts[0]).toBeLessThanOrEqual(5);
    }
  });

  it('needs no sign-in, and reads the same for staff', async () => {
    const anonymous = await tasks();
    const staff = (await t.ok(TASKS, {}, coordinator)).publicTasks;
    expect(staff).toEqual(anonymous);
    expect((await t.gql('{ publicTasks { total } publicPlans { total } }')).errors).toBeUndefined();
  });
});
