import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInput, SortInput } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import {
  PublicPlan,
  PublicPlanFilter,
  PublicPlanPage,
  PublicTaskFilter,
  PublicTaskPage,
} from './notices.types.js';
import * as notices from './notices.service.js';

/** 一公开 of yearly plans and tasks: notices anyone may read. */
@Resolver()
export class NoticesResolver {
  @Policy('list', 'publication')
  @Query(() => PublicPlanPage, {
    description:
      'Yearly plans (年度抽查计划), for everyone: sortable by createdAt (the default, newest first), year or name',
  })
  publicPlans(
    @Ctx() ctx: Context,
    @Arg('filter', () => PublicPlanFilter, { nullable: true }) filter?: PublicPlanFilter,
    @Arg('sort', () => SortInput, { nullable: true }) sort?: SortInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return notices.listPublicPlans(ctx, filter, sort, page);
  }

  @Policy('show', 'publication')
  @Query(() => PublicPlan, { nullable: true })
  publicPlan(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return notices.showPublicPlan(ctx, id);
  }

  @Policy('list', 'publication')
  @Query(() => PublicTaskPage, {
    description:
      'Tasks whose draw is scheduled, for everyone: sortable by windowStart (the default, latest first), year or name',
  })
  publicTasks(
    @Ctx() ctx: Context,
    @Arg('filter', () => PublicTaskFilter, { nullable: true }) filter?: PublicTaskFilter,
    @Arg('sort', () => SortInput, { nullable: true }) sort?: SortInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return notices.listPublicTasks(ctx, filter, sort, page);
  }
}
