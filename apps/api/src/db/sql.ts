/**
 * Raw SQL, typed where it is written: the caller declares the row it selects. Every value is sent as a
 * parameter (`?`), and the statement runs in the entity manager's transaction when it has one. (The ORM's
 * own `execute` writes values into the SQL text, which for a 40 MB pool costs seconds and a gigabyte, and
 * runs outside the transaction unless told otherwise.) The SQL itself is composed in `query.ts`.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Knex, SqlEntityManager } from '@mikro-orm/knex';
import type { Clause } from './query.js';

/**
 * A number as a driver returns it: PostgreSQL sends `count(*)` (bigint) and `sum(…)` (numeric) as text;
 * SQLite sends numbers. Read it with `toNumber`.
 */
export type SqlNumber = number | string;

/** A `SqlNumber` (or a nullable one, as `sum` over no rows gives) as a number; null counts as 0. */
export function toNumber(value: SqlNumber | null | undefined): number {
  return value == null ? 0 : Number(value);
}

async function run(em: EntityManager, sql: string, params: readonly unknown[]): Promise<unknown> {
  const sqlEm = em as unknown as SqlEntityManager;
  const query = sqlEm.getKnex().raw(sql, params as Knex.RawBinding[]);
  const tx = sqlEm.getTransactionContext<Knex.Transaction>();
  if (tx) void query.transacting(tx);
  try {
    return (await query) as unknown;
  } catch (error) {
    // As the ORM reports its own statements' failures (a unique key taken becomes a conflict).
    throw em.getDriver().convertException(error as Error);
  }
}

/**
 * The rows `sql` selects, typed `Row` as the caller declares them (the columns' aliases; numbers that
 * PostgreSQL may send as text typed `SqlNumber`).
 */
export async function selectRows<Row extends object>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  const result = await run(em, sql, params);
  // libsql gives the rows; pg gives its result, which holds them.
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
}

/** The first row `sql` selects, or undefined when it selects none. */
export async function selectOne<Row extends object>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row | undefined> {
  return (await selectRows<Row>(em, sql, params))[0];
}

/**
 * How many rows a summary table's rows selected by `where` (on alias `c`) stand for: the sum of their
 * counts `n`, a list's total read from its summary (`isTotal` in statements.ts knows this statement).
 */
export async function summedCount(
  em: EntityManager,
  summary: 'visit_cube' | 'target_cube',
  where: Clause,
): Promise<number> {
  const row = await selectOne<{ n: SqlNumber | null }>(
    em,
    `select sum(c.n) as n from ${summary} c where ${where.sql}`,
    where.params,
  );
  return toNumber(row?.n ?? 0);
}

/** Runs a statement for its effect (a lock, a delete, a setting); what it returns is dropped. */
export async function execute(
  em: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<void> {
  await run(em, sql, params);
}
