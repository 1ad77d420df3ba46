import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_LENGTH, PASSWORD_MIN_LENGTH, type Role } from '@suiji/domain';
import { RoleEnum } from '../../graphql/enums.js';
import { BaseFilter } from '../../graphql/list.js';

const USERNAME_PATTERN = /^[0-9A-Za-z._-]+$/;
const USERNAME_MESSAGE = 'username may only hold letters, digits, ".", "_" and "-"';
const PASSWORD_MESSAGE = `password must have at least ${PASSWORD_MIN_LENGTH} characters`;

@InputType()
export class UserInput {
  @Field(() => String)
  @MinLength(2)
  @MaxLength(MAX_LENGTH.code)
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(MAX_LENGTH.short)
  displayName!: string;

  @Field(() => String)
  @MinLength(PASSWORD_MIN_LENGTH, { message: PASSWORD_MESSAGE })
  @MaxLength(MAX_LENGTH.password)
  password!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => ID)
  departmentId!: string;
}

@InputType()
export class UserUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.short)
  displayName?: string;

  @Field(() => String, { nullable: true, description: 'A new password' })
  @IsOptional()
  @MinLength(PASSWORD_MIN_LENGTH, { message: PASSWORD_MESSAGE })
  @MaxLength(MAX_LENGTH.password)
  password?: string;

  @Field(() => RoleEnum, { nullable: true })
  @IsOptional()
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  departmentId?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean;
}

@InputType()
export class UserFilter extends BaseFilter {
  @Field(() => RoleEnum, { nullable: true })
  role?: Role;

  @Field(() => ID, { nullable: true })
  departmentId?: string;
}
