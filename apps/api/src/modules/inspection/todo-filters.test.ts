/**
 * The filters behind the to-do lists (待办), each alone and combined, against what the test computes: draws
 * whose time has come (of a department's tasks), joint tasks awaiting the user's department's answer,
 * inspectors whose certificate expires within 90 days, and inspectors on duty without a sign-in.
 */
import { CERTIFICATE_WARNING_DAYS, addDays, chinaToday, chinaYear } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';

const YEAR = chinaYear();

describe('the to-do lists’ filters', () => {
  let t: TestApp;
  let coordinator: string;
  let coordinator2: string;
  let admin: string;
  let bureau: string;
  let market: string;
  let landItem: string;

  const newTask = async (name: string, over: Record<string, unknown> = {}) =>
    (
      await t.ok(
        'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
        {
          i: {
            name,
            year: YEAR,
            itemIds: [landItem],
            windowStart: `${YEAR}-12-01`,
            windowEnd: `${YEAR}-12-20`,
            ...over,
          },
        },
        coordinator,
      )
    ).createTask.id as string;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.login('coordinator');
    coordinator2 = await t.login('coordinator2');
    admin = await t.login('admin');
    const departments = (
      await t.ok('{ departments(page: { page: 1, perPage: 100 }) { items { id code } } }', {}, admin)
    ).departments.items as { id: string; code: string }[];
    bureau = departments.find((d) => d.code === 'WG-ZRZY')!.id;
    market = departments.find((d) => d.code === 'WG-SCJG')!.id;
    landItem = (
      await t.ok('query($y: Int!) { items(filter: { year: $y, q: "土地使用情况" }) { items { id } } }', {
        y: YEAR,
      })
    ).items.items[0].id;
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => t?.close());

  it('lists the draws whose time has come, of a department’s tasks', async () => {
    const DRAWS =
      'query($f: DrawFilter) { draws(filter: $f, page: { page: 1, perPage: 100 }) { items { id } } }';
    const ids = async (f: Record<string, unknown>) =>
      ((await t.ok(DRAWS, { f }, coordinator)).draws.items as { id: string }[]).map((d) => d.id);
    const taskId = await newTask('待办摇号任务');
    const drawId = (
      await t.ok(
        'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
        { i: { taskId, entropy: t.entropy() } },
        coordinator,
      )
    ).scheduleDraw.id as string;
    // Scheduled, its time not come.
    expect(await ids({ runnable: true })).not.toContain(drawId);
    expect(await ids({ runnable: false })).toContain(drawId);
    t.runnable();
    expect(await ids({ runnable: true })).toContain(drawId);
    expect(await ids({ runnable: false })).not.toContain(drawId);
    // Of the bureau's tasks, not the market bureau's; with the time come, both filters together.
    expect(await ids({ runnable: true, departmentId: bureau })).toContain(drawId);
    expect(await ids({ runnable: true, departmentId: market })).not.toContain(drawId);
    expect(await ids({ departmentId: market })).not.toContain(drawId);
  });

  it('lists the joint tasks awaiting the answer of the user’s department, not of the one asking', async () => {
    const TASKS =
      'query($f: TaskFilter) { tasks(filter: $f, page: { page: 1, perPage: 100 }) { total items { id } } }';
    const ids = async (f: Record<string, unknown>, token: string) =>
      ((await t.ok(TASKS, { f }, token)).tasks.items as { id: string }[]).map((d) => d.id);
    const joint = await newTask('待答复的联合任务', { cooperatingDepartmentIds: [market] });
    const alone = await newTask('本部门任务');
    expect(await ids({ awaitingAnswer: true }, coordinator2)).toContain(joint);
    expect(await ids({ awaitingAnswer: true }, coordinator2)).not.toContain(alone);
    expect(await ids({ awaitingAnswer: true }, coordinator)).not.toContain(joint);
    // With another filter: joint ones of this year.
    expect(await ids({ awaitingAnswer: true, joint: true, year: YEAR }, coordinator2)).toContain(joint);
    expect(await ids({ awaitingAnswer: true, year: YEAR - 1 }, coordinator2)).not.toContain(joint);
    // Answered: no longer awaiting.
    await t.ok('mutation($id: ID!) { acceptTask(taskId: $id) { id } }', { id: joint }, coordinator2);
    expect(await ids({ awaitingAnswer: true }, coordinator2)).not.toContain(joint);
  });

  it('lists the inspectors not transferred away whose certificate expires within 90 days, as 统计分析 counts them', async () => {
    const all = (
      await t.ok(
        '{ inspectors(page: { page: 1, perPage: 500 }) { items { id departmentId status certificateValidFrom certificateValidUntil } } }',
        {},
        admin,
      )
    ).inspectors.items as {
      id: string;
      departmentId: string;
      status: string;
      certificateValidFrom: string;
      certificateValidUntil: string;
    }[];
    const today = chinaToday();
    const until = addDays(today, CERTIFICATE_WARNING_DAYS);
    // Move one inspector's certificate to expire in 30 days, so that there is one at least.
    const one = all[0]!;
    const soon = addDays(today, 30);
    await t.app.orm.em
      .getConnection()
      .execute('update inspector set certificate_valid_until = ? where id = ?', [soon, one.id]);
    one.certificateValidUntil = soon;
    const expected = all
      .filter(
        (i) =>
          i.certificateValidFrom <= today &&
          today <= i.certificateValidUntil &&
          i.certificateValidUntil <= until,
      )
      .map((i) => i.id)
      .sort();
    const INSPECTORS =
      'query($f: InspectorFilter) { inspectors(filter: $f, page: { page: 1, perPage: 500 }) { items { id } } }';
    const ids = async (f: Record<string, unknown>) =>
      ((await t.ok(INSPECTORS, { f }, admin)).inspectors.items as { id: string }[]).map((i) => i.id).sort();
    expect(expected).toContain(one.id);
    expect(await ids({ certificateExpiring: true })).toEqual(expected);
    // Combined with a department.
    expect(await ids({ certificateExpiring: true, departmentId: one.departmentId })).toContain(one.id);
    expect(await ids({ certificateExpiring: true, status: 'TRANSFERRED' })).toEqual([]);
  });

  it('lists the inspectors without a user account (an import brings none), alone and with a status', async () => {
    const all = (
      await t.ok('{ inspectors(page: { page: 1, perPage: 500 }) { items { id status userId } } }', {}, admin)
    ).inspectors.items as { id: string; status: string; userId: string | null }[];
    const INSPECTORS =
      'query($f: InspectorFilter) { inspectors(filter: $f, page: { page: 1, perPage: 500 }) { items { id } total } }';
    const ids = async (f: Record<string, unknown>) =>
      ((await t.ok(INSPECTORS, { f }, admin)).inspectors.items as { id: string }[]).map((i) => i.id).sort();
    const without = all.filter((i) => i.userId === null).map((i) => i.id);
    const withAccount = all.filter((i) => i.userId !== null).map((i) => i.id);
    expect(without.length).toBeGreaterThan(0);
    expect(withAccount.length).toBeGreaterThan(0);
    expect(await ids({ hasAccount: false })).toEqual([...without].sort());
    expect(await ids({ hasAccount: true })).toEqual([...withAccount].sort());
    expect(await ids({ hasAccount: false, status: 'ON_DUTY' })).toEqual(
      all
        .filter((i) => i.userId === null && i.status === 'ON_DUTY')
        .map((i) => i.id)
        .sort(),
    );
  });
});
