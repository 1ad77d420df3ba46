import { Entity, Enum, ManyToOne, Property, type Rel, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DEPARTMENT_KINDS, type DepartmentKind } from '@suiji/domain';
import { SoftDeletableEntity } from '../../db/base.entity.js';
import { DepartmentKindEnum } from '../../graphql/enums.js';

/** 部门, or one of its sub-units (股室, 所) when it has a parent. */
@ObjectType({ simpleResolvers: true, description: '部门 / 股室 / 所' })
@Entity()
export class Department extends SoftDeletableEntity {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'Short unique code, e.g. WG-ZRZY' })
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => DepartmentKindEnum)
  @Enum({ items: [...DEPARTMENT_KINDS] })
  kind: DepartmentKind = 'DEPARTMENT';

  @ManyToOne(() => Department, { nullable: true })
  parent: Rel<Department> | null = null;

  @Field(() => ID, { nullable: true })
  get parentId(): Opt<string> | null {
    return this.parent?.id ?? null;
  }

  @Field(() => Date)
  declare createdAt: Opt<Date>;

  @Field(() => Date)
  declare updatedAt: Opt<Date>;
}
