import { Entity, Enum, Index, ManyToOne, Property, type Rel, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { INSPECTOR_STATUSES, type InspectorStatus } from '@suiji/domain';
import { SoftDeletableEntity } from '../../db/base.entity.js';
import { StringListType } from '../../db/string-list.type.js';
import { InspectorStatusEnum } from '../../graphql/enums.js';
import { Personal } from '../../graphql/personal.js';
import { Department } from '../department/department.entity.js';
import { User } from '../user/user.entity.js';

/** Its personal data is read as its entry is: by its department's staff and by the inspector themself. */
const OWN_ENTRY = (inspector: Inspector) => inspector;

/** A certified member of staff in the 执法检查人员名录库. Dates are ISO `YYYY-MM-DD`. */
@ObjectType({ simpleResolvers: true, description: '执法检查人员' })
@Entity()
export class Inspector extends SoftDeletableEntity {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  @Index()
  @Property({ type: 'string', length: 100 })
  name!: string;

  @ManyToOne(() => Department)
  department!: Rel<Department>;

  @Field(() => ID)
  get departmentId(): Opt<string> {
    return this.department.id;
  }

  @Field(() => String, { nullable: true, description: '执法证号' })
  @Personal('inspectors', OWN_ENTRY)
  @Property({ type: 'string', length: 64, unique: true })
  certificateNumber!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Property({ type: 'string', length: 10 })
  certificateValidFrom!: string;

  @Field(() => String, { description: 'YYYY-MM-DD, last day of validity' })
  @Property({ type: 'string', length: 10 })
  certificateValidUntil!: string;

  @Field(() => [String], { description: '业务专长' })
  @Property({ type: StringListType })
  expertise: string[] = [];

  @Field(() => InspectorStatusEnum)
  @Enum({ items: [...INSPECTOR_STATUSES] })
  status: InspectorStatus = 'ON_DUTY';

  @Field(() => String, { nullable: true })
  @Personal('inspectors', OWN_ENTRY)
  @Property({ type: 'string', length: 50, nullable: true })
  phone: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  user: Rel<User> | null = null;

  @Field(() => ID, { nullable: true })
  @Personal('inspectors', OWN_ENTRY)
  get userId(): Opt<string> | null {
    return this.user?.id ?? null;
  }

  @Field(() => Date)
  declare createdAt: Opt<Date>;

  @Field(() => Date)
  declare updatedAt: Opt<Date>;
}
