/**
 * SQL written by hand, with its values sent as parameters, in the request's transaction. (The ORM's own
 * `execute` writes values into the SQL text, which for a 40 MB pool costs seconds and a gigabyte.)
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Knex, SqlEntityManager } from '@mikro-orm/knex';

/** A piece of SQL and its parameters. */
export interface Clause {
  sql: string;
  params: unknown[];
}

export const clause = (sql: string, ...params: unknown[]): Clause => ({ sql, params });

/** The clauses joined by AND (true when there are none). */
export function allOf(clauses: readonly Clause[]): Clause {
  if (clauses.length === 0) return { sql: '1 = 1', params: [] };
  return {
    sql: clauses.map((c) => `(${c.sql})`).join(' and '),
    params: clauses.flatMap((c) => c.params),
  };
}

/** `?, ?, …` for a list of values. */
export const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** Runs SQL in the entity manager's transaction, if any, and returns its rows. */
export async function rows<T>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const sqlEm = em as unknown as SqlEntityManager;
  const query = sqlEm.getKnex().raw(sql, params as never[]);
  const tx = sqlEm.getTransactionContext<Knex.Transaction>();
  if (tx) void query.transacting(tx);
  const result: unknown = await query;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
