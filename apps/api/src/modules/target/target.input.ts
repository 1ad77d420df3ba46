import { ArrayMaxSize, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { MAX_LENGTH, type RiskClass, type TargetKind, type TargetStatus } from '@suiji/domain';
import { RiskClassEnum, TargetKindEnum, TargetStatusEnum } from '../../graphql/enums.js';
import { BaseFilter } from '../../graphql/list.js';

/** The fields of a target as entered; shared by the create input and the bulk import. */
export interface TargetFields {
  name: string;
  creditCode: string;
  kind: TargetKind;
  legalRepresentative: string;
  address: string;
  region: string;
  contact: string;
  tags: string[];
  riskClass: RiskClass;
  status: TargetStatus;
  targetTypes: string[];
}

@InputType()
export class TargetInput implements TargetFields {
  @Field(() => String)
  @MinLength(1)
  @MaxLength(MAX_LENGTH.name)
  name!: string;

  @Field(() => String, { description: '统一社会信用代码, 18 characters' })
  @MaxLength(MAX_LENGTH.code)
  creditCode!: string;

  @Field(() => TargetKindEnum)
  kind!: TargetKind;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(MAX_LENGTH.short)
  legalRepresentative!: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(MAX_LENGTH.name)
  address!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(MAX_LENGTH.short)
  region!: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(MAX_LENGTH.short)
  contact!: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(MAX_LENGTH.tags)
  @MaxLength(MAX_LENGTH.tag, { each: true })
  tags!: string[];

  @Field(() => RiskClassEnum)
  riskClass!: RiskClass;

  @Field(() => TargetStatusEnum, { defaultValue: 'ACTIVE' })
  status!: TargetStatus;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(MAX_LENGTH.tags)
  @MaxLength(MAX_LENGTH.tag, { each: true })
  targetTypes!: string[];
}

@InputType()
export class TargetUpdateInput implements Partial<TargetFields> {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.name)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.code)
  creditCode?: string;

  @Field(() => TargetKindEnum, { nullable: true })
  @IsOptional()
  kind?: TargetKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.short)
  legalRepresentative?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.name)
  address?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(MAX_LENGTH.short)
  region?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.short)
  contact?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_LENGTH.tags)
  @MaxLength(MAX_LENGTH.tag, { each: true })
  tags?: string[];

  @Field(() => RiskClassEnum, { nullable: true })
  @IsOptional()
  riskClass?: RiskClass;

  @Field(() => TargetStatusEnum, { nullable: true })
  @IsOptional()
  status?: TargetStatus;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_LENGTH.tags)
  @MaxLength(MAX_LENGTH.tag, { each: true })
  targetTypes?: string[];
}

@InputType()
export class TargetFilter extends BaseFilter {
  @Field(() => TargetKindEnum, { nullable: true })
  kind?: TargetKind;

  @Field(() => RiskClassEnum, { nullable: true })
  riskClass?: RiskClass;

  @Field(() => TargetStatusEnum, { nullable: true })
  status?: TargetStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.short)
  region?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(MAX_LENGTH.tag)
  targetType?: string;

  @Field(() => String, { nullable: true, description: 'Targets having this tag (标签)' })
  @IsOptional()
  @MaxLength(MAX_LENGTH.tag)
  tag?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'On the abnormal list (经营异常名录, true) or not on it (false)',
  })
  abnormal?: boolean;
}
