import type { FilterQuery } from '@mikro-orm/core';
import { canAccess, planLineProblems, scopeOf, taskPlanProblems, text, type PlanScope } from '@suiji/domain';
import { selectRows } from '../../db/sql.js';
import type { Context } from '../../graphql/context.js';
import { BadInputError, ConflictError, NotFoundError, throwIfProblems } from '../../graphql/errors.js';
import { listEntities, type PageInput, type SortInput } from '../../graphql/list.js';
import { loaderOf } from '../../graphql/loaders.js';
import { assertRecordAccess } from '../../graphql/policy.js';
import { present } from '../../invariant.js';
import { checkedParticipants, rootOf, takingPart } from '../department/participation.js';
import { InspectionItem } from '../item/item.entity.js';
import { Task } from '../task/task.entity.js';
import { lineRoundsDone } from './plan.conditions.js';
import { Plan, PlanItem } from './plan.entity.js';
import type { PlanFilter, PlanInput } from './plan.input.js';

const NOUN = text('Plan', '年度抽查计划');

export function listPlans(ctx: Context, filter: PlanFilter = {}, sort?: SortInput, page?: PageInput) {
  const where: FilterQuery<Plan>[] = [];
  if (scopeOf(ctx.actor, 'list', 'plans') === 'department')
    where.push(takingPart<Plan>(ctx.actor?.departmentIds ?? []));
  if (filter.year) where.push({ year: filter.year });
  if (filter.departmentId) where.push(takingPart<Plan>([filter.departmentId]));
  return listEntities(ctx.em, Plan, {
    where: { $and: where },
    q: filter.q,
    ids: filter.ids,
    searchFields: ['name'],
    sortable: ['createdAt', 'name', 'year', 'updatedAt'],
    sort,
    page,
  });
}

/** A plan the actor may act on, or an error saying why not. */
export async function planFor(ctx: Context, id: string, action: 'show' | 'edit' | 'delete'): Promise<Plan> {
  const plan = await ctx.em.findOne(Plan, { id, deletedAt: null });
  if (!plan) throw new NotFoundError(NOUN, id);
  assertRecordAccess(ctx, action, 'plans', plan);
  return plan;
}

export async function showPlan(ctx: Context, id: string): Promise<Plan | null> {
  const plan = await ctx.em.findOne(Plan, { id, deletedAt: null });
  if (plan) assertRecordAccess(ctx, 'show', 'plans', plan);
  return plan;
}

/** What a task must share with its plan, from the plan as stored. */
async function planScope(ctx: Context, plan: Plan): Promise<PlanScope & { name: string }> {
  await ctx.em.populate(plan, ['lines']);
  return {
    name: plan.name,
    year: plan.year,
    departmentId: plan.department.id,
    cooperatingDepartmentIds: plan.cooperatingDepartmentIds,
    itemIds: plan.lines.getItems().map((line) => line.item.id),
  };
}

async function checkedFields(ctx: Context, input: PlanInput, action: 'create' | 'edit') {
  const { em } = ctx;
  const { department, cooperating } = await checkedParticipants(ctx, input, action, 'plans');
  const itemIds = input.lines.map((line) => line.itemId);
  const items = await em.find(InspectionItem, { id: { $in: itemIds }, deletedAt: null });
  throwIfProblems(planLineProblems(input.lines, new Map(items.map((item) => [item.id, item]))));
  const participants = new Set([department.id, ...cooperating]);
  for (const item of items) {
    if (item.year !== input.year)
      throw new BadInputError(
        text(
          `Item "${item.name}" is on the ${item.year} list, not ${input.year}'s: choose items of the plan's year.`,
          `事项“${item.name}”属于 ${item.year} 年度清单，而不是 ${input.year} 年度：请选择计划年度的事项。`,
        ),
        'lines',
      );
    if (!participants.has(await rootOf(em, item.department.id)))
      throw new BadInputError(
        text(
          `Item "${item.name}" belongs to a department that does not take part in this plan: add that department as cooperating, or remove the item.`,
          `事项“${item.name}”所属部门未参与此计划：请将该部门列为配合部门，或删除该事项。`,
        ),
        'lines',
      );
  }
  const byId = new Map(items.map((item) => [item.id, item]));
  const lines = input.lines.map((line) => ({
    item: present(byId.get(line.itemId), `item ${line.itemId}`),
    ratioBp: line.ratioBp,
    timesPerYear: line.timesPerYear,
    period: line.period?.trim() || null,
  }));
  return {
    fields: {
      name: input.name.trim(),
      year: input.year,
      department,
      cooperatingDepartmentIds: cooperating,
      remarks: input.remarks?.trim() || null,
    },
    lines,
  };
}

type CheckedLines = Awaited<ReturnType<typeof checkedFields>>['lines'];

/** Replaces a plan's lines, keeping the rows of items that stay (their ids stay stable). */
function setLines(ctx: Context, plan: Plan, lines: CheckedLines): void {
  const kept = new Map(plan.lines.getItems().map((line) => [line.item.id, line]));
  const next: PlanItem[] = [];
  for (const line of lines) {
    const existing = kept.get(line.item.id);
    if (existing) next.push(ctx.em.assign(existing, line));
    else next.push(ctx.em.create(PlanItem, { ...line, plan }));
  }
  plan.lines.set(next);
}

export async function createPlan(ctx: Context, input: PlanInput): Promise<Plan> {
  const { fields, lines } = await checkedFields(ctx, input, 'create');
  const plan = ctx.em.create(Plan, fields);
  setLines(ctx, plan, lines);
  await ctx.em.flush();
  return plan;
}

/** Tasks carrying out the plan (deleted ones aside). */
function tasksOf(ctx: Context, plan: Plan): Promise<Task[]> {
  return ctx.em.find(Task, { plan, deletedAt: null }, { populate: ['items'], orderBy: { createdAt: 'ASC' } });
}

export async function updatePlan(ctx: Context, id: string, input: PlanInput): Promise<Plan> {
  const plan = await planFor(ctx, id, 'edit');
  const { fields, lines } = await checkedFields(ctx, input, 'edit');
  // A change must leave every task of the plan a round of it.
  const after = {
    ...fields,
    departmentId: fields.department.id,
    itemIds: lines.map((line) => line.item.id),
  };
  for (const task of await tasksOf(ctx, plan)) {
    const items = task.items.getItems();
    const [problem] = taskPlanProblems(
      {
        year: task.year,
        departmentId: task.department.id,
        cooperatingDepartmentIds: task.cooperatingDepartmentIds,
        itemIds: items.map((item) => item.id),
      },
      after,
      (itemId) => items.find((item) => item.id === itemId)?.name ?? itemId,
    );
    if (problem)
      throw new ConflictError(
        text(
          `Task "${task.name}" is a round of this plan and would no longer fit it: ${problem.message.en}. Change or delete the task first, or keep what it needs in the plan.`,
          `任务“${task.name}”属于此计划，修改后将不再符合计划：${problem.message['zh-CN']}。请先修改或删除该任务，或在计划中保留它所需的内容。`,
        ),
        problem.field === 'itemIds' ? 'lines' : problem.field,
      );
  }
  await ctx.em.populate(plan, ['lines']);
  ctx.em.assign(plan, fields);
  setLines(ctx, plan, lines);
  await ctx.em.flush();
  return plan;
}

export async function deletePlan(ctx: Context, id: string): Promise<Plan> {
  const plan = await planFor(ctx, id, 'delete');
  const tasks = await ctx.em.count(Task, { plan, deletedAt: null });
  if (tasks > 0)
    throw new ConflictError(
      text(
        `${tasks} task(s) carry out this plan: delete them or link them to another plan first.`,
        `有 ${tasks} 个抽查任务属于此计划：请先删除这些任务，或将其改为其他计划。`,
      ),
    );
  plan.deletedAt = new Date();
  await ctx.em.flush();
  return plan;
}

/**
 * The plan a task names, when the actor may see it and the task fits it as one of its rounds; a plan
 * the actor may not see reads as missing, so nobody learns of another department's plans by trying.
 */
export async function checkedPlanForTask(
  ctx: Context,
  planId: string,
  task: PlanScope,
  items: readonly InspectionItem[],
): Promise<Plan> {
  const plan = await ctx.em.findOne(Plan, { id: planId, deletedAt: null });
  if (!plan || !canAccess(ctx.actor, 'show', 'plans', plan))
    throw new BadInputError(
      text(
        `Plan ${planId} does not exist or has been deleted: choose one of your department's plans.`,
        `年度抽查计划 ${planId} 不存在或已删除：请选择本部门参与的计划。`,
      ),
      'planId',
    );
  throwIfProblems(
    taskPlanProblems(
      task,
      await planScope(ctx, plan),
      (itemId) => items.find((item) => item.id === itemId)?.name ?? itemId,
    ),
  );
  return plan;
}

/**
 * The rounds of a line completed: tasks of the plan including its item whose every visit is published
 * (a drawn task with results still to come is not a completed round), at most the rounds planned. The
 * lines of a page are counted in one statement.
 */
export async function roundsDone(ctx: Context, line: PlanItem): Promise<number> {
  const loader = loaderOf(ctx, 'roundsDone', async (lineIds) => {
    const found = await selectRows<{ id: string; done: number | string }>(
      ctx.em,
      `select l.id, ${lineRoundsDone('l')} as done from plan_item l where l.id in (${lineIds.map(() => '?').join(', ')})`,
      lineIds,
    );
    return new Map(found.map((row) => [row.id, Number(row.done)]));
  });
  return (await loader.load(line.id)) ?? 0;
}

/** Tasks of the plan that include the line's item, in any state: the rounds already set up. */
export async function lineTaskCount(ctx: Context, line: PlanItem): Promise<number> {
  const loader = loaderOf(ctx, 'lineTaskCount', async (lineIds) => {
    const found = await selectRows<{ id: string; n: number | string }>(
      ctx.em,
      `select l.id, count(k.id) as n from plan_item l
         left join task_item ti on ti.inspection_item_id = l.item_id
         left join task k on k.id = ti.task_id and k.plan_id = l.plan_id and k.deleted_at is null
        where l.id in (${lineIds.map(() => '?').join(', ')}) group by l.id`,
      lineIds,
    );
    return new Map(found.map((row) => [row.id, Number(row.n)]));
  });
  return (await loader.load(line.id)) ?? 0;
}

export function taskCount(ctx: Context, plan: Plan): Promise<number> {
  return ctx.em.count(Task, { plan, deletedAt: null });
}
