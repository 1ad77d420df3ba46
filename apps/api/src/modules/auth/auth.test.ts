import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, JWT_SECRET, startTestApp, type TestApp } from '../../test/harness.js';

const ME = '{ me { username role } }';

describe('signing in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives a token that identifies the user', async () => {
    const token = await t.login('coordinator');
    expect((await t.ok(ME, {}, token)).me).toEqual({ username: 'coordinator', role: 'COORDINATOR' });
  });

  it('treats a request without a token as the public', async () => {
    expect((await t.ok(ME)).me).toBeNull();
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const login = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
    const wrong = await t.gql(login, { u: 'admin', p: 'not-the-password' });
    const unknown = await t.gql(login, { u: 'nobody', p: 'not-the-password' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toMatch(/wrong username or password/i);
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });

  it('refuses an expired token and says to sign in again', async () => {
    const user = await t.ok<{ login: { user: { id: string } } }>(
      'mutation { login(username: "admin", password: "admin12345") { user { id } } }',
    );
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.login.user.id)
      .setIssuer('suiji')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(JWT_SECRET));
    const result = await t.gql(ME, {}, expired);
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toMatch(/expired.*sign in again/i);
  });

  it('refuses a token signed with another secret, or altered', async () => {
    const user = await t.ok<{ login: { token: string; user: { id: string } } }>(
      'mutation { login(username: "admin", password: "admin12345") { token user { id } } }',
    );
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.login.user.id)
      .setIssuer('suiji')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('some-other-secret-of-enough-length'));
    const [header, , signature] = user.login.token.split('.');
    const altered = `${header}.${Buffer.from(JSON.stringify({ sub: 'someone-else', iss: 'suiji', exp: 9999999999 })).toString('base64url')}.${signature}`;
    for (const token of [forged, altered, 'not-a-token']) {
      const result = await t.gql(ME, {}, token);
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0]?.message).toMatch(/not valid.*sign in again/i);
    }
  });

  it('stops accepting the token of a user who was deactivated', async () => {
    const admin = await t.login('admin');
    const token = await t.login('manager');
    const users = await t.ok('{ users(filter: { q: "manager" }) { items { id username } } }', {}, admin);
    const manager = users.users.items.find((u: { username: string }) => u.username === 'manager');
    await t.ok(
      'mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }',
      { id: manager.id },
      admin,
    );
    expect(errorCode(await t.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    expect(
      errorCode(await t.gql('mutation { login(username: "manager", password: "manager12345") { token } }')),
    ).toBe('UNAUTHENTICATED');
  });
});

describe('the first start without demo data', () => {
  it('creates the first administrator with the configured password', async () => {
    const t = await startTestApp({ demo: false });
    try {
      const token = await t.login('admin', 'first-admin-password');
      expect((await t.ok(ME, {}, token)).me).toEqual({ username: 'admin', role: 'ADMIN' });
      expect((await t.ok('{ targets { total } }', {}, token)).targets.total).toBe(0);
    } finally {
      await t.close();
    }
  });
});
