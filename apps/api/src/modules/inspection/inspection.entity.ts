import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { RESULT_STATES, type InspectionMethod, type ResultState } from '@suiji/domain';
import { TimestampType } from '../../db/timestamp.type.js';
import { BaseEntity } from '../../db/base.entity.js';
import { StringListType } from '../../db/string-list.type.js';
import type { Context } from '../../graphql/context.js';
import { InspectionMethodEnum, ResultStateEnum } from '../../graphql/enums.js';
import { Personal } from '../../graphql/personal.js';
import { Draw } from '../draw/draw.entity.js';
import { Target } from '../target/target.entity.js';
import { Task } from '../task/task.entity.js';
import { scopedInspection } from './inspection.scope.js';

const THIS_INSPECTION = (inspection: Inspection, ctx: Context) => scopedInspection(ctx, inspection);

/**
 * One selected target of a task's draw, the team that inspects it and the items the visit covers
 * (进一次门、查多项事). The result (检查结果) is entered once for the visit — its date, methods and a
 * category, findings and follow-up per item (`ItemResult`) — and reviewed as a whole.
 */
@ObjectType({ simpleResolvers: true, description: '检查（抽中的检查对象及其检查组）' })
@Entity()
@Unique({ properties: ['draw', 'target'] })
// The draw's rules ask, for every target of a pool, whether it was inspected this year.
@Index({ properties: ['target', 'task'] })
// Lists come in creation order: the index lets a page stop after its rows instead of sorting them all.
@Index({ properties: ['createdAt', 'id'] })
// A department's lists count the inspections of its tasks; a task's progress counts them by state.
@Index({ properties: ['task', 'state'] })
// Statistics: a period's visits by day drawn, their states and flags read from the index alone.
@Index({ properties: ['drawnOn', 'state', 'problem', 'closed', 'joint', 'publishedOn', 'deadline', 'saved'] })
@Index({ properties: ['region', 'drawnOn'] })
@Index({ properties: ['targetKind', 'riskClass', 'drawnOn'] })
// Burden: the few visits of a target by several departments in a quarter.
@Index({ properties: ['multiDepartment', 'drawnOn'] })
// 公示: the published results, newest (or oldest) first, or by the day inspected, a page at a time (the
// state first: the unpublished visits, whose time of publication is null, are never walked through).
@Index({ properties: ['state', 'publishedAt', 'id'] })
@Index({ properties: ['state', 'inspectedOn', 'id'] })
// Work lists: the visits whose deadline comes first.
@Index({ properties: ['deadline', 'id'] })
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

  @Field(() => [ID], { description: "The task's items this visit covers" })
  @Property({ type: StringListType, defaultRaw: `''` })
  itemIds: Opt<string[]> = [];

  @Field(() => ResultStateEnum)
  @Enum({ items: [...RESULT_STATES] })
  state: ResultState = 'PENDING_ENTRY';

  // The result (检查结果), entered by a team member and reviewed by a coordinator.

  @Field(() => [InspectionMethodEnum], { description: 'The methods used' })
  @Property({ type: StringListType, defaultRaw: `''` })
  methodsUsed: Opt<InspectionMethod[]> = [];

  @Field(() => String, { nullable: true, description: 'The day of the inspection, YYYY-MM-DD' })
  @Property({ type: 'string', length: 10, nullable: true })
  inspectedOn: string | null = null;

  /** Who entered and who reviewed it: readable by those who may read this inspection, not by all who reach it. */
  @Field(() => ID, { nullable: true })
  @Personal('inspections', THIS_INSPECTION)
  @Property({ type: 'string', length: 36, nullable: true })
  enteredById: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: TimestampType, nullable: true })
  enteredAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "The reviewer's comment (required to reject)" })
  @Property({ type: 'text', nullable: true })
  reviewComment: string | null = null;

  @Field(() => ID, { nullable: true })
  @Personal('inspections', THIS_INSPECTION)
  @Property({ type: 'string', length: 36, nullable: true })
  reviewedById: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the result was published (公示)' })
  @Property({ type: TimestampType, nullable: true })
  publishedAt: Date | null = null;

  // Facts for the statistics (统计分析), kept by `refreshVisitFacts` in the transaction of every change they
  // depend on, so that the figures are counted over indexed columns of this row alone. Those "as of the
  // draw" are captured once, when the draw runs; the others follow the result.

  /** The China day the draw ran: the day the visit belongs to. */
  @Property({ type: 'string', length: 10, nullable: true })
  drawnOn: Opt<string> | null = null;

  /** The task's initiating (top-level) department. */
  @Property({ type: 'string', length: 36, nullable: true })
  initiatingDepartmentId: Opt<string> | null = null;

  /** Of a joint task (cooperating departments). */
  @Property({ type: 'boolean', default: false })
  joint: Opt<boolean> = false;

  /** The target's region, kind and risk class as of the draw. */
  @Property({ type: 'string', length: 100, nullable: true })
  region: Opt<string> | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  targetKind: Opt<string> | null = null;

  @Property({ type: 'string', length: 1, nullable: true })
  riskClass: Opt<string> | null = null;

  /** The last day to publish: the domain's `publicationDeadline(task.windowEnd)`. */
  @Property({ type: 'string', length: 10, nullable: true })
  deadline: Opt<string> | null = null;

  /** The China day it was published. */
  @Property({ type: 'string', length: 10, nullable: true })
  publishedOn: Opt<string> | null = null;

  /** Published with an item in a category that counts as a problem. */
  @Property({ type: 'boolean', default: false })
  problem: Opt<boolean> = false;

  /** With a problem, and every problem's follow-up closed. */
  @Property({ type: 'boolean', default: false })
  closed: Opt<boolean> = false;

  /** Visits this one saved: max(items covered, departments of the task) − 1. */
  @Property({ type: 'integer', default: 0 })
  saved: Opt<number> = 0;

  /** Not joint, and the target had a visit of another department's non-joint task in the same quarter. */
  @Property({ type: 'boolean', default: false })
  multiDepartment: Opt<boolean> = false;

  /** The state as the statistics' summaries count it: the state when the facts were last refreshed. */
  @Property({ type: 'string', length: 20, nullable: true })
  countedState: Opt<string> | null = null;

  @Field(() => Date)
  declare createdAt: Opt<Date>;

  @Field(() => Date)
  declare updatedAt: Opt<Date>;
}
