/**
 * Counts the SQL statements the database receives while `work` runs: for tests and benchmarks that
 * check a query costs a constant number of statements (no N+1).
 */
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

export async function countStatements<T>(
  orm: MikroORM,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const knex = (orm.em as unknown as SqlEntityManager).getKnex();
  const statements: string[] = [];
  const listener = (query: { sql: string }) => statements.push(query.sql);
  knex.on('query', listener);
  try {
    return { result: await work(), statements };
  } finally {
    knex.off('query', listener);
  }
}

/**
 * A list's total: its count, or its sum over a summary (`visit_cube`, `target_cube`). A page shorter than asked knows
 * its total without one, so tests comparing the statements of pages of different sizes leave it out.
 */
export const isTotal = (sql: string): boolean =>
  /^select (count\(|sum\(c\.n\) as n from (visit|target)_cube )/.test(sql);
