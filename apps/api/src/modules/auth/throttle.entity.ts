import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { TimestampType } from '../../db/timestamp.type.js';

/**
 * The sign-in attempts of one account or one address (`account:<username>`, `address:<ip>`) in the
 * current window, and until when it must wait. Kept in the database so that every API process sharing
 * it counts the same attempts; rows whose window has passed are pruned at each attempt.
 */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottle {
  @PrimaryKey({ type: 'string', length: 120 })
  subject!: string;

  @Property({ type: 'integer' })
  failures: Opt<number> = 0;

  @Index()
  @Property({ type: TimestampType })
  windowStart!: Date;

  @Property({ type: TimestampType, nullable: true })
  blockedUntil: Opt<Date> | null = null;
}
