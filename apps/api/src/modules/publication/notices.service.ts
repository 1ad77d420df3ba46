/**
 * 一公开: yearly plans and tasks as public notices, built from the entities in a constant number of
 * statements per page (the page, its total when needed, then what it shows, each in one statement).
 *
 * A plan is public once made (plans have no draft state; deleted ones aside). A task is public once its
 * draw is scheduled: from then on it can be neither changed nor deleted, and a joint one has been
 * accepted by every cooperating department; before that it is a draft its departments may still change.
 */
import { raw, type FilterQuery } from '@mikro-orm/core';
import { placeholders } from '../../db/query.js';
import { selectRows } from '../../db/sql.js';
import type { Context } from '../../graphql/context.js';
import { SortOrder } from '../../graphql/enums.js';
import { present } from '../../invariant.js';
import { listEntities, type Page, type PageInput, type SortInput } from '../../graphql/list.js';
import { takingPart, tasksTakingPart } from '../department/participation.js';
import { Department } from '../department/department.entity.js';
import { Draw } from '../draw/draw.entity.js';
import type { InspectionItem } from '../item/item.entity.js';
import { Plan, PlanItem } from '../plan/plan.entity.js';
import { Task } from '../task/task.entity.js';
import { named, namesOf } from './publication.service.js';
import type {
  PublicPlan,
  PublicPlanFilter,
  PublicPlanLine,
  PublicTask,
  PublicTaskFilter,
} from './notices.types.js';

const NEWEST_FIRST = { field: 'createdAt', order: SortOrder.DESC };

/** Items in the order of the item list. */
const inListOrder = (a: InspectionItem, b: InspectionItem) => a.seq - b.seq || a.name.localeCompare(b.name);

/** Tasks whose draw is scheduled: the published ones. A raw value, which both the page and its count keep. */
const published = (): FilterQuery<Task> => ({ id: { $in: raw('select pd.task_id from draw pd') } });

/** Each plan's published tasks and the targets they have drawn, in one statement. */
async function planFigures(
  ctx: Context,
  planIds: readonly string[],
): Promise<Map<string, { tasks: number; drawn: number }>> {
  if (planIds.length === 0) return new Map();
  const rows = await selectRows<{ plan_id: string; tasks: number | string; drawn: number | string | null }>(
    ctx.em,
    `select k.plan_id, count(*) as tasks, sum(d.selected_count) as drawn
       from task k join draw d on d.task_id = k.id
      where k.deleted_at is null and k.plan_id in (${placeholders(planIds)})
      group by k.plan_id`,
    planIds,
  );
  return new Map(
    rows.map((row) => [row.plan_id, { tasks: Number(row.tasks), drawn: Number(row.drawn ?? 0) }]),
  );
}

/** The plans' public notices, with what they show fetched once for all of them. */
async function publicPlans(ctx: Context, plans: readonly Plan[]): Promise<PublicPlan[]> {
  const ids = plans.map((plan) => plan.id);
  const [lines, departments, figures] = await Promise.all([
    ids.length
      ? ctx.em.find(PlanItem, { plan: { $in: ids } }, { populate: ['item'] })
      : Promise.resolve([] as PlanItem[]),
    namesOf(
      ctx,
      Department,
      plans.flatMap((plan) => plan.departmentIds),
    ),
    planFigures(ctx, ids),
  ]);
  return plans.map((plan): PublicPlan => {
    const figure = figures.get(plan.id);
    return {
      id: plan.id,
      name: plan.name,
      year: plan.year,
      departments: named(departments, plan.departmentIds),
      lines: lines
        .filter((line) => line.plan.id === plan.id)
        .sort((a, b) => inListOrder(a.item, b.item))
        .map((line): PublicPlanLine => ({
          item: line.item.name,
          ratioBp: line.ratioBp,
          timesPerYear: line.timesPerYear,
          period: line.period,
        })),
      taskCount: figure?.tasks ?? 0,
      selectedCount: figure?.drawn ?? 0,
      createdAt: plan.createdAt,
    };
  });
}

export async function listPublicPlans(
  ctx: Context,
  filter: PublicPlanFilter = {},
  sort?: SortInput,
  page?: PageInput,
): Promise<Page<PublicPlan>> {
  const conditions: FilterQuery<Plan>[] = [];
  if (filter.year) conditions.push({ year: filter.year });
  if (filter.departmentId) conditions.push(takingPart<Plan>([filter.departmentId]));
  const found = await listEntities(ctx.em, Plan, {
    where: { $and: conditions },
    q: filter.q,
    searchFields: ['name'],
    sortable: ['createdAt', 'year', 'name'],
    sort: sort ?? NEWEST_FIRST,
    page,
  });
  return { total: found.total, items: await publicPlans(ctx, found.items) };
}

export async function showPublicPlan(ctx: Context, id: string): Promise<PublicPlan | null> {
  const plan = await ctx.em.findOne(Plan, { id, deletedAt: null });
  return plan ? present((await publicPlans(ctx, [plan]))[0], `public plan ${plan.id}`) : null;
}

/** The tasks' public notices, with their draws and the names they show fetched once for all of them. */
async function publicTasks(ctx: Context, tasks: readonly Task[]): Promise<PublicTask[]> {
  await ctx.em.populate(tasks, ['items']);
  const [draws, departments] = await Promise.all([
    tasks.length ? ctx.em.find(Draw, { task: { $in: tasks.map((task) => task.id) } }) : Promise.resolve([]),
    namesOf(
      ctx,
      Department,
      tasks.flatMap((task) => task.departmentIds),
    ),
  ]);
  const drawOf = new Map(draws.map((draw) => [draw.task.id, draw]));
  return tasks.map((task): PublicTask => {
    // A task is published by its draw.
    const draw = present(drawOf.get(task.id), `the draw of task ${task.id}`);
    return {
      id: task.id,
      name: task.name,
      year: task.year,
      planId: task.plan?.id ?? null,
      planName: task.plan?.name ?? null,
      departments: named(departments, task.departmentIds),
      items: task.items
        .getItems()
        .sort(inListOrder)
        .map((item) => item.name),
      scope: task.scope,
      regions: task.regions,
      tags: task.tags,
      targetKinds: task.targetKinds,
      windowStart: task.windowStart,
      windowEnd: task.windowEnd,
      drawId: draw.id,
      drawStatus: draw.status,
      selectedCount: draw.selectedCount,
    };
  });
}

export async function listPublicTasks(
  ctx: Context,
  filter: PublicTaskFilter = {},
  sort?: SortInput,
  page?: PageInput,
): Promise<Page<PublicTask>> {
  // Fresh conditions for the page and for its count: a raw condition may be used once.
  const where = (): FilterQuery<Task> => {
    const conditions: FilterQuery<Task>[] = [published()];
    if (filter.year) conditions.push({ year: filter.year });
    if (filter.departmentId) conditions.push(tasksTakingPart<Task>([filter.departmentId]));
    if (filter.planId) conditions.push({ plan: filter.planId });
    if (filter.scope) conditions.push({ scope: filter.scope });
    return { $and: conditions };
  };
  const found = await listEntities(ctx.em, Task, {
    where,
    q: filter.q,
    searchFields: ['name'],
    sortable: ['windowStart', 'year', 'name'],
    sort: sort ?? { field: 'windowStart', order: SortOrder.DESC },
    page,
    populate: ['plan'],
  });
  return { total: found.total, items: await publicTasks(ctx, found.items) };
}
