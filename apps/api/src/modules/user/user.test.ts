import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const CREATE = 'mutation($i: UserInput!) { createUser(input: $i) { id username role department { code } } }';

describe('users', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let unit: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    adminId = (await t.ok('{ me { id } }', {}, admin)).me.id;
    unit = (await t.ok('{ departments(filter: { q: "WG-ZRZY-GH" }) { items { id } } }')).departments.items[0]
      .id;
  });
  afterAll(() => t.close());

  it('has one demo user of every role', async () => {
    const users = await t.ok(
      '{ users(page: { page: 1, perPage: 50 }) { items { username role } } }',
      {},
      admin,
    );
    expect(new Set(users.users.items.map((u: { role: string }) => u.role))).toEqual(
      new Set(['ADMIN', 'COORDINATOR', 'INSPECTOR', 'MANAGER']),
    );
  });

  it('creates a user who can then sign in, and never exposes the password hash', async () => {
    const created = (
      await t.ok(
        CREATE,
        {
          i: {
            username: 'gh.lead',
            displayName: '规划股负责人',
            password: 'long-enough-1',
            role: 'COORDINATOR',
            departmentId: unit,
          },
        },
        admin,
      )
    ).createUser;
    expect(created).toMatchObject({
      username: 'gh.lead',
      role: 'COORDINATOR',
      department: { code: 'WG-ZRZY-GH' },
    });
    expect(await t.login('gh.lead', 'long-enough-1')).toBeTruthy();
    const hash = await t.gql('{ users { items { passwordHash } } }', {}, admin);
    expect(errorCode(hash)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a short password, a taken username and a role that does not exist', async () => {
    const short = await t.gql(
      CREATE,
      {
        i: { username: 'shorty', displayName: 'x', password: 'short', role: 'INSPECTOR', departmentId: unit },
      },
      admin,
    );
    expect(errorCode(short)).toBe('BAD_USER_INPUT');
    expect(short.errors?.[0]?.message).toMatch(/at least 8 characters/);
    const taken = await t.gql(
      CREATE,
      {
        i: {
          username: 'admin',
          displayName: 'x',
          password: 'long-enough-1',
          role: 'INSPECTOR',
          departmentId: unit,
        },
      },
      admin,
    );
    expect(errorCode(taken)).toBe('CONFLICT');
    const role = await t.gql(
      CREATE,
      {
        i: {
          username: 'boss',
          displayName: 'x',
          password: 'long-enough-1',
          role: 'BOSS',
          departmentId: unit,
        },
      },
      admin,
    );
    expect(role.errors?.[0]?.message).toMatch(/BOSS/);
  });

  it('refuses, creating a user or resetting a password, the username, a common password and a simple pattern, saying why', async () => {
    const create = (username: string, password: string) =>
      t.gql(
        CREATE,
        { i: { username, displayName: 'x', password, role: 'INSPECTOR', departmentId: unit } },
        admin,
      );
    const refusals: [string, string, RegExp][] = [
      ['wang.fang', 'Wang.Fang2026', /contains the username/],
      ['li.na', 'woaini1314', /most common passwords/],
      ['li.na', 'Password123', /most common passwords/],
      ['li.na', '88888888', /most common passwords/],
      ['li.na', 'acegikmo', /run or a repetition/],
      ['li.na', 'zzzzzzzzzz', /run or a repetition/],
      ['li.na', '87654321', /run or a repetition/],
    ];
    for (const [username, password, reason] of refusals) {
      const result = await create(username, password);
      expect(errorCode(result), password).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.field).toBe('password');
      expect(result.errors?.[0]?.message, password).toMatch(reason);
    }
    const chinese = await t.app.execute(
      {
        query: CREATE,
        variables: {
          i: {
            username: 'li.na',
            displayName: 'x',
            password: 'a123456789',
            role: 'INSPECTOR',
            departmentId: unit,
          },
        },
      },
      `Bearer ${admin}`,
      'zh-CN',
    );
    expect(chinese.errors?.[0]?.message).toMatch(/最常见的密码之一/);
    // Nothing was created.
    expect((await t.ok('{ users(filter: { q: "li.na" }) { total } }', {}, admin)).users.total).toBe(0);

    const { id } = (await create('li.na', 'long-enough-1')).data!.createUser;
    const reset = await t.gql(
      'mutation($id: ID!) { updateUser(id: $id, input: { password: "li.na-2026" }) { id } }',
      { id },
      admin,
    );
    expect(reset.errors?.[0]?.message).toMatch(/contains the username/);
    expect(await t.login('li.na', 'long-enough-1')).toBeTruthy();
  });

  it('changes a password, and keeps an administrator from locking themselves out', async () => {
    const { id } = (
      await t.ok(
        CREATE,
        {
          i: {
            username: 'pw.user',
            displayName: 'x',
            password: 'first-password',
            role: 'MANAGER',
            departmentId: unit,
          },
        },
        admin,
      )
    ).createUser;
    await t.ok(
      'mutation($id: ID!) { updateUser(id: $id, input: { password: "second-password" }) { id } }',
      { id },
      admin,
    );
    expect(
      errorCode(await t.gql('mutation { login(username: "pw.user", password: "first-password") { token } }')),
    ).toBe('UNAUTHENTICATED');
    expect(await t.login('pw.user', 'second-password')).toBeTruthy();
    expect(
      errorCode(
        await t.gql(
          'mutation($id: ID!) { updateUser(id: $id, input: { role: MANAGER }) { id } }',
          { id: adminId },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await t.gql('mutation($id: ID!) { deleteUser(id: $id) { id } }', { id: adminId }, admin)),
    ).toBe('BAD_USER_INPUT');
  });
});
