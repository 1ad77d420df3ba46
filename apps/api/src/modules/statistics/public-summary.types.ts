import { IsInt, IsOptional, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'Narrows the public statistics to one year, one department, or both' })
export class PublicStatisticsFilter {
  @Field(() => Int, {
    nullable: true,
    description: 'A year up to the current one; without it, the latest five years',
  })
  @IsOptional()
  @IsInt()
  year?: number;

  @Field(() => ID, { nullable: true, description: 'A department (a sub-unit stands for its department)' })
  @IsOptional()
  @MaxLength(36)
  departmentId?: string;
}

@ObjectType({
  description:
    'The figures of the public statistics, as the statistics’ VISITS figures of the same name define them (FIGURES in the domain)',
})
export class PublicStatisticsFigures {
  @Field(() => Int, { description: '应检查: visits drawn (and locked) in the period (`due`)' })
  drawn!: number;

  @Field(() => Int, { description: '已公示: visits whose result is published (`published`)' })
  published!: number;

  @Field(() => Int, { description: '发现问题: published results with a problem (`problem`)' })
  problems!: number;

  @Field(() => Float, {
    nullable: true,
    description: '问题发现率 = problems ÷ published; null when nothing is published (`problemRate`)',
  })
  problemRate!: number | null;

  @Field(() => Int, { description: '按时公示: published within the deadline (`onTime`)' })
  onTime!: number;

  @Field(() => Float, {
    nullable: true,
    description: '公示及时率 = onTime ÷ published; null when nothing is published (`onTimeRate`)',
  })
  onTimeRate!: number | null;
}

@ObjectType({
  description:
    'A department’s figures of one year: its own tasks and the joint tasks it takes part in (sub-units roll up)',
})
export class PublicStatisticsRow extends PublicStatisticsFigures {
  @Field(() => ID)
  departmentId!: string;

  @Field(() => String)
  departmentName!: string;

  @Field(() => Int, { description: 'The year the visits were drawn in (China time)' })
  year!: number;
}

@ObjectType({ description: '一公开: visits drawn and results published, by department and year' })
export class PublicStatistics {
  @Field(() => Int, { description: 'The first year covered' })
  fromYear!: number;

  @Field(() => Int, { description: 'The last year covered' })
  toYear!: number;

  @Field(() => Date, { description: 'The figures are exact as of this moment (截至)' })
  cutOff!: Date;

  @Field(() => [PublicStatisticsRow], {
    description: 'By department, then year, newest first; only where a visit was drawn',
  })
  rows!: PublicStatisticsRow[];

  @Field(() => PublicStatisticsFigures, {
    description:
      '合计: over every year and department shown, a joint task’s visit counted once (not the sum of the rows)',
  })
  total!: PublicStatisticsFigures;
}
