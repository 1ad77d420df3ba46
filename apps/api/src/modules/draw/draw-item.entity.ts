import { Entity, Index, PrimaryKey, Property, PrimaryKeyProp } from '@mikro-orm/core';

/**
 * One item of a draw, for 比例达成: how many targets of the frozen pool the item was open for (the item
 * applies to them and they were not yet inspected for it this year), the minimum ratio the list set
 * when the draw was scheduled, and, once it has run, how many of its visits cover the item.
 */
@Entity()
@Index({ properties: ['drawnOn', 'itemId'] })
@Index({ properties: ['itemId', 'drawnOn'] })
export class DrawItem {
  [PrimaryKeyProp]?: ['drawId', 'itemId'];

  @PrimaryKey({ type: 'string', length: 36 })
  drawId!: string;

  @PrimaryKey({ type: 'string', length: 36 })
  itemId!: string;

  @Property({ type: 'string', length: 36 })
  taskId!: string;

  @Property({ type: 'integer' })
  poolSize!: number;

  @Property({ type: 'integer' })
  minRatioBp!: number;

  /** Set when the draw runs. */
  @Property({ type: 'integer', nullable: true })
  drawn: number | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  drawnOn: string | null = null;
}
