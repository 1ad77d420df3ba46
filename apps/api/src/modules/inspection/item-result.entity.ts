import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { CLOSURE_OUTCOMES, FOLLOW_UPS, type ClosureOutcome, type FollowUp } from '@suiji/domain';
import { BaseEntity } from '../../db/base.entity.js';
import { TimestampType } from '../../db/timestamp.type.js';
import type { Context } from '../../graphql/context.js';
import { ClosureOutcomeEnum, FollowUpEnum } from '../../graphql/enums.js';
import { related } from '../../graphql/loaders.js';
import { Personal } from '../../graphql/personal.js';
import { Category } from '../category/category.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import { Inspection } from './inspection.entity.js';
import { scopedInspection } from './inspection.scope.js';

/** A result's personal fields are read as its inspection's are. */
export const itsInspection = async (result: ItemResult, ctx: Context) =>
  scopedInspection(ctx, await related(ctx, Inspection, result.inspection, result.inspection.id));

/**
 * The result of one visit for one of its items: a category, what was found, what follows, and once a
 * problem's follow-up has ended, how (后续处置完结).
 */
@ObjectType({ simpleResolvers: true, description: '检查事项结果' })
@Entity()
@Unique({ properties: ['inspection', 'item'] })
// The closure rate counts closed follow-ups per item and period.
@Index({ properties: ['item', 'closedOn'] })
export class ItemResult extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => Inspection)
  inspection!: Rel<Inspection>;

  @Field(() => ID)
  get inspectionId(): Opt<string> {
    return this.inspection.id;
  }

  @ManyToOne(() => InspectionItem)
  item!: Rel<InspectionItem>;

  @Field(() => ID)
  get itemId(): Opt<string> {
    return this.item.id;
  }

  /** The category, by its code. */
  @ManyToOne(() => Category, { fieldName: 'category' })
  category!: Rel<Category>;

  @Field(() => String, {
    name: 'category',
    description: 'The result category code: a standard one or a department’s own',
  })
  get categoryCode(): Opt<string> {
    return this.category.code;
  }

  @Field(() => String, { nullable: true, description: '检查情况 / findings' })
  @Property({ type: 'text', nullable: true })
  findings: string | null = null;

  @Field(() => FollowUpEnum, { description: '后续处置' })
  @Enum({ items: [...FOLLOW_UPS] })
  followUp: FollowUp = 'NONE';

  @Field(() => String, {
    nullable: true,
    description: 'The day the follow-up was closed (完结), YYYY-MM-DD: the closure rate counts it',
  })
  @Property({ type: 'string', length: 10, nullable: true })
  closedOn: string | null = null;

  @Field(() => ClosureOutcomeEnum, { nullable: true, description: 'How the follow-up ended' })
  @Enum({ items: [...CLOSURE_OUTCOMES], nullable: true })
  closureOutcome: ClosureOutcome | null = null;

  @Field(() => String, { nullable: true, description: 'What the closing coordinator noted' })
  @Property({ type: 'text', nullable: true })
  closureNote: string | null = null;

  /** Who closed it: readable by those who may read the inspection, not by all who reach it. */
  @Field(() => ID, { nullable: true })
  @Personal('inspections', itsInspection)
  @Property({ type: 'string', length: 36, nullable: true })
  closedById: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the closure was recorded' })
  @Property({ type: TimestampType, nullable: true })
  closedAt: Date | null = null;
}
