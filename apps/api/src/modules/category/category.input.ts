import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_LENGTH } from '@suiji/domain';
import { BaseFilter } from '../../graphql/list.js';

@InputType()
export class CategoryFilter extends BaseFilter {
  @Field(() => ID, {
    nullable: true,
    description: "Only the categories a task's results may take: the standard ones and its departments' own",
  })
  taskId?: string;

  @Field(() => ID, { nullable: true, description: "A department's own categories" })
  departmentId?: string;
}

@InputType()
export class CategoryInput {
  @Field(() => String, { description: 'Upper-case letters, digits and _, e.g. LAND_NOT_RECLAIMED' })
  @MaxLength(40)
  code!: string;

  @Field(() => String)
  @MaxLength(MAX_LENGTH.short)
  nameZh!: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(MAX_LENGTH.short)
  nameEn!: string;

  @Field(() => ID, { nullable: true, description: "Default: the signed-in user's department" })
  @IsOptional()
  departmentId?: string;

  @Field(() => Boolean, { defaultValue: true })
  problem!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  raisesRisk!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  marksAbnormal!: boolean;
}

@InputType({ description: "A standard category's names are fixed; only its consequences change" })
export class CategoryUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.short)
  nameZh?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.short)
  nameEn?: string;

  @Field(() => Boolean, { nullable: true })
  problem?: boolean;

  @Field(() => Boolean, { nullable: true })
  raisesRisk?: boolean;

  @Field(() => Boolean, { nullable: true })
  marksAbnormal?: boolean;
}
