import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInput, PageType, SortInput } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import { Department } from '../department/department.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import { Plan, PlanItem } from './plan.entity.js';
import { PlanFilter, PlanInput } from './plan.input.js';
import * as plans from './plan.service.js';

const PlanPage = PageType(Plan, 'PlanPage');

@Resolver(() => Plan)
export class PlanResolver {
  @Policy('list', 'plans')
  @Query(() => PlanPage)
  plans(
    @Ctx() ctx: Context,
    @Arg('filter', () => PlanFilter, { nullable: true }) filter?: PlanFilter,
    @Arg('sort', () => SortInput, { nullable: true }) sort?: SortInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return plans.listPlans(ctx, filter, sort, page);
  }

  @Policy('show', 'plans')
  @Query(() => Plan, { nullable: true })
  plan(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return plans.showPlan(ctx, id);
  }

  @Policy('create', 'plans')
  @Mutation(() => Plan)
  createPlan(@Ctx() ctx: Context, @Arg('input', () => PlanInput) input: PlanInput) {
    return plans.createPlan(ctx, input);
  }

  @Policy('edit', 'plans')
  @Mutation(() => Plan, { description: 'Changes a plan and replaces its lines; its tasks must still fit it' })
  updatePlan(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => PlanInput) input: PlanInput,
  ) {
    return plans.updatePlan(ctx, id, input);
  }

  @Policy('delete', 'plans')
  @Mutation(() => Plan, { description: 'Deletes a plan no task carries out' })
  deletePlan(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return plans.deletePlan(ctx, id);
  }

  @FieldResolver(() => Department)
  department(@Root() plan: Plan, @Ctx() { em }: Context) {
    return em.findOneOrFail(Department, plan.department.id);
  }

  @FieldResolver(() => [PlanItem], { description: 'The lines, in the order of the item list' })
  async lines(@Root() plan: Plan, @Ctx() { em }: Context) {
    await em.populate(plan, ['lines.item']);
    return plan.lines
      .getItems()
      .sort((a, b) => a.item.seq - b.item.seq || a.item.name.localeCompare(b.item.name));
  }

  @FieldResolver(() => Int, { description: 'Tasks carrying out this plan' })
  taskCount(@Root() plan: Plan, @Ctx() ctx: Context) {
    return plans.taskCount(ctx, plan);
  }
}

@Resolver(() => PlanItem)
export class PlanItemResolver {
  @FieldResolver(() => InspectionItem)
  item(@Root() line: PlanItem, @Ctx() { em }: Context) {
    return em.findOneOrFail(InspectionItem, line.item.id);
  }

  @FieldResolver(() => Int, {
    description:
      'Rounds completed: tasks of the plan including this item with every visit published, at most timesPerYear',
  })
  roundsDone(@Root() line: PlanItem, @Ctx() ctx: Context) {
    return plans.roundsDone(ctx, line);
  }

  @FieldResolver(() => Int, { description: 'Tasks of the plan that include this item, in any state' })
  taskCount(@Root() line: PlanItem, @Ctx() ctx: Context) {
    return plans.lineTaskCount(ctx, line);
  }
}
