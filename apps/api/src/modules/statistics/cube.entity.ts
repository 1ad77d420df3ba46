import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The statistics' summary tables (cubes): each holds the rows of one fact table counted by the columns the
 * figures read, so a period's figures sum a few hundred rows instead of counting millions of visits. Kept
 * exact by `refreshVisitFacts` in the transaction of every change it counts: the changed visits' rows are
 * taken out before their facts are recomputed and put back after (see `cubes.ts`). `key` is the row's
 * columns joined, the target of the upserts; rows whose count falls to 0 are deleted.
 */
abstract class CubeRow {
  @PrimaryKey({ type: 'text' })
  key!: string;

  /** How many fact rows have these columns. */
  @Property({ type: 'integer' })
  n!: number;
}

/** `inspection`'s visits, by task, day drawn, target as drawn, state and flags. */
@Entity()
@Index({ properties: ['drawnOn', 'taskId'] })
@Index({ properties: ['n'] })
export class VisitCube extends CubeRow {
  @Property({ type: 'string', length: 36 })
  taskId!: string;

  @Property({ type: 'string', length: 10 })
  drawnOn!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  region: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  targetKind: string | null = null;

  @Property({ type: 'string', length: 1, nullable: true })
  riskClass: string | null = null;

  @Property({ type: 'boolean' })
  joint!: boolean;

  @Property({ type: 'string', length: 20 })
  state!: string;

  @Property({ type: 'boolean' })
  problem!: boolean;

  @Property({ type: 'boolean' })
  closed!: boolean;

  /** Published on or before its deadline (null: not published, or no deadline). */
  @Property({ type: 'boolean', nullable: true })
  onTime: boolean | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  deadline: string | null = null;

  /** The visits saved, summed. */
  @Property({ type: 'integer' })
  saved!: number;
}

/** `visit_item`'s rows (a visit and an item), by the same and the item's result. */
@Entity()
@Index({ properties: ['drawnOn', 'taskId'] })
@Index({ properties: ['n'] })
export class VisitItemCube extends CubeRow {
  @Property({ type: 'string', length: 36 })
  taskId!: string;

  @Property({ type: 'string', length: 36 })
  itemId!: string;

  @Property({ type: 'string', length: 10 })
  drawnOn!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  region: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  targetKind: string | null = null;

  @Property({ type: 'string', length: 1, nullable: true })
  riskClass: string | null = null;

  @Property({ type: 'boolean' })
  joint!: boolean;

  @Property({ type: 'string', length: 20 })
  state!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  deadline: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  onTime: boolean | null = null;

  @Property({ type: 'boolean' })
  visitProblem!: boolean;

  @Property({ type: 'boolean' })
  visitClosed!: boolean;

  @Property({ type: 'string', length: 40, nullable: true })
  category: string | null = null;

  @Property({ type: 'string', length: 30, nullable: true })
  followUp: string | null = null;

  @Property({ type: 'boolean' })
  problem!: boolean;

  @Property({ type: 'boolean' })
  closed!: boolean;

  @Property({ type: 'boolean' })
  firstOfCategory!: boolean;

  @Property({ type: 'boolean' })
  firstOfFollowUp!: boolean;

  @Property({ type: 'integer' })
  saved!: number;
}

/** `coverage_fact`'s rows, by set, day, the predecessor's day and the target as drawn. */
@Entity()
@Index({ properties: ['departmentKey', 'itemKey', 'drawnOn'] })
@Index({ properties: ['n'] })
export class CoverageCube extends CubeRow {
  @Property({ type: 'string', length: 36 })
  departmentKey!: string;

  @Property({ type: 'string', length: 36 })
  itemKey!: string;

  @Property({ type: 'string', length: 10 })
  drawnOn!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  prevOn: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  region: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  targetKind: string | null = null;

  @Property({ type: 'string', length: 1, nullable: true })
  riskClass: string | null = null;
}

/** `inspection_member`'s team places, by task, inspector and day drawn. */
@Entity()
@Index({ properties: ['drawnOn', 'inspectorId'] })
@Index({ properties: ['n'] })
export class MemberCube extends CubeRow {
  @Property({ type: 'string', length: 36 })
  taskId!: string;

  @Property({ type: 'string', length: 36 })
  inspectorId!: string;

  @Property({ type: 'string', length: 10 })
  drawnOn!: string;
}

/**
 * The registry's live targets (not deleted), by status and the columns 覆盖率's denominator and the
 * registry's figures group or filter by. Kept exact by triggers on `target` in the statement's own
 * transaction (see the migration that creates them): every way a target is written — the services, an
 * import's bulk statements, SQL typed by hand — changes it, and a group whose count falls to 0 goes.
 */
@Entity()
@Index({ properties: ['n'] })
export class TargetCube {
  @PrimaryKey({ type: 'string', length: 20 })
  status!: string;

  @PrimaryKey({ type: 'string', length: 100 })
  region!: string;

  @PrimaryKey({ type: 'string', length: 20 })
  kind!: string;

  @PrimaryKey({ type: 'string', length: 1 })
  riskClass!: string;

  /** As `target.target_types` stores them. */
  @PrimaryKey({ type: 'text' })
  targetTypes!: string;

  @Property({ type: 'integer' })
  n!: number;
}
