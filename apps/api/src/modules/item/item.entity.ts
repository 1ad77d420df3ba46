import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ITEM_CATEGORIES, type InspectionMethod, type ItemCategory, type RiskClass } from '@suiji/domain';
import { SoftDeletableEntity } from '../../db/base.entity.js';
import { StringListType } from '../../db/string-list.type.js';
import { InspectionMethodEnum, ItemCategoryEnum } from '../../graphql/enums.js';
import { Department } from '../department/department.entity.js';

/** One row of a department's yearly 随机抽查事项清单. */
@ObjectType({ simpleResolvers: true, description: '随机抽查事项' })
@Entity({ tableName: 'inspection_item' })
@Unique({ properties: ['year', 'department', 'name'] })
export class InspectionItem extends SoftDeletableEntity {
  @Field(() => ID)
  declare id: string;

  @Field(() => Int)
  @Index()
  @Property({ type: 'integer' })
  year!: number;

  @ManyToOne(() => Department)
  department!: Rel<Department>;

  @Field(() => ID)
  get departmentId(): Opt<string> {
    return this.department.id;
  }

  @Field(() => Int, { description: '序号 in the published list' })
  @Property({ type: 'integer' })
  seq!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: '抽查依据' })
  @Property({ type: 'text' })
  legalBasis!: string;

  @Field(() => String, { description: '检查主体' })
  @Property({ type: 'string', length: 200 })
  inspectingBody!: string;

  @Field(() => ItemCategoryEnum)
  @Enum({ items: [...ITEM_CATEGORIES] })
  category: ItemCategory = 'GENERAL';

  @Field(() => String, { description: '检查对象: the target type a target must fall under' })
  @Property({ type: 'string', length: 200 })
  targetType!: string;

  @Field(() => Int, { description: 'Minimum ratio in basis points (1000 = 10%)' })
  @Property({ type: 'integer' })
  minRatioBp!: number;

  @Field(() => Int, { description: '抽查频次/年' })
  @Property({ type: 'integer' })
  timesPerYear: number = 1;

  @Field(() => [InspectionMethodEnum])
  @Property({ type: StringListType })
  methods: InspectionMethod[] = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  remarks: string | null = null;

  /** Ratios per risk class that differ from `minRatioBp` (风险分类差异化抽查比例), in basis points. */
  @Property({ type: 'json', defaultRaw: `'{}'` })
  riskRatios: Opt<Partial<Record<RiskClass, number>>> = {};

  @Field(() => Date)
  declare createdAt: Opt<Date>;

  @Field(() => Date)
  declare updatedAt: Opt<Date>;
}
