import { ArrayMaxSize, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CERTIFICATE_WARNING_DAYS, MAX_LENGTH, type InspectorStatus } from '@suiji/domain';
import { InspectorStatusEnum } from '../../graphql/enums.js';
import { BaseFilter } from '../../graphql/list.js';

/** The fields of an inspector as entered; shared by the create input and the bulk import. */
export interface InspectorFields {
  name: string;
  departmentId: string;
  certificateNumber: string;
  certificateValidFrom: string;
  certificateValidUntil: string;
  expertise: string[];
  status: InspectorStatus;
  phone?: string | null;
  userId?: string | null;
}

@InputType()
export class InspectorInput implements InspectorFields {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(MAX_LENGTH.short)
  name!: string;

  @Field(() => ID)
  departmentId!: string;

  @Field(() => String, { description: '执法证号' })
  @MinLength(1)
  @MaxLength(MAX_LENGTH.code)
  certificateNumber!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @MaxLength(10)
  certificateValidFrom!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @MaxLength(10)
  certificateValidUntil!: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(MAX_LENGTH.tags)
  @MaxLength(MAX_LENGTH.tag, { each: true })
  expertise!: string[];

  @Field(() => InspectorStatusEnum, { defaultValue: 'ON_DUTY' })
  status!: InspectorStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'The user account of this inspector, if any' })
  @IsOptional()
  userId?: string | null;
}

@InputType()
export class InspectorUpdateInput implements Partial<InspectorFields> {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.short)
  name?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  departmentId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.code)
  certificateNumber?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10)
  certificateValidFrom?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10)
  certificateValidUntil?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_LENGTH.tags)
  @MaxLength(MAX_LENGTH.tag, { each: true })
  expertise?: string[];

  @Field(() => InspectorStatusEnum, { nullable: true })
  @IsOptional()
  status?: InspectorStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  phone?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  userId?: string | null;
}

@InputType()
export class InspectorFilter extends BaseFilter {
  @Field(() => ID, { nullable: true, description: 'Inspectors of this department or of a unit under it' })
  @IsOptional()
  @MaxLength(36)
  departmentId?: string;

  @Field(() => InspectorStatusEnum, { nullable: true })
  status?: InspectorStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.tag)
  expertise?: string;

  @Field(() => Boolean, { nullable: true, description: 'Certificate valid today (true) or not (false)' })
  certificateValid?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: `true: the certificate is valid today and expires within ${CERTIFICATE_WARNING_DAYS} days (to renew)`,
  })
  certificateExpiring?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'false: no user account is linked, so the inspector cannot sign in to enter results (an import brings none); true: one is',
  })
  hasAccount?: boolean;
}
