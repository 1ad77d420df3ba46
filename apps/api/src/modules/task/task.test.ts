import { chinaYear } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const YEAR = chinaYear();
const TASK =
  'id name departmentId cooperatingDepartmentIds ready acceptances { departmentId departmentName state answeredByName answeredAt reason }';
const CREATE = `mutation($i: TaskInput!) { createTask(input: $i) { ${TASK} } }`;
const UPDATE = `mutation($id: ID!, $i: TaskInput!) { updateTask(id: $id, input: $i) { ${TASK} } }`;
const SHOW = `query($id: ID!) { task(id: $id) { ${TASK} } }`;
const ACCEPT = `mutation($id: ID!) { acceptTask(taskId: $id) { ${TASK} } }`;
const DECLINE = `mutation($id: ID!, $r: String!) { declineTask(taskId: $id, reason: $r) { ${TASK} } }`;
const DELETE = 'mutation($id: ID!) { deleteTask(id: $id) { id } }';
const LIST = 'query($ids: [ID!]) { tasks(filter: { ids: $ids }) { total items { id } } }';
const SCHEDULE = 'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }';

describe('tasks', () => {
  let t: TestApp;
  let coordinator: string;
  let coordinator2: string;
  let inspector: string;
  let marketInspector: string;
  let bureau: string;
  let market: string;
  let landItem: string;
  let marketItem: string;
  let seq = 0;

  /** A task of the bureau (the demo coordinator's department), joint with `cooperating` when given. */
  const input = (over: Record<string, unknown> = {}) => ({
    name: `联合任务 ${++seq}`,
    year: YEAR,
    itemIds: [landItem],
    windowStart: `${YEAR}-12-01`,
    windowEnd: `${YEAR}-12-20`,
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}, token = coordinator) =>
    (await t.ok(CREATE, { i: input(over) }, token)).createTask;
  const schedule = (taskId: string, token = coordinator) =>
    t.gql(SCHEDULE, { i: { taskId, entropy: t.entropy() } }, token);

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.login('coordinator');
    coordinator2 = await t.login('coordinator2');
    inspector = await t.login('inspector');
    const admin = await t.login('admin');
    const departments = (
      await t.ok('{ departments(page: { page: 1, perPage: 100 }) { items { id code } } }', {}, admin)
    ).departments.items as { id: string; code: string }[];
    const byCode = (code: string) => departments.find((d) => d.code === code)!.id;
    bureau = byCode('WG-ZRZY');
    market = byCode('WG-SCJG');
    await t.ok(
      'mutation($i: UserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          username: 'market-inspector',
          displayName: '市场监管检查员',
          password: 'password-123',
          role: 'INSPECTOR',
          departmentId: byCode('WG-SCJG-XY'),
        },
      },
      admin,
    );
    marketInspector = await t.login('market-inspector', 'password-123');
    const item = async (q: string) =>
      (
        await t.ok('query($y: Int!, $q: String) { items(filter: { year: $y, q: $q }) { items { id } } }', {
          y: YEAR,
          q,
        })
      ).items.items[0].id as string;
    landItem = await item('土地使用情况');
    marketItem = await item('企业公示信息');
  });
  afterAll(() => t.close());

  describe('a joint task (联合抽查)', () => {
    it('is drawn only once every cooperating department has accepted it', async () => {
      const task = await create({ cooperatingDepartmentIds: [market] });
      expect(task.ready).toBe(false);
      expect(task.acceptances).toEqual([
        {
          departmentId: market,
          departmentName: '舞钢市市场监督管理局',
          state: 'PENDING',
          answeredByName: null,
          answeredAt: null,
          reason: null,
        },
      ]);
      const early = await schedule(task.id);
      expect(errorCode(early)).toBe('CONFLICT');
      expect(early.errors?.[0]?.message).toMatch(
        /only once every cooperating department has accepted it; waiting for 舞钢市市场监督管理局 \(not answered\)/,
      );

      // The initiating department does not accept its own task; the cooperating one must say why it declines.
      expect(errorCode(await t.gql(ACCEPT, { id: task.id }, coordinator))).toBe('FORBIDDEN');
      const blank = await t.gql(DECLINE, { id: task.id, r: '  ' }, coordinator2);
      expect(errorCode(blank)).toBe('BAD_USER_INPUT');
      expect(blank.errors?.[0]?.extensions?.field).toBe('reason');

      const declined = (await t.ok(DECLINE, { id: task.id, r: '12 月人员不足' }, coordinator2)).declineTask;
      expect(declined.ready).toBe(false);
      expect(declined.acceptances[0]).toMatchObject({
        state: 'DECLINED',
        reason: '12 月人员不足',
        answeredByName: '市场监管局 信用监管股负责人',
      });
      expect((await schedule(task.id)).errors?.[0]?.message).toMatch(/declined: 12 月人员不足/);

      const accepted = (await t.ok(ACCEPT, { id: task.id }, coordinator2)).acceptTask;
      expect(accepted.ready).toBe(true);
      expect(accepted.acceptances[0]).toMatchObject({ state: 'ACCEPTED', reason: null });
      expect(Date.parse(accepted.acceptances[0].answeredAt)).toBeGreaterThan(Date.now() - 60_000);

      expect((await schedule(task.id)).errors).toBeUndefined();
      const late = await t.gql(DECLINE, { id: task.id, r: '改变主意' }, coordinator2);
      expect(errorCode(late)).toBe('CONFLICT');
      expect(late.errors?.[0]?.message).toMatch(/answers are final/);
    });

    it('asks the cooperating departments again when what they accepted changes, not for a new name', async () => {
      const task = await create({ cooperatingDepartmentIds: [market] });
      const over = { cooperatingDepartmentIds: [market], name: task.name };
      await t.ok(ACCEPT, { id: task.id }, coordinator2);

      const renamed = (
        await t.ok(UPDATE, { id: task.id, i: input({ ...over, name: '改名后的任务' }) }, coordinator)
      ).updateTask;
      expect(renamed.acceptances[0].state).toBe('ACCEPTED');

      const moved = (
        await t.ok(UPDATE, { id: task.id, i: input({ ...over, windowStart: `${YEAR}-11-01` }) }, coordinator)
      ).updateTask;
      expect(moved.ready).toBe(false);
      expect(moved.acceptances[0]).toMatchObject({ state: 'PENDING', answeredByName: null });

      await t.ok(ACCEPT, { id: task.id }, coordinator2);
      const alone = (await t.ok(UPDATE, { id: task.id, i: input() }, coordinator)).updateTask;
      expect(alone.acceptances).toEqual([]);
      expect(alone.ready).toBe(true);
      const again = (
        await t.ok(UPDATE, { id: task.id, i: input({ cooperatingDepartmentIds: [market] }) }, coordinator)
      ).updateTask;
      expect(again.acceptances[0].state).toBe('PENDING');
    });

    it('is never ready to draw while a department has not accepted, whatever the order of answers', async () => {
      const task = await create({ cooperatingDepartmentIds: [market] });
      await t.ok(ACCEPT, { id: task.id }, coordinator2);
      await t.ok(DECLINE, { id: task.id, r: '重复检查' }, coordinator2);
      expect((await t.ok(SHOW, { id: task.id }, coordinator)).task.ready).toBe(false);
      expect(errorCode(await schedule(task.id, coordinator2))).toBe('CONFLICT');
    });
  });

  describe('department scope', () => {
    it('keeps a coordinator out of another department’s task: no reading, changing, deleting, drawing or accepting', async () => {
      const task = await create();
      const outsider = coordinator2;
      expect(errorCode(await t.gql(SHOW, { id: task.id }, outsider))).toBe('FORBIDDEN');
      expect((await t.ok(LIST, { ids: [task.id] }, outsider)).tasks.total).toBe(0);
      expect(errorCode(await t.gql(UPDATE, { id: task.id, i: input() }, outsider))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(DELETE, { id: task.id }, outsider))).toBe('FORBIDDEN');
      expect(errorCode(await schedule(task.id, outsider))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(ACCEPT, { id: task.id }, outsider))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(DECLINE, { id: task.id, r: '无关' }, outsider))).toBe('FORBIDDEN');
      // Nor can they make a task in another department's name.
      expect(errorCode(await t.gql(CREATE, { i: input({ departmentId: bureau }) }, outsider))).toBe(
        'FORBIDDEN',
      );
      expect((await t.ok(SHOW, { id: task.id }, coordinator)).task.id).toBe(task.id);
    });

    it('shows a coordinator the joint tasks their department takes part in, as initiator or cooperator', async () => {
      const joint = await create({ cooperatingDepartmentIds: [market] });
      const theirs = await create({ itemIds: [marketItem] }, coordinator2);
      const theirsJoint = await create(
        { itemIds: [marketItem], cooperatingDepartmentIds: [bureau] },
        coordinator2,
      );
      const ids = [joint.id, theirs.id, theirsJoint.id];
      const seen = async (token: string) =>
        ((await t.ok(LIST, { ids }, token)).tasks.items as { id: string }[]).map((i) => i.id).sort();
      expect(await seen(coordinator2)).toEqual([joint.id, theirs.id, theirsJoint.id].sort());
      expect(await seen(coordinator)).toEqual([joint.id, theirsJoint.id].sort());
      expect((await t.ok(SHOW, { id: joint.id }, coordinator2)).task.departmentId).toBe(bureau);
      // The initiating coordinator accepts nothing.
      expect(errorCode(await t.gql(ACCEPT, { id: theirsJoint.id }, coordinator2))).toBe('FORBIDDEN');
      expect((await t.ok(ACCEPT, { id: theirsJoint.id }, coordinator)).acceptTask.ready).toBe(true);
    });

    it('lets only the initiating department change or delete a joint task, not a cooperating one', async () => {
      const joint = await create({ cooperatingDepartmentIds: [market] });
      const cooperator = coordinator2;
      // Neither in the initiator's name nor by taking the task over for their own department.
      for (const i of [
        input({ departmentId: bureau, cooperatingDepartmentIds: [market] }),
        input({ itemIds: [marketItem], cooperatingDepartmentIds: [bureau] }),
      ])
        expect(errorCode(await t.gql(UPDATE, { id: joint.id, i }, cooperator))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(DELETE, { id: joint.id }, cooperator))).toBe('FORBIDDEN');
      const kept = (await t.ok(SHOW, { id: joint.id }, coordinator)).task;
      expect(kept).toMatchObject({
        name: joint.name,
        departmentId: bureau,
        cooperatingDepartmentIds: [market],
      });
      expect((await t.ok(DELETE, { id: joint.id }, coordinator)).deleteTask.id).toBe(joint.id);
    });

    it('is listed by the departments it has after a change, not by those it had', async () => {
      const task = await create();
      const seen = async () =>
        ((await t.ok(LIST, { ids: [task.id] }, marketInspector)).tasks.items as unknown[]).length;
      expect(await seen()).toBe(0);
      await t.ok(UPDATE, { id: task.id, i: input({ cooperatingDepartmentIds: [market] }) }, coordinator);
      expect(await seen()).toBe(1);
      await t.ok(UPDATE, { id: task.id, i: input() }, coordinator);
      expect(await seen()).toBe(0);
    });

    it('shows an inspector only the tasks of their department, joint ones included, and lets them change nothing', async () => {
      const ours = await create();
      const joint = await create({ itemIds: [marketItem], cooperatingDepartmentIds: [bureau] }, coordinator2);
      const theirs = await create({ itemIds: [marketItem] }, coordinator2);
      const ids = [ours.id, joint.id, theirs.id];
      const seen = async (token: string) =>
        ((await t.ok(LIST, { ids }, token)).tasks.items as { id: string }[]).map((i) => i.id).sort();
      expect(await seen(inspector)).toEqual([ours.id, joint.id].sort());
      expect(await seen(marketInspector)).toEqual([joint.id, theirs.id].sort());
      expect((await t.ok(SHOW, { id: joint.id }, inspector)).task.id).toBe(joint.id);
      expect(errorCode(await t.gql(SHOW, { id: theirs.id }, inspector))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(UPDATE, { id: ours.id, i: input() }, inspector))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(ACCEPT, { id: joint.id }, inspector))).toBe('FORBIDDEN');
      expect(errorCode(await schedule(ours.id, inspector))).toBe('FORBIDDEN');
    });
  });
});
