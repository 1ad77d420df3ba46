import type { FilterQuery } from '@mikro-orm/core';
import { isIsoDate, scopeOf, text } from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { BadInputError, ConflictError, NotFoundError } from '../../graphql/errors.js';
import { listEntities, type PageInput, type SortInput } from '../../graphql/list.js';
import { assertRecordAccess } from '../../graphql/policy.js';
import type { Department } from '../department/department.entity.js';
import { checkedParticipants, rootOf, takingPart } from '../department/participation.js';
import { Draw } from '../draw/draw.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import type { Plan } from '../plan/plan.entity.js';
import { checkedPlanForTask } from '../plan/plan.service.js';
import { Task } from './task.entity.js';
import type { TaskFilter, TaskInput } from './task.input.js';

const NOUN = text('Task', '抽查任务');

export function listTasks(ctx: Context, filter: TaskFilter = {}, sort?: SortInput, page?: PageInput) {
  const where: FilterQuery<Task>[] = [];
  if (scopeOf(ctx.actor, 'list', 'tasks') === 'department')
    where.push(takingPart<Task>(ctx.actor?.departmentIds ?? []));
  if (filter.year) where.push({ year: filter.year });
  if (filter.departmentId) where.push(takingPart<Task>([filter.departmentId]));
  if (filter.planId) where.push({ plan: filter.planId });
  return listEntities(ctx.em, Task, {
    where: { $and: where },
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
  if (input.teamSize < 1 + cooperating.length)
    throw new BadInputError(
      text(
        `A team of ${input.teamSize} cannot hold one inspector from each of ${1 + cooperating.length} departments.`,
        `每组 ${input.teamSize} 人，无法容纳来自 ${1 + cooperating.length} 个部门的各一名人员。`,
      ),
      'teamSize',
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
  for (const [field, value] of [
    ['windowStart', input.windowStart],
    ['windowEnd', input.windowEnd],
  ] as const)
    if (!isIsoDate(value))
      throw new BadInputError(
        text(`"${value}" is not a date: write YYYY-MM-DD.`, `“${value}”不是有效日期：请按 YYYY-MM-DD 填写。`),
        field,
      );
  if (input.windowEnd < input.windowStart)
    throw new BadInputError(
      text('The task ends before it starts.', '任务结束日期早于开始日期。'),
      'windowEnd',
    );
  const directed =
    input.regions.length + input.tags.length + input.riskClasses.length + input.targetKinds.length > 0;
  if (input.scope === 'UNDIRECTED' && directed)
    throw new BadInputError(
      text(
        'An undirected task has no filters: clear them, or make the task directed.',
        '不定向任务不设筛选条件：请清空条件，或改为定向任务。',
      ),
      'scope',
    );
  if (input.scope === 'DIRECTED' && !directed)
    throw new BadInputError(
      text(
        'A directed task needs at least one filter (region, tag, risk class or kind).',
        '定向任务至少需要一个筛选条件（区域、标签、风险分类或对象类别）。',
      ),
      'scope',
    );
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

export async function updateTask(ctx: Context, id: string, input: TaskInput): Promise<Task> {
  const task = await taskFor(ctx, id, 'edit');
  await assertNoDraw(ctx, task);
  const { department, cooperating, items, plan } = await checkedFields(ctx, input, 'edit');
  ctx.em.assign(task, stored(input, department, cooperating, plan));
  task.items.set(items);
  await ctx.em.flush();
  return task;
}

export async function deleteTask(ctx: Context, id: string): Promise<Task> {
  const task = await taskFor(ctx, id, 'delete');
  await assertNoDraw(ctx, task);
  task.deletedAt = new Date();
  await ctx.em.flush();
  return task;
}
