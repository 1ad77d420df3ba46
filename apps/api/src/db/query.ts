/**
 * SQL written by hand where the ORM cannot express a query (statistics: GROUP BY over derived rows),
 * portable between SQLite and PostgreSQL, every value sent as a parameter; and the same conditions as
 * list filters, so that a list and a figure count the same records. `sql.ts` runs it.
 */
import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { isPostgres } from './platform.js';

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

/** The China month (YYYY-MM, UTC+8 all year) of a stored instant. */
export function chinaMonthOf(em: EntityManager, instant: string): string {
  return isPostgres(em)
    ? `to_char(${instant} at time zone 'Asia/Shanghai', 'YYYY-MM')`
    : `strftime('%Y-%m', ${instant}, '+8 hours')`;
}

/** The quarter key (YYYY-Qn) of a month key (YYYY-MM), as `quarterKey` in the domain makes it. */
export function quarterOfMonth(month: string): string {
  return `substr(${month}, 1, 4) || '-Q' || cast((cast(substr(${month}, 6, 2) as integer) + 2) / 3 as text)`;
}

/**
 * A join giving one row `${as}.value` per item of a string list column (",a,b," text): PostgreSQL
 * unnests the split text, SQLite walks it as a JSON array. An empty list gives no row.
 */
export function listItems(em: EntityManager, column: string, as: string): string {
  if (isPostgres(em))
    return `cross join lateral unnest(string_to_array(nullif(trim(both ',' from ${column}), ''), ',')) as ${as}(value)`;
  const inner = `trim(${column}, ',')`;
  // Quotes and backslashes in an item are escaped, so that every list is a well-formed array.
  const escaped = `replace(replace(${inner}, '\\', '\\\\'), '"', '\\"')`;
  return `join json_each(case when ${column} = '' then '[]' else '["' || replace(${escaped}, ',', '","') || '"]' end) ${as}`;
}
