import { chinaYear } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type GqlResult, type TestApp } from '../../test/harness.js';

const YEAR = chinaYear();
const PLAN_FIELDS = `id name year departmentId cooperatingDepartmentIds remarks taskCount
  lines { id itemId item { name minRatioBp } ratioBp timesPerYear period roundsDone taskCount }`;
const CREATE_PLAN = `mutation($i: PlanInput!) { createPlan(input: $i) { ${PLAN_FIELDS} } }`;
const UPDATE_PLAN = `mutation($id: ID!, $i: PlanInput!) { updatePlan(id: $id, input: $i) { ${PLAN_FIELDS} } }`;
const DELETE_PLAN = 'mutation($id: ID!) { deletePlan(id: $id) { id } }';
const SHOW_PLAN = `query($id: ID!) { plan(id: $id) { ${PLAN_FIELDS} } }`;
const LIST_PLANS =
  'query($f: PlanFilter) { plans(filter: $f, page: { page: 1, perPage: 100 }) { total items { id name } } }';
const CREATE_TASK = 'mutation($i: TaskInput!) { createTask(input: $i) { id planId plan { id name } } }';

interface Line {
  itemId: string;
  ratioBp: number;
  timesPerYear: number;
  period?: string | null;
}

describe('yearly plans (年度抽查计划)', () => {
  let t: TestApp;
  let coordinator: string;
  let coordinator2: string;
  let manager: string;
  let admin: string;
  let bureau: string;
  let market: string;
  /** The bureau's items of this year, by name. */
  const items = new Map<string, { id: string; minRatioBp: number }>();
  let marketItem: string;
  let oldItem: string;
  let seq = 0;

  const item = (name: string) => {
    const found = [...items].find(([n]) => n.includes(name));
    if (!found) throw new Error(`no item ${name}`);
    return found[1].id;
  };
  const planInput = (lines: Line[], over: Record<string, unknown> = {}) => ({
    name: `${YEAR} 年度抽查计划 ${++seq}`,
    year: YEAR,
    lines,
    ...over,
  });
  const createPlan = async (lines: Line[], over: Record<string, unknown> = {}, token = coordinator) =>
    (await t.ok(CREATE_PLAN, { i: planInput(lines, over) }, token)).createPlan;
  const taskInput = (over: Record<string, unknown> = {}) => ({
    name: `${YEAR} 年抽查任务 ${++seq}`,
    year: YEAR,
    itemIds: [item('土地使用')],
    windowStart: `${YEAR}-12-01`,
    windowEnd: `${YEAR}-12-20`,
    ...over,
  });
  const planCount = async () => (await t.ok(LIST_PLANS, {}, admin)).plans.total as number;
  const field = (result: GqlResult<unknown>) => result.errors?.[0]?.extensions?.field;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.login('coordinator');
    coordinator2 = await t.login('coordinator2');
    manager = await t.login('manager');
    admin = await t.login('admin');
    const departments = await t.ok('{ departments(page: { page: 1, perPage: 100 }) { items { id code } } }');
    const byCode = new Map<string, string>(
      departments.departments.items.map((d: { id: string; code: string }) => [d.code, d.id]),
    );
    bureau = byCode.get('WG-ZRZY')!;
    market = byCode.get('WG-SCJG')!;
    const listed = await t.ok(
      'query($y: Int!, $d: ID!) { items(filter: { year: $y, departmentId: $d }, page: { page: 1, perPage: 100 }) { items { id name minRatioBp } } }',
      { y: YEAR, d: bureau },
    );
    for (const i of listed.items.items as { id: string; name: string; minRatioBp: number }[])
      items.set(i.name, i);
    marketItem = (
      await t.ok(
        'query($y: Int!, $d: ID!) { items(filter: { year: $y, departmentId: $d }) { items { id } } }',
        {
          y: YEAR,
          d: market,
        },
      )
    ).items.items[0].id;
    oldItem = (
      await t.ok('query($d: ID!) { items(filter: { year: 2023, departmentId: $d }) { items { id } } }', {
        d: bureau,
      })
    ).items.items[0].id;
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await t?.close();
  });

  it('come with the demo data: the bureau’s plan of this year over the seed document’s four items', async () => {
    const list = await t.ok(LIST_PLANS, { f: { year: YEAR } }, manager);
    expect(list.plans.total).toBe(1);
    const { plan } = await t.ok(SHOW_PLAN, { id: list.plans.items[0].id }, manager);
    expect(plan.departmentId).toBe(bureau);
    expect(
      plan.lines.map((l: { ratioBp: number; timesPerYear: number }) => [l.ratioBp, l.timesPerYear]),
    ).toEqual([
      [1000, 1],
      [3000, 1],
      [1000, 1],
      [1000, 1],
    ]);
    expect(plan.lines.every((l: { roundsDone: number }) => l.roundsDone === 0)).toBe(true);
  });

  it('are created for the coordinator’s own department, lines in the order of the item list', async () => {
    const plan = await createPlan(
      [
        { itemId: item('土地使用'), ratioBp: 1500, timesPerYear: 2, period: ' 第二、四季度 ' },
        { itemId: item('测绘资质'), ratioBp: 3000, timesPerYear: 1 },
      ],
      { remarks: '重点关注新设立企业' },
    );
    expect(plan.departmentId).toBe(bureau);
    expect(plan.cooperatingDepartmentIds).toEqual([]);
    expect(plan.taskCount).toBe(0);
    expect(plan.lines.map((l: { item: { name: string } }) => l.item.name)).toEqual([
      '测绘资质单位检查',
      '土地使用情况监督检查',
    ]);
    expect(plan.lines[1]).toMatchObject({
      ratioBp: 1500,
      timesPerYear: 2,
      period: '第二、四季度',
      roundsDone: 0,
    });
  });

  it('may be joint: the cooperating department sees it and may list its own items; others do not', async () => {
    const joint = await createPlan(
      [
        { itemId: item('土地使用'), ratioBp: 1000, timesPerYear: 1 },
        { itemId: marketItem, ratioBp: 500, timesPerYear: 1 },
      ],
      { cooperatingDepartmentIds: [market] },
    );
    expect(joint.cooperatingDepartmentIds).toEqual([market]);
    const seen = await t.ok(LIST_PLANS, { f: { year: YEAR } }, coordinator2);
    expect(seen.plans.items.map((p: { id: string }) => p.id)).toEqual([joint.id]);
    expect((await t.ok(SHOW_PLAN, { id: joint.id }, coordinator2)).plan.id).toBe(joint.id);

    // A market item needs the market bureau on board.
    const alone = await t.gql(
      CREATE_PLAN,
      {
        i: planInput([{ itemId: marketItem, ratioBp: 500, timesPerYear: 1 }]),
      },
      coordinator,
    );
    expect(errorCode(alone)).toBe('BAD_USER_INPUT');
    expect(alone.errors?.[0]?.message).toContain('does not take part in this plan');
  });

  it('are changed and deleted by the initiating department only, not by a cooperating one', async () => {
    const lines = [
      { itemId: item('土地使用'), ratioBp: 1000, timesPerYear: 1 },
      { itemId: marketItem, ratioBp: 500, timesPerYear: 1 },
    ];
    const joint = await createPlan(lines, { cooperatingDepartmentIds: [market] });
    const cooperator = coordinator2;
    // Neither in the initiator's name nor by taking the plan over for their own department.
    for (const i of [
      planInput(lines, { departmentId: bureau, cooperatingDepartmentIds: [market] }),
      planInput(lines, { cooperatingDepartmentIds: [bureau] }),
    ])
      expect(errorCode(await t.gql(UPDATE_PLAN, { id: joint.id, i }, cooperator))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(DELETE_PLAN, { id: joint.id }, cooperator))).toBe('FORBIDDEN');
    const kept = (await t.ok(SHOW_PLAN, { id: joint.id }, coordinator)).plan;
    expect(kept).toMatchObject({
      name: joint.name,
      departmentId: bureau,
      cooperatingDepartmentIds: [market],
    });
    expect((await t.ok(DELETE_PLAN, { id: joint.id }, coordinator)).deletePlan.id).toBe(joint.id);
  });

  it('stay out of reach of a coordinator of another department', async () => {
    const plan = await createPlan([{ itemId: item('土地使用'), ratioBp: 1000, timesPerYear: 1 }]);
    const listed = await t.ok(LIST_PLANS, { f: { ids: [plan.id] } }, coordinator2);
    expect(listed.plans.total).toBe(0);
    expect(errorCode(await t.gql(SHOW_PLAN, { id: plan.id }, coordinator2))).toBe('FORBIDDEN');
    const input = planInput([{ itemId: item('土地使用'), ratioBp: 2000, timesPerYear: 1 }]);
    expect(errorCode(await t.gql(UPDATE_PLAN, { id: plan.id, i: input }, coordinator2))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(DELETE_PLAN, { id: plan.id }, coordinator2))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(CREATE_PLAN, { i: { ...input, departmentId: bureau } }, coordinator2))).toBe(
      'FORBIDDEN',
    );
    // Managers read, and change nothing.
    expect((await t.ok(SHOW_PLAN, { id: plan.id }, manager)).plan.id).toBe(plan.id);
    expect(errorCode(await t.gql(DELETE_PLAN, { id: plan.id }, manager))).toBe('FORBIDDEN');
    expect((await t.ok(SHOW_PLAN, { id: plan.id }, coordinator)).plan.lines[0].ratioBp).toBe(1000);
  });

  it('refuse bad lines with a clear message and write nothing', async () => {
    const land = item('土地使用');
    const before = await planCount();
    const cases: [Line[], string, string][] = [
      [[{ itemId: land, ratioBp: 999, timesPerYear: 1 }], 'lines.0.ratioBp', 'below its minimum of 10%'],
      [
        [
          { itemId: land, ratioBp: 1000, timesPerYear: 1 },
          { itemId: '00000000-0000-0000-0000-000000000000', ratioBp: 1000, timesPerYear: 1 },
        ],
        'lines.1.itemId',
        'does not exist',
      ],
      [
        [
          { itemId: land, ratioBp: 1000, timesPerYear: 1 },
          { itemId: land, ratioBp: 2000, timesPerYear: 1 },
        ],
        'lines.1.itemId',
        'already on line 1',
      ],
      [[{ itemId: land, ratioBp: 1000, timesPerYear: 0 }], 'lines.0.timesPerYear', '0 times per year'],
      [[], 'lines', 'no lines'],
      [[{ itemId: oldItem, ratioBp: 1000, timesPerYear: 1 }], 'lines', 'is on the 2023 list'],
    ];
    for (const [lines, expectedField, message] of cases) {
      const result = await t.gql(CREATE_PLAN, { i: planInput(lines) }, coordinator);
      expect(errorCode(result), message).toBe('BAD_USER_INPUT');
      expect(field(result), message).toBe(expectedField);
      expect(result.errors?.[0]?.message, message).toContain(message);
    }
    expect(await planCount()).toBe(before);
    const zh = await t.app.execute(
      { query: CREATE_PLAN, variables: { i: planInput([{ itemId: land, ratioBp: 500, timesPerYear: 1 }]) } },
      `Bearer ${coordinator}`,
      'zh-CN',
    );
    expect((zh as GqlResult).errors?.[0]?.message).toContain('低于该事项的最低比例 10%');
  });

  it('carry tasks: a task of the plan must share its year, initiator, cooperating departments and items', async () => {
    const plan = await createPlan([
      { itemId: item('土地使用'), ratioBp: 1000, timesPerYear: 2 },
      { itemId: item('测绘资质'), ratioBp: 3000, timesPerYear: 1 },
    ]);
    const task = (await t.ok(CREATE_TASK, { i: taskInput({ planId: plan.id }) }, coordinator)).createTask;
    expect(task.plan).toEqual({ id: plan.id, name: plan.name });
    const shown = (await t.ok(SHOW_PLAN, { id: plan.id }, coordinator)).plan;
    expect(shown.taskCount).toBe(1);
    // A round set up is not a round completed: that waits for every visit of its task to be published.
    expect(
      shown.lines.map((l: { roundsDone: number; taskCount: number; timesPerYear: number }) => [
        l.taskCount,
        l.roundsDone,
        l.timesPerYear,
      ]),
    ).toEqual([
      [0, 0, 1],
      [1, 0, 2],
    ]);
    const tasks = await t.ok(
      'query($p: ID!) { tasks(filter: { planId: $p }) { total } }',
      { p: plan.id },
      coordinator,
    );
    expect(tasks.tasks.total).toBe(1);

    const misfits: [Record<string, unknown>, string, string][] = [
      [
        { year: 2023, itemIds: [oldItem], windowStart: '2023-12-01', windowEnd: '2023-12-20' },
        'year',
        `The task is for 2023 but plan "${plan.name}" is for ${YEAR}`,
      ],
      [{ itemIds: [item('矿山')] }, 'itemIds', '"矿山地质环境保护与土地复垦情况的监管" is not in plan'],
      [{ cooperatingDepartmentIds: [market] }, 'cooperatingDepartmentIds', 'do not take part in plan'],
    ];
    for (const [over, expectedField, message] of misfits) {
      const result = await t.gql(CREATE_TASK, { i: taskInput({ planId: plan.id, ...over }) }, coordinator);
      expect(errorCode(result), message).toBe('BAD_USER_INPUT');
      expect(field(result), message).toBe(expectedField);
      expect(result.errors?.[0]?.message, message).toContain(message);
    }
    expect((await t.ok(SHOW_PLAN, { id: plan.id }, coordinator)).plan.taskCount).toBe(1);

    // Another department's plan reads as missing.
    const foreign = await t.gql(
      CREATE_TASK,
      { i: taskInput({ planId: plan.id, itemIds: [marketItem] }) },
      coordinator2,
    );
    expect(errorCode(foreign)).toBe('BAD_USER_INPUT');
    expect(field(foreign)).toBe('planId');
  });

  it('keep their tasks fitting: dropping a line a task uses is refused, and so is deleting a plan with tasks', async () => {
    const plan = await createPlan([
      { itemId: item('土地使用'), ratioBp: 1000, timesPerYear: 1 },
      { itemId: item('测绘资质'), ratioBp: 3000, timesPerYear: 1 },
    ]);
    const task = (await t.ok(CREATE_TASK, { i: taskInput({ planId: plan.id }) }, coordinator)).createTask;

    const dropped = await t.gql(
      UPDATE_PLAN,
      { id: plan.id, i: planInput([{ itemId: item('测绘资质'), ratioBp: 3000, timesPerYear: 1 }]) },
      coordinator,
    );
    expect(errorCode(dropped)).toBe('CONFLICT');
    expect(dropped.errors?.[0]?.message).toContain('土地使用情况监督检查');

    const kept = plan.lines.find((l: { itemId: string }) => l.itemId === item('土地使用'));
    const updated = (
      await t.ok(
        UPDATE_PLAN,
        {
          id: plan.id,
          i: planInput(
            [
              { itemId: item('土地使用'), ratioBp: 2000, timesPerYear: 3 },
              { itemId: item('矿山'), ratioBp: 1000, timesPerYear: 1 },
            ],
            { name: '改名后的计划' },
          ),
        },
        coordinator,
      )
    ).updatePlan;
    expect(updated.name).toBe('改名后的计划');
    expect(updated.lines.map((l: { item: { name: string } }) => l.item.name)).toEqual([
      '土地使用情况监督检查',
      '矿山地质环境保护与土地复垦情况的监管',
    ]);
    expect(updated.lines[0]).toMatchObject({
      id: kept.id,
      ratioBp: 2000,
      timesPerYear: 3,
      taskCount: 1,
      roundsDone: 0,
    });

    const refused = await t.gql(DELETE_PLAN, { id: plan.id }, coordinator);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain('1 task(s) carry out this plan');

    await t.ok('mutation($id: ID!) { deleteTask(id: $id) { id } }', { id: task.id }, coordinator);
    await t.ok(DELETE_PLAN, { id: plan.id }, coordinator);
    expect((await t.ok(SHOW_PLAN, { id: plan.id }, coordinator)).plan).toBeNull();
  });
});
