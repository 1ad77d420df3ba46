import { RISK_CLASSES, chinaYear, quota } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements, isTotal } from '../../db/statements.js';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const YEAR = chinaYear();
const PROPOSAL = `id state year quarter taskIds departmentIds targetCount separateVisits jointVisits visitsSaved mergedTaskId
  tasks { id name } departments { id name } responses { departmentId state answeredByName reason }`;
const LIST = `query($y: Int!, $q: Int!) { mergeProposals(year: $y, quarter: $q) { ${PROPOSAL} } }`;
const PROPOSE = `mutation($ids: [ID!]!) { proposeMerge(taskIds: $ids) { ${PROPOSAL} } }`;
const RESPOND = `mutation($id: ID!, $a: Boolean!, $r: String) { respondToMergeProposal(id: $id, accept: $a, reason: $r) { ${PROPOSAL} } }`;
const TASK = `query($id: ID!) { task(id: $id) { id name departmentId cooperatingDepartmentIds itemIds scope regions tags riskClasses targetKinds
  windowStart windowEnd teamSize ready acceptances { departmentId state answeredByName } } }`;

describe('merge proposals (合并建议)', () => {
  let t: TestApp;
  let coordinator: string;
  let coordinator2: string;
  let outsider: string;
  let manager: string;
  let admin: string;
  let bureau: string;
  let market: string;
  let landItem: string;
  let marketItem: string;
  let seq = 0;

  /** A task of the bureau (coordinator) or of the market bureau (coordinator2). */
  const task = async (token: string, over: Record<string, unknown>) =>
    (
      await t.ok(
        'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
        {
          i: {
            name: `任务 ${++seq}`,
            year: YEAR,
            itemIds: [token === coordinator ? landItem : marketItem],
            ...over,
          },
        },
        token,
      )
    ).createTask.id as string;
  const list = async (quarter: number, token = coordinator) =>
    (await t.ok(LIST, { y: YEAR, q: quarter }, token)).mergeProposals as any[];
  /** 待办: the ids of the proposals awaiting the reader's department, and their total. */
  const awaiting = async (token: string) => {
    const page = (
      await t.ok(
        '{ mergeProposalsAwaiting(page: { page: 1, perPage: 100 }) { items { id state } total } }',
        {},
        token,
      )
    ).mergeProposalsAwaiting as { items: { id: string; state: string }[]; total: number };
    expect(page.total).toBe(page.items.length);
    return page.items.map((p) => p.id);
  };
  const pair = (proposals: any[], a: string, b: string) =>
    proposals.filter((p) => [a, b].every((id) => p.taskIds.includes(id)));

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    coordinator = await t.login('coordinator');
    coordinator2 = await t.login('coordinator2');
    manager = await t.login('manager');
    const departments = (
      await t.ok('{ departments(page: { page: 1, perPage: 100 }) { items { id code } } }', {}, admin)
    ).departments.items as { id: string; code: string }[];
    bureau = departments.find((d) => d.code === 'WG-ZRZY')!.id;
    market = departments.find((d) => d.code === 'WG-SCJG')!.id;
    const tax = (
      await t.ok(
        'mutation($i: DepartmentInput!) { createDepartment(input: $i) { id } }',
        { i: { name: '舞钢市税务局', code: 'WG-SW', kind: 'DEPARTMENT' } },
        admin,
      )
    ).createDepartment.id;
    await t.ok(
      'mutation($i: UserInput!) { createUser(input: $i) { id } }',
      {
        i: {
          username: 'tax-coordinator',
          displayName: '税务局 负责人',
          password: 'password-123',
          role: 'COORDINATOR',
          departmentId: tax,
        },
      },
      admin,
    );
    outsider = await t.login('tax-coordinator', 'password-123');
    const item = async (q: string) =>
      (
        await t.ok('query($y: Int!, $q: String) { items(filter: { year: $y, q: $q }) { items { id } } }', {
          y: YEAR,
          q,
        })
      ).items.items[0].id as string;
    landItem = await item('土地使用情况'); // 企业, 10%
    marketItem = await item('企业公示信息'); // 企业, 5%
  });
  afterAll(() => t.close());

  it('suggests merging tasks of two departments in a quarter, counting the shared targets and the visits saved', async () => {
    const region = '尚店镇';
    const land = await task(coordinator, { windowStart: `${YEAR}-01-05`, windowEnd: `${YEAR}-02-28` });
    const credit = await task(coordinator2, {
      scope: 'DIRECTED',
      regions: [region],
      windowStart: `${YEAR}-03-01`,
      windowEnd: `${YEAR}-03-31`,
    });
    // The credit task's pool (企业 in the region, not deregistered) lies within the land task's (every 企业),
    // so the targets shared are the credit pool, and one joint draw at 10% makes all the credit draw's visits.
    const inRegion: Record<string, number> = {};
    for (const riskClass of RISK_CLASSES)
      for (const status of ['ACTIVE', 'SUSPENDED'])
        inRegion[riskClass] =
          (inRegion[riskClass] ?? 0) +
          (
            await t.ok(
              'query($f: TargetFilter) { targets(filter: $f) { total } }',
              { f: { targetType: '企业', region, riskClass, status } },
              admin,
            )
          ).targets.total;
    const shared = Object.values(inRegion).reduce((a, b) => a + b, 0);
    const saved = RISK_CLASSES.reduce((sum, c) => sum + quota(inRegion[c] ?? 0, 500), 0);
    expect(shared).toBeGreaterThan(0);

    const [suggestion] = pair(await list(1), land, credit);
    expect(suggestion).toMatchObject({
      id: null,
      state: 'SUGGESTED',
      year: YEAR,
      quarter: 1,
      taskIds: [land, credit],
      departmentIds: [bureau, market],
      targetCount: shared,
      visitsSaved: saved,
      mergedTaskId: null,
      responses: [
        { departmentId: bureau, state: 'PENDING', answeredByName: null, reason: null },
        { departmentId: market, state: 'PENDING', answeredByName: null, reason: null },
      ],
    });
    expect(suggestion.separateVisits - suggestion.jointVisits).toBe(saved);
    expect(suggestion.tasks.map((x: { id: string }) => x.id)).toEqual([land, credit]);
    expect(suggestion.departments.map((d: { name: string }) => d.name)).toEqual([
      '舞钢市自然资源和规划局',
      '舞钢市市场监督管理局',
    ]);

    // Seen by the departments involved, their manager and administrators; nobody else.
    expect(pair(await list(1, coordinator2), land, credit)).toHaveLength(1);
    expect(pair(await list(1, manager), land, credit)).toHaveLength(1);
    expect(pair(await list(1, admin), land, credit)).toHaveLength(1);
    expect(pair(await list(1, outsider), land, credit)).toHaveLength(0);
    expect(errorCode(await t.gql(LIST, { y: YEAR, q: 1 }, await t.login('inspector')))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LIST, { y: YEAR, q: 5 }, coordinator))).toBe('BAD_USER_INPUT');
  });

  it('suggests nothing for tasks of one department, of different quarters, already drawn, or with no target in common', async () => {
    const quarter = 4;
    const within = { windowStart: `${YEAR}-10-01`, windowEnd: `${YEAR}-10-31` };
    const ours = await task(coordinator, within);
    const oursToo = await task(coordinator, within);
    const spanning = await task(coordinator2, { windowStart: `${YEAR}-09-20`, windowEnd: `${YEAR}-10-20` });
    const elsewhere = (region: string, token: string) =>
      task(token, { ...within, scope: 'DIRECTED', regions: [region] });
    const east = await elsewhere('尚店镇', coordinator);
    const west = await elsewhere('杨庄乡', coordinator2);
    const drawn = await task(coordinator2, within);
    await t.ok(
      'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
      { i: { taskId: drawn, entropy: t.entropy() } },
      coordinator2,
    );
    const found = await list(quarter, admin);
    expect(pair(found, ours, oursToo)).toEqual([]);
    expect(found.filter((p) => p.taskIds.includes(spanning))).toEqual([]);
    expect(found.filter((p) => p.taskIds.includes(drawn))).toEqual([]);
    expect(pair(found, east, west)).toEqual([]);
    expect(pair(found, ours, west)).toHaveLength(1);

    expect(errorCode(await t.gql(PROPOSE, { ids: [ours, oursToo] }, coordinator))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(PROPOSE, { ids: [ours, spanning] }, coordinator))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(PROPOSE, { ids: [east, west] }, coordinator))).toBe('BAD_USER_INPUT');
    const frozen = await t.gql(PROPOSE, { ids: [ours, drawn] }, coordinator);
    expect(errorCode(frozen)).toBe('CONFLICT');
    expect(frozen.errors?.[0]?.message).toMatch(/drawn task can no longer be merged/);
  });

  it('merges the tasks into one joint task, already accepted, once every department accepts', async () => {
    const first = await task(coordinator, {
      scope: 'DIRECTED',
      regions: ['尚店镇', '杨庄乡'],
      windowStart: `${YEAR}-04-01`,
      windowEnd: `${YEAR}-04-15`,
      teamSize: 3,
    });
    const second = await task(coordinator2, {
      scope: 'DIRECTED',
      regions: ['尚店镇'],
      tags: ['重点监管'],
      windowStart: `${YEAR}-04-10`,
      windowEnd: `${YEAR}-05-20`,
    });
    expect(errorCode(await t.gql(PROPOSE, { ids: [first, second] }, outsider))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(PROPOSE, { ids: [first, second] }, manager))).toBe('FORBIDDEN');

    const proposed = (await t.ok(PROPOSE, { ids: [first, second] }, coordinator)).proposeMerge;
    expect(proposed).toMatchObject({
      state: 'OPEN',
      quarter: 2,
      responses: [
        { departmentId: bureau, state: 'ACCEPTED', answeredByName: '执法监察股 负责人' },
        { departmentId: market, state: 'PENDING' },
      ],
    });
    expect(proposed.id).toEqual(expect.any(String));
    expect(proposed.visitsSaved).toBeGreaterThan(0);
    const listed = pair(await list(2), first, second);
    expect(listed.map((p) => [p.id, p.state])).toEqual([[proposed.id, 'OPEN']]);
    expect(errorCode(await t.gql(PROPOSE, { ids: [second, first] }, coordinator2))).toBe('CONFLICT');
    expect(errorCode(await t.gql(RESPOND, { id: proposed.id, a: true }, outsider))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(RESPOND, { id: proposed.id, a: true }, manager))).toBe('FORBIDDEN');
    // It awaits the market bureau's answer, on its to-do list; the proposer's department has answered.
    expect(await awaiting(coordinator2)).toContain(proposed.id);
    expect(await awaiting(coordinator)).not.toContain(proposed.id);
    expect(errorCode(await t.gql('{ mergeProposalsAwaiting { total } }', {}, manager))).toBe('FORBIDDEN');

    const merged = (await t.ok(RESPOND, { id: proposed.id, a: true }, coordinator2)).respondToMergeProposal;
    expect(merged.state).toBe('ACCEPTED');
    expect(await awaiting(coordinator2)).not.toContain(proposed.id);
    expect(merged.mergedTaskId).toEqual(expect.any(String));
    const joint = (await t.ok(TASK, { id: merged.mergedTaskId }, coordinator2)).task;
    expect(joint).toMatchObject({
      departmentId: bureau,
      cooperatingDepartmentIds: [market],
      scope: 'DIRECTED',
      regions: ['尚店镇', '杨庄乡'],
      tags: [], // the first task takes any tag
      riskClasses: [],
      targetKinds: [],
      windowStart: `${YEAR}-04-01`,
      windowEnd: `${YEAR}-05-20`,
      teamSize: 3,
      ready: true,
      acceptances: [
        { departmentId: market, state: 'ACCEPTED', answeredByName: '市场监管局 信用监管股负责人' },
      ],
    });
    expect([...joint.itemIds].sort()).toEqual([landItem, marketItem].sort());
    // Both departments list it (their lists read the task's department rows, written with it).
    const listedBy = async (token: string, departmentId: string) =>
      (
        await t.ok(
          'query($id: ID!, $d: ID!) { tasks(filter: { ids: [$id], departmentId: $d }) { total } }',
          { id: joint.id, d: departmentId },
          token,
        )
      ).tasks.total;
    expect(await listedBy(coordinator2, market)).toBe(1);
    expect(await listedBy(coordinator, bureau)).toBe(1);
    // The tasks it replaces are gone: not listed, not drawable.
    expect((await t.ok(TASK, { id: first }, coordinator)).task).toBeNull();
    expect((await t.ok(TASK, { id: second }, coordinator2)).task).toBeNull();
    expect(pair(await list(2), first, second).map((p) => p.state)).toEqual(['ACCEPTED']);
    expect(errorCode(await t.gql(RESPOND, { id: proposed.id, a: false, r: '晚了' }, coordinator2))).toBe(
      'CONFLICT',
    );
    // The joint task is ready: its draw can be scheduled at once, with teams from both departments.
    const draw = await t.ok(
      'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { team { size departments } } }',
      { i: { taskId: joint.id, entropy: t.entropy() } },
      coordinator2,
    );
    expect(draw.scheduleDraw.team).toEqual({ size: 3, departments: [bureau, market].sort() });
  });

  it('is closed by one department declining, with its reason, and the tasks stay as they were', async () => {
    const window = { windowStart: `${YEAR}-07-01`, windowEnd: `${YEAR}-07-31` };
    const first = await task(coordinator2, window);
    const second = await task(coordinator, window);
    const proposed = (await t.ok(PROPOSE, { ids: [first, second] }, coordinator2)).proposeMerge;
    expect(proposed.departmentIds).toEqual([market, bureau]);
    const blank = await t.gql(RESPOND, { id: proposed.id, a: false }, coordinator);
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0]?.extensions?.field).toBe('reason');

    expect(await awaiting(coordinator)).toContain(proposed.id);
    const declined = (
      await t.ok(RESPOND, { id: proposed.id, a: false, r: '本季度已安排现场检查' }, coordinator)
    ).respondToMergeProposal;
    // Closed by the decline, it awaits nobody.
    expect(await awaiting(coordinator)).not.toContain(proposed.id);
    expect(declined).toMatchObject({
      state: 'DECLINED',
      mergedTaskId: null,
      responses: [
        { departmentId: market, state: 'ACCEPTED' },
        { departmentId: bureau, state: 'DECLINED', reason: '本季度已安排现场检查' },
      ],
    });
    expect((await t.ok(TASK, { id: first }, coordinator2)).task.id).toBe(first);
    expect((await t.ok(TASK, { id: second }, coordinator)).task.id).toBe(second);
    // Declined once, it is not suggested again; a coordinator may still propose it anew.
    expect(pair(await list(3), first, second).map((p) => p.state)).toEqual(['DECLINED']);
    expect(errorCode(await t.gql(RESPOND, { id: proposed.id, a: true }, coordinator))).toBe('CONFLICT');
    expect((await t.ok(PROPOSE, { ids: [second, first] }, coordinator)).proposeMerge.state).toBe('OPEN');
    // While the departments decide, the tasks stay as proposed.
    const refused = await t.gql(
      'mutation($id: ID!) { deleteTask(id: $id) { id } }',
      { id: second },
      coordinator,
    );
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/merge proposal awaiting/);
  });

  it('lists the proposals awaiting a department at the same statements for a page of one and of fifty', async () => {
    for (const month of ['10', '11']) {
      const window = { windowStart: `${YEAR}-${month}-01`, windowEnd: `${YEAR}-${month}-20` };
      const ids = [await task(coordinator, window), await task(coordinator2, window)];
      await t.ok(PROPOSE, { ids }, coordinator);
    }
    const PAGE = `query($p: PageInput) { mergeProposalsAwaiting(page: $p) { items { ${PROPOSAL} } total } }`;
    const counts: number[] = [];
    const sizes: number[] = [];
    for (const perPage of [1, 50]) {
      let items = 0;
      const { statements } = await countStatements(t.app.orm, async () => {
        items = (await t.ok(PAGE, { p: { page: 1, perPage } }, coordinator2)).mergeProposalsAwaiting.items
          .length as number;
      });
      // The total is counted only when the page is full (a short first page is its own total).
      counts.push(statements.filter((q) => !isTotal(q)).length);
      sizes.push(items);
    }
    expect(sizes[0]).toBe(1);
    expect(sizes[1]).toBeGreaterThanOrEqual(2);
    expect(counts[0]).toBe(counts[1]);
  });
});
