import type { EntityManager } from '@mikro-orm/core';
import type { Actor, Locale, LoginThrottleLimits } from '@suiji/domain';
import type { TokenService } from '../modules/auth/token.js';
import type { User } from '../modules/user/user.entity.js';

/** Per request: one EntityManager fork (a mutation swaps in its transaction's), and who is asking. */
export interface Context {
  em: EntityManager;
  /** The signed-in user as the role policy sees them, or null for the public. */
  actor: Actor | null;
  user: User | null;
  /** The sign-in session of the request's token (what signing out ends), or null for the public. */
  sessionId: string | null;
  /** The client's IP address (Express's `req.ip`), or null when unknown: sign-in attempts are counted by it. */
  address: string | null;
  tokens: TokenService;
  /** The reader's language, for messages. */
  locale: Locale;
  /** Limits the app was configured with, for the operations that state them. */
  settings: Settings;
}

export interface Settings {
  /** The largest attachment accepted, in bytes. */
  attachmentMaxBytes: number;
  /** How failed sign-ins are throttled. */
  loginThrottle: LoginThrottleLimits;
  /** The time, as sign-in throttling sees it (tests move it on instead of waiting). */
  now: () => Date;
}
