/**
 * Boots the real API in-process for a test file: on in-memory SQLite, or on a PostgreSQL database of
 * its own that it creates and drops. PostgreSQL must be reachable: a suite that cannot reach it fails.
 */
import { present } from '../invariant.js';
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { chinaYear, drandRoundAfter, drandRoundTime } from '@suiji/domain';
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
   * A public entropy source to declare when scheduling a draw now: the drand round after the test
   * app's minimum delay (a second). `runnable()` then moves the app's clock to when it may run.
   */
  entropy(): { source: 'DRAND'; issue: string };
  /** Moves the app's own clock (not a test's) on by `ms`. */
  advance(ms: number): void;
  /**
   * Moves the app's clock past every declared source and delay: the system's on, or a test's own held
   * there until the test sets it again.
   */
  runnable(): void;
  /**
   * A new task of the land-use item (土地使用情况), drawn by `coordinator`; returns the draw's id.
   * `name` must be unique among the test file's tasks.
   */
  drawLandTask(coordinator: string, name: string): Promise<string>;
  /**
   * Enters a result without a problem for every item of the visit, as its first team member (a new
   * inspector account each time), inspected on `day` (YYYY-MM-DD); it then awaits review.
   */
  enterNoProblem(visit: { id: string; itemIds: string[]; teamIds: string[] }, day: string): Promise<void>;
  close(): Promise<void>;
}

export const JWT_SECRET = 'test-secret-of-enough-length';

/** The minimum delay between scheduling and running a draw in tests. */
export const TEST_DRAW_MIN_DELAY_SECONDS = 1;

/** A drand round's value (64 hex digits), different for each `n`: the public entropy tests run with. */
export function drandOutcome(n: number | string = 0): string {
  return createHash('sha256').update(`test outcome ${n}`).digest('hex');
}

/**
 * For a draw scheduled at `now`: the drand round to declare (the first after the minimum delay), and
 * the time from which the draw may run.
 */
export function declareEntropy(
  now: Date,
  delaySeconds = TEST_DRAW_MIN_DELAY_SECONDS,
): { entropy: { source: 'DRAND'; issue: string }; runnableAt: Date } {
  const earliest = now.getTime() + delaySeconds * 1000;
  const round = drandRoundAfter(new Date(earliest + 100));
  return {
    entropy: { source: 'DRAND', issue: String(round) },
    // With room for the server's own clock reading a little later than `now` (a slow machine).
    runnableAt: new Date(Math.max(drandRoundTime(round).getTime(), earliest) + 5000),
  };
}

/**
 * Starts the API with the demo data (one user per role; password `<username>12345`), without its
 * history unless `demoHistory`; `clock`, when given, is the time its rules go by — otherwise the
 * system's —, moved on by `runnable()`. A draw may run a second after it was scheduled.
 */
export async function startTestApp(
  options: {
    demo?: boolean;
    demoHistory?: boolean;
    clock?: () => Date;
    publicInspectorNames?: boolean;
    /** The least time between scheduling and running a draw (default a second). */
    drawMinDelaySeconds?: number;
  } = {},
): Promise<TestApp> {
  const kind = testDb();
  const { database, drop } = await freshDatabase(kind);
  const delay = options.drawMinDelaySeconds ?? TEST_DRAW_MIN_DELAY_SECONDS;
  // The clock the rules go by: the system's moved on by `runnable()`, or the test's own held at the
  // time `runnable()` asked for until the test sets another.
  let ahead = 0;
  let runnableAt = 0;
  let held = 0;
  let lastOwn = Number.NaN;
  const clock = (): Date => {
    if (!options.clock) return new Date(Date.now() + ahead);
    const own = options.clock().getTime();
    if (own !== lastOwn) {
      lastOwn = own;
      held = 0;
    }
    return new Date(Math.max(own, held));
  };
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
    clock,
    drawMinDelaySeconds: delay,
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
  const entropy: TestApp['entropy'] = () => {
    const declared = declareEntropy(clock(), delay);
    runnableAt = Math.max(runnableAt, declared.runnableAt.getTime());
    return declared.entropy;
  };
  const runnable: TestApp['runnable'] = () => {
    const behind = runnableAt - clock().getTime();
    if (behind <= 0) return;
    if (options.clock) held = runnableAt;
    else ahead += behind;
  };
  let members = 0;
  const year = chinaYear();
  const testApp: TestApp = {
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
    entropy,
    runnable,
    advance(ms) {
      ahead += ms;
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
          { i: { taskId: task.createTask.id, entropy: entropy() } },
          coordinator,
        )
      ).scheduleDraw.id;
      runnable();
      await ok(
        'mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }',
        { i: { drawId, publicEntropy: drandOutcome(drawId) } },
        coordinator,
      );
      return drawId;
    },
    async enterNoProblem(visit, day) {
      const member = await testApp.signInAsInspector(present(visit.teamIds[0], 'a team member'));
      await ok(
        'mutation($i: ResultInput!) { enterResult(input: $i) { id } }',
        {
          i: {
            inspectionId: visit.id,
            items: visit.itemIds.map((itemId) => ({ itemId, category: 'NO_PROBLEM', followUp: 'NONE' })),
            methodsUsed: ['ON_SITE'],
            inspectedOn: day,
          },
        },
        member,
      );
    },
    async close() {
      await app.close();
      await drop();
    },
  };
  return testApp;
}

/** The error code of the first error, or null. */
export function errorCode(result: GqlResult<unknown>): string | null {
  return (result.errors?.[0]?.extensions?.code as string | undefined) ?? null;
}
