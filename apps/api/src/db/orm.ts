/**
 * The database: the embedded SQLite file (libsql) by default, PostgreSQL when a URL is configured.
 * Migrations are applied on start; each dialect has its own folder of generated migrations.
 */
import { join } from 'node:path';
import { MikroORM, type Options } from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { migrations as postgresqlMigrations } from '../migrations/postgresql/index.js';
import { migrations as sqliteMigrations } from '../migrations/sqlite/index.js';
import { ENTITIES } from './entities.js';
import { execute } from './sql.js';
import { TrailSubscriber } from '../modules/trail/trail.service.js';
import { underStartupLock } from './startup-lock.js';

export type Database = { kind: 'sqlite'; path: string } | { kind: 'postgresql'; url: string };

/** The embedded database lives in the data folder; `:memory:` is accepted for tests. */
export function sqliteDatabase(dataDir: string): Database {
  return { kind: 'sqlite', path: join(dataDir, 'suiji.db') };
}

export function ormOptions(database: Database, overrides: Partial<Options> = {}): Options {
  const common: Options = {
    entities: ENTITIES,
    subscribers: [new TrailSubscriber()],
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: true },
    forceUndefined: false,
    allowGlobalContext: false,
    debug: false,
    ...overrides,
  };
  if (database.kind === 'sqlite') {
    return {
      ...common,
      driver: LibSqlDriver,
      dbName: database.path,
      migrations: {
        migrationsList: sqliteMigrations,
        transactional: true,
        allOrNothing: true,
        snapshot: false,
        silent: true,
      },
    };
  }
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: database.url,
    migrations: {
      migrationsList: postgresqlMigrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  };
}

/**
 * Connects, creating a PostgreSQL database that does not exist yet. Two processes started together may
 * both find it missing; the one whose CREATE DATABASE loses (42P04 or 23505, duplicate) connects again
 * to the database the other made.
 */
async function initOrm(database: Database, overrides: Partial<Options>): Promise<MikroORM> {
  try {
    return await MikroORM.init(ormOptions(database, overrides));
  } catch (error) {
    const cause = error as { code?: string; message?: string };
    // 42P04 when the other's database was there first; 23505 on pg_database when both inserted at once.
    const lost =
      cause.code === '42P04' || cause.code === '23505' || /already exists/.test(cause.message ?? '');
    if (database.kind !== 'postgresql' || !lost) throw error;
    return MikroORM.init(ormOptions(database, overrides));
  }
}

/**
 * Connects and brings the schema up to date; then `prepare` does what else a start must do once (the
 * standard categories, the first administrator). Both run under the startup lock, so processes started
 * together on a fresh database take turns.
 */
export async function openDatabase(
  database: Database,
  overrides: Partial<Options> = {},
  prepare?: (orm: MikroORM) => Promise<void>,
): Promise<MikroORM> {
  const orm = await initOrm(database, overrides);
  try {
    const sql = (statement: string) => execute(orm.em, statement);
    if (database.kind === 'sqlite') {
      // The busy timeout waits out a concurrent writer (libsql's default is not to wait at all).
      await sql('pragma busy_timeout = 5000');
      // A 32 MB page cache (the default is 2 MB) speeds large imports; it counts in the process's memory.
      await sql('pragma cache_size = -32768');
    }
    await underStartupLock(orm, database, async () => {
      // WAL lets readers go on while a writer commits; it is a setting of the file, written once.
      if (database.kind === 'sqlite') await sql('pragma journal_mode = wal');
      await orm.getMigrator().up();
      await prepare?.(orm);
    });
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
}
