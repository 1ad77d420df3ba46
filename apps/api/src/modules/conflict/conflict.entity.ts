import { Entity, ManyToOne, Property, Unique, type Rel, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { SoftDeletableEntity } from '../../db/base.entity.js';
import { Inspector } from '../inspector/inspector.entity.js';
import { Target } from '../target/target.entity.js';

/** 回避: the inspector has an interest in the target and must never be drawn for it. */
@ObjectType({ simpleResolvers: true, description: '回避关系' })
@Entity()
@Unique({ properties: ['inspector', 'target'] })
export class Conflict extends SoftDeletableEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => Inspector)
  inspector!: Rel<Inspector>;

  @Field(() => ID)
  get inspectorId(): Opt<string> {
    return this.inspector.id;
  }

  @ManyToOne(() => Target)
  target!: Rel<Target>;

  @Field(() => ID)
  get targetId(): Opt<string> {
    return this.target.id;
  }

  @Field(() => ID, { description: "The inspector's department, which the conflict is declared to" })
  get departmentId(): Opt<string> {
    return this.inspector.department.id;
  }

  @Field(() => String)
  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Field(() => Date)
  declare createdAt: Opt<Date>;

  @Field(() => Date)
  declare updatedAt: Opt<Date>;
}
