import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  PERIOD_KINDS,
  STAT_DIMENSIONS,
  STAT_FAMILIES,
  YEAR_MAX,
  YEAR_MIN,
  type PeriodKind,
  type RiskClass,
  type StatDimension,
  type StatFamily,
  type TargetKind,
} from '@suiji/domain';
import { graphqlEnum, RiskClassEnum, TargetKindEnum, zh } from '../../graphql/enums.js';

export const StatFamilyEnum = graphqlEnum(
  'StatFamily',
  STAT_FAMILIES,
  zh.statFamily,
  'What a statistics table counts',
);
export const StatDimensionEnum = graphqlEnum(
  'StatDimension',
  STAT_DIMENSIONS,
  zh.statDimension,
  'What a statistics table groups by',
);
export const PeriodKindEnum = graphqlEnum('PeriodKind', PERIOD_KINDS, zh.periodKind);

@InputType({
  description: 'A year, a quarter or a month of a year, or a range of days (China dates, both ends included)',
})
export class PeriodInput {
  @Field(() => PeriodKindEnum)
  kind!: PeriodKind;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(YEAR_MIN)
  @Max(YEAR_MAX)
  year?: number;

  @Field(() => Int, { nullable: true, description: '1–4, for a quarter' })
  @IsOptional()
  @IsInt()
  quarter?: number;

  @Field(() => Int, { nullable: true, description: '1–12, for a month' })
  @IsOptional()
  @IsInt()
  month?: number;

  @Field(() => String, { nullable: true, description: 'First day of a range, YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string;

  @Field(() => String, { nullable: true, description: 'Last day of a range, YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string;
}

@InputType({
  description: 'Narrows a statistics table; each filter applies to the families having its dimension',
})
export class StatisticsFilterInput {
  @Field(() => ID, { nullable: true, description: 'A department (its sub-units roll up into it)' })
  @IsOptional()
  @MaxLength(36)
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(36)
  itemId?: string;

  @Field(() => String, { nullable: true, description: '乡镇 / 街道' })
  @IsOptional()
  @MaxLength(100)
  region?: string;

  @Field(() => TargetKindEnum, { nullable: true })
  @IsOptional()
  targetKind?: TargetKind;

  @Field(() => RiskClassEnum, { nullable: true })
  @IsOptional()
  riskClass?: RiskClass;
}

@ObjectType({ description: 'The period a table covers' })
export class StatisticsPeriod {
  @Field(() => PeriodKindEnum)
  kind!: PeriodKind;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => String, { description: 'The period in the reader’s language' })
  label!: string;
}

@ObjectType({ description: 'One row of a statistics table: its group and its figures' })
export class StatisticsRow {
  @Field(() => [String], {
    description:
      'The group’s key for each grouped dimension, in order (an id for DEPARTMENT and ITEM, YYYY-MM for MONTH, YYYY-Qn for QUARTER, OWN/JOINT, PLAN/AD_HOC, else the stored value); empty for the 合计 row',
  })
  keys!: string[];

  @Field(() => [String], { description: 'The keys as people read them (names of departments and items)' })
  labels!: string[];

  @Field(() => [Float], {
    nullable: 'items',
    description:
      'The figures, in the order of the table’s `figures`; null where a rate has nothing to divide by',
  })
  values!: (number | null)[];
}

@ObjectType({ description: 'A statistics table: figures of one family, grouped, with its 合计 row' })
export class StatisticsTable {
  @Field(() => StatFamilyEnum)
  family!: StatFamily;

  @Field(() => [StatDimensionEnum])
  groupBy!: StatDimension[];

  @Field(() => [String], {
    description: 'The figure codes of the columns, as `FIGURES` in the domain defines them',
  })
  figures!: string[];

  @Field(() => StatisticsPeriod)
  period!: StatisticsPeriod;

  @Field(() => Date, { description: 'The figures are exact as of this moment (截至)' })
  cutOff!: Date;

  @Field(() => [StatisticsRow])
  rows!: StatisticsRow[];

  @Field(() => StatisticsRow, {
    description: '合计: computed over the whole filtered set (a record counting in several rows counts once)',
  })
  total!: StatisticsRow;
}

@ObjectType({
  description:
    'A card of 统计分析: a figure with its numerator and denominator, and the previous period’s value',
})
export class StatisticsKpi {
  @Field(() => String)
  figure!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'For a rate: its numerator' })
  numerator!: number | null;

  @Field(() => Float, { nullable: true, description: 'For a rate: its denominator' })
  denominator!: number | null;

  @Field(() => Float, { nullable: true, description: 'The same figure over the previous period' })
  previous!: number | null;
}

@ObjectType({ description: 'The cards of 统计分析 for a period' })
export class StatisticsSummary {
  @Field(() => StatisticsPeriod)
  period!: StatisticsPeriod;

  @Field(() => StatisticsPeriod, { nullable: true })
  previousPeriod!: StatisticsPeriod | null;

  @Field(() => Date)
  cutOff!: Date;

  @Field(() => [StatisticsKpi])
  kpis!: StatisticsKpi[];
}
