import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESULT_CATEGORIES } from '@suiji/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../server.js';
import { freshDatabase, testDb } from '../test/harness.js';
import { sqliteDatabase, type Database } from './orm.js';

describe('two API processes started together on one fresh database', () => {
  const apps: App[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const cleanup of cleanups) await cleanup();
  });

  /** A fresh database two processes can share: a PostgreSQL database, or a SQLite file (not :memory:). */
  async function sharedDatabase(): Promise<Database> {
    if (testDb() === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'suiji-startup-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return sqliteDatabase(dir);
    }
    const fresh = await freshDatabase();
    cleanups.push(fresh.drop);
    return fresh.database;
  }

  it.runIf(testDb() === 'postgresql')(
    'both come up on a PostgreSQL database that does not exist yet: one creates it, the other uses it',
    async () => {
      const fresh = await freshDatabase();
      cleanups.push(fresh.drop);
      await fresh.drop();
      const started = await Promise.allSettled([start(fresh.database, false), start(fresh.database, false)]);
      for (const result of started) if (result.status === 'fulfilled') apps.push(result.value);
      expect(started.map((r) => (r.status === 'rejected' ? String(r.reason).slice(0, 300) : 'up'))).toEqual([
        'up',
        'up',
      ]);
    },
  );

  const start = (database: Database, demo: boolean) =>
    createApp({
      database,
      jwtSecret: 'startup-test-secret',
      demo,
      adminPassword: 'first-admin-pw',
      log: () => {},
    });

  for (const demo of [false, true])
    it(`both come up, with the migrations applied and the first start done once (${demo ? 'demo data' : 'first administrator'})`, async () => {
      const database = await sharedDatabase();
      const started = await Promise.allSettled([start(database, demo), start(database, demo)]);
      for (const result of started) if (result.status === 'fulfilled') apps.push(result.value);
      expect(started.map((r) => (r.status === 'rejected' ? String(r.reason).slice(0, 300) : 'up'))).toEqual([
        'up',
        'up',
      ]);
      const [a, b] = apps.slice(-2) as [App, App];

      const sql = async (query: string) =>
        (await a.orm.em.getConnection().execute(query)) as Record<string, unknown>[];
      const count = async (query: string) => Number((await sql(query))[0]!.n);
      const applied = await sql('select name, count(*) as n from mikro_orm_migrations group by name');
      expect(applied.length).toBeGreaterThan(0);
      expect(applied.filter((m) => Number(m.n) !== 1)).toEqual([]);
      expect(await count('select count(*) as n from result_category where department_id is null')).toBe(
        RESULT_CATEGORIES.length,
      );
      expect(await count("select count(*) as n from app_user where username = 'admin'")).toBe(1);
      // Seeded once: no department twice, and the demo's many or the first administrator's one.
      expect(await sql('select code from department group by code having count(*) > 1')).toEqual([]);
      const departments = await count('select count(*) as n from department');
      if (demo) expect(departments).toBeGreaterThan(1);
      else expect(departments).toBe(1);

      // Both serve requests on the same data.
      const password = demo ? 'admin12345' : 'first-admin-pw';
      for (const app of [a, b]) {
        const login = await app.execute({
          query: 'mutation($p: String!) { login(username: "admin", password: $p) { token } }',
          variables: { p: password },
        });
        expect(login.errors).toBeUndefined();
      }
    });
});
