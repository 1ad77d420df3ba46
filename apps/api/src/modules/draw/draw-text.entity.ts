import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/** The large texts of a draw, each a row of its own: what a record and the downloads are made of. */
export type DrawTextName = 'pool' | 'exclusions' | 'outcome';

/**
 * A large text of a draw (the frozen pool, its exclusions, the outcome), kept apart from the draw's row:
 * a row is read whole, or on SQLite up to the column asked for, so a 40 MB pool in the draw's row made
 * every statement that looked up a draw (a visit's facts, a page of draws) walk 40 MB.
 */
@Entity()
export class DrawText {
  [PrimaryKeyProp]?: ['drawId', 'name'];

  @PrimaryKey({ type: 'string', length: 36 })
  drawId!: string;

  @PrimaryKey({ type: 'string', length: 20 })
  name!: DrawTextName;

  @Property({ type: 'text' })
  content!: string;
}
