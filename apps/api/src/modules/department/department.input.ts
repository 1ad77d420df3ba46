import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_LENGTH, type DepartmentKind } from '@suiji/domain';
import { DepartmentKindEnum } from '../../graphql/enums.js';
import { BaseFilter } from '../../graphql/list.js';

export const CODE_PATTERN = /^[0-9A-Za-z._-]+$/;
const CODE_MESSAGE = 'code may only hold letters, digits, ".", "_" and "-"';

@InputType()
export class DepartmentInput {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(MAX_LENGTH.name)
  name!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(MAX_LENGTH.code)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  @Field(() => DepartmentKindEnum)
  kind!: DepartmentKind;

  @Field(() => ID, { nullable: true, description: 'The department a 股室 or 所 belongs to' })
  @IsOptional()
  parentId?: string | null;
}

@InputType()
export class DepartmentUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.name)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.code)
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code?: string;

  @Field(() => DepartmentKindEnum, { nullable: true })
  @IsOptional()
  kind?: DepartmentKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string | null;
}

@InputType()
export class DepartmentFilter extends BaseFilter {
  @Field(() => DepartmentKindEnum, { nullable: true })
  kind?: DepartmentKind;

  @Field(() => ID, { nullable: true })
  parentId?: string;
}
