import { Entity, Enum, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { FOLLOW_UPS, type FollowUp } from '@suiji/domain';
import { BaseEntity } from '../../db/base.entity.js';
import { FollowUpEnum } from '../../graphql/enums.js';
import { Category } from '../category/category.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import { Inspection } from './inspection.entity.js';

/** The result of one visit for one of its items: a category, what was found, what follows. */
@ObjectType({ simpleResolvers: true, description: '检查事项结果' })
@Entity()
@Unique({ properties: ['inspection', 'item'] })
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

  /** The day the follow-up was closed (完结), YYYY-MM-DD: the closure rate counts it. */
  @Property({ type: 'string', length: 10, nullable: true })
  closedOn: string | null = null;
}
