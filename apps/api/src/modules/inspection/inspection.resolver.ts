import { readRows, type Row } from '../../db/rows.js';
import type { FilterQuery } from '@mikro-orm/core';
import { ArrayMaxSize } from 'class-validator';
import { raw } from '@mikro-orm/core';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import {
  BATCH_REVIEW_MAX,
  MAX_LENGTH,
  RESULT_STATES,
  chinaToday,
  isOverdue,
  publicationDeadline,
  scopeOf,
  text,
  type FollowUp,
  type InspectionListFilter,
  type ResultState,
  type RiskClass,
  type TargetKind,
} from '@suiji/domain';
import { Task } from '../task/task.entity.js';
import { departmentFilter, tasksTakingPart } from '../department/participation.js';
import { FollowUpEnum, ResultStateEnum, RiskClassEnum, TargetKindEnum } from '../../graphql/enums.js';
import { takingPartSql, visitPredicate } from '../statistics/visit-predicates.js';
import { allOf, clause, type Clause } from '../../db/query.js';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { listEntities, MAX_PER_PAGE, PageInput, PageType, SortInput } from '../../graphql/list.js';
import { targetContains } from '../../db/search.js';
import { selectRows, summedCount, toNumber, type SqlNumber } from '../../db/sql.js';
import { byKey, loaderOf, manyByKey, related } from '../../graphql/loaders.js';
import { Personal } from '../../graphql/personal.js';
import { assertRecordAccess, Policy } from '../../graphql/policy.js';
import { Inspector } from '../inspector/inspector.entity.js';
import { User } from '../user/user.entity.js';
import { Target } from '../target/target.entity.js';
import { Category } from '../category/category.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import { Inspection } from './inspection.entity.js';
import { itsInspection, ItemResult } from './item-result.entity.js';
import { CloseFollowUpInput, ResultInput, ReviewInput } from './inspection.input.js';
import * as results from './inspection.service.js';
import { scopedInspection } from './inspection.scope.js';
import { checkDayRange } from '../../graphql/day-range.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The list's filters: those of a task, a draw, some ids, and those of the statistics (the domain's
 * `InspectionListFilter`), so that the list behind a figure holds the visits it counts.
 */
@InputType()
class InspectionFilter implements InspectionListFilter {
  @Field(() => ID, { nullable: true })
  taskId?: string;

  @Field(() => ID, { nullable: true })
  drawId?: string;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_PER_PAGE)
  ids?: string[];

  @Field(() => String, { nullable: true, description: 'Drawn on or after this day (China), YYYY-MM-DD' })
  @IsOptional()
  @Matches(DAY)
  drawnFrom?: string;

  @Field(() => String, { nullable: true, description: 'Drawn on or before this day (China), YYYY-MM-DD' })
  @IsOptional()
  @Matches(DAY)
  drawnTo?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Of a task this department takes part in (a unit stands for its department)',
  })
  @IsOptional()
  @MaxLength(36)
  departmentId?: string;

  @Field(() => ID, { nullable: true, description: 'Covering this item' })
  @IsOptional()
  @MaxLength(36)
  itemId?: string;

  @Field(() => String, { nullable: true, description: "The target's region (乡镇/街道) as drawn" })
  @IsOptional()
  @MaxLength(100)
  region?: string;

  @Field(() => TargetKindEnum, { nullable: true, description: "The target's kind as drawn" })
  targetKind?: TargetKind;

  @Field(() => RiskClassEnum, { nullable: true, description: "The target's risk class as drawn" })
  riskClass?: RiskClass;

  @Field(() => Boolean, { nullable: true, description: 'Of a joint task (true) or a single department’s' })
  joint?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'An item of the published result in this category (of the item, when one is given)',
  })
  @IsOptional()
  @MaxLength(40)
  category?: string;

  @Field(() => FollowUpEnum, {
    nullable: true,
    description: 'An item of the published result with this follow-up (of the item, when one is given)',
  })
  followUp?: FollowUp;

  @Field(() => [ResultStateEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(RESULT_STATES.length)
  states?: ResultState[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Published with a problem (for the item, when one is given); false: published without',
  })
  problem?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'With a problem whose every follow-up is closed; false: one still open',
  })
  closed?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Published within its deadline (true) or after it (false)',
  })
  onTime?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Past its deadline and not published' })
  overdue?: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The target's name or credit code, or a part of either",
  })
  @IsOptional()
  @MaxLength(MAX_LENGTH.short)
  q?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only those whose team includes the signed-in user (我的); an account that is no inspector has none',
  })
  mine?: boolean;
}

const InspectionPage = PageType(Inspection, 'InspectionPage');

/** The list's statistics filters, checked, a unit standing for its department. */
async function statisticsFilter(ctx: Context, filter: InspectionFilter): Promise<InspectionListFilter> {
  checkDayRange(filter, 'drawnFrom', 'drawnTo', text('The range', '抽取日期范围'));
  const listFilter: InspectionListFilter = { ...filter };
  if (filter.departmentId) listFilter.departmentId = await departmentFilter(ctx.em, filter.departmentId);
  return listFilter;
}

/**
 * The list's total from the visits' summary (`visit_cube`, kept exact with the facts it counts), when the
 * filter is one the summary counts by: the same predicate the statistics count with, so a figure and
 * the total of the list behind it are one number. Every visit is in it: a draw writes its visits with
 * their facts, and every change of a visit refreshes them in its transaction (the summaries' tests check
 * both). Null for a search, ids, "mine", a draw or an item's conditions (the list then counts itself).
 */
async function summaryTotal(
  ctx: Context,
  scope: ReturnType<typeof scopeOf>,
  filter: InspectionFilter,
  listFilter: InspectionListFilter,
  today: string,
): Promise<number | null> {
  if (scope !== 'all' && scope !== 'department') return null;
  if (filter.q?.trim() || filter.ids || filter.mine || filter.drawId) return null;
  if (filter.itemId != null || filter.category != null || filter.followUp != null) return null;
  const conditions: Clause[] = [visitPredicate(listFilter, today, { alias: 'c', table: 'visit_cube' })];
  if (scope === 'department') conditions.push(takingPartSql('c', ctx.actor?.departmentIds ?? []));
  if (filter.taskId) conditions.push(clause('c.task_id = ?', filter.taskId));
  return summedCount(ctx.em, 'visit_cube', allOf(conditions));
}

/** The inspector entries of a user (an inspector sees the inspections of their teams). */
async function inspectorIdsOf(ctx: Context): Promise<string[]> {
  if (!ctx.actor) return [];
  return (await ctx.em.find(Inspector, { user: ctx.actor.id, deletedAt: null }, { fields: ['id'] })).map(
    (i) => i.id,
  );
}

@Resolver(() => Inspection)
export class InspectionResolver {
  @Policy('list', 'inspections')
  @Query(() => InspectionPage)
  async inspections(
    @Ctx() ctx: Context,
    @Arg('filter', () => InspectionFilter, { nullable: true }) filter: InspectionFilter = {},
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
    @Arg('sort', () => SortInput, {
      nullable: true,
      description:
        'By createdAt (the default: as drawn), deadline, drawnOn, state, inspectedOn or publishedAt',
    })
    sort?: SortInput,
  ) {
    const scope = scopeOf(ctx.actor, 'list', 'inspections');
    const mine = scope === 'own' || filter.mine ? await inspectorIdsOf(ctx) : [];
    const listFilter = await statisticsFilter(ctx, filter);
    const today = chinaToday(ctx.clock());
    const where = (): FilterQuery<Inspection> => {
      const conditions: FilterQuery<Inspection>[] = [];
      if (scope === 'department')
        conditions.push(tasksTakingPart<Inspection>(ctx.actor?.departmentIds ?? [], 'task_id'));
      if (scope === 'own' || filter.mine)
        conditions.push(
          mine.length
            ? {
                [raw(
                  (alias: string) =>
                    `exists (select 1 from inspection_member m where m.inspection_id = ${alias}.id and m.inspector_id in (${mine.map(() => '?').join(', ')}))`,
                  mine,
                )]: [],
              }
            : { id: '' },
        );
      if (filter.taskId) conditions.push({ task: filter.taskId });
      if (filter.drawId) conditions.push({ draw: filter.drawId });
      if (filter.ids) conditions.push({ id: { $in: filter.ids } });
      const q = filter.q?.trim();
      if (q) conditions.push({ target: targetContains(ctx.em, q) });
      const build = (alias: string) => visitPredicate(listFilter, today, { alias, table: 'inspection' });
      conditions.push({ [raw((alias: string) => build(alias).sql, build('i').params)]: [] });
      return { $and: conditions };
    };
    return listEntities(ctx.em, Inspection, {
      where,
      searchFields: [],
      sortable: ['createdAt', 'deadline', 'drawnOn', 'state', 'inspectedOn', 'publishedAt'],
      sort,
      page,
      softDelete: false,
      // Rows, with their target joined into the page's own statement.
      rows: { joined: ['target'] },
      total: () => summaryTotal(ctx, scope, filter, listFilter, today),
    });
  }

  @Policy('show', 'inspections')
  @Query(() => Inspection, { nullable: true })
  async inspection(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    const inspection = await ctx.em.findOne(Inspection, { id });
    if (inspection) assertRecordAccess(ctx, 'show', 'inspections', await scopedInspection(ctx, inspection));
    return inspection;
  }

  @Policy('enter', 'inspections')
  @Mutation(() => Inspection, {
    description: "Enters the result of one of your team's inspections; it then awaits review",
  })
  enterResult(@Ctx() ctx: Context, @Arg('input', () => ResultInput) input: ResultInput) {
    return results.enterResult(ctx, input);
  }

  @Policy('review', 'inspections')
  @Mutation(() => Inspection, { description: 'Publishes (公示) or rejects a result awaiting review' })
  reviewResult(@Ctx() ctx: Context, @Arg('input', () => ReviewInput) input: ReviewInput) {
    return results.reviewResult(ctx, input);
  }

  @Policy('review', 'inspections')
  @Mutation(() => [Inspection], {
    description: `Publishes (公示) several results awaiting review (at most ${BATCH_REVIEW_MAX}) in one transaction, each checked as if alone: one refused refuses them all`,
  })
  publishResults(@Ctx() ctx: Context, @Arg('inspectionIds', () => [ID]) inspectionIds: string[]) {
    return results.publishResults(ctx, inspectionIds);
  }

  @Policy('close', 'inspections')
  @Mutation(() => Inspection, {
    description: 'Records how the follow-up of a published problem ended (后续处置完结), once',
  })
  closeFollowUp(
    @Ctx() ctx: Context,
    @Arg('inspectionId', () => ID) inspectionId: string,
    @Arg('itemId', () => ID) itemId: string,
    @Arg('input', () => CloseFollowUpInput) input: CloseFollowUpInput,
  ) {
    return results.closeFollowUp(ctx, inspectionId, itemId, input);
  }

  @FieldResolver(() => String, {
    description: 'The last day to publish the result: 20 working days after the task ends',
  })
  publicationDeadline(@Root() inspection: Row<Inspection>, @Ctx() ctx: Context) {
    return deadlineOf(ctx, inspection);
  }

  @FieldResolver(() => Boolean, { description: 'Not published and past its publication deadline' })
  overdue(@Root() inspection: Row<Inspection>, @Ctx() ctx: Context) {
    const overdue = (deadline: string) => isOverdue(deadline, ctx.clock(), inspection.state === 'PUBLISHED');
    const deadline = deadlineOf(ctx, inspection);
    return typeof deadline === 'string' ? overdue(deadline) : deadline.then(overdue);
  }

  @FieldResolver(() => Target)
  target(@Root() inspection: Row<Inspection>, @Ctx() ctx: Context) {
    return related(ctx, Target, inspection.target, inspection.target.id);
  }

  @FieldResolver(() => [InspectionItem], { description: 'The items this visit covers' })
  items(@Root() inspection: Row<Inspection>, @Ctx() ctx: Context) {
    return manyByKey(ctx, InspectionItem, inspection.itemIds);
  }

  @FieldResolver(() => [ItemResult], { description: 'The result per item, once entered' })
  async results(@Root() inspection: Row<Inspection>, @Ctx() ctx: Context) {
    return (await resultsOf(ctx).load(inspection.id)) ?? [];
  }

  @FieldResolver(() => [Inspector], { description: 'The current team, in its order' })
  team(@Root() inspection: Row<Inspection>, @Ctx() ctx: Context) {
    return manyByKey(ctx, Inspector, inspection.teamIds);
  }
}

/**
 * An inspection's publication deadline: the one stored with its facts when it was drawn (a drawn task's
 * window cannot change), else computed from its task's window. Stored, it is answered at once: a page
 * of a hundred makes no promises for it.
 */
function deadlineOf(ctx: Context, inspection: Row<Inspection>): string | Promise<string> {
  if (inspection.deadline) return inspection.deadline;
  return Promise.resolve(related(ctx, Task, inspection.task, inspection.task.id)).then((task) =>
    publicationDeadline(task.windowEnd),
  );
}

/**
 * The item results of many inspections in one statement, with their categories; their items (a few,
 * each long) are loaded by key, once for the page.
 */
function resultsOf(ctx: Context) {
  return loaderOf(ctx, ItemResult, async (inspectionIds) => {
    // Rows (db/rows.ts), with their categories: a page shows them, it changes none.
    const found = await readRows(ctx.em, ItemResult, {
      where: { inspection: { $in: [...inspectionIds] } },
      orderBy: { createdAt: 'ASC', id: 'ASC' },
      joined: ['category'],
    });
    const byInspection = new Map<string, Row<ItemResult>[]>();
    for (const result of found) {
      const list = byInspection.get(result.inspection.id) ?? [];
      list.push(result);
      byInspection.set(result.inspection.id, list);
    }
    return byInspection;
  });
}

@Resolver(() => ItemResult)
export class ItemResultResolver {
  @FieldResolver(() => InspectionItem)
  item(@Root() result: Row<ItemResult>, @Ctx() ctx: Context) {
    return related(ctx, InspectionItem, result.item, result.item.id);
  }

  @FieldResolver(() => Category, { description: "The category's names and consequences" })
  categoryInfo(@Root() result: Row<ItemResult>, @Ctx() ctx: Context) {
    return related(ctx, Category, result.category, result.category.code);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The display name of the coordinator who closed the follow-up',
  })
  @Personal('inspections', itsInspection)
  async closedByName(@Root() result: Row<ItemResult>, @Ctx() ctx: Context) {
    if (!result.closedById) return null;
    return (await byKey(ctx, User).load(result.closedById))?.displayName ?? null;
  }
}

/** A target's record (检查记录): what its inspections found. */
@Resolver(() => Target)
export class TargetRecordResolver {
  @FieldResolver(() => [Inspection], {
    description: 'Its inspections: the published ones and those of tasks you take part in, newest first',
  })
  inspectionHistory(@Root() target: Row<Target>, @Ctx() ctx: Context) {
    const scope = scopeOf(ctx.actor, 'list', 'inspections');
    // Everyone sees the published ones; staff also those their scope reaches (all of them, for some).
    const where: FilterQuery<Inspection> =
      scope === 'all'
        ? { target: target.id }
        : scope === 'department'
          ? {
              target: target.id,
              $or: [
                { state: 'PUBLISHED' },
                tasksTakingPart<Inspection>(ctx.actor?.departmentIds ?? [], 'task_id'),
              ],
            }
          : { target: target.id, state: 'PUBLISHED' };
    return ctx.em.find(Inspection, where, { orderBy: { createdAt: 'DESC' }, limit: 100 });
  }

  @FieldResolver(() => Int, { description: 'Published item results that found a problem' })
  async problemCount(@Root() target: Row<Target>, @Ctx() ctx: Context) {
    return (await problemCounts(ctx).load(target.id)) ?? 0;
  }
}

/** The problem counts of a page of targets in one statement. */
function problemCounts(ctx: Context) {
  return loaderOf(ctx, 'problemCount', async (targetIds) => {
    const found = await selectRows<{ target_id: string; n: SqlNumber }>(
      ctx.em,
      `select i.target_id, count(*) as n from item_result r
         join inspection i on i.id = r.inspection_id
         join result_category c on c.code = r.category
        where i.state = 'PUBLISHED' and c.problem = true and i.target_id in (${targetIds.map(() => '?').join(', ')})
        group by i.target_id`,
      [...targetIds],
    );
    return new Map(found.map((row) => [row.target_id, toNumber(row.n)]));
  });
}
