import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../graphql/context.js';
import { listEntities, PageInput, PageType, SortInput } from '../../graphql/list.js';
import { departmentFilter, tasksTakingPart } from '../department/participation.js';
import { related } from '../../graphql/loaders.js';
import { Policy } from '../../graphql/policy.js';
import { Inspection } from '../inspection/inspection.entity.js';
import { Task } from '../task/task.entity.js';
import { Draw } from './draw.entity.js';
import { StratumRatioInput } from '../item/item.input.js';
import {
  DrawFilter,
  DrawTeam,
  DrawVerification,
  ReplaceInspectorInput,
  RunDrawInput,
  ScheduleDrawInput,
} from './draw.input.js';
import * as draws from './draw.service.js';

const DrawPage = PageType(Draw, 'DrawPage');

@Resolver(() => Draw)
export class DrawResolver {
  @Policy('list', 'draws')
  @Query(() => DrawPage, {
    description: 'Draws as staff work with them; the public reads publicDraws',
  })
  async draws(
    @Ctx() ctx: Context,
    @Arg('filter', () => DrawFilter, { nullable: true }) filter: DrawFilter = {},
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
    @Arg('sort', () => SortInput, {
      nullable: true,
      description: 'By createdAt (the default, newest first) or runAfter',
    })
    sort?: SortInput,
  ) {
    // A unit stands for its department, whose tasks they are.
    const department = filter.departmentId ? await departmentFilter(ctx.em, filter.departmentId) : null;
    const where = (): FilterQuery<Draw> => {
      const conditions: FilterQuery<Draw>[] = [];
      if (filter.taskId) conditions.push({ task: filter.taskId });
      if (filter.status) conditions.push({ status: filter.status });
      if (filter.ids) conditions.push({ id: { $in: filter.ids } });
      if (department) conditions.push(tasksTakingPart<Draw>([department], 'task_id'));
      if (filter.year) conditions.push({ task: { year: filter.year } });
      if (filter.runnable === true) conditions.push({ status: 'SCHEDULED', runAfter: { $lte: ctx.clock() } });
      if (filter.runnable === false)
        conditions.push({ $or: [{ status: { $ne: 'SCHEDULED' } }, { runAfter: { $gt: ctx.clock() } }] });
      return { $and: conditions };
    };
    return listEntities(ctx.em, Draw, {
      where,
      searchFields: [],
      sortable: ['createdAt', 'runAfter'],
      sort: sort ?? { field: 'createdAt', order: 'DESC' as never },
      page,
      softDelete: false,
      // Joined into the page's own statement: every row shows its task's departments.
      populate: ['task'],
    });
  }

  @Policy('show', 'draws')
  @Query(() => Draw, { nullable: true })
  draw(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return em.findOne(Draw, { id });
  }

  // Anyone may ask: the record it recomputes is public.
  @Policy('show', 'publication')
  @Query(() => DrawVerification, {
    description: 'Recomputes the record of a draw that has run and names the first field that differs',
  })
  verifyDraw(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return draws.verifyDraw(ctx, id);
  }

  @Policy('schedule', 'draws')
  @Mutation(() => Draw, { description: 'Freezes the pool and the roster and publishes the commitment' })
  scheduleDraw(@Ctx() ctx: Context, @Arg('input', () => ScheduleDrawInput) input: ScheduleDrawInput) {
    return draws.scheduleDraw(ctx, input);
  }

  @Policy('run', 'draws')
  @Mutation(() => Draw, {
    description: 'Runs a scheduled draw, once: reveals the nonce, stores the record, creates the inspections',
  })
  runDraw(@Ctx() ctx: Context, @Arg('input', () => RunDrawInput) input: RunDrawInput) {
    return draws.runDraw(ctx, input);
  }

  @Policy('replace', 'draws')
  @Mutation(() => Inspection, {
    description: 'Replaces an inspector of a team whose result awaits entry; the replacement is drawn',
  })
  replaceInspector(
    @Ctx() ctx: Context,
    @Arg('input', () => ReplaceInspectorInput) input: ReplaceInspectorInput,
  ) {
    return draws.replaceInspector(ctx, input);
  }

  @FieldResolver(() => [ID], { description: "The departments taking part in the draw's task" })
  async departmentIds(@Root() draw: Draw, @Ctx() ctx: Context) {
    return (await related(ctx, Task, draw.task, draw.task.id)).departmentIds;
  }

  @FieldResolver(() => [StratumRatioInput])
  ratios(@Root() draw: Draw) {
    return Object.entries(JSON.parse(draw.ratios) as Record<string, number>).map(([riskClass, ratioBp]) => ({
      riskClass,
      ratioBp,
    }));
  }

  @FieldResolver(() => DrawTeam)
  team(@Root() draw: Draw) {
    return JSON.parse(draw.team) as DrawTeam;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The nonce, revealed once the draw has run' })
  nonce(@Root() draw: Draw, @Ctx() ctx: Context) {
    return draw.status === 'DRAWN' ? draws.nonceOf(ctx, draw) : null;
  }

  @FieldResolver(() => String, { description: "Where the frozen pool (the digest's text) can be downloaded" })
  poolUrl(@Root() draw: Draw) {
    return `/draws/${draw.id}/pool.txt`;
  }

  @FieldResolver(() => String, {
    description: 'Where the targets left out of the pool, with their reasons, can be downloaded',
  })
  exclusionsUrl(@Root() draw: Draw) {
    return `/draws/${draw.id}/exclusions.json`;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Where the record (JSON, spec suiji-draw/1) can be downloaded once the draw has run',
  })
  recordUrl(@Root() draw: Draw) {
    return draw.status === 'DRAWN' ? `/draws/${draw.id}/record.json` : null;
  }
}
