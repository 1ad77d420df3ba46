import { canAccess } from '@suiji/domain';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { byKey, related } from '../../graphql/loaders.js';
import { PageInput, PageType, SortInput } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import { Department } from '../department/department.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import { Plan } from '../plan/plan.entity.js';
import { TaskAcceptance } from './task-acceptance.entity.js';
import { Task } from './task.entity.js';
import { TaskFilter, TaskInput, TaskVisits } from './task.input.js';
import { TaskProgressEnum } from '../../graphql/enums.js';
import * as tasks from './task.service.js';

const TaskPage = PageType(Task, 'TaskPage');

@Resolver(() => Task)
export class TaskResolver {
  @Policy('list', 'tasks')
  @Query(() => TaskPage)
  tasks(
    @Ctx() ctx: Context,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter?: TaskFilter,
    @Arg('sort', () => SortInput, { nullable: true }) sort?: SortInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return tasks.listTasks(ctx, filter, sort, page);
  }

  @Policy('show', 'tasks')
  @Query(() => Task, { nullable: true })
  task(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return tasks.showTask(ctx, id);
  }

  @Policy('create', 'tasks')
  @Mutation(() => Task)
  createTask(@Ctx() ctx: Context, @Arg('input', () => TaskInput) input: TaskInput) {
    return tasks.createTask(ctx, input);
  }

  @Policy('edit', 'tasks')
  @Mutation(() => Task, { description: 'Changes a task until one of its draws is scheduled' })
  updateTask(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TaskInput) input: TaskInput,
  ) {
    return tasks.updateTask(ctx, id, input);
  }

  @Policy('delete', 'tasks')
  @Mutation(() => Task, { description: 'Deletes a task that has no draw' })
  deleteTask(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return tasks.deleteTask(ctx, id);
  }

  @Policy('accept', 'tasks')
  @Mutation(() => Task, {
    description: 'A cooperating department accepts a joint task (联合抽查); the draw waits for every one',
  })
  acceptTask(@Ctx() ctx: Context, @Arg('taskId', () => ID) taskId: string) {
    return tasks.answerTask(ctx, taskId, true, null);
  }

  @Policy('accept', 'tasks')
  @Mutation(() => Task, { description: 'A cooperating department declines a joint task, saying why' })
  declineTask(
    @Ctx() ctx: Context,
    @Arg('taskId', () => ID) taskId: string,
    @Arg('reason', () => String) reason: string,
  ) {
    return tasks.answerTask(ctx, taskId, false, reason);
  }

  @FieldResolver(() => [TaskAcceptance], {
    description: 'Each cooperating department’s acceptance (empty for a task of one department)',
  })
  acceptances(@Root() task: Task, @Ctx() ctx: Context) {
    return tasks.storedAcceptancesOf(ctx, task);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether every cooperating department has accepted, so that the draw may be scheduled',
  })
  ready(@Root() task: Task, @Ctx() ctx: Context) {
    return tasks.isReady(ctx, task);
  }

  @FieldResolver(() => TaskProgressEnum, {
    description: 'How far it has got: PENDING until drawn, RUNNING while a visit is not published, then DONE',
  })
  async progress(@Root() task: Task, @Ctx() ctx: Context) {
    return (await tasks.visitsOf(ctx, task)).progress;
  }

  @FieldResolver(() => TaskVisits, { description: 'Its visits drawn, entered and published' })
  async visits(@Root() task: Task, @Ctx() ctx: Context) {
    return (await tasks.visitsOf(ctx, task)).visits;
  }

  @FieldResolver(() => Department)
  department(@Root() task: Task, @Ctx() ctx: Context) {
    return related(ctx, Department, task.department, task.department.id);
  }

  @FieldResolver(() => Plan, { nullable: true })
  async plan(@Root() task: Task, @Ctx() ctx: Context) {
    if (!task.plan) return null;
    const plan = await byKey(ctx, Plan).load(task.plan.id);
    // A task may be shown where its plan may not (another department's task in a merge suggestion).
    return plan && canAccess(ctx.actor, 'show', 'plans', plan) ? plan : null;
  }

  @FieldResolver(() => [ID])
  async itemIds(@Root() task: Task, @Ctx() ctx: Context) {
    return (await tasks.itemsOf(ctx, task)).map((item) => item.id);
  }

  @FieldResolver(() => [InspectionItem])
  async items(@Root() task: Task, @Ctx() ctx: Context) {
    return (await tasks.itemsOf(ctx, task)).filter((item) => !item.deletedAt);
  }
}
