/**
 * SQL written by hand where the ORM cannot express a query (statistics: GROUP BY over derived rows),
 * portable between SQLite and PostgreSQL, every value sent as a parameter; and the same conditions as
 * list filters, so that a list and a figure count the same records. `sql.ts` runs it.
 */
import { raw, type FilterQuery } from '@mikro-orm/core';

/** A piece of SQL and its parameters, in order. */
export interface Clause {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** A condition on a row of a table, written for the alias the query gives that table. */
export type Condition = (alias: string) => Clause;

export const clause = (sql: string, ...params: unknown[]): Clause => ({ sql, params });

/** `?, ?, …` for a list of values. */
export const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** Clauses joined by `and` (true when there are none). */
export function allOf(clauses: readonly Clause[]): Clause {
  if (clauses.length === 0) return { sql: '1 = 1', params: [] };
  return {
    sql: clauses.map((c) => `(${c.sql})`).join(' and '),
    params: clauses.flatMap((c) => c.params),
  };
}

/**
 * Conditions on a table as a filter of the entity stored in it: `id in (select …)`. (A raw fragment as a
 * value survives both the page and its count, which a raw key does not.)
 */
export function asFilter<T>(table: string, conditions: readonly Condition[]): FilterQuery<T> {
  const where = allOf(conditions.map((c) => c('f')));
  return {
    id: { $in: raw(`select f.id from ${table} f where ${where.sql}`, [...where.params]) },
  } as FilterQuery<T>;
}

/** The quarter key (YYYY-Qn) of a month key (YYYY-MM), as `quarterKey` in the domain makes it. */
export function quarterOfMonth(month: string): string {
  return `substr(${month}, 1, 4) || '-Q' || cast((cast(substr(${month}, 6, 2) as integer) + 2) / 3 as text)`;
}
