import { decodeJwt, SignJWT } from 'jose';
import { LOGIN_THROTTLE } from '@suiji/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countStatements } from '../../db/statements.js';
import { errorCode, JWT_SECRET, startTestApp, type GqlResult, type TestApp } from '../../test/harness.js';
import { LoginThrottle } from './throttle.entity.js';
import { networkOf } from './throttle.js';

const ME = '{ me { username role } }';
const LOGIN =
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { id } } }';
const LOGOUT = 'mutation { logout }';
const CHANGE =
  'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) { token } }';
const UPDATE_USER = 'mutation($id: ID!, $i: UserUpdateInput!) { updateUser(id: $id, input: $i) { id } }';
const CREATE_USER = 'mutation($i: UserInput!) { createUser(input: $i) { id } }';

/** A token signed with the app's secret, with the claims given (and none other). */
function signed(claims: { sub?: string; jti?: string; iat?: number; exp?: number }): Promise<string> {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('suiji');
  if (claims.sub) jwt.setSubject(claims.sub);
  if (claims.jti) jwt.setJti(claims.jti);
  if (claims.iat) jwt.setIssuedAt(claims.iat);
  if (claims.exp) jwt.setExpirationTime(claims.exp);
  return jwt.sign(new TextEncoder().encode(JWT_SECRET));
}

const message = (result: GqlResult<unknown>) => result.errors?.[0]?.message ?? null;

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
    const wrong = await t.gql(LOGIN, { u: 'admin', p: 'not-the-password' });
    const unknown = await t.gql(LOGIN, { u: 'nobody', p: 'not-the-password' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(message(wrong)).toMatch(/wrong username or password/i);
    expect(message(unknown)).toBe(message(wrong));
  });

  it('costs a signed-in request two statements: its session with its user, and the user’s department tree', async () => {
    const token = await t.login('inspector');
    const { statements } = await countStatements(t.app.orm, () => t.ok('{ me { id } }', {}, token));
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/user_session.*app_user|app_user.*user_session/s);
  });

  it('refuses an expired token and says to sign in again', async () => {
    const { jti, sub } = decodeJwt(await t.login('admin'));
    const now = Math.floor(Date.now() / 1000);
    const expired = await signed({ sub, jti, iat: now - 7200, exp: now - 3600 });
    const result = await t.gql(ME, {}, expired);
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(message(result)).toMatch(/expired.*sign in again/i);
  });

  it('refuses a token without an expiry, though correctly signed for a live session', async () => {
    const { jti, sub } = decodeJwt(await t.login('admin'));
    const result = await t.gql(ME, {}, await signed({ sub, jti }));
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(message(result)).toMatch(/no "exp" claim.*must expire.*sign in again/i);
    // Nor one without its session.
    const sessionless = await signed({ sub, exp: Math.floor(Date.now() / 1000) + 3600 });
    expect(message(await t.gql(ME, {}, sessionless))).toMatch(/no "jti" claim/);
  });

  it('refuses a token signed with another secret, or altered', async () => {
    const token = await t.login('admin');
    const { jti, sub } = decodeJwt(token);
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub!)
      .setJti(jti!)
      .setIssuer('suiji')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('some-other-secret-of-enough-length'));
    const [header, , signature] = token.split('.');
    const payload = { sub: 'someone-else', jti, iss: 'suiji', exp: 9999999999 };
    const altered = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    for (const bad of [forged, altered, 'not-a-token']) {
      const result = await t.gql(ME, {}, bad);
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
      expect(message(result)).toMatch(/not valid.*sign in again/i);
    }
  });
});

describe('sessions', () => {
  let t: TestApp;
  let admin: string;
  let unit: string;
  let users = 0;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    unit = (await t.ok('{ departments(filter: { q: "WG-ZRZY-GH" }) { items { id } } }')).departments.items[0]
      .id;
  });
  afterAll(() => t.close());

  /** A new user of the planning unit, signed in twice (two sessions), with the password `first-secret-1`. */
  async function newUser() {
    const username = `session.user${++users}`;
    const { createUser } = await t.ok(
      CREATE_USER,
      {
        i: {
          username,
          displayName: username,
          password: 'first-secret-1',
          role: 'MANAGER',
          departmentId: unit,
        },
      },
      admin,
    );
    return {
      id: createUser.id as string,
      username,
      tokens: [await t.login(username, 'first-secret-1'), await t.login(username, 'first-secret-1')],
    };
  }
  const signedIn = async (token: string) => errorCode(await t.gql(ME, {}, token)) === null;

  it('signs out the session of the token it is called with, and only that one', async () => {
    const { tokens } = await newUser();
    expect(await t.ok(LOGOUT, {}, tokens[0])).toEqual({ logout: true });
    const after = await t.gql(ME, {}, tokens[0]);
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
    expect(message(after)).toMatch(/login has ended.*sign in again/i);
    expect(await signedIn(tokens[1]!)).toBe(true);
    expect(errorCode(await t.gql(LOGOUT, {}, tokens[0]))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(LOGOUT))).toBe('UNAUTHENTICATED');
  });

  it('ends every session of a user whose password an administrator resets', async () => {
    const user = await newUser();
    await t.ok(UPDATE_USER, { id: user.id, i: { password: 'second-secret-2' } }, admin);
    for (const token of user.tokens) expect(await signedIn(token)).toBe(false);
    expect(errorCode(await t.gql(LOGIN, { u: user.username, p: 'first-secret-1' }))).toBe('UNAUTHENTICATED');
    expect(await signedIn(await t.login(user.username, 'second-secret-2'))).toBe(true);
  });

  it('ends every session of a deactivated user, and reactivating the user revives none', async () => {
    const user = await newUser();
    await t.ok(UPDATE_USER, { id: user.id, i: { active: false } }, admin);
    for (const token of user.tokens) expect(await signedIn(token)).toBe(false);
    expect(errorCode(await t.gql(LOGIN, { u: user.username, p: 'first-secret-1' }))).toBe('UNAUTHENTICATED');
    await t.ok(UPDATE_USER, { id: user.id, i: { active: true } }, admin);
    for (const token of user.tokens) expect(await signedIn(token)).toBe(false);
    expect(await signedIn(await t.login(user.username, 'first-secret-1'))).toBe(true);
  });

  it('ends every session of a deleted user', async () => {
    const user = await newUser();
    await t.ok('mutation($id: ID!) { deleteUser(id: $id) { id } }', { id: user.id }, admin);
    for (const token of user.tokens) expect(await signedIn(token)).toBe(false);
  });

  it('changes one’s own password with the current one, ending every session and giving a new token', async () => {
    const user = await newUser();
    const [token] = user.tokens as [string, string];
    const wrong = await t.gql(CHANGE, { c: 'not-my-password', n: 'third-secret-3' }, token);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.extensions?.field).toBe('currentPassword');
    expect(message(wrong)).toMatch(/current password is wrong/i);
    const same = await t.gql(CHANGE, { c: 'first-secret-1', n: 'first-secret-1' }, token);
    expect(message(same)).toMatch(/new password is the current one/i);
    const common = await t.gql(CHANGE, { c: 'first-secret-1', n: 'woaini1314' }, token);
    expect(errorCode(common)).toBe('BAD_USER_INPUT');
    expect(common.errors?.[0]?.extensions?.field).toBe('newPassword');
    expect(message(common)).toMatch(/most common passwords/i);
    // Refusals change nothing: both sessions still sign in.
    for (const old of user.tokens) expect(await signedIn(old)).toBe(true);

    const { changeMyPassword } = await t.ok(CHANGE, { c: 'first-secret-1', n: 'third-secret-3' }, token);
    for (const old of user.tokens) expect(await signedIn(old)).toBe(false);
    expect(await signedIn(changeMyPassword.token)).toBe(true);
    expect(errorCode(await t.gql(LOGIN, { u: user.username, p: 'first-secret-1' }))).toBe('UNAUTHENTICATED');
    expect(await signedIn(await t.login(user.username, 'third-secret-3'))).toBe(true);
  });

  it('records a password change in the trail, with the hash hidden', async () => {
    const user = await newUser();
    await t.ok(CHANGE, { c: 'first-secret-1', n: 'fourth-secret-4' }, user.tokens[0]);
    const trail = await t.ok(
      '{ trail(page: { page: 1, perPage: 5 }) { items { action entity entityId after } } }',
      {},
      admin,
    );
    const entry = trail.trail.items.find((e: { entityId: string }) => e.entityId === user.id);
    expect(entry).toMatchObject({ action: 'update', entity: 'User' });
    expect(JSON.stringify(entry.after)).toContain('[hidden]');
    expect(JSON.stringify(entry.after)).not.toContain('scrypt');
  });
});

describe('throttling failed sign-ins', () => {
  let t: TestApp;
  // The throttle's clock stands still but for the time the cases let pass, so its waits are exact.
  const start = Date.now();
  let offset = 0;
  const passes = (seconds: number) => {
    offset += seconds * 1000;
  };
  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date(start + offset) });
  });
  afterAll(() => t.close());

  const from = (client: string, username: string, password: string) =>
    t.app.execute(
      { query: LOGIN, variables: { u: username, p: password } },
      undefined,
      'en',
      client,
    ) as Promise<GqlResult<{ login: { token: string } }>>;
  let addresses = 0;
  let address = '';
  // Each case signs in from an address of its own, so that only its own attempts count against it.
  beforeEach(() => {
    address = `198.51.100.${++addresses}`;
  });
  const attempt = (username: string, password = 'wrong-guess-1') => from(address, username, password);

  it('makes an account wait after five failures, the same whether it exists or not, and lets it try again once the wait has passed', async () => {
    for (const username of ['coordinator', 'nobody-at-all']) {
      const answers: (string | null)[] = [];
      for (let i = 0; i < 6; i++) answers.push(message(await attempt(username)));
      expect(answers.slice(0, 4)).toEqual(
        Array(4).fill('Wrong username or password: check both and try again.'),
      );
      expect(answers[4]).toBe(
        'Wrong username or password: check both and try again. Too many failed attempts: try again in 30 seconds.',
      );
      expect(answers[5]).toBe('Too many failed sign-in attempts: try again in 30 seconds.');
    }
    // Refused before the password is looked at: the right one does not get in either.
    const refused = await attempt('coordinator', 'coordinator12345');
    expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBe(30);
    passes(20);
    expect(message(await attempt('coordinator', 'coordinator12345'))).toMatch(/try again in 10 seconds/);
    passes(10);
    expect((await attempt('coordinator', 'coordinator12345')).data?.login.token).toBeTruthy();
    // The success forgot the account's failures: four more come free again.
    for (let i = 0; i < 4; i++) expect(errorCode(await attempt('coordinator'))).toBe('UNAUTHENTICATED');
    expect(message(await attempt('coordinator'))).toMatch(/try again in 30 seconds/);
  });

  it('doubles the wait at every further failure, up to fifteen minutes', async () => {
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) await attempt('inspector');
    for (let i = 0; i < 8; i++) {
      const wait = Number(/try again in (\d+) seconds/.exec(message(await attempt('inspector')) ?? '')?.[1]);
      waits.push(wait);
      passes(wait);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    expect(Math.max(...waits)).toBe(LOGIN_THROTTLE.accountMaxDelaySeconds);
    // The failures are forgotten a day after the first of them.
    passes(LOGIN_THROTTLE.accountWindowSeconds);
    expect(message(await attempt('inspector'))).toBe('Wrong username or password: check both and try again.');
  });

  it('refuses a waiting account before loading any user or hashing any password', async () => {
    for (let i = 0; i < 5; i++) await attempt('manager');
    const { result, statements } = await countStatements(t.app.orm, () => attempt('manager', 'manager12345'));
    expect(errorCode(result)).toBe('TOO_MANY_REQUESTS');
    expect(statements.filter((sql) => /app_user/.test(sql))).toEqual([]);
    passes(LOGIN_THROTTLE.accountWindowSeconds);
  });

  it('counts attempts sent at the same moment one by one, so that none slips past the limit', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => attempt('coordinator2')));
    const codes = answers.map(errorCode);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(5);
    passes(LOGIN_THROTTLE.accountWindowSeconds);
  });

  it('makes an address wait out fifteen minutes after thirty failures over any accounts, while other addresses go on', async () => {
    for (let i = 1; i < LOGIN_THROTTLE.addressMaxFailures; i++) {
      const result = await from(address, `guess${i}`, 'wrong-guess-1');
      expect(message(result), `attempt ${i}`).toBe('Wrong username or password: check both and try again.');
      // A success from the address neither counts nor clears its failures.
      if (i === 10) expect((await from(address, 'admin', 'admin12345')).data?.login.token).toBeTruthy();
    }
    expect(message(await from(address, 'guess30', 'wrong-guess-1'))).toMatch(/try again in 900 seconds/);
    const refused = await from(address, 'admin', 'admin12345');
    expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
    expect(message(refused)).toBe('Too many failed sign-in attempts: try again in 900 seconds.');
    expect((await from('203.0.113.10', 'admin', 'admin12345')).data?.login.token).toBeTruthy();
    // While it waits, guesses under ever new usernames are refused without a row each.
    const rows = async () => (await t.app.orm.em.fork().find(LoginThrottle, {})).length;
    const before = await rows();
    for (let i = 0; i < 20; i++)
      expect(errorCode(await from(address, `new-name-${i}`, 'wrong-guess-1'))).toBe('TOO_MANY_REQUESTS');
    expect(await rows()).toBe(before);
    passes(LOGIN_THROTTLE.addressWindowSeconds);
    expect((await from(address, 'admin', 'admin12345')).data?.login.token).toBeTruthy();
  });

  it('keeps only the attempts of the last day', async () => {
    passes(LOGIN_THROTTLE.accountWindowSeconds + 1);
    await attempt('someone-new');
    const subjects = (await t.app.orm.em.fork().find(LoginThrottle, {})).map((row) => row.subject);
    expect(subjects.sort()).toEqual(['account:someone-new', `address:${address}`]);
  });

  it('counts the wrong current passwords of a password change against the account', async () => {
    const token = await t.login('coordinator');
    const change = () => t.gql(CHANGE, { c: 'wrong-guess-1', n: 'fifth-secret-5' }, token);
    for (let i = 0; i < 4; i++) expect(message(await change())).toMatch(/^The current password is wrong/);
    expect(message(await change())).toMatch(/try again in 30 seconds/);
    expect(errorCode(await change())).toBe('TOO_MANY_REQUESTS');
    expect(errorCode(await attempt('coordinator', 'coordinator12345'))).toBe('TOO_MANY_REQUESTS');
    passes(LOGIN_THROTTLE.accountWindowSeconds);
  });
});

describe('the network a client address is counted by', () => {
  it('is an IPv4 address itself, however written, and an IPv6 address by its /64', () => {
    expect(networkOf('203.0.113.7')).toBe('203.0.113.7');
    expect(networkOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(networkOf('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(networkOf('2001:0db8:00aa:00bb::99')).toBe('2001:db8:aa:bb::/64');
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
  });
});

describe('sign-in over HTTP', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    const server = await t.app.listen(0, '127.0.0.1');
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => t.close());

  it('counts failures by the client’s address and answers a throttled one with 429, Retry-After and a message in Chinese', async () => {
    const post = (username: string) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LOGIN, variables: { u: username, p: 'wrong-guess-1' } }),
      });
    for (let i = 0; i < LOGIN_THROTTLE.addressMaxFailures; i++) await post(`guess${i}`);
    const response = await post('admin');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = (await response.json()) as GqlResult<unknown>;
    expect(errorCode(body)).toBe('TOO_MANY_REQUESTS');
    expect(message(body)).toMatch(/^登录失败次数过多：请 \d+ 秒后再试。$/);
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
