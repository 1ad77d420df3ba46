import {
  Collection,
  Entity,
  ManyToOne,
  OneToMany,
  Property,
  Unique,
  type Opt,
  type Rel,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { Participated } from '../department/participation.types.js';
import { InspectionItem } from '../item/item.entity.js';

/**
 * 年度抽查计划: a department's plan for one year — which items of its list, at what ratio, how often.
 * A joint plan (联合抽查计划) names the cooperating departments too. Its tasks carry it out, round by round.
 */
@ObjectType({ simpleResolvers: true, description: '年度抽查计划' })
@Entity()
export class Plan extends Participated {
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  remarks: string | null = null;

  @OneToMany(() => PlanItem, (line) => line.plan, { orphanRemoval: true })
  lines = new Collection<PlanItem>(this);

  @Field(() => Date)
  declare createdAt: Opt<Date>;

  @Field(() => Date)
  declare updatedAt: Opt<Date>;
}

/** One line of a plan: an item of the list, its ratio (not below the item's minimum) and times per year. */
@ObjectType({ simpleResolvers: true, description: '年度抽查计划中的抽查事项' })
@Entity({ tableName: 'plan_item' })
@Unique({ properties: ['plan', 'item'] })
export class PlanItem extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => Plan)
  plan!: Rel<Plan>;

  @ManyToOne(() => InspectionItem)
  item!: Rel<InspectionItem>;

  @Field(() => ID)
  get itemId(): Opt<string> {
    return this.item.id;
  }

  @Field(() => Int, { description: 'Ratio in basis points (1000 = 10%), not below the item’s minimum' })
  @Property({ type: 'integer' })
  ratioBp!: number;

  @Field(() => Int, { description: '抽查频次/年: rounds planned this year' })
  @Property({ type: 'integer' })
  timesPerYear: number = 1;

  @Field(() => String, { nullable: true, description: 'When in the year, e.g. 第二季度 or 5—6月' })
  @Property({ type: 'string', length: 100, nullable: true })
  period: string | null = null;
}
