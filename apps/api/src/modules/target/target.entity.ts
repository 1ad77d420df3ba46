import { Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import {
  RISK_CLASSES,
  TARGET_KINDS,
  TARGET_STATUSES,
  type RiskClass,
  type TargetKind,
  type TargetStatus,
} from '@suiji/domain';
import { SoftDeletableEntity } from '../../db/base.entity.js';
import { StringListType } from '../../db/string-list.type.js';
import { RiskClassEnum, TargetKindEnum, TargetStatusEnum } from '../../graphql/enums.js';
import { Personal } from '../../graphql/personal.js';

/**
 * Who may read a target's contact details: those who may read the registry (shared by every department).
 * A team's inspector, who sees the target of their visit, does not: for an individual (个人) they are a
 * person's name, home and phone.
 */
const REGISTRY = () => ({});

/** An entity in the 检查对象名录库 that may be drawn for inspection. */
@ObjectType({ simpleResolvers: true, description: '检查对象' })
@Entity()
// The registry's filters, each with the list's order (by name) behind it, so that a page of a rare kind,
// class or of the abnormal list stops after its rows instead of walking the whole registry.
@Index({ properties: ['kind', 'name'] })
@Index({ properties: ['riskClass', 'name'] })
@Index({ properties: ['abnormal', 'name'] })
export class Target extends SoftDeletableEntity {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  @Index()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: '统一社会信用代码' })
  @Property({ type: 'string', length: 18, unique: true })
  creditCode!: string;

  @Field(() => TargetKindEnum)
  @Enum({ items: [...TARGET_KINDS] })
  kind: TargetKind = 'ENTERPRISE';

  @Field(() => String, { nullable: true, description: '法定代表人 / 负责人' })
  @Personal('targets', REGISTRY)
  @Property({ type: 'string', length: 100 })
  legalRepresentative: string = '';

  @Field(() => String, { nullable: true })
  @Personal('targets', REGISTRY)
  @Property({ type: 'string', length: 200 })
  address: string = '';

  @Field(() => String, { description: '乡镇 / 街道' })
  @Index()
  @Property({ type: 'string', length: 100 })
  region: string = '';

  @Field(() => String, { nullable: true })
  @Personal('targets', REGISTRY)
  @Property({ type: 'string', length: 100 })
  contact: string = '';

  @Field(() => [String])
  @Property({ type: StringListType })
  tags: string[] = [];

  @Field(() => RiskClassEnum)
  @Enum({ items: [...RISK_CLASSES] })
  riskClass: RiskClass = 'B';

  @Field(() => TargetStatusEnum)
  @Enum({ items: [...TARGET_STATUSES] })
  status: TargetStatus = 'ACTIVE';

  @Field(() => [String], { description: 'The 检查对象 types of the item list this target falls under' })
  @Property({ type: StringListType })
  targetTypes: string[] = [];

  @Field(() => Boolean, { description: 'On the abnormal list (经营异常名录) because of a published result' })
  @Property({ type: 'boolean', default: false })
  abnormal: Opt<boolean> = false;

  @Field(() => String, { nullable: true, description: 'Why it is on the abnormal list, and since when' })
  @Property({ type: 'string', length: 300, nullable: true })
  abnormalReason: string | null = null;

  @Field(() => Date)
  declare createdAt: Opt<Date>;

  @Field(() => Date)
  declare updatedAt: Opt<Date>;
}
