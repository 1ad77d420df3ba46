import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_LENGTH, YEAR_MAX, YEAR_MIN } from '@suiji/domain';
import { BaseFilter } from '../../graphql/list.js';

const YEAR_MESSAGE = `year must be from ${YEAR_MIN} to ${YEAR_MAX}`;

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
export class PlanInput {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(MAX_LENGTH.name)
  name!: string;

  @Field(() => Int)
  @Min(YEAR_MIN, { message: YEAR_MESSAGE })
  @Max(YEAR_MAX, { message: YEAR_MESSAGE })
  year!: number;

  @Field(() => ID, { nullable: true, description: 'The initiating department; defaults to your own' })
  @IsOptional()
  departmentId?: string;

  @Field(() => [ID], { defaultValue: [], description: 'Cooperating departments of a joint plan' })
  @ArrayMaxSize(10)
  cooperatingDepartmentIds!: string[];

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
