import { Entity, Index, PrimaryKey, Property, type Opt, PrimaryKeyProp } from '@mikro-orm/core';

/**
 * An item a visit covers (进一次门、查多项事), one row each, written by the draw where it writes the
 * inspection's list (`itemIds`, which the inspection keeps for what it shows and checks in memory). The
 * draw's rule "not yet inspected for this item" reads these rows.
 *
 * The row also carries the facts the statistics count per item, kept by `refreshVisitFacts`: copies of
 * the visit's own (day, task, target and its attributes as of the draw, state, deadline, publication),
 * so that a figure by item reads this table alone, and the item's result — its category and follow-up
 * once published, whether it is a problem and whether that problem's follow-up is closed.
 */
@Entity()
@Index({ properties: ['targetId', 'itemId', 'drawnOn'] })
@Index({ properties: ['drawnOn', 'itemId', 'state', 'problem', 'closed'] })
@Index({ properties: ['itemId', 'drawnOn'] })
@Index({ properties: ['drawnOn', 'category', 'followUp'] })
@Index({ properties: ['repeated', 'drawnOn'] })
export class VisitItem {
  [PrimaryKeyProp]?: ['inspectionId', 'itemId'];

  @PrimaryKey({ type: 'string', length: 36 })
  inspectionId!: string;

  @PrimaryKey({ type: 'string', length: 36 })
  itemId!: string;

  @Property({ type: 'string', length: 36 })
  drawId!: string;

  @Property({ type: 'string', length: 36 })
  taskId!: string;

  @Property({ type: 'string', length: 36 })
  targetId!: string;

  // Copies of the visit's facts.

  @Property({ type: 'string', length: 10, nullable: true })
  drawnOn: Opt<string> | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  region: Opt<string> | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  targetKind: Opt<string> | null = null;

  @Property({ type: 'string', length: 1, nullable: true })
  riskClass: Opt<string> | null = null;

  @Property({ type: 'boolean', default: false })
  joint: Opt<boolean> = false;

  @Property({ type: 'string', length: 20, default: 'PENDING_ENTRY' })
  state: Opt<string> = 'PENDING_ENTRY';

  @Property({ type: 'string', length: 10, nullable: true })
  deadline: Opt<string> | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  publishedOn: Opt<string> | null = null;

  @Property({ type: 'integer', default: 0 })
  saved: Opt<number> = 0;

  @Property({ type: 'boolean', default: false })
  visitProblem: Opt<boolean> = false;

  @Property({ type: 'boolean', default: false })
  visitClosed: Opt<boolean> = false;

  // The item's own result.

  /** Once published: the item's category code. */
  @Property({ type: 'string', length: 40, nullable: true })
  category: Opt<string> | null = null;

  /** Once published: the item's follow-up. */
  @Property({ type: 'string', length: 30, nullable: true })
  followUp: Opt<string> | null = null;

  /** Published, in a category that counts as a problem. */
  @Property({ type: 'boolean', default: false })
  problem: Opt<boolean> = false;

  /** A problem whose follow-up is closed. */
  @Property({ type: 'boolean', default: false })
  closed: Opt<boolean> = false;

  /** The visit's first item (by id) in its category, so a count by category counts each visit once. */
  @Property({ type: 'boolean', default: false })
  firstOfCategory: Opt<boolean> = false;

  /** The visit's first item (by id) with its follow-up. */
  @Property({ type: 'boolean', default: false })
  firstOfFollowUp: Opt<boolean> = false;

  /** The target was visited for this item before (an earlier draw, or the same day by a lower id). */
  @Property({ type: 'boolean', default: false })
  repeated: Opt<boolean> = false;
}
