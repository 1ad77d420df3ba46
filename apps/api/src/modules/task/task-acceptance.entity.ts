import { Entity, Enum, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ACCEPTANCE_STATES, type AcceptanceState, type Resource, type ScopedRecord } from '@suiji/domain';
import { BaseEntity } from '../../db/base.entity.js';
import { TimestampType } from '../../db/timestamp.type.js';
import type { Context } from '../../graphql/context.js';
import { AcceptanceStateEnum } from '../../graphql/enums.js';
import { related } from '../../graphql/loaders.js';
import { Personal } from '../../graphql/personal.js';
import { Department } from '../department/department.entity.js';
import { User } from '../user/user.entity.js';
import { Task } from './task.entity.js';

/**
 * One department's answer to something it is asked to take part in: who answered, when, and why it
 * declined. Shared by a joint task's acceptances and a merge proposal's responses.
 */
@ObjectType({ simpleResolvers: true })
export abstract class DepartmentAnswer extends BaseEntity {
  /** What the answer is to, as the policy names it: who answered is read as that record is. */
  abstract answerTo(): Resource;

  abstract answerRecord(ctx: Context): Promise<ScopedRecord>;

  @ManyToOne(() => Department)
  department!: Rel<Department>;

  @Field(() => ID)
  get departmentId(): Opt<string> {
    return this.department.id;
  }

  /** Loaded with the answer (see `acceptancesOf`). */
  @Field(() => String)
  get departmentName(): Opt<string> {
    return this.department.name;
  }

  @Field(() => AcceptanceStateEnum)
  @Enum({ items: [...ACCEPTANCE_STATES] })
  state: Opt<AcceptanceState> = 'PENDING';

  @ManyToOne(() => User, { nullable: true })
  answeredBy: Rel<User> | null = null;

  @Field(() => ID, { nullable: true, description: 'The user who answered' })
  @Personal<DepartmentAnswer>((answer) => answer.answerTo(), (answer, ctx) => answer.answerRecord(ctx))
  get answeredById(): Opt<string> | null {
    return this.answeredBy?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: 'The display name of the user who answered' })
  @Personal<DepartmentAnswer>((answer) => answer.answerTo(), (answer, ctx) => answer.answerRecord(ctx))
  get answeredByName(): Opt<string> | null {
    return this.answeredBy?.displayName ?? null;
  }

  @Field(() => Date, { nullable: true })
  @Property({ type: TimestampType, nullable: true })
  answeredAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why the department declined' })
  @Property({ type: 'string', length: 500, nullable: true })
  reason: string | null = null;
}

/**
 * 联合抽查: a cooperating department's acceptance of a joint task. Every cooperating department accepts
 * before the task's draw can be scheduled; changing what the task asks of them asks again.
 */
@ObjectType({ simpleResolvers: true, description: '联合抽查配合部门的确认' })
@Entity()
@Unique({ properties: ['task', 'department'] })
export class TaskAcceptance extends DepartmentAnswer {
  @ManyToOne(() => Task)
  task!: Rel<Task>;

  answerTo(): Resource {
    return 'tasks';
  }

  async answerRecord(ctx: Context): Promise<ScopedRecord> {
    return related(ctx, Task, this.task, this.task.id);
  }
}
