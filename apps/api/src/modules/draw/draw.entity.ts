import { TimestampType } from '../../db/timestamp.type.js';
import { Entity, Enum, Index, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { StringListType } from '../../db/string-list.type.js';
import { DRAW_STATUSES, type DrawStatus, type EntropySource } from '@suiji/domain';
import { DrawStatusEnum, EntropySourceEnum } from '../../graphql/enums.js';
import { Task } from '../task/task.entity.js';
import { User } from '../user/user.entity.js';

/**
 * 摇号: the verifiable draw (spec suiji-draw/1) of a task, one for all its items: a target drawn is
 * visited once for every item of the task that applies to it (进一次门、查多项事). Scheduling freezes the pool,
 * the roster and the conflicts and publishes the commitment; running reveals the nonce and stores the
 * outcome. Never deleted and never run twice.
 *
 * The frozen inputs are kept as compact text rather than one row per target, so that a pool of a
 * million targets is one write; the large ones (the pool, exactly the text the pool digest hashes, its
 * exclusions and the outcome) are rows of `DrawText`, apart from the draw's own row.
 */
@ObjectType({ simpleResolvers: true, description: '摇号（可验证抽取）' })
@Entity()
export class Draw extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => Task, { unique: true })
  task!: Rel<Task>;

  @Field(() => ID)
  get taskId(): Opt<string> {
    return this.task.id;
  }

  @Field(() => DrawStatusEnum)
  @Index()
  @Enum({ items: [...DRAW_STATUSES] })
  status: DrawStatus = 'SCHEDULED';

  @Field(() => Date, { description: 'The draw may run at or after this time' })
  @Property({ type: TimestampType })
  runAfter!: Date;

  @ManyToOne(() => User)
  scheduledBy!: Rel<User>;

  /** The secret: 64 hex characters, revealed only in the record once the draw has run. */
  @Property({ type: 'string', length: 64, hidden: true, lazy: true })
  nonce!: string;

  @Field(() => String, { description: 'hex(SHA-256(nonce)), published when scheduled' })
  @Property({ type: 'string', length: 64 })
  commitment!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  poolDigest!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  poolSize!: number;

  @Field(() => Int, { description: 'Targets left out of the pool by the rules' })
  @Property({ type: 'integer' })
  excludedCount!: number;

  /** JSON `{stratum: basis points}`. */
  @Property({ type: 'text' })
  ratios!: string;

  /** JSON spec §5 `team`. */
  @Property({ type: 'text' })
  team!: string;

  /** JSON `[[inspectorId, departmentId], …]`: the eligible roster. */
  @Property({ type: 'text', lazy: true })
  inspectors!: string;

  /** JSON `[[targetId, inspectorId], …]`. */
  @Property({ type: 'text', lazy: true })
  conflicts!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  rosterSize!: number;

  // Set when the draw runs.

  @Field(() => Date, { nullable: true })
  @Property({ type: TimestampType, nullable: true })
  ranAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true })
  ranBy: Rel<User> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  publicEntropy: string | null = null;

  /** JSON `{inspectorId: count}` as used by the run. */
  @Property({ type: 'text', nullable: true, lazy: true })
  initialLoad: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  seed: string | null = null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  selectedCount: number | null = null;

  @Field(() => [ID], { description: "The task's items the draw covers, as they were when it was scheduled" })
  @Property({ type: StringListType, defaultRaw: `''` })
  itemIds: Opt<string[]> = [];

  /** The China day it ran, for the statistics of the period's draws. */
  @Property({ type: 'string', length: 10, nullable: true })
  drawnOn: string | null = null;

  @Field(() => Date, {
    description: 'When it was scheduled: the commitment, pool digest and entropy source published',
  })
  declare createdAt: Opt<Date>;

  @Field(() => Date)
  declare updatedAt: Opt<Date>;

  // The public entropy source declared at scheduling (公开随机源), never changed; null for draws scheduled
  // before sources were declared.

  @Field(() => EntropySourceEnum, { nullable: true, description: 'The declared public entropy source' })
  @Property({ type: 'string', length: 10, nullable: true })
  entropySource: EntropySource | null = null;

  @Field(() => String, {
    nullable: true,
    description: "The declared event: the lottery's issue (期号) or the beacon's round",
  })
  @Property({ type: 'string', length: 20, nullable: true })
  entropyIssue: string | null = null;

  @Field(() => Date, { nullable: true, description: "When the declared event's outcome is published" })
  @Property({ type: TimestampType, nullable: true })
  entropyPublishedAt: Date | null = null;
}
