import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  MAX_LENGTH,
  RISK_CLASSES,
  TARGET_KINDS,
  TEAM_SIZE_MAX,
  TEAM_SIZE_MIN,
  YEAR_MAX,
  YEAR_MIN,
  type RiskClass,
  type TargetKind,
  type TaskProgress,
  type TaskScope,
} from '@suiji/domain';
import { RiskClassEnum, TargetKindEnum, TaskProgressEnum, TaskScopeEnum } from '../../graphql/enums.js';
import { BaseFilter } from '../../graphql/list.js';

import { ParticipationInput } from '../department/participation.types.js';
const YEAR_MESSAGE = `year must be from ${YEAR_MIN} to ${YEAR_MAX}`;
const TEAM_MESSAGE = `teamSize must be from ${TEAM_SIZE_MIN} to ${TEAM_SIZE_MAX}`;

@InputType()
export class TaskInput extends ParticipationInput {
  @Field(() => ID, { nullable: true, description: 'The yearly plan this task is a round of (optional)' })
  @IsOptional()
  planId?: string | null;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'itemIds must name at least one inspection item' })
  @ArrayMaxSize(20)
  itemIds!: string[];

  @Field(() => TaskScopeEnum, { defaultValue: 'UNDIRECTED' })
  scope!: TaskScope;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(MAX_LENGTH.tags)
  @MaxLength(MAX_LENGTH.short, { each: true })
  regions!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(MAX_LENGTH.tags)
  @MaxLength(MAX_LENGTH.tag, { each: true })
  tags!: string[];

  @Field(() => [RiskClassEnum], { defaultValue: [] })
  @ArrayMaxSize(RISK_CLASSES.length)
  riskClasses!: RiskClass[];

  @Field(() => [TargetKindEnum], { defaultValue: [] })
  @ArrayMaxSize(TARGET_KINDS.length)
  targetKinds!: TargetKind[];

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @MaxLength(10)
  windowStart!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @MaxLength(10)
  windowEnd!: string;

  @Field(() => Int, { defaultValue: 2 })
  @Min(TEAM_SIZE_MIN, { message: TEAM_MESSAGE })
  @Max(TEAM_SIZE_MAX, { message: TEAM_MESSAGE })
  teamSize!: number;
}

@InputType()
export class TaskFilter extends BaseFilter {
  @Field(() => Int, { nullable: true, description: 'Tasks of this year' })
  @IsOptional()
  @Min(YEAR_MIN, { message: YEAR_MESSAGE })
  @Max(YEAR_MAX, { message: YEAR_MESSAGE })
  year?: number;

  @Field(() => ID, {
    nullable: true,
    description: 'Tasks this department initiates or takes part in (a unit stands for its department)',
  })
  @IsOptional()
  @MaxLength(36)
  departmentId?: string;

  @Field(() => ID, { nullable: true, description: 'Tasks carrying out this plan' })
  planId?: string;

  @Field(() => ID, { nullable: true, description: 'Tasks inspecting this item' })
  @IsOptional()
  @MaxLength(36)
  itemId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Tasks whose window starts on or after this day, YYYY-MM-DD',
  })
  @IsOptional()
  @MaxLength(10)
  windowFrom?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Tasks whose window starts on or before this day, YYYY-MM-DD',
  })
  @IsOptional()
  @MaxLength(10)
  windowTo?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Joint tasks (联合抽查, true) or tasks of one department (false)',
  })
  joint?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Rounds of a yearly plan (true) or ad hoc tasks (false)',
  })
  fromPlan?: boolean;

  @Field(() => TaskProgressEnum, {
    nullable: true,
    description: "How far the tasks have got (the task's state): PENDING, RUNNING or DONE",
  })
  progress?: TaskProgress;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: joint tasks awaiting the answer (accept or decline) of the signed-in user's department",
  })
  awaitingAnswer?: boolean;
}

@ObjectType({
  description: "A task's visits: drawn, their results entered (awaiting review or published), published",
})
export class TaskVisits {
  @Field(() => Int)
  drawn!: number;

  @Field(() => Int, { description: 'Entered: awaiting review or published' })
  entered!: number;

  @Field(() => Int)
  published!: number;
}
