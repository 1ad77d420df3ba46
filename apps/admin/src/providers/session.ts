/**
 * The signed-in session kept in localStorage: the API's token and the user it was issued to.
 */
import type { Actor, Role } from '@suiji/domain';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string;
  departmentIds: string[];
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = 'suiji.session';

export function readSession(): Session | null {
  if (typeof localStorage === 'undefined') return null;
  const raw = localStorage.getItem(KEY);
  if (!raw) return null;
  try {
    // What another version of the dashboard stored may lack fields: checked, not trusted.
    const session = JSON.parse(raw) as Partial<Session> | null;
    if (!session?.token || !session.user) return null;
    if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) return null;
    const { user } = session;
    return {
      ...(session as Session),
      user: { ...user, departmentIds: Array.isArray(user.departmentIds) ? user.departmentIds : [] },
    };
  } catch {
    return null;
  }
}

export function writeSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  if (typeof localStorage !== 'undefined') localStorage.removeItem(KEY);
}

/** The signed-in user as the domain's role policy sees them, or null for the public. */
export function actorOf(session: Session | null): Actor | null {
  if (!session) return null;
  const { id, role, departmentIds } = session.user;
  return { id, role, departmentIds };
}
