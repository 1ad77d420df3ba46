/**
 * Sign-in against the API's `login` mutation; the token and user are kept in localStorage. Signing out ends
 * the token's session in the API (`logout`), so a copy of the token signs nothing in afterwards. Permissions
 * come from the domain's role policy, the same table the API's auth checker reads, so menus and buttons show
 * exactly what the API allows.
 */
import { ACTIONS, RESOURCES, canAccess, type Action, type Resource, type ScopedRecord } from '@suiji/domain';
import { HttpError, type AuthProvider } from 'react-admin';
import { discardAllDrafts } from '../inspections/resultDraft';
import * as ops from '../graphql/operations';
import { gql } from './graphql';
import { actorOf, clearSession, readSession, writeSession } from './session';

/**
 * Changes the signed-in user's password. The API ends every session of the user, this one too, and answers
 * with a new token, which replaces the old one here.
 */
export async function changeMyPassword(currentPassword: string, newPassword: string): Promise<void> {
  const data = await gql(ops.ChangeMyPassword, { currentPassword, newPassword });
  const session = readSession();
  if (session) writeSession({ ...session, ...data.changeMyPassword });
}

/** react-admin asks `read` for fields and `resource.field` for columns; the policy speaks of whole records. */
function policyTerms(action: string, resource: string): { action: Action; resource: Resource } | null {
  const mapped = action === 'read' ? 'show' : action;
  const base = resource.split('.')[0] ?? resource;
  if (!(ACTIONS as readonly string[]).includes(mapped) || !(RESOURCES as readonly string[]).includes(base))
    return null;
  return { action: mapped as Action, resource: base as Resource };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * A record as the policy sees it, whatever its resource: a task belongs to its initiating and cooperating
 * departments (the cooperating ones also apart: they accept it), a draw to its team's departments (the same ones: a task's record may stand for its draws), an
 * inspection also to the users of its team's members.
 */
export function scopedRecord(record: Record<string, unknown>): ScopedRecord {
  const team: unknown = record.team;
  const members = Array.isArray(team) ? (team as { userId?: unknown }[]) : [];
  const teamDepartments = team && !Array.isArray(team) ? (team as { departments?: unknown }).departments : [];
  return {
    departmentId: text(record.departmentId),
    departmentIds: [
      ...strings(record.departmentIds),
      ...strings(record.cooperatingDepartmentIds),
      ...strings(teamDepartments),
    ],
    cooperatingDepartmentIds: strings(record.cooperatingDepartmentIds),
    userId: text(record.userId),
    userIds: members.map((member) => text(member.userId)).filter((id): id is string => id !== null),
  };
}

/** Whether the signed-in user (or the public) may do `action` on `resource` (and `record`, when given). */
export function canAccessNow(action: string, resource: string, record?: Record<string, unknown>): boolean {
  const terms = policyTerms(action, resource);
  if (!terms) return false;
  const scoped = record ? scopedRecord(record) : undefined;
  return canAccess(actorOf(readSession()), terms.action, terms.resource, scoped);
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const data = await gql(ops.Login, { username, password });
      writeSession(data.login);
    } catch (error) {
      // One message for every refused sign-in, whatever the API said.
      if (error instanceof HttpError && error.status === 401) throw new Error('suiji.login_failed');
      throw error;
    }
  },

  async logout() {
    if (readSession()) {
      // Signing out of a live session (not one that expired): the device forgets the user's drafts.
      if (typeof localStorage !== 'undefined') discardAllDrafts(localStorage);
      try {
        await gql(ops.Logout, {});
      } catch {
        // The session has already ended, or the API cannot be reached: signing out here goes on regardless.
      }
    }
    clearSession();
  },

  checkAuth() {
    return readSession() ? Promise.resolve() : Promise.reject(new Error('ra.auth.auth_check_error'));
  },

  checkError(error: { status?: number } | null | undefined) {
    // A lost or expired session signs out; a refusal (403) only shows its message.
    if (error?.status === 401) {
      clearSession();
      return Promise.reject(new Error('ra.notification.logged_out'));
    }
    return Promise.resolve();
  },

  getIdentity() {
    const session = readSession();
    if (!session) return Promise.reject(new Error('ra.auth.auth_check_error'));
    const { id, displayName, username, role, departmentId } = session.user;
    return Promise.resolve({ id, fullName: displayName || username, username, role, departmentId });
  },

  getPermissions() {
    return Promise.resolve(readSession()?.user.role ?? null);
  },

  canAccess({ action, resource, record }) {
    return Promise.resolve(canAccessNow(action, resource, record as Record<string, unknown> | undefined));
  },
};
