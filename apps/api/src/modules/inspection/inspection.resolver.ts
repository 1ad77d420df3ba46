import type { FilterQuery } from '@mikro-orm/core';
import { ArrayMaxSize } from 'class-validator';
import { isOverdue, publicationDeadline, scopeOf } from '@suiji/domain';
import { Task } from '../task/task.entity.js';
import { takingPart } from '../department/participation.js';
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
import { StringListType } from '../../db/string-list.type.js';
import type { Context } from '../../graphql/context.js';
import { listEntities, MAX_PER_PAGE, PageInput, PageType } from '../../graphql/list.js';
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

@InputType()
class InspectionFilter {
  @Field(() => ID, { nullable: true })
  taskId?: string;

  @Field(() => ID, { nullable: true })
  drawId?: string;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_PER_PAGE)
  ids?: string[];
}

const InspectionPage = PageType(Inspection, 'InspectionPage');

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
  ) {
    const where: FilterQuery<Inspection>[] = [];
    const scope = scopeOf(ctx.actor, 'list', 'inspections');
    if (scope === 'department') {
      where.push({ task: takingPart<Task>(ctx.actor?.departmentIds ?? []) });
    } else if (scope === 'own') {
      const mine = await inspectorIdsOf(ctx);
      where.push(
        mine.length ? { $or: mine.map((id) => ({ teamIds: StringListType.contains(id) })) } : { id: '' },
      );
    }
    if (filter.taskId) where.push({ task: filter.taskId });
    if (filter.drawId) where.push({ draw: filter.drawId });
    if (filter.ids) where.push({ id: { $in: filter.ids } });
    return listEntities(ctx.em, Inspection, {
      where: { $and: where },
      searchFields: [],
      sortable: ['createdAt'],
      page,
      softDelete: false,
      // Joined into the page's own statement: every row shows its target and deadline.
      populate: ['target', 'task'],
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
  async publicationDeadline(@Root() inspection: Inspection, @Ctx() ctx: Context) {
    return publicationDeadline((await related(ctx, Task, inspection.task, inspection.task.id)).windowEnd);
  }

  @FieldResolver(() => Boolean, { description: 'Not published and past its publication deadline' })
  async overdue(@Root() inspection: Inspection, @Ctx() ctx: Context) {
    const task = await related(ctx, Task, inspection.task, inspection.task.id);
    return isOverdue(publicationDeadline(task.windowEnd), ctx.clock(), inspection.state === 'PUBLISHED');
  }

  @FieldResolver(() => Target)
  target(@Root() inspection: Inspection, @Ctx() ctx: Context) {
    return related(ctx, Target, inspection.target, inspection.target.id);
  }

  @FieldResolver(() => [InspectionItem], { description: 'The items this visit covers' })
  items(@Root() inspection: Inspection, @Ctx() ctx: Context) {
    return manyByKey(ctx, InspectionItem, inspection.itemIds);
  }

  @FieldResolver(() => [ItemResult], { description: 'The result per item, once entered' })
  async results(@Root() inspection: Inspection, @Ctx() ctx: Context) {
    return (await resultsOf(ctx).load(inspection.id)) ?? [];
  }

  @FieldResolver(() => [Inspector], { description: 'The current team, in its order' })
  team(@Root() inspection: Inspection, @Ctx() ctx: Context) {
    return manyByKey(ctx, Inspector, inspection.teamIds);
  }
}

/** The item results of many inspections in one statement, with their categories and items. */
function resultsOf(ctx: Context) {
  return loaderOf(ctx, ItemResult, async (inspectionIds) => {
    const found = await ctx.em.find(
      ItemResult,
      { inspection: { $in: [...inspectionIds] } },
      { populate: ['category', 'item'], orderBy: { createdAt: 'ASC', id: 'ASC' } },
    );
    const byInspection = new Map<string, ItemResult[]>();
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
  item(@Root() result: ItemResult, @Ctx() ctx: Context) {
    return related(ctx, InspectionItem, result.item, result.item.id);
  }

  @FieldResolver(() => Category, { description: "The category's names and consequences" })
  categoryInfo(@Root() result: ItemResult, @Ctx() ctx: Context) {
    return related(ctx, Category, result.category, result.category.code);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The display name of the coordinator who closed the follow-up',
  })
  @Personal('inspections', itsInspection)
  async closedByName(@Root() result: ItemResult, @Ctx() ctx: Context) {
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
  inspectionHistory(@Root() target: Target, @Ctx() ctx: Context) {
    const scope = scopeOf(ctx.actor, 'list', 'inspections');
    // Everyone sees the published ones; staff also those their scope reaches (all of them, for some).
    const where: FilterQuery<Inspection> =
      scope === 'all'
        ? { target: target.id }
        : scope === 'department'
          ? {
              target: target.id,
              $or: [{ state: 'PUBLISHED' }, { task: takingPart<Task>(ctx.actor?.departmentIds ?? []) }],
            }
          : { target: target.id, state: 'PUBLISHED' };
    return ctx.em.find(Inspection, where, { orderBy: { createdAt: 'DESC' }, limit: 100 });
  }

  @FieldResolver(() => Int, { description: 'Published item results that found a problem' })
  async problemCount(@Root() target: Target, @Ctx() ctx: Context) {
    return (await problemCounts(ctx).load(target.id)) ?? 0;
  }
}

/** The problem counts of a page of targets in one statement. */
function problemCounts(ctx: Context) {
  return loaderOf(ctx, 'problemCount', async (targetIds) => {
    const found = await ctx.em.getConnection().execute<{ target_id: string; n: number | string }[]>(
      `select i.target_id, count(*) as n from item_result r
         join inspection i on i.id = r.inspection_id
         join result_category c on c.code = r.category
        where i.state = 'PUBLISHED' and c.problem = true and i.target_id in (${targetIds.map(() => '?').join(', ')})
        group by i.target_id`,
      [...targetIds],
    );
    return new Map(
      found.map((row: { target_id: string; n: number | string }) => [row.target_id, Number(row.n)]),
    );
  });
}
