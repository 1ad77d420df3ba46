/**
 * The demo's history: last year and this year of supervision, made by the demo's people through the
 * same service functions the resolvers call — each step one transaction under its actor, on the day it
 * happens (the request's clock set to that day), so every rule holds and the trail records it all.
 * Yearly plans single and joint, tasks in every state (one awaiting a cooperating department, one not
 * drawn, one whose draw is scheduled, drawn ones with results awaiting entry, awaiting review, rejected,
 * published on time and late), a merge of two departments' tasks accepted, follow-ups open and closed.
 * Steps whose day has not come yet are left out, so the history holds on any day of the year.
 *
 * The draws are real: their nonces are secret and random, so which targets are drawn differs from one
 * demo database to the next, while how many are drawn, and what becomes of each visit in order, does not.
 */
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import {
  ATTACHMENT_MAX_MB_DEFAULT,
  DRAW_MIN_DELAY_SECONDS_DEFAULT,
  LOGIN_THROTTLE,
  canAccess,
  chinaToday,
  isWorkingDay,
  megabytes,
  publicationDeadline,
  type Action,
  type ClosureOutcome,
  type FollowUp,
  type Resource,
} from '@suiji/domain';
import type { Context } from '../graphql/context.js';
import { inTransaction } from '../graphql/policy.js';
import { hashPassword } from '../modules/auth/password.js';
import { createTokenService } from '../modules/auth/token.js';
import { createCategory } from '../modules/category/category.service.js';
import { Department } from '../modules/department/department.entity.js';
import { departmentScope } from '../modules/department/department.service.js';
import { runDraw, scheduleDraw } from '../modules/draw/draw.service.js';
import type { CloseFollowUpInput, ResultInput } from '../modules/inspection/inspection.input.js';
import { Inspection } from '../modules/inspection/inspection.entity.js';
import { closeFollowUp, enterResult, reviewResult } from '../modules/inspection/inspection.service.js';
import { Inspector } from '../modules/inspector/inspector.entity.js';
import { InspectionItem } from '../modules/item/item.entity.js';
import type { ItemInput } from '../modules/item/item.input.js';
import { createItem } from '../modules/item/item.service.js';
import { proposeMerge, respondToMergeProposal } from '../modules/merge/merge.service.js';
import type { PlanInput } from '../modules/plan/plan.input.js';
import { Plan } from '../modules/plan/plan.entity.js';
import { createPlan } from '../modules/plan/plan.service.js';
import type { TaskInput } from '../modules/task/task.input.js';
import { answerTask, createTask } from '../modules/task/task.service.js';
import { User } from '../modules/user/user.entity.js';
// Read at run time only, so the cycle with seed-demo.ts (which calls this) is harmless.
import { DEMO_REGIONS } from './seed-demo.js';
import { SEED_ITEMS } from './seed-items.js';
import { present } from '../invariant.js';

/** A day (YYYY-MM-DD) `days` after `day`. */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first working day on or after `day` (offices do not review on a holiday). */
function workingDayFrom(day: string): string {
  let d = day;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The day's number in its year: 1 on 1 January. */
function dayOfYear(day: string): number {
  return (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${day.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000 + 1;
}

/** An instant of a day in China, at a working hour. */
function at(day: string, hour = 10): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

/** The days from `from` to `to`, `share` (0–1) of the way. */
function between(from: string, to: string, share: number): string {
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  return addDays(from, Math.floor(span * share));
}

/** What becomes of one visit. */
type Fate = 'PENDING_ENTRY' | 'PENDING_REVIEW' | 'REJECTED' | 'ON_TIME' | 'LATE' | 'RE_ENTERED';

/** How a drawn task's visits end, in the order of their targets' credit codes. */
interface Course {
  /** Shares of the visits, from the first: the rest are published on time. */
  pendingEntry?: number;
  pendingReview?: number;
  rejected?: number;
  late?: number;
  /** Every n-th published visit was rejected once, corrected and then published. */
  reEnteredEvery?: number;
  /** Visits are made from the draw's day to this day. */
  inspectedBy: string;
  /** Share of the results that find a problem, and of the published problems later closed. */
  problems: number;
  closed: number;
  /** Problems of the department's own kind, found instead of every other standard one. */
  own?: (typeof PROBLEMS)[number];
}

/** Problems found, with the follow-up each calls for, taken in turn. */
const PROBLEMS: readonly { category: string; followUp: FollowUp; findings: string }[] = [
  {
    category: 'PROBLEM_CORRECTED',
    followUp: 'ORDERED_TO_CORRECT',
    findings: '现场发现未按批准用途使用，已责令限期改正。',
  },
  { category: 'PROBLEM_PENDING', followUp: 'CASE_FILED', findings: '存在未批先建行为，已立案查处。' },
  {
    category: 'NOT_DISCLOSED',
    followUp: 'ORDERED_TO_CORRECT',
    findings: '未按规定公示年度报告中的相关信息。',
  },
  { category: 'PROBLEM_PENDING', followUp: 'TRANSFERRED', findings: '涉嫌非法采矿，移送公安机关处理。' },
  {
    category: 'UNREACHABLE',
    followUp: 'COPIED',
    findings: '登记住所无人办公，电话无法接通，已抄告登记机关。',
  },
  { category: 'PROBLEM_CORRECTED', followUp: 'ORDERED_TO_CORRECT', findings: '档案资料不齐全，已当场补正。' },
];

/** Results that find nothing wrong, taken in turn (most visits find no problem). */
const FINE: readonly { category: string; findings: string }[] = [
  { category: 'NO_PROBLEM', findings: '' },
  { category: 'NO_PROBLEM', findings: '手续齐全，按批准内容实施。' },
  { category: 'NO_PROBLEM', findings: '' },
  { category: 'NO_SUCH_ACTIVITY', findings: '未发现开展本次抽查涉及的经营活动。' },
  { category: 'NO_PROBLEM', findings: '' },
  { category: 'CLOSED', findings: '企业已停业。' },
];

const OUTCOMES: readonly { outcome: ClosureOutcome; note: string | null }[] = [
  { outcome: 'CORRECTED', note: '经复查已整改到位。' },
  { outcome: 'PENALIZED', note: '已作出行政处罚决定并执行完毕。' },
  { outcome: 'CORRECTED', note: null },
  { outcome: 'TRANSFERRED', note: '受移送机关已办结并反馈。' },
  { outcome: 'NO_VIOLATION', note: '经核查，相关手续已于检查前办理。' },
  { outcome: 'OTHER', note: '企业已注销，终止后续处置。' },
];

/** Last year's and this year's activity, as of `now`. */
export async function seedHistory(em: EntityManager, now: Date): Promise<void> {
  const today = chinaToday(now);
  const thisYear = Number(today.slice(0, 4));
  const lastYear = thisYear - 1;
  const tokens = createTokenService(randomBytes(32).toString('hex'), 60);
  const settings = {
    attachmentMaxBytes: megabytes(ATTACHMENT_MAX_MB_DEFAULT),
    publicInspectorNames: false,
    loginThrottle: LOGIN_THROTTLE,
    drawMinDelayMs: DRAW_MIN_DELAY_SECONDS_DEFAULT * 1000,
  };

  const users = new Map((await em.find(User, {})).map((u) => [u.username, u]));
  const departments = new Map((await em.find(Department, {})).map((d) => [d.code, d]));
  const bureau = present(departments.get('WG-ZRZY'), 'departments.get("WG-ZRZY")');
  const market = present(departments.get('WG-SCJG'), 'departments.get("WG-SCJG")');

  // Every inspector of the registry signs in to enter their team's results.
  const inspectors = await em.find(
    Inspector,
    {},
    { populate: ['user'], orderBy: { certificateNumber: 'ASC' } },
  );
  const accounts = inspectors.filter((inspector) => !inspector.user && inspector.status !== 'TRANSFERRED');
  const hashes = await Promise.all(
    accounts.map((_, i) => hashPassword(`inspector${String(i + 2).padStart(2, '0')}12345`)),
  );
  accounts.forEach((inspector, i) => {
    const username = `inspector${String(i + 2).padStart(2, '0')}`;
    const user = em.create(User, {
      username,
      displayName: inspector.name,
      passwordHash: present(hashes[i], 'hashes[i]'),
      role: 'INSPECTOR',
      department: inspector.department,
      active: true,
    });
    inspector.user = user;
    users.set(username, user);
  });
  await em.flush();

  const scopes = new Map<string, string[]>();
  /** Runs `work` as `user` on `day`, as the API would run their mutation: its rule, one transaction. */
  async function as<T>(
    user: User,
    instant: Date,
    [action, resource]: [Action, Resource],
    work: (ctx: Context) => Promise<T>,
  ): Promise<T> {
    let departmentIds = scopes.get(user.id);
    if (!departmentIds) scopes.set(user.id, (departmentIds = await departmentScope(em, user.department.id)));
    // A request of its own: an EntityManager that has read nothing yet, in the seeding's transaction.
    const requestEm = em.fork({ keepTransactionContext: true });
    const ctx: Context = {
      em: requestEm,
      actor: { id: user.id, role: user.role, departmentIds },
      user: await requestEm.findOneOrFail(User, user.id),
      sessionId: null,
      address: null,
      tokens,
      locale: 'zh-CN',
      settings,
      clock: () => instant,
    };
    if (!canAccess(ctx.actor, action, resource))
      throw new Error(`${user.username} may not ${action} ${resource}`);
    return inTransaction(ctx, () => work(ctx));
  }
  /** The bureau's own plan of a year (not a joint one). */
  const ownPlanOf = async (year: number) =>
    (
      await em
        .fork({ keepTransactionContext: true })
        .find(Plan, { year, department: bureau, deletedAt: null })
    ).find((p) => p.cooperatingDepartmentIds.length === 0)?.id ?? null;
  const coordinator = present(users.get('coordinator'), 'users.get("coordinator")');
  const coordinator2 = present(users.get('coordinator2'), 'users.get("coordinator2")');

  // Last year's list: the administrator enters it as the departments published it.
  const admin = present(users.get('admin'), 'users.get("admin")');
  const listed = await em.find(InspectionItem, { deletedAt: null });
  const lists: ItemInput[] = [
    ...(listed.some((i) => i.year === lastYear && i.department.id === bureau.id)
      ? []
      : SEED_ITEMS.map((seed) => ({ ...seed, year: lastYear, departmentId: bureau.id }))),
    ...listed
      .filter((i) => i.year === thisYear && i.department.id === market.id)
      .map((i) => ({
        year: lastYear,
        departmentId: market.id,
        seq: i.seq,
        name: i.name,
        legalBasis: i.legalBasis,
        inspectingBody: i.inspectingBody,
        category: i.category,
        targetType: i.targetType,
        minRatioBp: i.minRatioBp,
        timesPerYear: i.timesPerYear,
        methods: i.methods,
        remarks: i.remarks,
      })),
  ];
  for (const input of lists)
    await as(admin, at(`${lastYear}-01-03`), ['create', 'items'], (ctx) => createItem(ctx.em, input));
  const items = await em.fork({ keepTransactionContext: true }).find(InspectionItem, { deletedAt: null });
  const item = (year: number, department: Department, name: string) =>
    present(
      items.find((i) => i.year === year && i.department.id === department.id && i.name.startsWith(name)),
      'the demo item of that year and department',
    ).id;
  const PERMIT = '建设工程规划许可证批后监管';
  const SURVEY = '测绘资质单位检查';
  const LAND = '土地使用情况';
  const MINE = '矿山地质环境';
  const DISCLOSURE = '企业公示信息';

  const regions = (...indexes: number[]) => indexes.map((i) => present(DEMO_REGIONS[i], 'DEMO_REGIONS[i]'));

  let entropy = 20_240_001;
  /**
   * A task's draw, run on `day`: scheduled the morning before, declaring that evening's 福彩3D issue as
   * its public entropy source, and run with (made-up) numbers of that issue once the minimum delay is over.
   */
  async function draw(taskId: string, day: string, by: User): Promise<string | null> {
    if (day > today) return null;
    const before = addDays(day, -1);
    const issue = `${before.slice(0, 4)}${String(dayOfYear(before)).padStart(3, '0')}`;
    const scheduled = await as(by, at(before, 9), ['schedule', 'draws'], (ctx) =>
      scheduleDraw(ctx, {
        taskId,
        entropy: { source: 'FC3D', issue, publishedAt: new Date(`${before}T21:30:00+08:00`) },
      }),
    );
    entropy += 7919;
    await as(by, at(day, 10), ['run', 'draws'], (ctx) =>
      runDraw(ctx, { drawId: scheduled.id, publicEntropy: String(entropy % 997).padStart(3, '0') }),
    );
    return scheduled.id;
  }

  type NewTask = Omit<
    TaskInput,
    'cooperatingDepartmentIds' | 'scope' | 'regions' | 'tags' | 'riskClasses' | 'targetKinds' | 'teamSize'
  > &
    Partial<TaskInput>;
  async function task(by: User, day: string, input: NewTask): Promise<string | null> {
    if (day > today) return null;
    const created = await as(by, at(day, 15), ['create', 'tasks'], (ctx) =>
      createTask(ctx, {
        cooperatingDepartmentIds: [],
        scope: input.regions?.length ? 'DIRECTED' : 'UNDIRECTED',
        regions: [],
        tags: [],
        riskClasses: [],
        targetKinds: [],
        teamSize: 2,
        ...input,
      }),
    );
    return created.id;
  }

  async function plan(by: User, day: string, input: PlanInput): Promise<string | null> {
    if (day > today) return null;
    return (await as(by, at(day, 15), ['create', 'plans'], (ctx) => createPlan(ctx, input))).id;
  }

  /** The visits of a draw, in the order of their targets' credit codes, with a member of each team who signs in. */
  async function visitsOf(drawId: string) {
    const reader = em.fork({ keepTransactionContext: true });
    const visits = await reader.find(Inspection, { draw: drawId }, { populate: ['target', 'task'] });
    visits.sort((a, b) => a.target.creditCode.localeCompare(b.target.creditCode));
    const members = new Map(
      (
        await reader.find(
          Inspector,
          { id: { $in: [...new Set(visits.flatMap((v) => v.teamIds))] } },
          {
            populate: ['user'],
          },
        )
      ).map((i) => [i.id, i.user]),
    );
    return visits.map((visit) => ({
      visit,
      member: present(
        visit.teamIds.map((id) => members.get(id)).find((u): u is User => !!u),
        'a signed-in member of the team',
      ),
    }));
  }

  let turn = 0;
  /** Carries out a drawn task: visits, entries, reviews, publication and closures, each on its day. */
  async function carryOut(drawId: string | null, drawnOn: string, reviewers: User[], course: Course) {
    if (!drawId) return;
    const visits = await visitsOf(drawId);
    const n = visits.length;
    const cut = (share = 0) => Math.round(share * n);
    const bounds = [course.pendingEntry, course.pendingReview, course.rejected, course.late].reduce<number[]>(
      (acc, share) => [...acc, (acc.at(-1) ?? 0) + cut(share)],
      [],
    );
    let published = 0;
    for (const [i, { visit, member }] of visits.entries()) {
      const fate: Fate =
        i < present(bounds[0], 'bounds[0]')
          ? 'PENDING_ENTRY'
          : i < present(bounds[1], 'bounds[1]')
            ? 'PENDING_REVIEW'
            : i < present(bounds[2], 'bounds[2]')
              ? 'REJECTED'
              : i < present(bounds[3], 'bounds[3]')
                ? 'LATE'
                : course.reEnteredEvery && ++published % course.reEnteredEvery === 0
                  ? 'RE_ENTERED'
                  : 'ON_TIME';
      if (fate === 'PENDING_ENTRY') continue;
      const inspectedOn = between(drawnOn, course.inspectedBy, (i + 0.5) / n);
      const enteredOn = addDays(inspectedOn, 1 + (i % 3));
      if (enteredOn > today) continue;
      const problem = (i * 7919) % 100 < course.problems * 100;
      const found: { category: string; findings: string; followUp?: FollowUp } = !problem
        ? present(FINE[turn++ % FINE.length], 'FINE[turn++ % FINE.length]')
        : course.own && turn++ % 2 === 0
          ? course.own
          : present(PROBLEMS[turn++ % PROBLEMS.length], 'PROBLEMS[turn++ % PROBLEMS.length]');
      const reviewer = present(reviewers[i % reviewers.length], 'reviewers[i % reviewers.length]');
      const input = (): ResultInput => ({
        inspectionId: visit.id,
        items: visit.itemIds.map((itemId, k) => ({
          itemId,
          // A visit covering several items finds the problem under its first; the others are fine.
          category: k === 0 ? found.category : 'NO_PROBLEM',
          findings: k === 0 ? found.findings : '',
          followUp: (k === 0 && found.followUp) || 'NONE',
        })),
        methodsUsed: i % 4 === 0 ? ['ON_SITE', 'DOCUMENT'] : ['ON_SITE'],
        inspectedOn,
      });
      await as(member, at(enteredOn, 16), ['enter', 'inspections'], (ctx) => enterResult(ctx, input()));
      if (fate === 'PENDING_REVIEW') continue;
      const deadline = publicationDeadline(visit.task.windowEnd);
      let reviewOn = workingDayFrom(addDays(enteredOn, 2 + (i % 5)));
      if (fate === 'REJECTED' || fate === 'RE_ENTERED') {
        if (reviewOn > today) continue;
        await as(reviewer, at(reviewOn, 11), ['review', 'inspections'], (ctx) =>
          reviewResult(ctx, {
            inspectionId: visit.id,
            approve: false,
            comment: '检查情况记录不完整，请补充现场照片及询问笔录。',
          }),
        );
        if (fate === 'REJECTED') continue;
        const again = addDays(reviewOn, 2);
        if (again > today) continue;
        await as(member, at(again, 16), ['enter', 'inspections'], (ctx) => enterResult(ctx, input()));
        reviewOn = workingDayFrom(addDays(again, 2));
      }
      // Visits end a week or more before the window does, so the others are reviewed well within it.
      if (fate === 'LATE') reviewOn = workingDayFrom(addDays(deadline, 5 + (i % 20)));
      if (reviewOn > today) continue;
      await as(reviewer, at(reviewOn, 11), ['review', 'inspections'], (ctx) =>
        reviewResult(ctx, { inspectionId: visit.id, approve: true }),
      );
      if (!problem || (i * 31) % 100 >= course.closed * 100) continue;
      const closedOn = addDays(reviewOn, 10 + ((i * 13) % 50));
      if (closedOn > today) continue;
      const { outcome, note } = present(OUTCOMES[i % OUTCOMES.length], 'OUTCOMES[i % OUTCOMES.length]');
      const closure: CloseFollowUpInput = { closedOn, outcome, ...(note ? { note } : {}) };
      await as(reviewer, at(closedOn, 17), ['close', 'inspections'], (ctx) =>
        closeFollowUp(ctx, visit.id, present(visit.itemIds[0], 'visit.itemIds[0]'), closure),
      );
    }
  }

  // A category of the bureau's own (部门自定义类别), kept by its coordinator.
  await as(coordinator, at(`${lastYear}-01-04`), ['create', 'categories'], (ctx) =>
    createCategory(ctx, {
      code: 'MINE_RESTORATION_OVERDUE',
      nameZh: '矿山地质环境治理恢复未按期完成',
      nameEn: 'Mine site restoration overdue',
      problem: true,
      raisesRisk: false,
      marksAbnormal: false,
    }),
  );

  for (const year of [lastYear, thisYear]) {
    const y = (md: string) => `${year}-${md}`;
    const last = year === lastYear;
    // The bureau's own plan: this year's is the demo's plan; last year's is made like it.
    const ownPlan = last
      ? await plan(coordinator, y('01-10'), {
          name: `舞钢市自然资源和规划局 ${year} 年度“双随机、一公开”抽查计划`,
          year,
          departmentId: bureau.id,
          cooperatingDepartmentIds: [],
          remarks: '依据舞自然资〔2023〕116号实施方案及随机抽查事项清单制定',
          lines: [PERMIT, SURVEY, LAND, MINE].map((name) => {
            const id = item(year, bureau, name);
            const listed = present(
              items.find((i) => i.id === id),
              'items.find((i) => i.id === id)',
            );
            return { itemId: id, ratioBp: listed.minRatioBp, timesPerYear: listed.timesPerYear };
          }),
        })
      : await ownPlanOf(year);
    const jointPlan = await plan(coordinator, y('02-20'), {
      name: `舞钢市自然资源和规划局、市场监督管理局 ${year} 年度部门联合抽查计划`,
      year,
      departmentId: bureau.id,
      cooperatingDepartmentIds: [market.id],
      remarks: '进一次门、查多项事：土地使用情况与企业公示信息一并检查',
      lines: [
        { itemId: item(year, bureau, LAND), ratioBp: 1000, timesPerYear: 1 },
        { itemId: item(year, market, DISCLOSURE), ratioBp: 500, timesPerYear: 1 },
      ],
    });

    // Q1: building permits, published on time; most problems closed.
    const permit = await task(coordinator, y('02-25'), {
      name: `${year} 年第一季度建设工程规划许可证批后监管抽查`,
      year,
      planId: ownPlan,
      itemIds: [item(year, bureau, PERMIT)],
      regions: regions(4),
      windowStart: y('03-01'),
      windowEnd: y('03-31'),
    });
    if (permit)
      await carryOut(await draw(permit, y('03-02'), coordinator), y('03-02'), [coordinator], {
        inspectedBy: y('03-28'),
        problems: 0.3,
        closed: 0.8,
        reEnteredEvery: 6,
      });

    // Q2: two departments' tasks on the same street, merged into one joint task (合并建议) and drawn.
    const land = await task(coordinator, y('03-20'), {
      name: `${year} 年第二季度土地使用情况检查（${regions(2).join('、')}）`,
      year,
      itemIds: [item(year, bureau, LAND)],
      regions: regions(2),
      windowStart: y('04-10'),
      windowEnd: y('06-20'),
    });
    const disclosure = await task(coordinator2, y('03-22'), {
      name: `${year} 年第二季度企业公示信息抽查（${regions(2).join('、')}）`,
      year,
      itemIds: [item(year, market, DISCLOSURE)],
      regions: regions(2),
      windowStart: y('04-15'),
      windowEnd: y('06-25'),
    });
    if (land && disclosure && y('03-27') <= today) {
      const proposal = await as(coordinator, at(y('03-25')), ['create', 'merges'], (ctx) =>
        proposeMerge(ctx, [land, disclosure]),
      );
      const merged = await as(coordinator2, at(y('03-27')), ['accept', 'merges'], (ctx) =>
        respondToMergeProposal(ctx, proposal.id, true, null),
      );
      const joint = present(merged.mergedTask, 'merged.mergedTask').id;
      await carryOut(await draw(joint, y('04-10'), coordinator), y('04-10'), [coordinator, coordinator2], {
        inspectedBy: y('06-10'),
        problems: 0.25,
        closed: last ? 0.7 : 0.4,
        late: last ? 0.15 : 0,
      });
    }

    // Q2–Q3: surveying firms; last year's published partly late, this year's still under review.
    const survey = await task(coordinator, y('05-06'), {
      name: `${year} 年测绘资质单位“双随机”检查`,
      year,
      planId: ownPlan,
      itemIds: [item(year, bureau, SURVEY)],
      regions: regions(0),
      windowStart: y('05-10'),
      windowEnd: y('08-31'),
      teamSize: 3,
    });
    if (survey)
      await carryOut(await draw(survey, y('05-11'), coordinator), y('05-11'), [coordinator], {
        inspectedBy: y('08-20'),
        problems: 0.3,
        closed: last ? 0.6 : 0.2,
        late: last ? 0.3 : 0.1,
        rejected: last ? 0 : 0.1,
        pendingReview: last ? 0 : 0.1,
      });

    // Q3: the joint plan's round: one visit for both departments' items (进一次门、查多项事).
    const jointTask = await task(coordinator, y('06-25'), {
      name: `${year} 年土地使用情况与企业公示信息联合抽查`,
      year,
      planId: jointPlan,
      cooperatingDepartmentIds: [market.id],
      itemIds: [item(year, bureau, LAND), item(year, market, DISCLOSURE)],
      regions: regions(8, 9),
      windowStart: y('07-01'),
      windowEnd: y('09-30'),
    });
    if (jointTask && y('06-28') <= today) {
      await as(coordinator2, at(y('06-28')), ['accept', 'tasks'], (ctx) =>
        answerTask(ctx, jointTask, true, null),
      );
      await carryOut(
        await draw(jointTask, y('07-02'), coordinator2),
        y('07-02'),
        [coordinator2, coordinator],
        {
          inspectedBy: y('09-20'),
          problems: 0.35,
          closed: last ? 0.5 : 0.3,
          late: 0.2,
          pendingEntry: last ? 0.05 : 0.1,
          pendingReview: last ? 0 : 0.1,
          reEnteredEvery: 5,
        },
      );
    }

    // Q4: mines, with the bureau's own category; this year's visits still being made.
    const mine = await task(coordinator, y('09-25'), {
      name: `${year} 年矿山地质环境保护与土地复垦情况抽查`,
      year,
      planId: ownPlan,
      itemIds: [item(year, bureau, MINE)],
      regions: regions(11),
      windowStart: y('10-09'),
      windowEnd: y('12-20'),
    });
    if (mine)
      await carryOut(await draw(mine, y('10-09'), coordinator), y('10-09'), [coordinator], {
        inspectedBy: last ? y('12-10') : addDays(today, -3) < y('10-10') ? y('10-10') : addDays(today, -3),
        problems: 0.4,
        closed: last ? 0.5 : 0.1,
        own: {
          category: 'MINE_RESTORATION_OVERDUE',
          followUp: 'ORDERED_TO_CORRECT',
          findings: '闭坑后未按治理恢复方案完成边坡治理和复绿，已责令限期完成。',
        },
        pendingEntry: last ? 0.1 : 0.4,
        pendingReview: last ? 0.05 : 0.2,
        rejected: last ? 0.05 : 0.1,
      });
  }

  // Not drawn yet: a task of this year's plan awaiting its draw, a joint one awaiting the market
  // bureau's answer, and one whose draw is scheduled and waits for its lottery numbers.
  const soon = addDays(today, 3);
  const open = (md: string) => (`${thisYear}-${md}` < today ? today : `${thisYear}-${md}`);
  const inYear = (day: string) => (day.slice(0, 4) === String(thisYear) ? day : `${thisYear}-12-31`);
  const ownPlan = await ownPlanOf(thisYear);
  await task(coordinator, today, {
    name: `${thisYear} 年第四季度土地使用情况专项抽查`,
    year: thisYear,
    planId: ownPlan,
    itemIds: [item(thisYear, bureau, LAND)],
    regions: regions(11, 12),
    windowStart: open('12-01'),
    windowEnd: inYear(addDays(open('12-01'), 20)),
  });
  await task(coordinator, today, {
    name: `${thisYear} 年年末企业公示信息与土地使用联合抽查（待确认）`,
    year: thisYear,
    cooperatingDepartmentIds: [market.id],
    itemIds: [item(thisYear, bureau, LAND), item(thisYear, market, DISCLOSURE)],
    regions: regions(4),
    windowStart: open('12-05'),
    windowEnd: inYear(addDays(open('12-05'), 20)),
  });
  const scheduled = await task(coordinator2, today, {
    name: `${thisYear} 年末企业公示信息抽查`,
    year: thisYear,
    itemIds: [item(thisYear, market, DISCLOSURE)],
    regions: regions(5, 6),
    windowStart: inYear(soon),
    windowEnd: inYear(addDays(soon, 14)),
  });
  if (scheduled)
    await as(coordinator2, now, ['schedule', 'draws'], (ctx) =>
      scheduleDraw(ctx, {
        taskId: scheduled,
        runAfter: at(soon, 10),
        entropy: {
          source: 'FC3D',
          issue: `${addDays(soon, -1).slice(0, 4)}${String(dayOfYear(addDays(soon, -1))).padStart(3, '0')}`,
          publishedAt: new Date(`${addDays(soon, -1)}T21:30:00+08:00`),
        },
      }),
    );
}
