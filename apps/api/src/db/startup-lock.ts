/**
 * What a start writes once — the migrations, the standard categories, the first administrator or the
 * demo data — runs under one lock per database, so that processes started together on a fresh database
 * take turns instead of creating the same tables and rows and crashing: the second finds everything done.
 */
import type { MikroORM } from '@mikro-orm/core';
import Libsql from 'libsql';
import type { Database } from './orm.js';

/** How often a start waiting on SQLite tries the lock again. */
const POLL_MS = 50;

export async function underStartupLock<T>(
  orm: MikroORM,
  database: Database,
  fn: () => Promise<T>,
): Promise<T> {
  if (database.kind === 'postgresql') return underAdvisoryLock(orm, fn);
  // Nothing else can open a private in-memory database.
  if (database.path === ':memory:') return fn();
  return underLockFile(`${database.path}.lock`, fn);
}

/**
 * PostgreSQL: a transaction-level advisory lock, held on a connection of its own while `fn` works on
 * others; it is released when that transaction ends, or when its connection dies with the process.
 * Advisory locks are per database, so starts on other databases do not wait.
 */
async function underAdvisoryLock<T>(orm: MikroORM, fn: () => Promise<T>): Promise<T> {
  const connection = orm.em.getConnection();
  return connection.transactional(async (trx) => {
    await connection.execute("select pg_advisory_xact_lock(hashtext('suiji.startup'))", [], 'run', trx);
    // The lock's transaction sits idle while others migrate: a server's idle-in-transaction timeout must
    // not end it (and free the lock) in the middle of a long migration or demo seed.
    await connection.execute('set local idle_in_transaction_session_timeout = 0', [], 'run', trx);
    return fn();
  });
}

/**
 * SQLite: the lock cannot be taken in the database itself, as the migrations' own connection would then
 * wait for it; an exclusive transaction on a small SQLite file beside it serves instead (SQLite's file
 * locks are released when the process ends, however it ends). libsql is synchronous, so the lock is
 * tried without waiting and tried again later, leaving the event loop free meanwhile.
 */
async function underLockFile<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const lock = new Libsql(path, { timeout: 0 });
  try {
    for (;;) {
      try {
        lock.exec('begin exclusive');
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
    try {
      return await fn();
    } finally {
      lock.exec('rollback');
    }
  } finally {
    lock.close();
  }
}
