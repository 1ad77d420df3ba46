/**
 * Sign-in sessions: each login token names one, and a request is signed in only while it is live.
 * Written with native statements, outside the unit of work: sessions are bookkeeping of sign-in, not
 * records of the supervision, so they stay out of the trail (the password change that revokes them is in it).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { TokenService } from './token.js';
import { UserSession } from './session.entity.js';
import type { User } from '../user/user.entity.js';

/** Opens a session for `user` and returns its token; removes the sessions that have expired. */
export async function startSession(
  em: EntityManager,
  tokens: TokenService,
  user: User,
): Promise<{ token: string; expiresAt: Date }> {
  const now = new Date();
  await em.nativeDelete(UserSession, { expiresAt: { $lt: now } });
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + tokens.ttlSeconds * 1000);
  await em.insert(UserSession, { id, user: user.id, createdAt: now, expiresAt, revokedAt: null });
  return { token: await tokens.sign(user.id, id, expiresAt), expiresAt };
}

/**
 * The user of a live session (not revoked, the user active and not deleted), loaded with the session in
 * one statement, or null.
 */
export async function liveSessionUser(
  em: EntityManager,
  sessionId: string,
  userId: string,
): Promise<User | null> {
  const session = await em.findOne(
    UserSession,
    { id: sessionId, revokedAt: null, user: { id: userId, active: true, deletedAt: null } },
    { populate: ['user'] },
  );
  return session?.user ?? null;
}

/** Ends one session (signing out). */
export async function revokeSession(em: EntityManager, sessionId: string): Promise<void> {
  await em.nativeUpdate(UserSession, { id: sessionId, revokedAt: null }, { revokedAt: new Date() });
}

/** Ends every session of a user: their password changed, or they were deactivated or deleted. */
export async function revokeUserSessions(em: EntityManager, userId: string): Promise<void> {
  await em.nativeUpdate(UserSession, { user: userId, revokedAt: null }, { revokedAt: new Date() });
}
