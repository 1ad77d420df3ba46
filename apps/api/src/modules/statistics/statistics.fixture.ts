/**
 * The small, fixed history the statistics tests count by hand, made through the real services with the
 * app's clock set to each moment. In the current year Y, on eight targets of two towns of their own
 * (甲镇, 乙镇) that only directed tasks reach, every draw taking its whole pool (ratio 100 %):
 *
 * | target | town | kind       | class | types (items)          | status       |
 * | T1     | 甲镇 | ENTERPRISE | A     | 企业 (L, M, MK, MK2)    | ACTIVE       |
 * | T2     | 甲镇 | ENTERPRISE | B     | 企业                    | ACTIVE       |
 * | T3     | 甲镇 | UNIT       | C     | 建设工程 (P)            | ACTIVE       |
 * | T4     | 乙镇 | ENTERPRISE | B     | 企业, 建设工程          | ACTIVE       |
 * | T5     | 乙镇 | PROJECT    | D     | 建设工程                | ACTIVE       |
 * | T6     | 乙镇 | ENTERPRISE | C     | 企业                    | SUSPENDED    |
 * | T7     | 甲镇 | ENTERPRISE | B     | 企业                    | DEREGISTERED |
 * | T8     | 乙镇 | UNIT       | A     | 测绘资质 (S, Q)         | ACTIVE       |
 *
 * The bureau (局) has items L 土地使用, M 矿山复垦 (企业, 10 %), P 规划批后 (建设工程, 10 %), S 测绘资质 (30 %)
 * and Q (测绘资质, 50 %, made here); the market bureau (市场局) MK 企业公示 (5 %) and MK2 (企业, 5 %, made here).
 *
 * | task | departments    | items | drawn (UTC → China day)            | visits         |
 * | 2    | 局             | P     | Y-03-31 15:00 → 03-31 (Q1)          | W3, W4, W5     |
 * | 1    | 局             | L, M  | Y-03-31 17:00 → 04-01 (Q2)          | V1, V2, V4, V6 |
 * | 3    | 市场局 + 局 (joint) | MK | Y-05-10 → 05-10                  | X2, X4, X6 (T1: class A, inspected) |
 * | 4    | 市场局          | MK2   | Y-06-05 → 06-05                     | Z2, Z4, Z6     |
 * | 5, 6 | 局             | S     | all three scheduled Y-07-01, run Y-07-02 in order | R5, R6 (T8 twice for S) |
 * | 7    | 局             | S, Q  | (S no longer open for T8 when it runs) | R7 (Q only)  |
 *
 * Results (category and follow-up per item; entered, then reviewed):
 * - W4 entered 04-02, awaits review; W5 entered 04-03 NO_PROBLEM, published 04-20; W3 never entered.
 * - V1 L PROBLEM_CORRECTED/ORDERED_TO_CORRECT, M NO_PROBLEM/NONE, entered 04-05, published 04-10.
 * - V2 both NO_PROBLEM/NONE, entered 04-06, published 06-15 (after its deadline, about 04-29).
 * - V4 L UNREACHABLE/CASE_FILED, M PROBLEM_PENDING/CASE_FILED, entered 04-08, published 04-12 (T4: B → C).
 * - V6 entered 04-09, rejected 04-10.
 * - X2 NO_PROBLEM/NONE entered 05-20 published 06-01; X4 FALSIFIED/TRANSFERRED entered 05-21, published
 *   06-02 (T4: C → D); X6 never entered. Z*, R* never entered.
 * - Closed follow-ups (set as the closure does, then refreshed): V1's L, V4's L, X4's MK.
 */
import { chinaDate, chinaYear, completeCreditCode } from '@suiji/domain';
import { selectRows as rows } from '../../db/sql.js';
import { declareEntropy, drandOutcome, startTestApp, type TestApp } from '../../test/harness.js';
import { refreshVisitFacts } from './visit-facts.js';

export const Y = chinaYear();
export const J = '甲镇';
export const K = '乙镇';

export interface Fixture {
  t: TestApp;
  setNow(iso: string): void;
  tokens: {
    admin: string;
    coordinator: string;
    coordinator2: string;
    manager: string;
    marketManager: string;
    inspector: string;
  };
  departments: { bureau: string; market: string };
  items: Record<'L' | 'M' | 'P' | 'S' | 'Q' | 'MK' | 'MK2', string>;
  targets: Record<'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8', string>;
  /** Visits by name (V1 …), as in the table above. */
  visits: Record<string, string>;
}

export interface Stages {
  /** After the first two draws (7 visits). */
  afterFirstDraws?: (f: Fixture) => Promise<void>;
  /** At Y-05-05, results of March's tasks entered, V2 not yet published. */
  atMay5?: (f: Fixture) => Promise<void>;
}

interface Drawn {
  id: string;
  targetId: string;
  teamIds: string[];
  itemIds: string[];
}

const ENTER = 'mutation($i: ResultInput!) { enterResult(input: $i) { id state } }';
const REVIEW = 'mutation($i: ReviewInput!) { reviewResult(input: $i) { id state } }';

export async function buildFixture(stages: Stages = {}): Promise<Fixture> {
  let now = new Date(`${Y}-02-01T02:00:00Z`);
  const t = await startTestApp({ clock: () => now });
  const setNow = (iso: string) => {
    now = new Date(iso);
  };
  const admin = await t.login('admin');
  const coordinator = await t.login('coordinator');
  const coordinator2 = await t.login('coordinator2');
  const manager = await t.login('manager');
  const inspector = await t.login('inspector');
  const departmentsFound = (
    await t.ok('{ departments(page: { page: 1, perPage: 100 }) { items { id code } } }', {}, admin)
  ).departments.items as { id: string; code: string }[];
  const dep = (code: string) => departmentsFound.find((d) => d.code === code)!.id;
  const departments = { bureau: dep('WG-ZRZY'), market: dep('WG-SCJG') };
  await t.ok(
    'mutation($i: UserInput!) { createUser(input: $i) { id } }',
    {
      i: {
        username: 'market-manager',
        displayName: '市场局局领导',
        password: 'ledger-quartz-walnut',
        role: 'MANAGER',
        departmentId: departments.market,
      },
    },
    admin,
  );
  const marketManager = await t.login('market-manager', 'ledger-quartz-walnut');

  const listed = (
    await t.ok(
      'query($y: Int!) { items(filter: { year: $y }, page: { page: 1, perPage: 100 }) { items { id name } } }',
      { y: Y },
      admin,
    )
  ).items.items as { id: string; name: string }[];
  const named = (name: string) => listed.find((i) => i.name === name)!.id;
  const createItem = async (departmentId: string, name: string, targetType: string, minRatioBp: number) =>
    (
      await t.ok(
        'mutation($i: ItemInput!) { createItem(input: $i) { id } }',
        {
          i: {
            year: Y,
            departmentId,
            name,
            legalBasis: '测试依据',
            inspectingBody: '测试主体',
            category: 'GENERAL',
            targetType,
            minRatioBp,
            timesPerYear: 1,
            methods: ['ON_SITE'],
          },
        },
        admin,
      )
    ).createItem.id as string;
  const items = {
    L: named('土地使用情况监督检查'),
    M: named('矿山地质环境保护与土地复垦情况的监管'),
    P: named('建设工程规划许可证批后监管'),
    S: named('测绘资质单位检查'),
    MK: named('企业公示信息情况检查'),
    Q: await createItem(departments.bureau, '测绘成果质量抽查', '舞钢市行政区域内的测绘资质单位', 5000),
    MK2: await createItem(departments.market, '企业年度报告抽查', '企业', 500),
  };

  const ENTERPRISE = ['企业'];
  const PERMIT = ['办理建设工程规划许可证的单位和个人'];
  const SURVEY = ['舞钢市行政区域内的测绘资质单位'];
  const specs = {
    T1: [J, 'ENTERPRISE', 'A', ENTERPRISE, 'ACTIVE'],
    T2: [J, 'ENTERPRISE', 'B', ENTERPRISE, 'ACTIVE'],
    T3: [J, 'UNIT', 'C', PERMIT, 'ACTIVE'],
    T4: [K, 'ENTERPRISE', 'B', [...ENTERPRISE, ...PERMIT], 'ACTIVE'],
    T5: [K, 'PROJECT', 'D', PERMIT, 'ACTIVE'],
    T6: [K, 'ENTERPRISE', 'C', ENTERPRISE, 'SUSPENDED'],
    T7: [J, 'ENTERPRISE', 'B', ENTERPRISE, 'DEREGISTERED'],
    T8: [K, 'UNIT', 'A', SURVEY, 'ACTIVE'],
  } as const;
  const targets = {} as Fixture['targets'];
  let n = 0;
  for (const [name, [region, kind, riskClass, targetTypes, status]] of Object.entries(specs))
    targets[name as keyof typeof specs] = (
      await t.ok(
        'mutation($i: TargetInput!) { createTarget(input: $i) { id } }',
        {
          i: {
            name: `统计测试对象${name}`,
            creditCode: completeCreditCode(`91410481999${String(++n).padStart(6, '0')}`),
            kind,
            region,
            riskClass,
            targetTypes,
            status,
          },
        },
        admin,
      )
    ).createTarget.id as string;

  const f: Fixture = {
    t,
    setNow,
    tokens: { admin, coordinator, coordinator2, manager, marketManager, inspector },
    departments,
    items,
    targets,
    visits: {},
  };
  const byTarget = Object.fromEntries(Object.entries(targets).map(([name, id]) => [id, name.slice(1)]));
  const drawn = new Map<string, Drawn>();

  const createTask = async (
    token: string,
    name: string,
    itemIds: string[],
    window: [string, string],
    cooperatingDepartmentIds: string[] = [],
  ) =>
    (
      await t.ok(
        'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
        {
          i: {
            name,
            year: Y,
            itemIds,
            scope: 'DIRECTED',
            regions: [J, K],
            windowStart: `${Y}-${window[0]}`,
            windowEnd: `${Y}-${window[1]}`,
            cooperatingDepartmentIds,
          },
        },
        token,
      )
    ).createTask.id as string;
  const ratios = ['A', 'B', 'C', 'D'].map((riskClass) => ({ riskClass, ratioBp: 10000 }));
  // A draw runs once its declared source is out: the clock moves on the few seconds that takes.
  let runnableAt = 0;
  const schedule = async (token: string, taskId: string) => {
    const declared = declareEntropy(now);
    runnableAt = Math.max(runnableAt, declared.runnableAt.getTime());
    return (
      await t.ok(
        'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
        { i: { taskId, ratios, entropy: declared.entropy } },
        token,
      )
    ).scheduleDraw.id as string;
  };
  /** Runs a draw and names its visits by a letter and their target's number (or its only visit `only`). */
  const run = async (token: string, drawId: string, letter: string, only?: string) => {
    if (now.getTime() < runnableAt) now = new Date(runnableAt);
    await t.ok(
      'mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }',
      { i: { drawId, publicEntropy: drandOutcome(letter) } },
      token,
    );
    const found = (
      await t.ok(
        'query($d: ID!) { inspections(filter: { drawId: $d }, page: { page: 1, perPage: 100 }) { items { id targetId teamIds itemIds } } }',
        { d: drawId },
        admin,
      )
    ).inspections.items as Drawn[];
    for (const visit of found) {
      f.visits[only ?? `${letter}${byTarget[visit.targetId]}`] = visit.id;
      drawn.set(visit.id, visit);
    }
  };
  const members = new Map<string, string>();
  const memberOf = async (visit: string) => {
    const inspectorId = drawn.get(f.visits[visit]!)!.teamIds[0]!;
    if (!members.has(inspectorId)) members.set(inspectorId, await t.signInAsInspector(inspectorId));
    return members.get(inspectorId)!;
  };
  /** Enters a visit's result on the clock's day: per item (by key), a category and a follow-up. */
  const enter = async (visit: string, results: Partial<Record<keyof typeof items, [string, string]>>) => {
    const inspection = drawn.get(f.visits[visit]!)!;
    await t.ok(
      ENTER,
      {
        i: {
          inspectionId: inspection.id,
          items: inspection.itemIds.map((itemId) => {
            const key = (Object.keys(items) as (keyof typeof items)[]).find((k) => items[k] === itemId)!;
            const [category, followUp] = results[key] ?? ['NO_PROBLEM', 'NONE'];
            return { itemId, category, followUp, findings: '' };
          }),
          methodsUsed: ['ON_SITE'],
          inspectedOn: chinaDate(now),
        },
      },
      await memberOf(visit),
    );
  };
  const review = (visit: string, approve: boolean) =>
    t.ok(
      REVIEW,
      { i: { inspectionId: f.visits[visit], approve, comment: approve ? null : '材料不全' } },
      coordinator,
    );

  // March's tasks, drawn on either side of midnight in Beijing at the end of March.
  const task2 = await createTask(coordinator, '统计-规划批后', [items.P], ['03-01', '03-31']);
  const task1 = await createTask(coordinator, '统计-土地与矿山', [items.L, items.M], ['03-01', '03-31']);
  setNow(`${Y}-03-31T15:00:00Z`);
  await run(coordinator, await schedule(coordinator, task2), 'W');
  setNow(`${Y}-03-31T17:00:00Z`);
  await run(coordinator, await schedule(coordinator, task1), 'V');
  await stages.afterFirstDraws?.(f);

  setNow(`${Y}-04-02T02:00:00Z`);
  await enter('W4', {});
  setNow(`${Y}-04-03T02:00:00Z`);
  await enter('W5', {});
  setNow(`${Y}-04-05T02:00:00Z`);
  await enter('V1', { L: ['PROBLEM_CORRECTED', 'ORDERED_TO_CORRECT'] });
  setNow(`${Y}-04-06T02:00:00Z`);
  await enter('V2', {});
  setNow(`${Y}-04-08T02:00:00Z`);
  await enter('V4', { L: ['UNREACHABLE', 'CASE_FILED'], M: ['PROBLEM_PENDING', 'CASE_FILED'] });
  setNow(`${Y}-04-09T02:00:00Z`);
  await enter('V6', {});
  setNow(`${Y}-04-10T02:00:00Z`);
  await review('V6', false);
  await review('V1', true);
  setNow(`${Y}-04-12T02:00:00Z`);
  await review('V4', true);
  setNow(`${Y}-04-20T02:00:00Z`);
  await review('W5', true);
  setNow(`${Y}-05-05T02:00:00Z`);
  await stages.atMay5?.(f);

  // The market bureau's joint task with the bureau, and its own.
  setNow(`${Y}-05-06T02:00:00Z`);
  const task3 = await createTask(
    coordinator2,
    '统计-联合企业公示',
    [items.MK],
    ['05-01', '05-31'],
    [departments.bureau],
  );
  await t.ok('mutation($id: ID!) { acceptTask(taskId: $id) { id } }', { id: task3 }, coordinator);
  setNow(`${Y}-05-10T02:00:00Z`);
  await run(coordinator2, await schedule(coordinator2, task3), 'X');
  setNow(`${Y}-05-20T02:00:00Z`);
  await enter('X2', {});
  setNow(`${Y}-05-21T02:00:00Z`);
  await enter('X4', { MK: ['FALSIFIED', 'TRANSFERRED'] });
  setNow(`${Y}-06-01T02:00:00Z`);
  await review('X2', true);
  setNow(`${Y}-06-02T02:00:00Z`);
  await review('X4', true);
  setNow(`${Y}-06-05T02:00:00Z`);
  const task4 = await createTask(coordinator2, '统计-企业年报', [items.MK2], ['06-01', '06-30']);
  await run(coordinator2, await schedule(coordinator2, task4), 'Z');
  setNow(`${Y}-06-15T02:00:00Z`);
  await review('V2', true);

  // Three draws of the survey item scheduled together: the second repeats the first, the third finds
  // the item no longer open for T8.
  setNow(`${Y}-07-01T01:00:00Z`);
  const task5 = await createTask(coordinator, '统计-测绘一', [items.S], ['07-01', '07-31']);
  const task6 = await createTask(coordinator, '统计-测绘二', [items.S], ['07-01', '07-31']);
  const task7 = await createTask(coordinator, '统计-测绘三', [items.S, items.Q], ['07-01', '07-31']);
  const draw5 = await schedule(coordinator, task5);
  const draw6 = await schedule(coordinator, task6);
  const draw7 = await schedule(coordinator, task7);
  setNow(`${Y}-07-02T01:00:00Z`);
  await run(coordinator, draw5, 'R', 'R5');
  setNow(`${Y}-07-02T02:00:00Z`);
  await run(coordinator, draw6, 'R', 'R6');
  setNow(`${Y}-07-02T03:00:00Z`);
  await run(coordinator, draw7, 'R', 'R7');

  // Follow-ups closed, as the closure writes them, and the facts refreshed as it refreshes them.
  const em = t.app.orm.em.fork();
  for (const [visit, item] of [
    ['V1', items.L],
    ['V4', items.L],
    ['X4', items.MK],
  ] as const)
    await rows(em, 'update item_result set closed_on = ? where inspection_id = ? and item_id = ?', [
      `${Y}-07-20`,
      f.visits[visit],
      item,
    ]);
  await refreshVisitFacts(em, { inspectionIds: [f.visits.V1!, f.visits.V4!, f.visits.X4!] });
  setNow(`${Y}-12-01T04:00:00Z`);
  return f;
}
