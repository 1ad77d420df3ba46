import { Entity, Enum, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MERGE_STATES, type MergeState, type Resource, type ScopedRecord } from '@suiji/domain';
import { BaseEntity } from '../../db/base.entity.js';
import type { Context } from '../../graphql/context.js';
import { related } from '../../graphql/loaders.js';
import { StringListType } from '../../db/string-list.type.js';
import { MergeStateEnum } from '../../graphql/enums.js';
import { DepartmentAnswer } from '../task/task-acceptance.entity.js';
import { Task } from '../task/task.entity.js';
import { User } from '../user/user.entity.js';

/**
 * 合并建议: tasks of several departments, in one quarter, that would visit the same targets, proposed to
 * become one joint task. Suggestions are found on demand and never stored (state `SUGGESTED`); a
 * coordinator's `proposeMerge` stores one, and the departments' coordinators answer it. (The GraphQL `id`
 * is set by the resolver: null for a suggestion.)
 */
@ObjectType({ simpleResolvers: true, description: '合并建议' })
@Entity()
export class MergeProposal extends BaseEntity {
  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Int, { description: 'The quarter (1–4) every task’s window lies within' })
  @Property({ type: 'integer' })
  quarter!: number;

  @Field(() => [ID], {
    description: 'The tasks to merge; the first one’s department initiates the joint task',
  })
  @Property({ type: StringListType })
  taskIds: string[] = [];

  @Field(() => [ID], { description: 'Every department taking part in one of the tasks' })
  @Property({ type: StringListType })
  departmentIds: string[] = [];

  @Field(() => Int, { description: 'Targets eligible for two or more of the tasks' })
  @Property({ type: 'integer' })
  targetCount!: number;

  @Field(() => Int, { description: 'Visits the draws are expected to make if the tasks stay apart' })
  @Property({ type: 'integer' })
  separateVisits!: number;

  @Field(() => Int, { description: 'Visits the one joint task’s draw is expected to make' })
  @Property({ type: 'integer' })
  jointVisits!: number;

  @Field(() => Int, { description: 'separateVisits − jointVisits' })
  get visitsSaved(): Opt<number> {
    return this.separateVisits - this.jointVisits;
  }

  @Field(() => MergeStateEnum)
  @Enum({ items: [...MERGE_STATES] })
  state: Opt<MergeState> = 'OPEN';

  @ManyToOne(() => User, { nullable: true })
  proposedBy: Rel<User> | null = null;

  @ManyToOne(() => Task, { nullable: true })
  mergedTask: Rel<Task> | null = null;

  @Field(() => ID, { nullable: true, description: 'The joint task the tasks became, once accepted' })
  get mergedTaskId(): Opt<string> | null {
    return this.mergedTask?.id ?? null;
  }

  @Field(() => Date)
  declare createdAt: Opt<Date>;
}

/** One involved department's answer to a merge proposal. */
@ObjectType({ simpleResolvers: true, description: '合并建议的部门答复' })
@Entity()
@Unique({ properties: ['proposal', 'department'] })
export class MergeResponse extends DepartmentAnswer {
  @ManyToOne(() => MergeProposal)
  proposal!: Rel<MergeProposal>;

  answerTo(): Resource {
    return 'merges';
  }

  /** A suggestion's answers, made up unanswered, belong to no stored proposal. */
  async answerRecord(ctx: Context): Promise<ScopedRecord> {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset on a suggestion, which is never stored
    if (!this.proposal) return { departmentIds: [] };
    const proposal = await related(ctx, MergeProposal, this.proposal, this.proposal.id);
    return { departmentIds: proposal.departmentIds };
  }
}
