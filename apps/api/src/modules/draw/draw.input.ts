import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MAX_LENGTH, YEAR_MAX, YEAR_MIN, type EntropySource, type ReplacementReason } from '@suiji/domain';
import { DrawStatusEnum, EntropySourceEnum, ReplacementReasonEnum } from '../../graphql/enums.js';
import { StratumRatioInput } from '../item/item.input.js';
import { MAX_PER_PAGE } from '../../graphql/list.js';
import type { DrawStatus } from '@suiji/domain';

const YEAR_MESSAGE = `year must be from ${YEAR_MIN} to ${YEAR_MAX}`;

@InputType({ description: '公开随机源: the future public event whose outcome will be the public entropy' })
export class EntropyDeclarationInput {
  @Field(() => EntropySourceEnum)
  source!: EntropySource;

  @Field(() => String, { description: "The lottery's issue (期号), or the beacon's round" })
  @MaxLength(20)
  issue!: string;

  @Field(() => Date, {
    nullable: true,
    description: "When the outcome is published (a lottery's announcement); a beacon's round fixes its own",
  })
  @IsOptional()
  publishedAt?: Date;
}

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

  @Field(() => EntropyDeclarationInput, {
    description:
      'The public entropy source, declared now and published with the commitment; the draw runs only after its outcome is published',
  })
  @ValidateNested()
  entropy!: EntropyDeclarationInput;

  @Field(() => Date, {
    nullable: true,
    description:
      "The earliest time the draw may run; never before the entropy's publication or the minimum delay after scheduling (the latest of the three applies)",
  })
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
    description:
      "The declared event's outcome, in its source's format (a lottery's numbers in the order drawn, a beacon's value in hex)",
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

  @Field(() => ID, {
    nullable: true,
    description: 'Draws of tasks this department takes part in (a unit stands for its department)',
  })
  @IsOptional()
  @MaxLength(36)
  departmentId?: string;

  @Field(() => Int, { nullable: true, description: "Draws of the year's tasks (the task's year)" })
  @IsOptional()
  @Min(YEAR_MIN, { message: YEAR_MESSAGE })
  @Max(YEAR_MAX, { message: YEAR_MESSAGE })
  year?: number;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: scheduled and its time has come (the declared entropy out, the minimum delay past): to run',
  })
  runnable?: boolean;
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
