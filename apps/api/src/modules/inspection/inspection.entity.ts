import { Entity, Enum, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import {
  FOLLOW_UPS,
  RESULT_CATEGORIES,
  RESULT_STATES,
  type FollowUp,
  type InspectionMethod,
  type ResultCategory,
  type ResultState,
} from '@suiji/domain';
import { TimestampType } from '../../db/timestamp.type.js';
import { BaseEntity } from '../../db/base.entity.js';
import { StringListType } from '../../db/string-list.type.js';
import {
  FollowUpEnum,
  InspectionMethodEnum,
  ResultCategoryEnum,
  ResultStateEnum,
} from '../../graphql/enums.js';
import { Draw } from '../draw/draw.entity.js';
import { Target } from '../target/target.entity.js';
import { Task } from '../task/task.entity.js';

/** One selected target of a draw and the team that inspects it. */
@ObjectType({ description: '检查（抽中的检查对象及其检查组）' })
@Entity()
@Unique({ properties: ['draw', 'target'] })
export class Inspection extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => Draw)
  draw!: Rel<Draw>;

  @Field(() => ID)
  get drawId(): Opt<string> {
    return this.draw.id;
  }

  @ManyToOne(() => Task)
  task!: Rel<Task>;

  @Field(() => ID)
  get taskId(): Opt<string> {
    return this.task.id;
  }

  @ManyToOne(() => Target)
  target!: Rel<Target>;

  @Field(() => ID)
  get targetId(): Opt<string> {
    return this.target.id;
  }

  @Field(() => [ID], { description: 'The current team, replacements applied' })
  @Property({ type: StringListType })
  teamIds: string[] = [];

  @Field(() => ResultStateEnum)
  @Enum({ items: [...RESULT_STATES] })
  state: ResultState = 'PENDING_ENTRY';

  // The result (检查结果), entered by a team member and reviewed by a coordinator.

  @Field(() => ResultCategoryEnum, { nullable: true })
  @Enum({ items: [...RESULT_CATEGORIES], nullable: true })
  resultCategory: ResultCategory | null = null;

  @Field(() => String, { nullable: true, description: '检查情况 / findings' })
  @Property({ type: 'text', nullable: true })
  findings: string | null = null;

  @Field(() => [InspectionMethodEnum], { description: 'The methods used' })
  @Property({ type: StringListType, defaultRaw: `''` })
  methodsUsed: Opt<InspectionMethod[]> = [];

  @Field(() => String, { nullable: true, description: 'The day of the inspection, YYYY-MM-DD' })
  @Property({ type: 'string', length: 10, nullable: true })
  inspectedOn: string | null = null;

  @Field(() => FollowUpEnum, { nullable: true, description: '后续处置' })
  @Enum({ items: [...FOLLOW_UPS], nullable: true })
  followUp: FollowUp | null = null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 36, nullable: true })
  enteredById: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: TimestampType, nullable: true })
  enteredAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "The reviewer's comment (required to reject)" })
  @Property({ type: 'text', nullable: true })
  reviewComment: string | null = null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'string', length: 36, nullable: true })
  reviewedById: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the result was published (公示)' })
  @Property({ type: TimestampType, nullable: true })
  publishedAt: Date | null = null;

  @Field(() => Date)
  declare createdAt: Opt<Date>;

  @Field(() => Date)
  declare updatedAt: Opt<Date>;
}
