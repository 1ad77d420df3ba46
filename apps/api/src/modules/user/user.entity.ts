import { Entity, Enum, ManyToOne, Property, type Rel, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ROLES, type Role } from '@suiji/domain';
import { SoftDeletableEntity } from '../../db/base.entity.js';
import { RoleEnum } from '../../graphql/enums.js';
import { Department } from '../department/department.entity.js';

/** A person who signs in. The password hash never has a GraphQL field. */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'app_user' })
export class User extends SoftDeletableEntity {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64, unique: true })
  username!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  displayName!: string;

  @Property({ type: 'string', length: 300, hidden: true })
  passwordHash!: string;

  @Field(() => RoleEnum)
  @Enum({ items: [...ROLES] })
  role!: Role;

  @ManyToOne(() => Department)
  department!: Rel<Department>;

  @Field(() => ID)
  get departmentId(): Opt<string> {
    return this.department.id;
  }

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Field(() => Date)
  declare createdAt: Opt<Date>;

  @Field(() => Date)
  declare updatedAt: Opt<Date>;
}
