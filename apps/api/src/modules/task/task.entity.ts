import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  Property,
  type Opt,
  type Rel,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TASK_SCOPES, type RiskClass, type TargetKind, type TaskScope } from '@suiji/domain';
import { StringListType } from '../../db/string-list.type.js';
import { RiskClassEnum, TargetKindEnum, TaskScopeEnum } from '../../graphql/enums.js';
import { Participated } from '../department/participation.types.js';
import { InspectionItem } from '../item/item.entity.js';
import { Plan } from '../plan/plan.entity.js';

/**
 * 抽查任务: one round of inspection for one or more items, of one department or several together.
 * The scope filters narrow a directed (定向) task; an undirected (不定向) one takes the whole registry.
 */
@ObjectType({ simpleResolvers: true, description: '抽查任务' })
@Entity()
// The task and draw lists' year filter.
@Index({ properties: ['year'] })
export class Task extends Participated {
  @ManyToMany(() => InspectionItem, undefined, { owner: true, pivotTable: 'task_item' })
  items = new Collection<InspectionItem>(this);

  @Field(() => TaskScopeEnum)
  @Enum({ items: [...TASK_SCOPES] })
  scope: TaskScope = 'UNDIRECTED';

  @Field(() => [String], { description: 'Directed tasks: only targets in these regions (empty: any)' })
  @Property({ type: StringListType })
  regions: string[] = [];

  @Field(() => [String], { description: 'Directed tasks: only targets with one of these tags (empty: any)' })
  @Property({ type: StringListType })
  tags: string[] = [];

  @Field(() => [RiskClassEnum], {
    description: 'Directed tasks: only targets of these risk classes (empty: any)',
  })
  @Property({ type: StringListType })
  riskClasses: RiskClass[] = [];

  @Field(() => [TargetKindEnum], { description: 'Directed tasks: only targets of these kinds (empty: any)' })
  @Property({ type: StringListType })
  targetKinds: TargetKind[] = [];

  @Field(() => String, {
    description: 'First day of inspection, YYYY-MM-DD; certificates must be valid on it',
  })
  @Property({ type: 'string', length: 10 })
  windowStart!: string;

  @Field(() => String, { description: 'Last day of inspection, YYYY-MM-DD' })
  @Property({ type: 'string', length: 10 })
  windowEnd!: string;

  @Field(() => Int, { description: 'Inspectors per team (at least 2)' })
  @Property({ type: 'integer' })
  teamSize: number = 2;

  /**
   * The yearly plan this task is a round of, if any. Its column comes last and has no foreign key: SQLite
   * can add neither a column in the middle nor a foreign key to an existing table without rebuilding it
   * (which the migrations cannot do safely inside their transaction). Plans are only ever soft-deleted,
   * and the task service checks the plan on every write.
   */
  @ManyToOne(() => Plan, { nullable: true, createForeignKeyConstraint: false })
  plan: Rel<Plan> | null = null;

  @Field(() => ID, { nullable: true, description: 'The yearly plan (年度抽查计划) this task is a round of' })
  get planId(): Opt<string> | null {
    return this.plan?.id ?? null;
  }

  @Field(() => Date)
  declare createdAt: Opt<Date>;

  @Field(() => Date)
  declare updatedAt: Opt<Date>;
}
