import { Entity, Index, ManyToOne, PrimaryKey, Property, type Opt, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { TimestampType } from '../../db/timestamp.type.js';
import { User } from '../user/user.entity.js';

/**
 * One sign-in: its login token carries this row's id, and a request is signed in only while the row is
 * live. Signing out revokes it; a password change or deactivation revokes all of the user's, and
 * reactivating the user revives none. Expired rows are removed at the next sign-in.
 */
@Entity({ tableName: 'user_session' })
// Revoking a user's sessions finds their live ones (SQLite also indexes the foreign key alone; PostgreSQL does not).
@Index({ properties: ['user', 'revokedAt'] })
export class UserSession {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = randomUUID();

  @ManyToOne(() => User)
  user!: Rel<User>;

  @Property({ type: TimestampType })
  createdAt: Opt<Date> = new Date();

  @Index()
  @Property({ type: TimestampType })
  expiresAt!: Date;

  @Property({ type: TimestampType, nullable: true })
  revokedAt: Opt<Date> | null = null;
}
