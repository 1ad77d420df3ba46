import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  MAX_LENGTH,
  RATIO_MAX_BP,
  TIMES_PER_YEAR_MAX,
  YEAR_MAX,
  YEAR_MIN,
  type InspectionMethod,
  type ItemCategory,
  type RiskClass,
} from '@suiji/domain';
import { InspectionMethodEnum, ItemCategoryEnum, RiskClassEnum } from '../../graphql/enums.js';
import { BaseFilter } from '../../graphql/list.js';

const STRATUM_RATIO_MESSAGE = `ratioBp must be from 0 to ${RATIO_MAX_BP} basis points (0%–100%; 10% is 1000)`;

@InputType()
@ObjectType('StratumRatio')
export class StratumRatioInput {
  @Field(() => RiskClassEnum)
  riskClass!: RiskClass;

  @Field(() => Int, { description: 'Basis points: 1000 = 10%' })
  @Min(0, { message: STRATUM_RATIO_MESSAGE })
  @Max(RATIO_MAX_BP, { message: STRATUM_RATIO_MESSAGE })
  ratioBp!: number;
}

const YEAR_MESSAGE = `year must be from ${YEAR_MIN} to ${YEAR_MAX}`;
const RATIO_MESSAGE = `minRatioBp must be from 0 to ${RATIO_MAX_BP} basis points (0%–100%; 10% is 1000)`;
const TIMES_MESSAGE = `timesPerYear must be from 1 to ${TIMES_PER_YEAR_MAX}`;

@InputType()
export class ItemInput {
  @Field(() => Int)
  @IsInt()
  @Min(YEAR_MIN, { message: YEAR_MESSAGE })
  @Max(YEAR_MAX, { message: YEAR_MESSAGE })
  year!: number;

  @Field(() => ID)
  departmentId!: string;

  @Field(() => Int, { nullable: true, description: 'Defaults to the next number in the year’s list' })
  @IsOptional()
  @Min(1)
  @Max(9999)
  seq?: number;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(MAX_LENGTH.name)
  name!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(MAX_LENGTH.text)
  legalBasis!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(MAX_LENGTH.name)
  inspectingBody!: string;

  @Field(() => ItemCategoryEnum)
  category!: ItemCategory;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(MAX_LENGTH.name)
  targetType!: string;

  @Field(() => Int)
  @Min(0, { message: RATIO_MESSAGE })
  @Max(RATIO_MAX_BP, { message: RATIO_MESSAGE })
  minRatioBp!: number;

  @Field(() => Int)
  @Min(1, { message: TIMES_MESSAGE })
  @Max(TIMES_PER_YEAR_MAX, { message: TIMES_MESSAGE })
  timesPerYear!: number;

  @Field(() => [InspectionMethodEnum])
  @ArrayMaxSize(10)
  methods!: InspectionMethod[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.text)
  remarks?: string | null;

  @Field(() => [StratumRatioInput], {
    nullable: true,
    description: 'Ratios per risk class, each not lower than minRatioBp; classes left out use minRatioBp',
  })
  @IsOptional()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  riskRatios?: StratumRatioInput[];
}

@InputType()
export class ItemUpdateInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(YEAR_MIN, { message: YEAR_MESSAGE })
  @Max(YEAR_MAX, { message: YEAR_MESSAGE })
  year?: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  departmentId?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(9999)
  seq?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.name)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.text)
  legalBasis?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.name)
  inspectingBody?: string;

  @Field(() => ItemCategoryEnum, { nullable: true })
  @IsOptional()
  category?: ItemCategory;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.name)
  targetType?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: RATIO_MESSAGE })
  @Max(RATIO_MAX_BP, { message: RATIO_MESSAGE })
  minRatioBp?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, { message: TIMES_MESSAGE })
  @Max(TIMES_PER_YEAR_MAX, { message: TIMES_MESSAGE })
  timesPerYear?: number;

  @Field(() => [InspectionMethodEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  methods?: InspectionMethod[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.text)
  remarks?: string | null;

  @Field(() => [StratumRatioInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  riskRatios?: StratumRatioInput[];
}

@InputType()
export class ItemFilter extends BaseFilter {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => ItemCategoryEnum, { nullable: true })
  category?: ItemCategory;
}
