/**
 * 一公开: yearly plans and tasks as public notices, in types of their own. A notice states who takes
 * part, which items, the scope and the window, and how many targets were drawn — the directed scope's
 * regions, tags and target kinds, never its risk classes (which, beside the published drawn list, would
 * tell each entity's class), and nothing that leads back to a user or into the registries.
 */
import { Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MAX_LENGTH, YEAR_MAX, YEAR_MIN, type TargetKind, type TaskScope } from '@suiji/domain';
import { DrawStatusEnum, TargetKindEnum, TaskScopeEnum } from '../../graphql/enums.js';
import { PageType } from '../../graphql/list.js';
import type { DrawStatus } from '@suiji/domain';

const YEAR_MESSAGE = `year must be from ${YEAR_MIN} to ${YEAR_MAX}`;

@ObjectType({ description: '公示的年度抽查计划中的抽查事项' })
export class PublicPlanLine {
  @Field(() => String, { description: 'The inspection item (抽查事项)' })
  item!: string;

  @Field(() => Int, { description: 'The planned ratio in basis points (1000 = 10%)' })
  ratioBp!: number;

  @Field(() => Int, { description: '抽查频次/年: rounds planned this year' })
  timesPerYear!: number;

  @Field(() => String, { nullable: true, description: 'When in the year, e.g. 第二季度' })
  period!: string | null;
}

@ObjectType({ description: '公示的年度抽查计划' })
export class PublicPlan {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => [String], { description: 'The departments taking part, the initiating one first' })
  departments!: string[];

  @Field(() => [PublicPlanLine], { description: 'The items planned, in the order of the item list' })
  lines!: PublicPlanLine[];

  @Field(() => Int, { description: 'Its tasks published so far (those whose draw is scheduled)' })
  taskCount!: number;

  @Field(() => Int, { description: 'Targets drawn by its tasks so far' })
  selectedCount!: number;

  @Field(() => Date, { description: 'When the plan was made' })
  createdAt!: Date;
}

export const PublicPlanPage = PageType(PublicPlan, 'PublicPlanPage');

@InputType()
export class PublicPlanFilter {
  @Field(() => String, { nullable: true, description: "Search the plan's name" })
  @MaxLength(MAX_LENGTH.short)
  q?: string;

  @Field(() => Int, { nullable: true })
  @Min(YEAR_MIN, { message: YEAR_MESSAGE })
  @Max(YEAR_MAX, { message: YEAR_MESSAGE })
  year?: number;

  @Field(() => ID, { nullable: true, description: 'Plans this department initiates or takes part in' })
  departmentId?: string;
}

@ObjectType({
  description: '公示的抽查任务: published once its draw is scheduled, when it can no longer change',
})
export class PublicTask {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => ID, { nullable: true, description: 'The yearly plan (年度抽查计划) it is a round of' })
  planId!: string | null;

  @Field(() => String, { nullable: true })
  planName!: string | null;

  @Field(() => [String], { description: 'The departments taking part, the initiating one first' })
  departments!: string[];

  @Field(() => [String], { description: 'The inspection items, in the order of the item list' })
  items!: string[];

  @Field(() => TaskScopeEnum, { description: '定向 / 不定向' })
  scope!: TaskScope;

  @Field(() => [String], { description: 'A directed task: only targets in these regions (empty: any)' })
  regions!: string[];

  @Field(() => [String], { description: 'A directed task: only targets with one of these tags (empty: any)' })
  tags!: string[];

  @Field(() => [TargetKindEnum], {
    description: 'A directed task: only targets of these kinds (empty: any)',
  })
  targetKinds!: TargetKind[];

  @Field(() => String, { description: 'First day of inspection, YYYY-MM-DD' })
  windowStart!: string;

  @Field(() => String, { description: 'Last day of inspection, YYYY-MM-DD' })
  windowEnd!: string;

  @Field(() => ID, { description: 'Its draw (its public page)' })
  drawId!: string;

  @Field(() => DrawStatusEnum)
  drawStatus!: DrawStatus;

  @Field(() => Int, { nullable: true, description: 'Targets drawn, once the draw has run' })
  selectedCount!: number | null;
}

export const PublicTaskPage = PageType(PublicTask, 'PublicTaskPage');

@InputType()
export class PublicTaskFilter {
  @Field(() => String, { nullable: true, description: "Search the task's name" })
  @MaxLength(MAX_LENGTH.short)
  q?: string;

  @Field(() => Int, { nullable: true })
  @Min(YEAR_MIN, { message: YEAR_MESSAGE })
  @Max(YEAR_MAX, { message: YEAR_MESSAGE })
  year?: number;

  @Field(() => ID, { nullable: true, description: 'Tasks this department initiates or takes part in' })
  departmentId?: string;

  @Field(() => ID, { nullable: true, description: 'The rounds of this yearly plan' })
  planId?: string;

  @Field(() => TaskScopeEnum, { nullable: true })
  scope?: TaskScope;
}
