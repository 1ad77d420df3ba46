/**
 * The PLANS, TASKS, INSPECTORS and registry figures on a small data set made through the real API, every
 * number worked out by hand below from the data set (not by the code under test), on SQLite and
 * PostgreSQL: each figure, each grouping, the 合计 row, period boundaries in China time, department
 * scope, the list behind a number, the plan page's rounds, bad requests and the .xlsx export.
 *
 * The data set (2026 unless said; the cut-off is 2026-06-20 10:00 China time):
 *
 * Departments A (with its unit A1) and B.
 * Targets  T1 甲类 ENTERPRISE B 镇一 ACTIVE      T2 甲类 ENTERPRISE C 镇一 ACTIVE
 *          T3 乙类 INDIVIDUAL B 镇二 ACTIVE      T4 乙类 ENTERPRISE B 镇二 SUSPENDED
 *          T5 丙类 UNIT       D 镇二 ACTIVE      T6 甲类+丙类 ENTERPRISE B 镇一 ACTIVE
 *          T7 甲类 PROJECT    C 镇三 DEREGISTERED (never drawn)   T8 deleted
 * Items    A: IA0 (2025, 甲类), IA1 (甲类), IA2 (乙类), IA3 (甲类); B: IB1 (丙类), IB2 (乙类)
 * Inspectors (expertise; certificate's last day):
 *          PA1 A1 on duty (土地, 测绘; 2030)   PA2 A on duty (土地; 2030)   PA6 A1 on duty (测绘; 2030)
 *          PA3 A on leave (测绘; 2026-07-15)   PA4 A1 transferred (2026-07-01)   PA5 A1 on leave (2026-09-19)
 *          PB1 B on duty (市场; 2030)   PB2 B on duty (市场; 2026-08-31)   PB3 B on duty (2026-09-18)
 *          PB4 B on leave (2026-06-19)   PB5 B deleted
 * Plans    P4 A 2025 (IA0 ×1), no task · P1 A (IA1 ×1, IA2 ×1) · P2 A+B joint (IA3 ×1, IB1 ×1) · P3 B (IB2 ×1)
 * Tasks (window start; draw run, China time; team; visits; state):
 *   K6 A ad hoc, 2025 IA0, 2025-12-31; drawn 2026-01-01 00:30 (土地: PA1 PA2); T1 T2 T6; none published
 *   K7 A ad hoc IA2, 2026-01-01; no draw
 *   K1 A of P1, IA1, 2026-03-01; drawn 03-05 (土地: PA1 PA2); T1 T2 T6; all published
 *   K5 B ad hoc IB2, 2026-04-01; drawn 04-02 (市场: PB1 PB2); T3 T4; all published
 *   K4 B of P3, IB2, 2026-04-10; draw scheduled for December, not run
 *   K2 A of P1, IA2, 2026-05-10; drawn 05-12 (测绘: PA1 PA6); T3 T4; one published
 *   K3 A+B joint of P2, IA3 + IB1, 2026-06-01; drawn 06-03 (all six on duty); T1 T2 T5 T6; all published
 *   K8 A ad hoc IA1, 2026-12-31; no draw          K9 A, deleted
 */
import {
  completeCreditCode,
  drillDown,
  figure,
  resolvePeriod,
  type Period,
  type StatisticsFilter,
} from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../db/statements.js';
import {
  declareEntropy,
  drandOutcome,
  errorCode,
  startTestApp,
  type GqlResult,
  type TestApp,
} from '../../test/harness.js';

const china = (at: string) => new Date(`${at}+08:00`);
let now = china('2025-12-01T09:00:00');

const TABLE = `query($f: StatFamily!, $p: PeriodInput!, $g: [StatDimension!]!, $x: StatisticsFilterInput) {
  statistics(family: $f, period: $p, groupBy: $g, filter: $x) {
    figures period { kind from to label } cutOff rows { keys labels values } total { keys labels values } } }`;
const EXPORT = `query($f: StatFamily!, $p: PeriodInput!, $g: [StatDimension!]!, $x: StatisticsFilterInput) {
  exportStatistics(family: $f, period: $p, groupBy: $g, filter: $x) { filename mimeType contentBase64 } }`;

type Values = Record<string, number | null>;
interface Table {
  figures: string[];
  period: { kind: string; from: string; to: string; label: string };
  cutOff: string;
  rows: { keys: string[]; labels: string[]; values: (number | null)[] }[];
  total: { keys: string[]; labels: string[]; values: (number | null)[] };
}

const YEAR_2026 = { kind: 'YEAR', year: 2026 };

describe('statistics of plans, tasks, inspectors and the registries', () => {
  let t: TestApp;
  let admin: string;
  let coordA: string;
  let coordB: string;
  let managerA: string;
  let managerB: string;
  let inspectorPA1: string;
  const id: Record<string, string> = {};
  let seq = 0;

  const asAdmin = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables, admin);
  const create = async (mutation: string, input: string, variables: Record<string, unknown>, token = admin) =>
    (
      await t.ok<Record<string, { id: string }>>(
        `mutation($i: ${input}!) { ${mutation}(input: $i) { id } }`,
        { i: variables },
        token,
      )
    )[mutation]!.id;

  const run = (
    family: string,
    groupBy: string[] = [],
    filter?: StatisticsFilter,
    period: object = YEAR_2026,
  ) => ({ f: family, p: period, g: groupBy, x: filter ?? null }) as Record<string, unknown>;
  const table = async (
    family: string,
    groupBy: string[] = [],
    filter?: StatisticsFilter,
    period: object = YEAR_2026,
    token = admin,
  ): Promise<Table> => (await t.ok(TABLE, run(family, groupBy, filter, period), token)).statistics;
  const named = (figures: string[], values: (number | null)[]): Values =>
    Object.fromEntries(figures.map((code, i) => [code, values[i] ?? null]));
  /** The 合计 row by figure code. */
  const total = async (...args: Parameters<typeof table>) => {
    const result = await table(...args);
    return named(result.figures, result.total.values);
  };
  /** The rows by their keys (joined with "/"), each by figure code. */
  const rows = async (...args: Parameters<typeof table>) => {
    const result = await table(...args);
    return Object.fromEntries(result.rows.map((r) => [r.keys.join('/'), named(result.figures, r.values)]));
  };
  /** Only some figures of each row. */
  const pick = (values: Record<string, Values>, codes: string[]) =>
    Object.fromEntries(
      Object.entries(values).map(([key, v]) => [key, Object.fromEntries(codes.map((c) => [c, v[c]]))]),
    );

  async function draw(
    taskId: string,
    token: string,
    classes: string[],
    options: { expertise?: string; runAfter?: Date; run?: boolean } = {},
  ): Promise<string> {
    const declared = declareEntropy(now);
    const drawId = (
      await t.ok(
        'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
        {
          i: {
            taskId,
            entropy: declared.entropy,
            ratios: classes.map((riskClass) => ({ riskClass, ratioBp: 10000 })),
            ...(options.expertise ? { expertise: options.expertise } : {}),
            ...(options.runAfter ? { runAfter: options.runAfter.toISOString() } : {}),
          },
        },
        token,
      )
    ).scheduleDraw.id;
    if (options.run !== false) {
      // The clock moves on the few seconds until the declared source is out.
      if (now < declared.runnableAt) now = declared.runnableAt;
      await t.ok(
        'mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }',
        { i: { drawId, publicEntropy: drandOutcome(++seq) } },
        token,
      );
    }
    return drawId;
  }

  /** Enters and publishes the results of the first `count` visits of a draw (all by default). */
  async function publish(drawId: string, enterer: string, reviewer: string, day: string, count?: number) {
    const visits = (
      await t.ok(
        'query($d: ID!) { inspections(filter: { drawId: $d }, page: { page: 1, perPage: 100 }) { items { id itemIds } } }',
        { d: drawId },
        reviewer,
      )
    ).inspections.items as { id: string; itemIds: string[] }[];
    for (const visit of visits.slice(0, count ?? visits.length)) {
      await t.ok(
        'mutation($i: ResultInput!) { enterResult(input: $i) { id } }',
        {
          i: {
            inspectionId: visit.id,
            items: visit.itemIds.map((itemId) => ({ itemId, category: 'NO_PROBLEM' })),
            methodsUsed: ['ON_SITE'],
            inspectedOn: day,
          },
        },
        enterer,
      );
      await t.ok(
        'mutation($i: ReviewInput!) { reviewResult(input: $i) { id } }',
        { i: { inspectionId: visit.id, approve: true } },
        reviewer,
      );
    }
    return visits.length;
  }

  const planLines = async (planId: string) =>
    Object.fromEntries(
      (
        await t.ok(
          'query($id: ID!) { plan(id: $id) { lines { itemId roundsDone taskCount } } }',
          { id: planId },
          admin,
        )
      ).plan.lines.map((l: { itemId: string; roundsDone: number; taskCount: number }) => [
        l.itemId,
        [l.taskCount, l.roundsDone],
      ]),
    );

  beforeAll(async () => {
    t = await startTestApp({ demo: false, clock: () => now });
    admin = await t.login('admin', 'first-admin-password');
    const department = (input: Record<string, unknown>) =>
      create('createDepartment', 'DepartmentInput', input);
    id.A = await department({ name: '甲局', code: 'A', kind: 'DEPARTMENT' });
    id.A1 = await department({ name: '甲局执法股', code: 'A1', kind: 'SECTION', parentId: id.A });
    id.B = await department({ name: '乙局', code: 'B', kind: 'DEPARTMENT' });
    const user = async (username: string, role: string, departmentId: string) => {
      const userId = await create('createUser', 'UserInput', {
        username,
        displayName: username,
        password: 'password-123',
        role,
        departmentId,
      });
      return { userId, token: () => t.login(username, 'password-123') };
    };
    coordA = await (await user('coord-a', 'COORDINATOR', id.A1)).token();
    coordB = await (await user('coord-b', 'COORDINATOR', id.B)).token();
    managerA = await (await user('manager-a', 'MANAGER', id.A)).token();
    managerB = await (await user('manager-b', 'MANAGER', id.B)).token();

    const item = (year: number, departmentId: string, name: string, targetType: string) =>
      create('createItem', 'ItemInput', {
        year,
        departmentId,
        name,
        legalBasis: '依据',
        inspectingBody: '检查主体',
        category: 'GENERAL',
        targetType,
        minRatioBp: 1000,
        timesPerYear: 1,
        methods: ['ON_SITE'],
      });
    id.IA0 = await item(2025, id.A, '甲事项〇', '甲类');
    id.IA1 = await item(2026, id.A, '甲事项一', '甲类');
    id.IA2 = await item(2026, id.A, '甲事项二', '乙类');
    id.IA3 = await item(2026, id.A, '甲事项三', '甲类');
    id.IB1 = await item(2026, id.B, '乙事项一', '丙类');
    id.IB2 = await item(2026, id.B, '乙事项二', '乙类');

    const target = (
      name: string,
      targetTypes: string[],
      kind: string,
      riskClass: string,
      region: string,
      status = 'ACTIVE',
    ) =>
      create('createTarget', 'TargetInput', {
        name,
        creditCode: completeCreditCode(`91410481${String(100000000 + ++seq * 7919).slice(-9)}`),
        kind,
        region,
        riskClass,
        status,
        targetTypes,
      });
    id.T1 = await target('对象一', ['甲类'], 'ENTERPRISE', 'B', '镇一');
    id.T2 = await target('对象二', ['甲类'], 'ENTERPRISE', 'C', '镇一');
    id.T3 = await target('对象三', ['乙类'], 'INDIVIDUAL', 'B', '镇二');
    id.T4 = await target('对象四', ['乙类'], 'ENTERPRISE', 'B', '镇二', 'SUSPENDED');
    id.T5 = await target('对象五', ['丙类'], 'UNIT', 'D', '镇二');
    id.T6 = await target('对象六', ['甲类', '丙类'], 'ENTERPRISE', 'B', '镇一');
    id.T7 = await target('对象七', ['甲类'], 'PROJECT', 'C', '镇三', 'DEREGISTERED');
    id.T8 = await target('对象八', ['甲类'], 'ENTERPRISE', 'B', '镇一');
    await asAdmin('mutation($id: ID!) { deleteTarget(id: $id) { id } }', { id: id.T8 });

    const inspector = (
      name: string,
      departmentId: string,
      status: string,
      until: string,
      expertise: string[] = [],
    ) =>
      create('createInspector', 'InspectorInput', {
        name,
        departmentId,
        certificateNumber: `CERT-${name}`,
        certificateValidFrom: '2024-01-01',
        certificateValidUntil: until,
        expertise,
        status,
      });
    id.PA1 = await inspector('PA1', id.A1, 'ON_DUTY', '2030-12-31', ['土地', '测绘']);
    id.PA2 = await inspector('PA2', id.A, 'ON_DUTY', '2030-12-31', ['土地']);
    id.PA3 = await inspector('PA3', id.A, 'ON_LEAVE', '2026-07-15', ['测绘']);
    id.PA4 = await inspector('PA4', id.A1, 'TRANSFERRED', '2026-07-01');
    id.PA5 = await inspector('PA5', id.A1, 'ON_LEAVE', '2026-09-19');
    id.PA6 = await inspector('PA6', id.A1, 'ON_DUTY', '2030-12-31', ['测绘']);
    id.PB1 = await inspector('PB1', id.B, 'ON_DUTY', '2030-12-31', ['市场']);
    id.PB2 = await inspector('PB2', id.B, 'ON_DUTY', '2026-08-31', ['市场']);
    id.PB3 = await inspector('PB3', id.B, 'ON_DUTY', '2026-09-18');
    id.PB4 = await inspector('PB4', id.B, 'ON_LEAVE', '2026-06-19');
    id.PB5 = await inspector('PB5', id.B, 'ON_DUTY', '2026-07-01');
    await asAdmin('mutation($id: ID!) { deleteInspector(id: $id) { id } }', { id: id.PB5 });
    const member = async (username: string, inspectorId: string, departmentId: string) => {
      const { userId, token } = await user(username, 'INSPECTOR', departmentId);
      await asAdmin(
        'mutation($id: ID!, $u: ID!) { updateInspector(id: $id, input: { userId: $u }) { id } }',
        {
          id: inspectorId,
          u: userId,
        },
      );
      return token();
    };
    inspectorPA1 = await member('member-pa1', id.PA1, id.A1);
    const inspectorPB1 = await member('member-pb1', id.PB1, id.B);

    const plan = (token: string, year: number, lines: [string, number][], cooperating: string[] = []) =>
      create(
        'createPlan',
        'PlanInput',
        {
          name: `计划 ${++seq}`,
          year,
          cooperatingDepartmentIds: cooperating,
          lines: lines.map(([itemId, timesPerYear]) => ({ itemId, ratioBp: 1000, timesPerYear })),
        },
        token,
      );
    id.P4 = await plan(coordA, 2025, [[id.IA0, 1]]);
    id.P1 = await plan(coordA, 2026, [
      [id.IA1, 1],
      [id.IA2, 1],
    ]);
    id.P2 = await plan(
      coordA,
      2026,
      [
        [id.IA3, 1],
        [id.IB1, 1],
      ],
      [id.B],
    );
    id.P3 = await plan(coordB, 2026, [[id.IB2, 1]]);

    const task = (
      token: string,
      name: string,
      itemIds: string[],
      windowStart: string,
      windowEnd: string,
      extra: Record<string, unknown> = {},
    ) =>
      create(
        'createTask',
        'TaskInput',
        { name, year: Number(windowStart.slice(0, 4)), itemIds, windowStart, windowEnd, ...extra },
        token,
      );
    id.K6 = await task(coordA, 'K6', [id.IA0], '2025-12-31', '2026-01-20');
    id.K7 = await task(coordA, 'K7', [id.IA2], '2026-01-01', '2026-01-31');
    id.K1 = await task(coordA, 'K1', [id.IA1], '2026-03-01', '2026-03-31', { planId: id.P1 });
    id.K5 = await task(coordB, 'K5', [id.IB2], '2026-04-01', '2026-04-30');
    id.K4 = await task(coordB, 'K4', [id.IB2], '2026-04-10', '2026-04-30', { planId: id.P3 });
    id.K2 = await task(coordA, 'K2', [id.IA2], '2026-05-10', '2026-06-30', { planId: id.P1 });
    id.K3 = await task(coordA, 'K3', [id.IA3, id.IB1], '2026-06-01', '2026-06-30', {
      planId: id.P2,
      cooperatingDepartmentIds: [id.B],
      teamSize: 6,
    });
    id.K8 = await task(coordA, 'K8', [id.IA1], '2026-12-31', '2026-12-31');
    id.K9 = await task(coordA, 'K9', [id.IA1], '2026-02-01', '2026-02-28');
    await t.ok('mutation($id: ID!) { deleteTask(id: $id) { id } }', { id: id.K9 }, coordA);
    await t.ok('mutation($id: ID!) { acceptTask(taskId: $id) { id } }', { id: id.K3 }, coordB);

    // After midnight in China on New Year's Day, still 2025 in UTC: a visit of 2026.
    now = china('2026-01-01T00:30:00');
    await draw(id.K6, coordA, ['B', 'C'], { expertise: '土地' });

    now = china('2026-03-05T10:00:00');
    id.D1 = await draw(id.K1, coordA, ['B', 'C'], { expertise: '土地' });
    // The plan page, before any result: the round has drawn, it is not completed.
    id.linesDrawn = JSON.stringify(await planLines(id.P1));
    now = china('2026-03-06T10:00:00');
    await publish(id.D1, inspectorPA1, coordA, '2026-03-06');

    now = china('2026-04-01T09:00:00');
    await draw(id.K4, coordB, ['B'], { runAfter: china('2026-12-01T09:00:00'), run: false });
    now = china('2026-04-02T09:00:00');
    const d5 = await draw(id.K5, coordB, ['B'], { expertise: '市场' });
    await publish(d5, inspectorPB1, coordB, '2026-04-02');

    now = china('2026-05-12T09:00:00');
    const d2 = await draw(id.K2, coordA, ['B'], { expertise: '测绘' });
    await publish(d2, inspectorPA1, coordA, '2026-05-12', 1);

    now = china('2026-06-03T09:00:00');
    const d3 = await draw(id.K3, coordA, ['B', 'C', 'D']);
    await publish(d3, inspectorPA1, coordA, '2026-06-03');

    now = china('2026-06-20T10:00:00');
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await t?.close();
  });

  describe('TASKS', () => {
    it('counts the tasks whose window starts in the period, by own/joint, origin and state', async () => {
      expect(await total('TASKS')).toEqual({
        tasks: 7, // K7 K1 K5 K4 K2 K3 K8 (K6 starts in 2025, K9 is deleted)
        ownTasks: 6,
        jointTasks: 1, // K3
        planTasks: 4, // K1 K2 K3 K4
        adHocTasks: 3, // K5 K7 K8
        tasksPending: 3, // K4 (scheduled, not run) K7 K8
        tasksRunning: 1, // K2
        tasksDone: 3, // K1 K3 K5
        taskCompletionRate: 3 / 7,
        jointTaskShare: 1 / 7,
      });
    });

    it('groups by department (a joint task under each), item, month, quarter, own/joint and origin; 合计 counts each task once', async () => {
      const byDepartment = await table('TASKS', ['DEPARTMENT']);
      expect(
        byDepartment.rows.map((r) => [r.keys[0], r.labels[0], named(byDepartment.figures, r.values)]),
      ).toEqual(
        expect.arrayContaining([
          [
            id.A,
            '甲局',
            {
              tasks: 5, // K1 K2 K3 K7 K8
              ownTasks: 4,
              jointTasks: 1,
              planTasks: 3,
              adHocTasks: 2,
              tasksPending: 2,
              tasksRunning: 1,
              tasksDone: 2,
              taskCompletionRate: 2 / 5,
              jointTaskShare: 1 / 5,
            },
          ],
          [
            id.B,
            '乙局',
            {
              tasks: 3, // K3 K4 K5
              ownTasks: 2,
              jointTasks: 1,
              planTasks: 2,
              adHocTasks: 1,
              tasksPending: 1,
              tasksRunning: 0,
              tasksDone: 2,
              taskCompletionRate: 2 / 3,
              jointTaskShare: 1 / 3,
            },
          ],
        ]),
      );
      expect(byDepartment.rows).toHaveLength(2);
      expect(named(byDepartment.figures, byDepartment.total.values).tasks).toBe(7);

      expect(pick(await rows('TASKS', ['ITEM']), ['tasks', 'tasksDone'])).toEqual({
        [id.IA1!]: { tasks: 2, tasksDone: 1 }, // K1 K8
        [id.IA2!]: { tasks: 2, tasksDone: 0 }, // K2 K7
        [id.IA3!]: { tasks: 1, tasksDone: 1 }, // K3
        [id.IB1!]: { tasks: 1, tasksDone: 1 }, // K3
        [id.IB2!]: { tasks: 2, tasksDone: 1 }, // K4 K5
      });
      const byMonth = await table('TASKS', ['MONTH']);
      expect(byMonth.rows.map((r) => [r.keys[0], named(byMonth.figures, r.values).tasks])).toEqual([
        ['2026-01', 1],
        ['2026-02', 0],
        ['2026-03', 1],
        ['2026-04', 2],
        ['2026-05', 1],
        ['2026-06', 1],
        ['2026-07', 0],
        ['2026-08', 0],
        ['2026-09', 0],
        ['2026-10', 0],
        ['2026-11', 0],
        ['2026-12', 1],
      ]);
      expect(pick(await rows('TASKS', ['QUARTER']), ['tasks'])).toEqual({
        '2026-Q1': { tasks: 2 },
        '2026-Q2': { tasks: 4 },
        '2026-Q4': { tasks: 1 },
      });
      expect(pick(await rows('TASKS', ['JOINT']), ['tasks', 'jointTaskShare'])).toEqual({
        OWN: { tasks: 6, jointTaskShare: 0 },
        JOINT: { tasks: 1, jointTaskShare: 1 },
      });
      expect(pick(await rows('TASKS', ['ORIGIN']), ['tasks', 'tasksPending'])).toEqual({
        PLAN: { tasks: 4, tasksPending: 1 },
        AD_HOC: { tasks: 3, tasksPending: 2 },
      });
      expect(pick(await rows('TASKS', ['DEPARTMENT', 'JOINT']), ['tasks'])).toEqual({
        [`${id.A}/OWN`]: { tasks: 4 },
        [`${id.A}/JOINT`]: { tasks: 1 },
        [`${id.B}/OWN`]: { tasks: 2 },
        [`${id.B}/JOINT`]: { tasks: 1 },
      });
    });

    it('narrows to a department (a unit standing for its department) and to an item, the filtered group alone', async () => {
      expect((await total('TASKS', [], { departmentId: id.A1 })).tasks).toBe(5);
      expect(pick(await rows('TASKS', ['DEPARTMENT'], { departmentId: id.B }), ['tasks'])).toEqual({
        [id.B!]: { tasks: 3 },
      });
      expect(pick(await rows('TASKS', ['ITEM'], { itemId: id.IB1 }), ['tasks', 'jointTasks'])).toEqual({
        [id.IB1!]: { tasks: 1, jointTasks: 1 },
      });
    });

    it('keeps to the period’s days: the first and last day in, the day before out', async () => {
      expect((await total('TASKS', [], undefined, { kind: 'YEAR', year: 2025 })).tasks).toBe(1); // K6
      expect((await total('TASKS', [], undefined, { kind: 'YEAR', year: 2025 })).tasksRunning).toBe(1);
      expect((await total('TASKS', [], undefined, { kind: 'QUARTER', year: 2026, quarter: 1 })).tasks).toBe(
        2,
      );
      expect((await total('TASKS', [], undefined, { kind: 'MONTH', year: 2026, month: 4 })).tasks).toBe(2);
      expect(
        (await total('TASKS', [], undefined, { kind: 'RANGE', from: '2025-12-31', to: '2026-01-01' })).tasks,
      ).toBe(2); // K6 K7
      expect(
        (await total('TASKS', [], undefined, { kind: 'RANGE', from: '2026-01-02', to: '2026-12-30' })).tasks,
      ).toBe(5);
    });

    it("shows department B's manager B's tasks and the joint one, none of A's own; A's manager the other way round", async () => {
      expect(await total('TASKS', [], undefined, YEAR_2026, managerB)).toEqual({
        tasks: 3, // K3 K4 K5
        ownTasks: 2,
        jointTasks: 1,
        planTasks: 2,
        adHocTasks: 1,
        tasksPending: 1,
        tasksRunning: 0,
        tasksDone: 2,
        taskCompletionRate: 2 / 3,
        jointTaskShare: 1 / 3,
      });
      // A's row holds only what B may see of A: the joint task.
      expect(pick(await rows('TASKS', ['DEPARTMENT'], undefined, YEAR_2026, managerB), ['tasks'])).toEqual({
        [id.A!]: { tasks: 1 },
        [id.B!]: { tasks: 3 },
      });
      expect((await total('TASKS', [], undefined, YEAR_2026, managerA)).tasks).toBe(5);
      expect((await total('TASKS', [], undefined, YEAR_2026, coordB)).ownTasks).toBe(2);
    });
  });

  describe('PLANS', () => {
    it('counts the plans of the period’s years and their rounds, a round completed only once its task is all published', async () => {
      expect(await total('PLANS')).toEqual({
        plans: 3, // P1 P2 P3
        ownPlans: 2,
        jointPlans: 1,
        plansPending: 1, // P3: its task's draw is only scheduled
        plansRunning: 1, // P1: K2 has a visit not published
        plansDone: 1, // P2
        roundsPlanned: 5, // P1 2 + P2 2 + P3 1
        roundsDone: 3, // P1: IA1 (K1); P2: IA3 and IB1 (K3)
        planCompletionRate: 3 / 5,
      });
      expect(pick(await rows('PLANS', ['DEPARTMENT']), ['plans', 'roundsPlanned', 'roundsDone'])).toEqual({
        [id.A!]: { plans: 2, roundsPlanned: 4, roundsDone: 3 },
        [id.B!]: { plans: 2, roundsPlanned: 3, roundsDone: 2 },
      });
      expect(pick(await rows('PLANS', ['JOINT']), ['plans', 'plansDone', 'planCompletionRate'])).toEqual({
        OWN: { plans: 2, plansDone: 0, planCompletionRate: 1 / 3 },
        JOINT: { plans: 1, plansDone: 1, planCompletionRate: 1 },
      });
    });

    it('takes every plan of every year a period touches', async () => {
      expect(await total('PLANS', [], undefined, { kind: 'YEAR', year: 2025 })).toMatchObject({
        plans: 1,
        plansPending: 1,
        roundsPlanned: 1,
        roundsDone: 0,
      });
      expect(
        (await total('PLANS', [], undefined, { kind: 'RANGE', from: '2025-12-01', to: '2026-01-31' })).plans,
      ).toBe(4);
      expect((await total('PLANS', [], undefined, { kind: 'MONTH', year: 2026, month: 2 })).plans).toBe(3);
    });

    it('keeps to the scope: B sees its plan and the joint one', async () => {
      expect(await total('PLANS', [], undefined, YEAR_2026, managerB)).toMatchObject({
        plans: 2,
        ownPlans: 1,
        jointPlans: 1,
        plansPending: 1,
        plansRunning: 0,
        plansDone: 1,
        roundsPlanned: 3,
        roundsDone: 2,
      });
    });

    it('shows on the plan page the same rounds: none completed when the draw has run and results are missing', async () => {
      // [tasks, rounds completed] per line, just after K1 drew and before any result.
      expect(JSON.parse(id.linesDrawn!)).toEqual({ [id.IA1!]: [1, 0], [id.IA2!]: [1, 0] });
      expect(await planLines(id.P1!)).toEqual({ [id.IA1!]: [1, 1], [id.IA2!]: [1, 0] });
      expect(await planLines(id.P2!)).toEqual({ [id.IA3!]: [1, 1], [id.IB1!]: [1, 1] });
      expect(await planLines(id.P3!)).toEqual({ [id.IB2!]: [1, 0] });
    });
  });

  describe('INSPECTORS', () => {
    it('counts team places on the visits drawn in the period (China days), distinct inspectors and the spread of their loads', async () => {
      // Visits per inspector in 2026: PA1 3+3+2+4 = 12, PA2 3+3+4 = 10, PA6 2+4 = 6, PB1 2+4 = 6,
      // PB2 2+4 = 6, PB3 4; the median of 4 6 6 6 10 12 is 6.
      expect(await total('INSPECTORS')).toEqual({
        inspectorVisits: 44,
        distinctInspectors: 6,
        assignmentsMin: 4,
        assignmentsMedian: 6,
        assignmentsMax: 12,
        expiringCertificates: 3, // PA3 (on leave), PB2, PB3 (the 90th day)
      });
      // K6 drew at 00:30 on New Year's Day in China, still 2025 in UTC: not a visit of 2025.
      expect(await total('INSPECTORS', [], undefined, { kind: 'YEAR', year: 2025 })).toMatchObject({
        inspectorVisits: 0,
        distinctInspectors: 0,
        assignmentsMin: null,
        assignmentsMedian: null,
        assignmentsMax: null,
      });
      expect(
        (await total('INSPECTORS', [], undefined, { kind: 'MONTH', year: 2026, month: 1 })).inspectorVisits,
      ).toBe(6);
      // March and April: PA1 3, PA2 3, PB1 2, PB2 2: the mean of the middle two.
      expect(
        await total('INSPECTORS', [], undefined, { kind: 'RANGE', from: '2026-03-01', to: '2026-04-30' }),
      ).toMatchObject({ inspectorVisits: 10, distinctInspectors: 4, assignmentsMedian: 2.5 });
    });

    it('groups by the inspector’s department (units rolled up), by month and by quarter', async () => {
      expect(await rows('INSPECTORS', ['DEPARTMENT'])).toEqual({
        [id.A!]: {
          inspectorVisits: 28,
          distinctInspectors: 3,
          assignmentsMin: 6,
          assignmentsMedian: 10,
          assignmentsMax: 12,
          expiringCertificates: 1,
        },
        [id.B!]: {
          inspectorVisits: 16,
          distinctInspectors: 3,
          assignmentsMin: 4,
          assignmentsMedian: 6,
          assignmentsMax: 6,
          expiringCertificates: 2,
        },
      });
      const byMonth = await rows('INSPECTORS', ['MONTH']);
      expect(pick(byMonth, ['inspectorVisits', 'distinctInspectors', 'expiringCertificates'])).toMatchObject({
        '2026-01': { inspectorVisits: 6, distinctInspectors: 2, expiringCertificates: 0 },
        '2026-02': { inspectorVisits: 0, distinctInspectors: 0, expiringCertificates: 0 },
        '2026-03': { inspectorVisits: 6, distinctInspectors: 2, expiringCertificates: 0 },
        '2026-04': { inspectorVisits: 4, distinctInspectors: 2, expiringCertificates: 0 },
        '2026-05': { inspectorVisits: 4, distinctInspectors: 2, expiringCertificates: 0 },
        '2026-06': { inspectorVisits: 24, distinctInspectors: 6, expiringCertificates: 0 },
        // Certificates count under the month they expire in.
        '2026-07': { inspectorVisits: 0, expiringCertificates: 1 },
        '2026-08': { inspectorVisits: 0, expiringCertificates: 1 },
        '2026-09': { inspectorVisits: 0, expiringCertificates: 1 },
      });
      // Q2: PA1 2+4, PA2 4, PA6 2+4, PB1 2+4, PB2 2+4, PB3 4.
      expect((await rows('INSPECTORS', ['QUARTER']))['2026-Q2']).toEqual({
        inspectorVisits: 32,
        distinctInspectors: 6,
        assignmentsMin: 4,
        assignmentsMedian: 6,
        assignmentsMax: 6,
        expiringCertificates: 0,
      });
    });

    it("keeps to the scope of the inspectors' departments", async () => {
      expect(await total('INSPECTORS', [], undefined, YEAR_2026, managerB)).toEqual({
        inspectorVisits: 16,
        distinctInspectors: 3,
        assignmentsMin: 4,
        assignmentsMedian: 6,
        assignmentsMax: 6,
        expiringCertificates: 2,
      });
      expect(await total('INSPECTORS', [], { departmentId: id.A1 })).toMatchObject({
        inspectorVisits: 28,
        expiringCertificates: 1,
      });
    });
  });

  describe('the registries', () => {
    it('count targets by kind, risk class, region and status, whoever asks', async () => {
      expect(await total('TARGET_REGISTRY')).toEqual({ targets: 7 });
      expect(await rows('TARGET_REGISTRY', ['TARGET_KIND'])).toEqual({
        ENTERPRISE: { targets: 4 },
        INDIVIDUAL: { targets: 1 },
        PROJECT: { targets: 1 },
        UNIT: { targets: 1 },
      });
      expect(await rows('TARGET_REGISTRY', ['RISK_CLASS'])).toEqual({
        B: { targets: 4 },
        C: { targets: 2 },
        D: { targets: 1 },
      });
      expect(await rows('TARGET_REGISTRY', ['REGION', 'TARGET_STATUS'])).toEqual({
        '镇一/ACTIVE': { targets: 3 },
        '镇二/ACTIVE': { targets: 2 },
        '镇二/SUSPENDED': { targets: 1 },
        '镇三/DEREGISTERED': { targets: 1 },
      });
      expect(
        await total('TARGET_REGISTRY', [], { region: '镇二', riskClass: 'B' }, YEAR_2026, managerB),
      ).toEqual({
        targets: 2,
      });
      const labels = await table('TARGET_REGISTRY', ['TARGET_STATUS']);
      expect(labels.rows.map((r) => r.labels[0])).toEqual(['Active', 'Deregistered', 'Suspended']);
    });

    it('count inspectors by department (units rolled up), each expertise tag and status, in scope', async () => {
      expect(await total('INSPECTOR_REGISTRY')).toEqual({ inspectors: 10 });
      expect(await rows('INSPECTOR_REGISTRY', ['DEPARTMENT'])).toEqual({
        [id.A!]: { inspectors: 6 },
        [id.B!]: { inspectors: 4 },
      });
      expect(await rows('INSPECTOR_REGISTRY', ['EXPERTISE'])).toEqual({
        土地: { inspectors: 2 },
        测绘: { inspectors: 3 },
        市场: { inspectors: 2 },
      });
      expect(await rows('INSPECTOR_REGISTRY', ['INSPECTOR_STATUS'])).toEqual({
        ON_DUTY: { inspectors: 6 },
        ON_LEAVE: { inspectors: 3 },
        TRANSFERRED: { inspectors: 1 },
      });
      expect(await rows('INSPECTOR_REGISTRY', ['INSPECTOR_STATUS'], undefined, YEAR_2026, managerB)).toEqual({
        ON_DUTY: { inspectors: 3 },
        ON_LEAVE: { inspectors: 1 },
      });
      expect(await total('INSPECTOR_REGISTRY', [], { departmentId: id.A1 })).toEqual({ inspectors: 6 });
    });
  });

  describe('the list behind a number', () => {
    const LISTS: Record<string, string> = {
      tasks: 'query($f: TaskFilter) { tasks(filter: $f, page: { page: 1, perPage: 1 }) { total } }',
      targets: 'query($f: TargetFilter) { targets(filter: $f, page: { page: 1, perPage: 1 }) { total } }',
      inspectors:
        'query($f: InspectorFilter) { inspectors(filter: $f, page: { page: 1, perPage: 1 }) { total } }',
    };
    const periodOf = (input: Parameters<typeof resolvePeriod>[0]): Period => {
      const r = resolvePeriod(input);
      if (!r.ok) throw new Error(r.message.en);
      return r.period;
    };

    /** Every count of every row and of 合计 against the total of its list, as the caller sees both. */
    async function compare(
      family: string,
      groupBy: string[],
      filter: StatisticsFilter = {},
      token = admin,
      periodInput: Parameters<typeof resolvePeriod>[0] = { kind: 'YEAR', year: 2026 },
    ) {
      const shown = await table(family, groupBy, filter, periodInput, token);
      const period = periodOf(periodInput);
      const mismatches: string[] = [];
      let compared = 0;
      for (const row of [...shown.rows, shown.total]) {
        const keys = Object.fromEntries(groupBy.map((dim, i) => [dim, row.keys[i]]).filter(([, k]) => k));
        for (const [i, code] of shown.figures.entries()) {
          const list = drillDown(code, period, filter, keys);
          if (!list || figure(code)?.kind !== 'count') continue;
          const listed = (await t.ok(LISTS[list.resource]!, { f: list.filter }, token))[list.resource].total;
          compared++;
          if (listed !== row.values[i])
            mismatches.push(`${code} ${JSON.stringify(keys)}: ${row.values[i]} ≠ ${listed}`);
        }
      }
      expect(mismatches).toEqual([]);
      return compared;
    }

    it('lists as many tasks as each TASKS figure counts, in every row, for admin and for a scoped manager', async () => {
      expect(await compare('TASKS', ['DEPARTMENT'])).toBe(3 * 8);
      expect(await compare('TASKS', ['QUARTER', 'ORIGIN'])).toBeGreaterThan(8);
      expect(await compare('TASKS', ['ITEM'], { departmentId: id.A! })).toBeGreaterThan(8);
      // The row of own tasks has no list of joint ones, and the other way round.
      expect(await compare('TASKS', ['JOINT'], {}, managerB)).toBe(3 * 8 - 2);
      expect(
        await compare('TASKS', ['MONTH'], {}, managerA, { kind: 'QUARTER', year: 2026, quarter: 2 }),
      ).toBe(4 * 8);
    });

    it('lists as many targets and inspectors as the registry figures count', async () => {
      expect(await compare('TARGET_REGISTRY', ['REGION', 'TARGET_STATUS'])).toBe(5);
      expect(await compare('TARGET_REGISTRY', ['RISK_CLASS'], { targetKind: 'ENTERPRISE' }, coordB)).toBe(3);
      expect(await compare('INSPECTOR_REGISTRY', ['DEPARTMENT', 'INSPECTOR_STATUS'])).toBe(6);
      expect(await compare('INSPECTOR_REGISTRY', ['EXPERTISE'])).toBe(4);
      expect(await compare('INSPECTOR_REGISTRY', ['INSPECTOR_STATUS'], {}, managerA)).toBe(4);
    });

    it('filters the task list by state, origin and window, and refuses a window that is not days or ends first', async () => {
      const listed = async (f: Record<string, unknown>, token = admin) =>
        (await t.ok(LISTS.tasks!, { f }, token)).tasks.total;
      expect(await listed({ progress: 'RUNNING' })).toBe(2); // K2, and K6 of 2025
      expect(await listed({ progress: 'DONE', joint: false })).toBe(2); // K1 K5
      expect(await listed({ fromPlan: true, departmentId: id.B })).toBe(2); // K3 K4
      expect(await listed({ windowFrom: '2026-01-01', windowTo: '2026-01-01' })).toBe(1);
      expect(await listed({ itemId: id.IA1, progress: 'PENDING' }, managerA)).toBe(1); // K8
      const notADay = await t.gql(LISTS.tasks!, { f: { windowFrom: '2026-02-30' } }, admin);
      expect(errorCode(notADay)).toBe('BAD_USER_INPUT');
      expect(notADay.errors?.[0]?.message).toContain('"2026-02-30" is not a day');
      const backwards = await t.gql(
        LISTS.tasks!,
        { f: { windowFrom: '2026-03-01', windowTo: '2026-02-01' } },
        admin,
      );
      expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
      expect(backwards.errors?.[0]?.message).toContain('before it starts');
    });
  });

  describe('requests', () => {
    const refused = async (variables: Record<string, unknown>, token = admin) => {
      const result: GqlResult = await t.gql(TABLE, variables, token);
      return {
        code: errorCode(result),
        message: result.errors?.[0]?.message ?? '',
        field: result.errors?.[0]?.extensions?.field,
      };
    };

    it('refuses a dimension the family lacks, an unknown one, a filter that does not apply, bad periods', async () => {
      expect(await refused(run('PLANS', ['ITEM']))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'groupBy',
      });
      expect((await refused(run('TASKS', ['COLOUR']))).code).not.toBeNull();
      expect(await refused(run('TARGET_REGISTRY', [], { departmentId: id.A! }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'departmentId',
      });
      const backwards = await refused(
        run('TASKS', [], undefined, { kind: 'RANGE', from: '2026-03-02', to: '2026-03-01' }),
      );
      expect(backwards).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(backwards.message).toContain('before it starts');
      expect((await refused(run('TASKS', [], undefined, { kind: 'YEAR', year: 1999 }))).code).toBe(
        'BAD_USER_INPUT',
      );
      expect((await refused(run('TASKS', [], { departmentId: 'no-such-department' }))).message).toContain(
        'does not exist',
      );
    });

    it("refuses B's manager A's department, and an inspector every statistic", async () => {
      expect((await refused(run('TASKS', [], { departmentId: id.A! }), managerB)).code).toBe('FORBIDDEN');
      expect((await refused(run('TASKS'), inspectorPA1)).code).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(EXPORT, run('TASKS'), inspectorPA1))).toBe('FORBIDDEN');
    });

    it('costs the same few statements whatever the grouping', async () => {
      const counts: number[] = [];
      for (const groupBy of [[], ['DEPARTMENT'], ['QUARTER', 'ORIGIN']]) {
        const { statements } = await countStatements(t.app.orm, () =>
          t.ok(TABLE, run('TASKS', groupBy), admin),
        );
        counts.push(statements.length);
      }
      expect(Math.max(...counts)).toBeLessThanOrEqual(8);
    });
  });

  describe('the export', () => {
    async function workbook(variables: Record<string, unknown>, locale: 'en' | 'zh-CN', token = admin) {
      const result = (await t.app.execute(
        { query: EXPORT, variables },
        `Bearer ${token}`,
        locale,
      )) as GqlResult<{
        exportStatistics: { filename: string; mimeType: string; contentBase64: string };
      }>;
      expect(result.errors).toBeUndefined();
      const file = result.data!.exportStatistics;
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
      const sheet = book.worksheets[0]!;
      const cells: { value: unknown; numFmt: string }[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row, n) => {
        cells[n - 1] = [];
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          cells[n - 1]![c - 1] = { value: cell.value, numFmt: cell.numFmt };
        });
      });
      return { file, cells, sheet };
    }
    const shownIn = async (variables: Record<string, unknown>, locale: 'en' | 'zh-CN', token = admin) =>
      (
        (await t.app.execute({ query: TABLE, variables }, `Bearer ${token}`, locale)) as GqlResult<{
          statistics: Table;
        }>
      ).data!.statistics;

    it('writes the table as shown: title, period, filters, cut-off, header, rows by name, 合计, rates as percentages', async () => {
      const variables = run('TASKS', ['DEPARTMENT', 'JOINT'], { itemId: id.IA1! });
      const shown = await shownIn(variables, 'zh-CN', managerA);
      const { file, cells } = await workbook(variables, 'zh-CN', managerA);
      expect(file.filename).toBe('statistics-tasks-2026-06-20.xlsx');
      expect(cells[0]![0]!.value).toBe('统计分析：抽查任务');
      expect(cells[1]![0]!.value).toBe('统计期间：2026 年');
      expect(cells[2]![0]!.value).toBe('筛选条件：抽查事项：甲事项一（2026）');
      expect(cells[3]![0]!.value).toBe('截至 2026-06-20 10:00（北京时间）');
      const header = cells[5]!.map((c) => c.value);
      expect(header).toEqual([
        '部门',
        '本部门/跨部门',
        ...shown.figures.map((code) => figure(code)!.label['zh-CN']),
      ]);
      expect(header).toContain('任务完成率');
      const body = cells.slice(6);
      expect(body).toHaveLength(shown.rows.length + 1);
      for (const [r, row] of [...shown.rows, { ...shown.total, labels: ['合计', ''] }].entries()) {
        const line = body[r]!;
        expect(line.slice(0, 2).map((c) => c.value ?? '')).toEqual(row.labels);
        for (const [i, code] of shown.figures.entries()) {
          const cell = line[2 + i]!;
          expect(cell.value, `${row.labels.join('/')} ${code}`).toBe(row.values[i] ?? '—');
          if (figure(code)!.kind === 'rate' && row.values[i] != null) expect(cell.numFmt).toBe('0.0%');
        }
      }
      // K1 and K8 of A, both own: one row, and the 合计.
      expect(shown.rows.map((r) => r.labels)).toEqual([['甲局', '本部门']]);
      expect(named(shown.figures, shown.total.values)).toMatchObject({
        tasks: 2,
        tasksDone: 1,
        taskCompletionRate: 0.5,
      });
    });

    it('speaks the reader’s language and names a table grouped by nothing 合计 (Total)', async () => {
      const variables = run(
        'INSPECTORS',
        [],
        { departmentId: id.B! },
        { kind: 'QUARTER', year: 2026, quarter: 2 },
      );
      const shown = await shownIn(variables, 'en');
      const { cells } = await workbook(variables, 'en');
      expect(cells.slice(0, 4).map((row) => row[0]!.value)).toEqual([
        'Statistics: Inspectors taking part',
        'Period: 2026 Q2',
        'Filters: Department: 乙局',
        'As of 2026-06-20 10:00 (China time)',
      ]);
      expect(cells[5]!.map((c) => c.value ?? '')).toEqual([
        '',
        ...shown.figures.map((c) => figure(c)!.label.en),
      ]);
      expect(cells[6]!.map((c) => c.value)).toEqual(['Total', ...shown.total.values.map((v) => v ?? '—')]);
      // Q2 for B: PB1 2+4, PB2 2+4, PB3 4.
      expect(named(shown.figures, shown.total.values)).toEqual({
        inspectorVisits: 16,
        distinctInspectors: 3,
        assignmentsMin: 4,
        assignmentsMedian: 6,
        assignmentsMax: 6,
        expiringCertificates: 2,
      });
    });
  });
});
