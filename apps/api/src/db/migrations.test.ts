import { MikroORM } from '@mikro-orm/core';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDb } from '../test/harness.js';
import { openDatabase, ormOptions } from './orm.js';

/** The schema as SQLite keeps it; a table rebuilt and renamed has its name quoted differently, no more. */
const sqliteSchema = async (orm: MikroORM) =>
  (
    await orm.em
      .getConnection()
      .execute<{ type: string; name: string; tbl_name: string; sql: string }[]>(
        "select type, name, tbl_name, sql from sqlite_master where name not like 'mikro_orm%' and name not like 'sqlite_%' order by name",
      )
  ).map((row) => ({ ...row, sql: row.sql.replace(/^CREATE TABLE "(\w+)"/, 'CREATE TABLE `$1`') }));

describe('migrations', () => {
  const opened: MikroORM[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const orm of opened) await orm.close(true);
    await drop?.();
  });

  it('build exactly the schema the entities describe (run `pnpm --filter @suiji/api migration:create` after changing an entity)', async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    const migrated = await openDatabase(fresh.database);
    opened.push(migrated);
    if (testDb() === 'postgresql') {
      const diff = await migrated.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
    } else {
      // MikroORM's SQLite diff always proposes to rebuild tables, so compare with a schema built
      // straight from the entities instead.
      const direct = await MikroORM.init(ormOptions({ kind: 'sqlite', path: ':memory:' }));
      opened.push(direct);
      await direct.getSchemaGenerator().createSchema();
      expect(await sqliteSchema(migrated)).toEqual(await sqliteSchema(direct));
    }
  });
});
