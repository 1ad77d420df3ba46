/**
 * Boots the real API in-process for a test file: on in-memory SQLite, or on a PostgreSQL database of
 * its own that it creates and drops. PostgreSQL must be reachable: a suite that cannot reach it fails.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chinaYear } from '@suiji/domain';
import pg from 'pg';
import type { Database } from '../db/orm.js';
import { createApp, type App } from '../server.js';

export const PG_ADMIN_URL = process.env.SUIJI_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export type TestDb = 'sqlite' | 'postgresql';

export function testDb(): TestDb {
  return process.env.SUIJI_TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The PostgreSQL suite needs a server at ${PG_ADMIN_URL} (trust auth); it could not connect: ${(error as Error).message}`,
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of the kind under test, and how to remove it. */
export async function freshDatabase(
  kind: TestDb = testDb(),
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'sqlite') return { database: { kind: 'sqlite', path: ':memory:' }, drop: async () => {} };
  const name = `suiji_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'postgresql', url: url.toString() },
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  app: App;
  kind: TestDb;
  /** Runs an operation; `token` signs it in (omit for the public). */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  /** Runs an operation that must succeed and returns its data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  login(username: string, password?: string): Promise<string>;
  /** Signs in as a new INSPECTOR user of the unit (by code), linked to the given registry entry. */
  signInAsInspector(inspectorId: string, unitCode?: string): Promise<string>;
  /**
   * A new task of the land-use item (土地使用情况), drawn by `coordinator`; returns the draw's id.
   * `name` must be unique among the test file's tasks.
   */
  drawLandTask(coordinator: string, name: string): Promise<string>;
  close(): Promise<void>;
}

export const JWT_SECRET = 'test-secret-of-enough-length';

/**
 * Starts the API with the demo data (one user per role; password `<username>12345`), without its
 * history unless `demoHistory`; `clock`, when given, is the time its rules go by.
 */
export async function startTestApp(
  options: { demo?: boolean; demoHistory?: boolean; clock?: () => Date; publicInspectorNames?: boolean } = {},
): Promise<TestApp> {
  const kind = testDb();
  const { database, drop } = await freshDatabase(kind);
  const app = await createApp({
    // What ships: the tests see the API as a deployment does.
    mode: 'production',
    database,
    jwtSecret: JWT_SECRET,
    demo: options.demo ?? true,
    demoHistory: options.demoHistory ?? false,
    publicInspectorNames: options.publicInspectorNames ?? false,
    adminPassword: 'first-admin-password',
    log: () => {},
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const gql: TestApp['gql'] = async (query, variables, token) =>
    (await app.execute({ query, variables }, token ? `Bearer ${token}` : undefined, 'en')) as never;
  const ok: TestApp['ok'] = async (query, variables, token) => {
    const result = await gql(query, variables, token);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as never;
  };
  const login: TestApp['login'] = async (username, password = `${username}12345`) => {
    const data = await ok<{ login: { token: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: password },
    );
    return data.login.token;
  };
  let members = 0;
  const year = chinaYear();
  return {
    app,
    kind,
    gql,
    ok,
    login,
    async signInAsInspector(inspectorId, unitCode = 'WG-ZRZY-ZFJC') {
      const admin = await login('admin');
      const unit = (
        await ok<{ departments: { items: { id: string; code: string }[] } }>(
          'query($q: String!) { departments(filter: { q: $q }) { items { id code } } }',
          { q: unitCode },
        )
      ).departments.items.find((d) => d.code === unitCode)!.id;
      const username = `member${++members}`;
      const user = await ok<{ createUser: { id: string } }>(
        'mutation($i: UserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            username,
            displayName: username,
            password: 'member-password',
            role: 'INSPECTOR',
            departmentId: unit,
          },
        },
        admin,
      );
      await ok(
        'mutation($id: ID!, $u: ID!) { updateInspector(id: $id, input: { userId: $u }) { id } }',
        { id: inspectorId, u: user.createUser.id },
        admin,
      );
      return login(username, 'member-password');
    },
    async drawLandTask(coordinator, name) {
      const item = (
        await ok<{ items: { items: { id: string }[] } }>(
          'query($y: Int!) { items(filter: { year: $y, q: "土地使用情况" }) { items { id } } }',
          { y: year },
        )
      ).items.items[0]!.id;
      const task = await ok<{ createTask: { id: string } }>(
        'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
        { i: { name, year, itemIds: [item], windowStart: `${year}-01-01`, windowEnd: `${year}-12-31` } },
        coordinator,
      );
      const drawId = (
        await ok<{ scheduleDraw: { id: string } }>(
          'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
          { i: { taskId: task.createTask.id } },
          coordinator,
        )
      ).scheduleDraw.id;
      await ok(
        'mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }',
        { i: { drawId, publicEntropy: 'x' } },
        coordinator,
      );
      return drawId;
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

/** The error code of the first error, or null. */
export function errorCode(result: GqlResult<unknown>): string | null {
  return (result.errors?.[0]?.extensions?.code as string | undefined) ?? null;
}
