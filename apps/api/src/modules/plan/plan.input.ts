import { IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_LENGTH } from '@suiji/domain';
import { BaseFilter } from '../../graphql/list.js';
import { ParticipationInput } from '../department/participation.types.js';

/** One line of a plan; its ratio and times are checked by the domain's plan rules, which know the item. */
@InputType()
export class PlanLineInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => Int, { description: 'Basis points (1000 = 10%), not below the item’s minimum' })
  ratioBp!: number;

  @Field(() => Int, { defaultValue: 1 })
  timesPerYear!: number;

  @Field(() => String, { nullable: true, description: 'When in the year, e.g. 第二季度' })
  @IsOptional()
  @MaxLength(MAX_LENGTH.short)
  period?: string | null;
}

@InputType()
export class PlanInput extends ParticipationInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.text)
  remarks?: string | null;

  @Field(() => [PlanLineInput], { description: 'The lines; an update replaces them all' })
  @ValidateNested()
  lines!: PlanLineInput[];
}

@InputType()
export class PlanFilter extends BaseFilter {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => ID, { nullable: true, description: 'Plans this department initiates or takes part in' })
  departmentId?: string;
}
