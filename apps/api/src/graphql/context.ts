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
  /** What time it is for the rules of this request (today, a draw's run time): the system's, or a test's. */
  clock: () => Date;
  /** The size of the request's JSON body, in bytes, once read: only an import may send a large one. */
  requestBytes?: number;
}

export interface Settings {
  /** The largest attachment accepted, in bytes. */
  attachmentMaxBytes: number;
  /** Whether published results name their team's inspectors (SUIJI_PUBLIC_INSPECTOR_NAMES). */
  publicInspectorNames: boolean;
  /** How failed sign-ins are throttled. */
  loginThrottle: LoginThrottleLimits;
  /** The least time between scheduling a draw and running it, in milliseconds (SUIJI_DRAW_MIN_DELAY). */
  drawMinDelayMs: number;
}
