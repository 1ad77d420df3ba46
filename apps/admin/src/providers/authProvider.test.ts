import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authProvider, changeMyPassword } from './authProvider';
import { readSession, writeSession, type SessionUser } from './session';

function signIn(user: Partial<SessionUser>) {
  writeSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: {
      id: 'u1',
      username: 'x',
      displayName: 'X',
      role: 'ADMIN',
      departmentId: 'd1',
      departmentIds: ['d1'],
      ...user,
    },
  });
}

describe('the auth provider', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lets an administrator manage users', async () => {
    signIn({ role: 'ADMIN' });
    expect(await authProvider.canAccess!({ action: 'list', resource: 'users' })).toBe(true);
    expect(await authProvider.canAccess!({ action: 'delete', resource: 'targets' })).toBe(true);
  });

  it('hides users from an inspector and lets them see only their own inspector entry', async () => {
    signIn({ role: 'INSPECTOR', id: 'me' });
    expect(await authProvider.canAccess!({ action: 'list', resource: 'users' })).toBe(false);
    expect(
      await authProvider.canAccess!({
        action: 'show',
        resource: 'inspectors',
        record: { id: 1, userId: 'me' },
      }),
    ).toBe(true);
    expect(
      await authProvider.canAccess!({
        action: 'show',
        resource: 'inspectors',
        record: { id: 2, userId: 'other' },
      }),
    ).toBe(false);
  });

  it('gives a manager no create, edit or delete', async () => {
    signIn({ role: 'MANAGER' });
    for (const action of ['create', 'edit', 'delete'])
      expect(await authProvider.canAccess!({ action, resource: 'items' })).toBe(false);
    expect(await authProvider.canAccess!({ action: 'list', resource: 'items' })).toBe(true);
  });

  it('scopes a coordinator to their departments and refuses unknown resources', async () => {
    signIn({ role: 'COORDINATOR', departmentIds: ['d1', 'd2'] });
    expect(
      await authProvider.canAccess!({
        action: 'edit',
        resource: 'conflicts',
        record: { id: 1, departmentId: 'd2' },
      }),
    ).toBe(true);
    expect(
      await authProvider.canAccess!({
        action: 'edit',
        resource: 'conflicts',
        record: { id: 1, departmentId: 'd9' },
      }),
    ).toBe(false);
    expect(await authProvider.canAccess!({ action: 'list', resource: 'secrets' })).toBe(false);
  });

  it('lets a coordinator edit their department’s result categories, and only an administrator the standard ones', async () => {
    const standard = { id: 'UNREACHABLE', departmentId: null, standard: true };
    const own = { id: 'LAND_NOT_RECLAIMED', departmentId: 'd1', standard: false };
    const others = { id: 'OTHER_CODE', departmentId: 'd9', standard: false };
    signIn({ role: 'COORDINATOR', departmentIds: ['d1'] });
    expect(await authProvider.canAccess!({ action: 'create', resource: 'categories' })).toBe(true);
    expect(await authProvider.canAccess!({ action: 'edit', resource: 'categories', record: own })).toBe(true);
    expect(await authProvider.canAccess!({ action: 'delete', resource: 'categories', record: own })).toBe(
      true,
    );
    expect(await authProvider.canAccess!({ action: 'edit', resource: 'categories', record: standard })).toBe(
      false,
    );
    expect(await authProvider.canAccess!({ action: 'edit', resource: 'categories', record: others })).toBe(
      false,
    );
    signIn({ role: 'ADMIN' });
    expect(await authProvider.canAccess!({ action: 'edit', resource: 'categories', record: standard })).toBe(
      true,
    );
    signIn({ role: 'INSPECTOR' });
    expect(await authProvider.canAccess!({ action: 'list', resource: 'categories' })).toBe(true);
    expect(await authProvider.canAccess!({ action: 'create', resource: 'categories' })).toBe(false);
  });

  it('signs out on 401 but not on 403', async () => {
    signIn({});
    await expect(authProvider.checkError({ status: 403 })).resolves.toBeUndefined();
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    await expect(authProvider.checkError({ status: 401 })).rejects.toThrow();
    await expect(authProvider.checkAuth({})).rejects.toThrow();
  });
});

describe('signing in', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  function answer(body: unknown) {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(body), { status: 200 })));
  }

  it('keeps the token and the user for the policy', async () => {
    const user = {
      id: 'u',
      username: 'a',
      displayName: 'A',
      role: 'MANAGER',
      departmentId: 'd',
      departmentIds: ['d'],
    };
    answer({ data: { login: { token: 'tok', expiresAt: '2999-01-01T00:00:00Z', user } } });
    await authProvider.login({ username: 'a', password: 'p' });
    await expect(authProvider.getPermissions!({})).resolves.toBe('MANAGER');
    await expect(authProvider.getIdentity!()).resolves.toMatchObject({ id: 'u', fullName: 'A' });
  });

  it('says a wrong password in the user language', async () => {
    answer({
      data: null,
      errors: [{ message: 'Wrong username or password', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    await expect(authProvider.login({ username: 'a', password: 'p' })).rejects.toThrow('suiji.login_failed');
    await expect(authProvider.checkAuth({})).rejects.toThrow();
  });

  it('says how long to wait when the API throttles sign-ins', async () => {
    const wait = 'Too many failed sign-in attempts: try again in 30 seconds.';
    answer({ data: null, errors: [{ message: wait, extensions: { code: 'TOO_MANY_REQUESTS' } }] });
    await expect(authProvider.login({ username: 'a', password: 'p' })).rejects.toMatchObject({
      message: wait,
      status: 429,
    });
  });

  /** Answers every request with `body` and keeps what was sent, with its token. */
  function record(body: unknown) {
    const sent: { query: string; variables: Record<string, unknown>; authorization?: string }[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      sent.push({ ...JSON.parse(init.body as string), authorization: headers.Authorization });
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    });
    return sent;
  }

  it('ends the session in the API when signing out, with the token being signed out', async () => {
    signIn({});
    const sent = record({ data: { logout: true } });
    await authProvider.logout({});
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ authorization: 'Bearer t' });
    expect(sent[0]!.query).toMatch(/logout/);
    expect(readSession()).toBeNull();
  });

  it('signs out here even when the API refuses (the session had ended) or cannot be reached', async () => {
    signIn({});
    record({ data: null, errors: [{ message: 'ended', extensions: { code: 'UNAUTHENTICATED' } }] });
    await authProvider.logout({});
    expect(readSession()).toBeNull();
    signIn({});
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    await authProvider.logout({});
    expect(readSession()).toBeNull();
  });

  it('keeps the new token after changing the password, and the user', async () => {
    signIn({ username: 'li.na' });
    const sent = record({
      data: { changeMyPassword: { token: 'fresh', expiresAt: '2999-01-01T00:00:00Z' } },
    });
    await changeMyPassword('old-secret-1', 'new-secret-2');
    expect(sent[0]?.variables).toEqual({ currentPassword: 'old-secret-1', newPassword: 'new-secret-2' });
    expect(readSession()).toMatchObject({ token: 'fresh', user: { username: 'li.na' } });
  });
});

describe('the policy on tasks, draws and inspections', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lets a coordinator of a cooperating department schedule and run the draws of a joint task', async () => {
    signIn({ role: 'COORDINATOR', departmentIds: ['d2'] });
    const task = { id: 't', departmentId: 'd1', cooperatingDepartmentIds: ['d2'] };
    expect(await authProvider.canAccess!({ action: 'schedule', resource: 'draws', record: task })).toBe(true);
    const draw = { id: 'w', team: { size: 2, departments: ['d1', 'd2'] } };
    expect(await authProvider.canAccess!({ action: 'run', resource: 'draws', record: draw })).toBe(true);
    const other = { id: 'w2', team: { size: 2, departments: ['d9'] } };
    expect(await authProvider.canAccess!({ action: 'run', resource: 'draws', record: other })).toBe(false);
  });

  it('lets only a coordinator of a cooperating department accept a joint task, not its initiator', async () => {
    const task = { id: 't', departmentId: 'd1', cooperatingDepartmentIds: ['d2'] };
    signIn({ role: 'COORDINATOR', departmentIds: ['d2'] });
    expect(await authProvider.canAccess!({ action: 'accept', resource: 'tasks', record: task })).toBe(true);
    signIn({ role: 'COORDINATOR', departmentIds: ['d1'] });
    expect(await authProvider.canAccess!({ action: 'accept', resource: 'tasks', record: task })).toBe(false);
    expect(await authProvider.canAccess!({ action: 'edit', resource: 'tasks', record: task })).toBe(true);
  });

  it('shows the edit and delete buttons of a joint task or plan to its initiating department only', async () => {
    const joint = { id: 't', departmentId: 'd1', cooperatingDepartmentIds: ['d2'] };
    for (const resource of ['tasks', 'plans'])
      for (const action of ['edit', 'delete']) {
        signIn({ role: 'COORDINATOR', departmentIds: ['d1'] });
        expect(await authProvider.canAccess!({ action, resource, record: joint })).toBe(true);
        signIn({ role: 'COORDINATOR', departmentIds: ['d2'] });
        expect(await authProvider.canAccess!({ action, resource, record: joint })).toBe(false);
        expect(await authProvider.canAccess!({ action: 'show', resource, record: joint })).toBe(true);
      }
  });

  it('shows the public the publication of draws, not the draws themselves, and lets it run none', async () => {
    expect(await authProvider.canAccess!({ action: 'list', resource: 'publication' })).toBe(true);
    expect(await authProvider.canAccess!({ action: 'list', resource: 'draws' })).toBe(false);
    expect(await authProvider.canAccess!({ action: 'run', resource: 'draws' })).toBe(false);
    expect(await authProvider.canAccess!({ action: 'list', resource: 'tasks' })).toBe(false);
  });

  it('lets an inspector see the inspections of their own teams', async () => {
    signIn({ role: 'INSPECTOR', id: 'me' });
    const mine = {
      id: 'i',
      team: [
        { id: 'x', userId: 'me' },
        { id: 'y', userId: null },
      ],
    };
    const theirs = { id: 'j', team: [{ id: 'z', userId: 'other' }] };
    expect(await authProvider.canAccess!({ action: 'show', resource: 'inspections', record: mine })).toBe(
      true,
    );
    expect(await authProvider.canAccess!({ action: 'show', resource: 'inspections', record: theirs })).toBe(
      false,
    );
    expect(await authProvider.canAccess!({ action: 'replace', resource: 'draws' })).toBe(false);
  });

  it('lets an administrator list the trail and a manager only verify it', async () => {
    signIn({ role: 'ADMIN' });
    expect(await authProvider.canAccess!({ action: 'list', resource: 'trail' })).toBe(true);
    signIn({ role: 'MANAGER' });
    expect(await authProvider.canAccess!({ action: 'list', resource: 'trail' })).toBe(false);
    expect(await authProvider.canAccess!({ action: 'show', resource: 'trail' })).toBe(true);
    signIn({ role: 'COORDINATOR' });
    expect(await authProvider.canAccess!({ action: 'show', resource: 'trail' })).toBe(false);
  });
});
