import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MAX_LENGTH, type ReplacementReason } from '@suiji/domain';
import { DrawStatusEnum, ReplacementReasonEnum } from '../../graphql/enums.js';
import { StratumRatioInput } from '../item/item.input.js';
import { MAX_PER_PAGE } from '../../graphql/list.js';
import type { DrawStatus } from './draw.entity.js';

@InputType()
export class ScheduleDrawInput {
  @Field(() => ID)
  taskId!: string;

  @Field(() => [StratumRatioInput], {
    nullable: true,
    description:
      "Ratio per risk class; omitted: for each class the highest of the items' ratios (an item's minimum where it sets none)",
  })
  @IsOptional()
  @ArrayMaxSize(4)
  ratios?: StratumRatioInput[];

  @Field(() => Date, { nullable: true, description: 'The earliest time the draw may run; default now' })
  @IsOptional()
  runAfter?: Date;

  @Field(() => String, { nullable: true, description: 'Only inspectors with this expertise (业务专长)' })
  @IsOptional()
  @MaxLength(MAX_LENGTH.tag)
  expertise?: string;
}

@InputType()
export class RunDrawInput {
  @Field(() => ID)
  drawId!: string;

  @Field(() => String, {
    defaultValue: '',
    description:
      'Public randomness that did not exist when the draw was scheduled, e.g. a named lottery result',
  })
  @MaxLength(1000)
  publicEntropy!: string;
}

@InputType()
export class ReplaceInspectorInput {
  @Field(() => ID)
  inspectionId!: string;

  @Field(() => ID, { description: 'The inspector leaving the team' })
  inspectorId!: string;

  @Field(() => ReplacementReasonEnum, { description: "Why, as the draw's public record states it" })
  reason!: ReplacementReason;

  @Field(() => String, {
    defaultValue: '',
    description: 'In your own words, for the trail only: never published, as it may concern a person',
  })
  @MaxLength(500)
  note!: string;
}

@InputType()
export class DrawFilter {
  @Field(() => ID, { nullable: true })
  taskId?: string;

  @Field(() => DrawStatusEnum, { nullable: true })
  status?: DrawStatus;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_PER_PAGE)
  ids?: string[];
}

@ObjectType()
export class DrawTeam {
  @Field(() => Int)
  size!: number;

  @Field(() => [ID])
  departments!: string[];
}

@ObjectType()
export class DrawVerification {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'The first field of the record that does not match' })
  field!: string | null;
}
