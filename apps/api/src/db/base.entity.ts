import { TimestampType } from './timestamp.type.js';
import { randomUUID } from 'node:crypto';
import { PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** Every row has a UUID (which fits the draw's id charset), and creation and change times. */
export abstract class BaseEntity {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = randomUUID();

  @Property({ type: TimestampType })
  createdAt: Opt<Date> = new Date();

  @Property({ type: TimestampType, onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** Rows that history will refer to are never removed, only marked deleted. */
export abstract class SoftDeletableEntity extends BaseEntity {
  @Property({ type: TimestampType, nullable: true })
  deletedAt: Opt<Date> | null = null;
}
