/**
 * 一公开: what the public reads of draws and results, in types of their own. They hold only what the
 * publication needs — names, codes, dates, digests — and no field leads back into the registries, so a
 * field added to an entity never becomes public by being reachable.
 */
import { MaxLength, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  MAX_LENGTH,
  POOL_CHECK_MATCHES,
  YEAR_MAX,
  YEAR_MIN,
  type EntropySource,
  type PublicExclusionReason,
  type FollowUp,
} from '@suiji/domain';
import {
  DrawStatusEnum,
  EntropySourceEnum,
  FollowUpEnum,
  PublicExclusionReasonEnum,
} from '../../graphql/enums.js';
import { PageType } from '../../graphql/list.js';
import type { DrawStatus } from '@suiji/domain';
import { DrawTeam } from '../draw/draw.input.js';
import { StratumRatioInput } from '../item/item.input.js';

@ObjectType({ description: '公示的检查事项结果' })
export class PublicItemResult {
  @Field(() => String, { description: 'The inspection item (抽查事项)' })
  item!: string;

  @Field(() => String, { description: 'The result category code' })
  category!: string;

  @Field(() => String)
  categoryNameZh!: string;

  @Field(() => String)
  categoryNameEn!: string;

  @Field(() => Boolean, { description: 'The category counts as a problem found' })
  problem!: boolean;

  @Field(() => Boolean, { description: 'The category puts the entity on the abnormal list (经营异常名录)' })
  marksAbnormal!: boolean;

  @Field(() => FollowUpEnum, { description: '后续处置' })
  followUp!: FollowUp;
}

@ObjectType({ description: '公示的抽查结果' })
export class PublicResult {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The draw that selected the entity (its public page)' })
  drawId!: string;

  @Field(() => String, { description: '检查对象名称' })
  targetName!: string;

  @Field(() => String, { description: '统一社会信用代码' })
  creditCode!: string;

  @Field(() => String, { description: '乡镇 / 街道' })
  region!: string;

  @Field(() => String, { description: '抽查任务' })
  taskName!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => [String], {
    description:
      'The inspecting authorities (检查实施机关): the departments taking part, the initiating one first',
  })
  authorities!: string[];

  @Field(() => String, { nullable: true, description: 'The day of the inspection, YYYY-MM-DD' })
  inspectedOn!: string | null;

  @Field(() => Date, { description: 'When the result was published (公示)' })
  publishedAt!: Date;

  @Field(() => [PublicItemResult], { description: 'The result of each item the visit covered' })
  items!: PublicItemResult[];

  @Field(() => [String], {
    nullable: true,
    description:
      "The team's names, where the deployment publishes them (SUIJI_PUBLIC_INSPECTOR_NAMES); else null",
  })
  inspectors!: string[] | null;
}

export const PublicResultPage = PageType(PublicResult, 'PublicResultPage');

@InputType()
export class PublicResultFilter {
  @Field(() => String, { nullable: true, description: 'Search the entity by name or credit code' })
  @MaxLength(MAX_LENGTH.short)
  q?: string;

  @Field(() => ID, { nullable: true })
  taskId?: string;

  @Field(() => ID, { nullable: true, description: 'Results of tasks this department took part in' })
  departmentId?: string;

  @Field(() => Int, { nullable: true, description: "The task's year" })
  @Min(YEAR_MIN)
  @Max(YEAR_MAX)
  year?: number;

  @Field(() => String, { nullable: true, description: 'The region (乡镇 / 街道), or part of its name' })
  @MaxLength(MAX_LENGTH.short)
  region?: string;

  @Field(() => ID, { nullable: true, description: 'Results covering this inspection item' })
  itemId?: string;

  @Field(() => String, {
    nullable: true,
    description: "One entity's results: its unified social credit code, exactly (its page of 公示)",
  })
  @MaxLength(MAX_LENGTH.short)
  creditCode?: string;

  @Field(() => String, { nullable: true, description: 'Published on or after this day (China), YYYY-MM-DD' })
  @MaxLength(10)
  publishedFrom?: string;

  @Field(() => String, { nullable: true, description: 'Published on or before this day (China), YYYY-MM-DD' })
  @MaxLength(10)
  publishedTo?: string;
}

@ObjectType({ description: '抽查名单: a target a draw selected, as published' })
export class PublicDrawnTarget {
  @Field(() => ID, { description: 'The visit' })
  id!: string;

  @Field(() => String, { description: '检查对象名称' })
  targetName!: string;

  @Field(() => String, { description: '统一社会信用代码' })
  creditCode!: string;

  @Field(() => String, { description: '乡镇 / 街道, as drawn' })
  region!: string;

  @Field(() => [String], { description: 'The inspection items of the visit' })
  items!: string[];
}

export const PublicDrawnTargetPage = PageType(PublicDrawnTarget, 'PublicDrawnTargetPage');

@InputType()
export class PublicDrawnTargetFilter {
  @Field(() => ID, { description: 'The draw' })
  drawId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Search the entity by name or credit code (a part of either)',
  })
  @MaxLength(MAX_LENGTH.short)
  q?: string;
}

@ObjectType({ description: '公示的摇号' })
export class PublicDraw {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '抽查任务' })
  taskName!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => [String], { description: 'The departments taking part, the initiating one first' })
  departments!: string[];

  @Field(() => [String], { description: 'The inspection items the draw covers' })
  items!: string[];

  @Field(() => DrawStatusEnum)
  status!: DrawStatus;

  @Field(() => Date, { description: 'When it was scheduled: the commitment and the pool digest published' })
  createdAt!: Date;

  @Field(() => Date, { description: 'The draw may run at or after this time' })
  runAfter!: Date;

  @Field(() => EntropySourceEnum, {
    nullable: true,
    description:
      'The public entropy source declared when it was scheduled (null: scheduled before sources were declared)',
  })
  entropySource!: EntropySource | null;

  @Field(() => String, {
    nullable: true,
    description: "The declared event: the lottery's issue or the beacon's round",
  })
  entropyIssue!: string | null;

  @Field(() => Date, { nullable: true, description: "When the declared event's outcome is published" })
  entropyPublishedAt!: Date | null;

  @Field(() => String, { description: 'hex(SHA-256(nonce))' })
  commitment!: string;

  @Field(() => String)
  poolDigest!: string;

  @Field(() => Int)
  poolSize!: number;

  @Field(() => Int, { description: 'Targets left out of the pool by the rules' })
  excludedCount!: number;

  @Field(() => Int, { description: 'Eligible inspectors' })
  rosterSize!: number;

  @Field(() => DrawTeam)
  team!: DrawTeam;

  @Field(() => [StratumRatioInput])
  ratios!: StratumRatioInput[];

  @Field(() => Date, { nullable: true })
  ranAt!: Date | null;

  @Field(() => String, { nullable: true })
  publicEntropy!: string | null;

  @Field(() => String, { nullable: true, description: 'The nonce, revealed once the draw has run' })
  nonce!: string | null;

  @Field(() => String, { nullable: true })
  seed!: string | null;

  @Field(() => Int, { nullable: true })
  selectedCount!: number | null;

  @Field(() => String, { description: "Where the frozen pool (the digest's text) can be downloaded" })
  poolUrl!: string;

  @Field(() => String, {
    description: 'Where the targets left out of the pool, with reason codes, can be downloaded',
  })
  exclusionsUrl!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the record (JSON, spec suiji-draw/1) can be downloaded once the draw has run',
  })
  recordUrl!: string | null;
}

export const PublicDrawPage = PageType(PublicDraw, 'PublicDrawPage');

@InputType()
export class PublicDrawFilter {
  @Field(() => DrawStatusEnum, { nullable: true })
  status?: DrawStatus;

  @Field(() => ID, { nullable: true, description: 'Draws of tasks this department takes part in' })
  departmentId?: string;

  @Field(() => Int, { nullable: true, description: "The task's year" })
  @Min(YEAR_MIN)
  @Max(YEAR_MAX)
  year?: number;
}

@ObjectType({ description: '公示的检查对象: an entity with published results, as its page shows it' })
export class PublicEntity {
  @Field(() => String, { description: '检查对象名称' })
  name!: string;

  @Field(() => String, { description: '统一社会信用代码' })
  creditCode!: string;

  @Field(() => String, { description: '乡镇 / 街道' })
  region!: string;

  @Field(() => Int, { description: 'Its published results (公示)' })
  publishedCount!: number;
}

@ObjectType({
  description:
    "Where an entity stood in one draw: in its pool, left out by the rules, drawn. Not its stratum (a risk class, not public), nor its id in the draw's files (which would tell it)",
})
export class PublicPoolEntry {
  @Field(() => String, { description: '检查对象名称' })
  targetName!: string;

  @Field(() => String, { description: '统一社会信用代码' })
  creditCode!: string;

  @Field(() => Boolean, { description: 'It was in the frozen pool' })
  inPool!: boolean;

  @Field(() => PublicExclusionReasonEnum, {
    nullable: true,
    description:
      'Why the rules left it out of the pool, as the public reads it; null when it was in the pool',
  })
  excludedReason!: PublicExclusionReason | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'It was drawn (it is on the 抽查名单); null until the draw has run',
  })
  drawn!: boolean | null;
}

@ObjectType({ description: "An entity's check of a draw about itself, by its name or credit code" })
export class PublicDrawCheck {
  @Field(() => [PublicPoolEntry], {
    description: `The entities matched (at most ${POOL_CHECK_MATCHES}), each with where it stood in the draw`,
  })
  matches!: PublicPoolEntry[];

  @Field(() => Boolean, {
    description: 'More entities match than are shown: give more of the name, or the credit code',
  })
  more!: boolean;
}
