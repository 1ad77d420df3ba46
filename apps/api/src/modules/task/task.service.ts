import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { answerReasonProblem, isDay, scopeOf, taskProblems, text, type TaskProgress } from '@suiji/domain';
import { dialectOf } from '../../db/dialect.js';
import { asFilter, placeholders } from '../../db/query.js';
import { selectRows } from '../../db/sql.js';
import { loaderOf } from '../../graphql/loaders.js';
import { StringListType } from '../../db/string-list.type.js';
import type { Context } from '../../graphql/context.js';
import {
  BadInputError,
  ConflictError,
  NotFoundError,
  problemError,
  throwIfProblems,
} from '../../graphql/errors.js';
import { listEntities, type PageInput, type SortInput } from '../../graphql/list.js';
import { assertRecordAccess, signedInActor } from '../../graphql/policy.js';
import { present } from '../../invariant.js';
import { Department } from '../department/department.entity.js';
import {
  checkedParticipants,
  departmentFilter,
  rootOf,
  tasksTakingPart,
} from '../department/participation.js';
import { Draw } from '../draw/draw.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import { MergeProposal } from '../merge/merge.entity.js';
import type { Plan } from '../plan/plan.entity.js';
import { checkedPlanForTask } from '../plan/plan.service.js';
import { writeTaskDepartments } from '../statistics/visit-facts.js';
import { TaskAcceptance } from './task-acceptance.entity.js';
import { progressOf, taskConditions } from './task.conditions.js';
import { Task } from './task.entity.js';
import type { TaskFilter, TaskInput } from './task.input.js';

const NOUN = text('Task', '抽查任务');

/** Throws unless the window filters are days, the first not after the last. */
function checkWindowFilter(filter: TaskFilter): void {
  for (const field of ['windowFrom', 'windowTo'] as const) {
    const day = filter[field];
    if (day != null && !isDay(day))
      throw new BadInputError(
        text(`"${day}" is not a day: write YYYY-MM-DD.`, `“${day}”不是有效日期：请按 YYYY-MM-DD 填写。`),
        field,
      );
  }
  if (filter.windowFrom && filter.windowTo && filter.windowTo < filter.windowFrom)
    throw new BadInputError(
      text(
        `The window filter ends (${filter.windowTo}) before it starts (${filter.windowFrom}): swap the two days.`,
        `截止日期（${filter.windowTo}）早于起始日期（${filter.windowFrom}）：请交换两个日期。`,
      ),
      'windowTo',
    );
}

export async function listTasks(ctx: Context, given: TaskFilter = {}, sort?: SortInput, page?: PageInput) {
  checkWindowFilter(given);
  // A unit's tasks are its department's (tasks belong to top-level departments), as the figures count them.
  const filter = given.departmentId
    ? { ...given, departmentId: await departmentFilter(ctx.em, given.departmentId) }
    : given;
  const scoped = scopeOf(ctx.actor, 'list', 'tasks') === 'department';
  // Fresh conditions for the page and for its count: a raw condition may be used once.
  const where = (): FilterQuery<Task> => {
    const conditions: FilterQuery<Task>[] = [];
    if (scoped) conditions.push(tasksTakingPart<Task>(ctx.actor?.departmentIds ?? []));
    if (filter.year) conditions.push({ year: filter.year });
    if (filter.planId) conditions.push({ plan: filter.planId });
    if (filter.awaitingAnswer) {
      const mine = [...(ctx.actor?.departmentIds ?? [])];
      conditions.push(
        mine.length
          ? {
              [raw(
                (alias: string) =>
                  `exists (select 1 from task_acceptance a where a.task_id = ${alias}.id and a.state = 'PENDING' and a.department_id in (${placeholders(mine)}))`,
                mine,
              )]: [],
            }
          : { id: '' },
      );
    }
    // The filters a figure's list is drilled down with: the same conditions the figures count by.
    const { departmentId, itemId, windowFrom, windowTo, joint, fromPlan, progress } = filter;
    if (departmentId || itemId || windowFrom || windowTo || joint != null || fromPlan != null || progress)
      conditions.push(asFilter<Task>('task', taskConditions(filter)));
    return { $and: conditions };
  };
  return listEntities(ctx.em, Task, {
    where,
    q: filter.q,
    ids: filter.ids,
    searchFields: ['name'],
    sortable: ['createdAt', 'name', 'year', 'windowStart', 'updatedAt'],
    sort,
    page,
  });
}

/** A task the actor may act on, or an error saying why not. */
export async function taskFor(ctx: Context, id: string, action: 'show' | 'edit' | 'delete'): Promise<Task> {
  const task = await ctx.em.findOne(Task, { id, deletedAt: null });
  if (!task) throw new NotFoundError(NOUN, id);
  assertRecordAccess(ctx, action, 'tasks', task);
  return task;
}

export async function showTask(ctx: Context, id: string): Promise<Task | null> {
  const task = await ctx.em.findOne(Task, { id, deletedAt: null });
  if (task) assertRecordAccess(ctx, 'show', 'tasks', task);
  return task;
}

async function checkedFields(ctx: Context, input: TaskInput, action: 'create' | 'edit') {
  const { em } = ctx;
  const { department, cooperating } = await checkedParticipants(ctx, input, action, 'tasks');
  const departmentId = department.id;
  throwIfProblems(
    taskProblems({
      teamSize: input.teamSize,
      cooperatingCount: cooperating.length,
      windowStart: input.windowStart,
      windowEnd: input.windowEnd,
      scope: input.scope,
      filterCount:
        input.regions.length + input.tags.length + input.riskClasses.length + input.targetKinds.length,
    }),
  );
  const items = await em.find(InspectionItem, { id: { $in: input.itemIds }, deletedAt: null });
  for (const id of input.itemIds)
    if (!items.some((item) => item.id === id))
      throw new BadInputError(
        text(`Inspection item ${id} does not exist or has been deleted.`, `抽查事项 ${id} 不存在或已删除。`),
        'itemIds',
      );
  const participants = new Set([departmentId, ...cooperating]);
  for (const item of items) {
    if (item.year !== input.year)
      throw new BadInputError(
        text(
          `Item "${item.name}" is on the ${item.year} list, not ${input.year}'s.`,
          `事项“${item.name}”属于 ${item.year} 年度清单，而不是 ${input.year} 年度。`,
        ),
        'itemIds',
      );
    if (!participants.has(await rootOf(em, item.department.id)))
      throw new BadInputError(
        text(
          `Item "${item.name}" belongs to a department that does not take part in this task.`,
          `事项“${item.name}”所属部门未参与此任务。`,
        ),
        'itemIds',
      );
  }
  const plan = input.planId
    ? await checkedPlanForTask(
        ctx,
        input.planId,
        {
          year: input.year,
          departmentId,
          cooperatingDepartmentIds: cooperating,
          itemIds: items.map((item) => item.id),
        },
        items,
      )
    : null;
  return { department, cooperating, items, plan };
}

/** A task's own fields as stored, from its checked input. */
function stored(input: TaskInput, department: Department, cooperating: string[], plan: Plan | null) {
  return {
    name: input.name.trim(),
    year: input.year,
    department,
    cooperatingDepartmentIds: cooperating,
    plan,
    scope: input.scope,
    regions: input.regions,
    tags: input.tags,
    riskClasses: input.riskClasses,
    targetKinds: input.targetKinds,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    teamSize: input.teamSize,
  };
}

export async function createTask(ctx: Context, input: TaskInput): Promise<Task> {
  const { department, cooperating, items, plan } = await checkedFields(ctx, input, 'create');
  const task = ctx.em.create(Task, stored(input, department, cooperating, plan));
  task.items.set(items);
  await syncAcceptances(ctx.em, task, false);
  await ctx.em.flush();
  await writeTaskDepartments(ctx.em, task);
  return task;
}

/**
 * The acceptances of a task, one per cooperating department in the task's order: missing ones are
 * added as pending, those of departments no longer cooperating removed, and with `reset` every one is
 * asked again. The changes are written by the caller's flush (a query never flushes).
 */
async function syncAcceptances(em: EntityManager, task: Task, reset: boolean): Promise<TaskAcceptance[]> {
  const existing = await em.find(TaskAcceptance, { task }, { populate: ['department', 'answeredBy'] });
  const acceptances: TaskAcceptance[] = [];
  for (const departmentId of task.cooperatingDepartmentIds) {
    const found = existing.find((a) => a.department.id === departmentId);
    if (!found) {
      const department = await em.findOneOrFail(Department, departmentId);
      acceptances.push(em.create(TaskAcceptance, { task, department }));
    } else {
      if (reset) Object.assign(found, { state: 'PENDING', answeredBy: null, answeredAt: null, reason: null });
      acceptances.push(found);
    }
  }
  for (const acceptance of existing)
    if (!task.cooperatingDepartmentIds.includes(acceptance.department.id)) em.remove(acceptance);
  return acceptances;
}

/** Every cooperating department's acceptance of a task (none for a task of one department). */
export function acceptancesOf(em: EntityManager, task: Task): Promise<TaskAcceptance[]> {
  return syncAcceptances(em, task, false);
}

/**
 * The acceptances of the request's tasks as stored, for reading: a page's in one batch (with their
 * departments and answering users), each task's in the order of its cooperating departments. A department
 * with no acceptance stored is left out, and is not ready (see `isReady`).
 */
export async function storedAcceptancesOf(ctx: Context, task: Task): Promise<TaskAcceptance[]> {
  const loader = loaderOf(ctx, 'taskAcceptances', async (ids) => {
    const rows = await ctx.em.find(
      TaskAcceptance,
      { task: { $in: [...ids] } },
      { populate: ['department', 'answeredBy'] },
    );
    const byTask = new Map<string, TaskAcceptance[]>();
    for (const row of rows) {
      const list = byTask.get(row.task.id);
      if (list) list.push(row);
      else byTask.set(row.task.id, [row]);
    }
    return byTask;
  });
  const stored = (await loader.load(task.id)) ?? [];
  return task.cooperatingDepartmentIds.flatMap((id) => stored.filter((a) => a.department.id === id));
}

/** Whether every cooperating department has accepted the task, so that its draw may be scheduled. */
export async function isReady(ctx: Context, task: Task): Promise<boolean> {
  const acceptances = await storedAcceptancesOf(ctx, task);
  return task.cooperatingDepartmentIds.every((id) =>
    acceptances.some((a) => a.department.id === id && a.state === 'ACCEPTED'),
  );
}

/** The items of the request's tasks (those deleted since included), a page's in one batch. */
export async function itemsOf(ctx: Context, task: Task): Promise<InspectionItem[]> {
  const loader = loaderOf(ctx, 'taskItems', async (ids) => {
    const owners = await ctx.em.find(Task, { id: { $in: [...ids] } }, { populate: ['items'] });
    return new Map(owners.map((owner) => [owner.id, owner.items.getItems()]));
  });
  return (await loader.load(task.id)) ?? [];
}

/** Throws unless every cooperating department of a joint task has accepted it (spec §5: 联合抽查). */
export async function assertReadyToDraw(em: EntityManager, task: Task): Promise<void> {
  const waiting = (await acceptancesOf(em, task)).filter((a) => a.state !== 'ACCEPTED');
  if (waiting.length === 0) return;
  const en = waiting
    .map((a) => `${a.department.name} (${a.state === 'DECLINED' ? `declined: ${a.reason}` : 'not answered'})`)
    .join(', ');
  const zh = waiting
    .map((a) => `${a.department.name}（${a.state === 'DECLINED' ? `已拒绝：${a.reason}` : '未确认'}）`)
    .join('、');
  throw new ConflictError(
    text(
      `A joint task is drawn only once every cooperating department has accepted it; waiting for ${en}. Ask their coordinators to accept the task, or change its cooperating departments.`,
      `联合抽查任务须经全部配合部门接受后方可安排摇号，尚待：${zh}。请联系其股室负责人接受该任务，或调整配合部门。`,
    ),
    'taskId',
  );
}

/** The reason given with an answer, trimmed: a department that declines says why. */
export function checkedReason(accept: boolean, reason: string | null | undefined): string {
  const problem = answerReasonProblem(accept, reason);
  if (problem) throw problemError(problem);
  return reason?.trim() ?? '';
}

/**
 * A cooperating department's coordinator accepts the joint task, or declines it with a reason, for their
 * department. The answer may change until a draw of the task is scheduled.
 */
export async function answerTask(
  ctx: Context,
  taskId: string,
  accept: boolean,
  reason: string | null,
): Promise<Task> {
  // Locked (PostgreSQL) against a draw being scheduled at the same moment.
  const task = await ctx.em.findOne(Task, { id: taskId, deletedAt: null }, dialectOf(ctx.em).lockRows);
  if (!task) throw new NotFoundError(NOUN, taskId);
  assertRecordAccess(ctx, 'accept', 'tasks', task);
  if ((await ctx.em.count(Draw, { task })) > 0)
    throw new ConflictError(
      text(
        'A draw of this task has been scheduled: the departments’ answers are final.',
        '该任务已安排摇号，各部门的确认不能再更改。',
      ),
    );
  const trimmed = checkedReason(accept, reason);
  // assertRecordAccess admitted the actor as a cooperating department's, whose answer this is.
  const { departmentIds } = signedInActor(ctx);
  const mine = present(
    (await acceptancesOf(ctx.em, task)).find((a) => departmentIds.includes(a.department.id)),
    `the answer of the actor's department to task ${task.id}`,
  );
  Object.assign(mine, {
    state: accept ? 'ACCEPTED' : 'DECLINED',
    answeredBy: ctx.user,
    answeredAt: ctx.clock(),
    reason: accept ? null : trimmed,
  });
  await ctx.em.flush();
  return task;
}

async function assertNoDraw(ctx: Context, task: Task): Promise<void> {
  if ((await ctx.em.count(Draw, { task })) > 0)
    throw new ConflictError(
      text(
        'A draw of this task has been scheduled: the task can no longer change.',
        '该任务已安排摇号，不能再修改或删除。',
      ),
    );
}

/** What cooperating departments accept: everything about a task but its name. */
function termsOf(task: Task): string {
  return JSON.stringify([
    task.department.id,
    task.cooperatingDepartmentIds,
    task.items.getIdentifiers().sort(),
    task.scope,
    task.regions,
    task.tags,
    task.riskClasses,
    task.targetKinds,
    task.windowStart,
    task.windowEnd,
    task.teamSize,
  ]);
}

/** A task the departments are deciding to merge stays as they saw it until they have decided. */
async function assertNotProposedForMerge(ctx: Context, task: Task): Promise<void> {
  const open = await ctx.em.findOne(MergeProposal, {
    state: 'OPEN',
    taskIds: StringListType.contains(task.id),
  });
  if (open)
    throw new ConflictError(
      text(
        'This task is in a merge proposal awaiting the departments’ answers: decline the proposal, or wait for its outcome, before changing or deleting the task.',
        '该任务在待各部门答复的合并建议中：请先拒绝该建议或等待其结果，再修改或删除任务。',
      ),
    );
}

export async function updateTask(ctx: Context, id: string, input: TaskInput): Promise<Task> {
  const task = await taskFor(ctx, id, 'edit');
  await assertNoDraw(ctx, task);
  await assertNotProposedForMerge(ctx, task);
  const { department, cooperating, items, plan } = await checkedFields(ctx, input, 'edit');
  await ctx.em.populate(task, ['items']);
  const before = termsOf(task);
  ctx.em.assign(task, stored(input, department, cooperating, plan));
  task.items.set(items);
  // A changed task is not the one the cooperating departments accepted: they are asked again.
  await syncAcceptances(ctx.em, task, termsOf(task) !== before);
  await ctx.em.flush();
  await writeTaskDepartments(ctx.em, task);
  return task;
}

export async function deleteTask(ctx: Context, id: string): Promise<Task> {
  const task = await taskFor(ctx, id, 'delete');
  await assertNoDraw(ctx, task);
  await assertNotProposedForMerge(ctx, task);
  task.deletedAt = new Date();
  await ctx.em.flush();
  return task;
}

/**
 * A task's progress and its visits by state, for a whole page of tasks in one statement (the progress by
 * `progressOf`, the rule the task list's filter and 统计分析 count by).
 */
export async function visitsOf(
  ctx: Context,
  task: Task,
): Promise<{ progress: TaskProgress; visits: { drawn: number; entered: number; published: number } }> {
  const loader = loaderOf(ctx, 'taskVisits', async (ids) => {
    const rows = await selectRows<{
      id: string;
      progress: TaskProgress;
      drawn: number | string | null;
      entered: number | string | null;
      published: number | string | null;
    }>(
      ctx.em,
      `select t.id, ${progressOf('t')} as progress,
         (select count(*) from inspection i where i.task_id = t.id) as drawn,
         (select count(*) from inspection i where i.task_id = t.id and i.state in ('PENDING_REVIEW', 'PUBLISHED')) as entered,
         (select count(*) from inspection i where i.task_id = t.id and i.state = 'PUBLISHED') as published
       from task t where t.id in (${placeholders(ids)})`,
      ids,
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          progress: row.progress,
          visits: {
            drawn: Number(row.drawn ?? 0),
            entered: Number(row.entered ?? 0),
            published: Number(row.published ?? 0),
          },
        },
      ]),
    );
  });
  return (
    (await loader.load(task.id)) ?? { progress: 'PENDING', visits: { drawn: 0, entered: 0, published: 0 } }
  );
}
