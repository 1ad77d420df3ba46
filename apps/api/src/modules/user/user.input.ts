import { IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_LENGTH, type Role } from '@suiji/domain';
import { RoleEnum } from '../../graphql/enums.js';
import { BaseFilter } from '../../graphql/list.js';

const USERNAME_PATTERN = /^[0-9A-Za-z._-]+$/;
const USERNAME_MESSAGE = 'username may only hold letters, digits, ".", "_" and "-"';

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

  /** Checked against the domain's password policy (`checkPassword`) by the service. */
  @Field(() => String)
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

  @Field(() => String, {
    nullable: true,
    description: "A new password; it ends all of the user's sessions",
  })
  @IsOptional()
  @MaxLength(MAX_LENGTH.password)
  password?: string;

  @Field(() => RoleEnum, { nullable: true })
  @IsOptional()
  role?: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  departmentId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'false deactivates the user and ends their sessions; true again does not revive them',
  })
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
