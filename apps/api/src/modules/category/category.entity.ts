import { Entity, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TimestampType } from '../../db/timestamp.type.js';
import { Department } from '../department/department.entity.js';

/**
 * 检查结果类别: a category a result may take. The standard ones of the glossary (no department) and a
 * department's own. Each carries its consequences for the target, which an administrator may change for
 * the standard ones and a department's coordinator for theirs.
 */
@ObjectType('ResultCategory', { simpleResolvers: true, description: '检查结果类别' })
@Entity({ tableName: 'result_category' })
export class Category {
  /** The code results carry, e.g. UNREACHABLE: the key, so a result names its category by it. */
  @Field(() => String, { description: 'The code results carry, e.g. UNREACHABLE' })
  @PrimaryKey({ type: 'string', length: 40 })
  code!: string;

  @Field(() => ID, { description: 'The code' })
  get id(): Opt<string> {
    return this.code;
  }

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  nameZh!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  /** The department defining it; none for the standard categories. */
  @ManyToOne(() => Department, { nullable: true })
  department: Rel<Department> | null = null;

  @Field(() => ID, { nullable: true, description: 'The department that defined it; null: standard' })
  get departmentId(): Opt<string> | null {
    return this.department?.id ?? null;
  }

  @Field(() => Boolean, { description: 'One of the standard categories of the glossary' })
  get standard(): Opt<boolean> {
    return this.department === null;
  }

  @Field(() => Boolean, { description: 'Counts as a problem found' })
  @Property({ type: 'boolean' })
  problem: boolean = false;

  @Field(() => Boolean, { description: "Publishing it raises the target's risk class one step" })
  @Property({ type: 'boolean' })
  raisesRisk: boolean = false;

  @Field(() => Boolean, { description: 'Publishing it puts the target on the abnormal list (经营异常名录)' })
  @Property({ type: 'boolean' })
  marksAbnormal: boolean = false;

  @Field(() => Date)
  @Property({ type: TimestampType })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date)
  @Property({ type: TimestampType, onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  /** Withdrawn from use; results that carry it keep it. */
  @Property({ type: TimestampType, nullable: true })
  deletedAt: Opt<Date> | null = null;
}
