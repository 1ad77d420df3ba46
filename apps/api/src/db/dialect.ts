/**
 * The one seam for what differs between PostgreSQL and the embedded SQLite: every piece of SQL, lock and
 * bulk path that is not the same on both is here, and nowhere else asks which database it talks to.
 * Everything else is written once, in SQL both accept.
 */
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { execute } from './sql.js';

export type DialectName = 'postgresql' | 'sqlite';

/** A column of a bulk insert: its name, and its PostgreSQL type (the array `unnest` casts to). */
export interface BulkColumn {
  readonly name: string;
  readonly type: string;
}

/**
 * Further columns of a bulk insert, computed by SQL from each row's values (`value(column)` is the SQL of
 * one of them) and what `join` brings in: a visit's target columns, read in the same statement.
 */
export interface BulkAlso {
  readonly columns: readonly string[];
  readonly values: (value: (column: string) => string) => readonly string[];
  readonly join: (value: (column: string) => string) => string;
}

export interface Dialect {
  readonly name: DialectName;
  /**
   * Find options that lock the rows read until the transaction ends: PostgreSQL's `for update`; SQLite
   * has one writer, and a transaction that writes holds it to the end.
   */
  readonly lockRows: { lockMode?: LockMode.PESSIMISTIC_WRITE };
  /** Suffix of a raw `select` that locks what it reads ('' on SQLite). */
  readonly forUpdate: string;
  /** Suffix of a raw `select` that locks what it reads, skipping rows another transaction holds. */
  readonly forUpdateSkipLocked: string;
  /** SQL that waits for the transaction-scoped lock `key` (none on SQLite: one writer). */
  advisoryLock(key: number): string | null;
  /** A case-insensitive LIKE operator of the ORM for `pattern` (SQLite's LIKE already ignores case). */
  containsOperator(pattern: string): { $ilike: string } | { $like: string };
  /** `a <> b` where null equals null. */
  distinct(a: string, b: string): string;
  /** The China date (YYYY-MM-DD) of a stored instant. */
  chinaDay(instant: string): string;
  /** The China month (YYYY-MM) of a stored instant. */
  chinaMonth(instant: string): string;
  /** The concatenation of `text` over the rows, in byte order of `key` (the order the draw's pool is in). */
  concatInByteOrder(text: string, key: string): string;
  /** Where `needle` first starts in `haystack`, from 1; 0 when it is not there. */
  position(haystack: string, needle: string): string;
  /** A tab and a line feed as SQL literals. */
  readonly tab: string;
  readonly lineFeed: string;
  /**
   * A table `${as}(value)` of the strings of one parameter, and that parameter as the driver takes it
   * (an array on PostgreSQL, JSON text on SQLite).
   */
  valuesOf(as: string): string;
  valuesParam(values: readonly string[]): unknown;
  /**
   * A join giving one row `${as}.value` per item of a string list column (",a,b," text). An empty list
   * gives no row.
   */
  listItems(column: string, as: string): string;
  /**
   * The median of `value` per group of `partition` over `rows` (a subquery): the `from` item to select
   * from as `l`, and the aggregate over it.
   */
  median(rows: string, value: string, partition: readonly string[]): { from: string; aggregate: string };
  /**
   * One set-based insert of `rows` (values in the order of `columns`): each column one array through
   * `unnest` on PostgreSQL, every row in one JSON parameter read by `json_each` on SQLite.
   */
  bulkInsert(table: string, columns: readonly BulkColumn[], also?: BulkAlso): string;
  bulkParams(columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]): unknown[];
}

/** How many rows one bulk insert statement carries (one JSON parameter, or one array per column). */
const BULK_ROWS = 100_000;

/** The most parameters SQLite takes in one statement. */
export const SQLITE_MAX_VARIABLES = 32_766;

const POSTGRESQL: Dialect = {
  name: 'postgresql',
  lockRows: { lockMode: LockMode.PESSIMISTIC_WRITE },
  forUpdate: ' for update',
  forUpdateSkipLocked: ' for update skip locked',
  advisoryLock: (key) => `select pg_advisory_xact_lock(${Math.trunc(key)})`,
  containsOperator: (pattern) => ({ $ilike: pattern }),
  distinct: (a, b) => `${a} is distinct from ${b}`,
  chinaDay: (instant) => `to_char(${instant} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`,
  chinaMonth: (instant) => `to_char(${instant} at time zone 'Asia/Shanghai', 'YYYY-MM')`,
  concatInByteOrder: (text, key) => `string_agg(${text}, '' order by ${key} collate "C")`,
  position: (haystack, needle) => `strpos(${haystack}, ${needle})`,
  tab: "E'\\t'",
  lineFeed: "E'\\n'",
  valuesOf: (as) => `unnest(cast(? as text[])) as ${as}(value)`,
  valuesParam: (values) => [...values],
  listItems: (column, as) =>
    `cross join lateral unnest(string_to_array(nullif(trim(both ',' from ${column}), ''), ',')) as ${as}(value)`,
  median: (rows, value) => ({
    from: `(${rows}) l`,
    aggregate: `percentile_cont(0.5) within group (order by l.${value})`,
  }),
  bulkInsert: (table, columns, also) => {
    const value = (column: string) => `v.${column}`;
    return `insert into ${table} (${[...columns.map((c) => c.name), ...(also?.columns ?? [])].join(', ')})
      select ${[...columns.map((c) => value(c.name)), ...(also?.values(value) ?? [])].join(', ')}
      from unnest(${columns.map((c) => `cast(? as ${c.type}[])`).join(', ')}) as v(${columns.map((c) => c.name).join(', ')})
      ${also?.join(value) ?? ''}`;
  },
  bulkParams: (columns, rows) => columns.map((_, i) => rows.map((row) => row[i] ?? null)),
};

const SQLITE: Dialect = {
  name: 'sqlite',
  lockRows: {},
  forUpdate: '',
  forUpdateSkipLocked: '',
  advisoryLock: () => null,
  containsOperator: (pattern) => ({ $like: pattern }),
  distinct: (a, b) => `${a} is not ${b}`,
  chinaDay: (instant) => `date(${instant}, '+8 hours')`,
  chinaMonth: (instant) => `strftime('%Y-%m', ${instant}, '+8 hours')`,
  // SQLite compares text byte by byte unless told otherwise.
  concatInByteOrder: (text, key) => `group_concat(${text}, '' order by ${key})`,
  position: (haystack, needle) => `instr(${haystack}, ${needle})`,
  tab: 'char(9)',
  lineFeed: 'char(10)',
  valuesOf: (as) => `json_each(?) ${as}`,
  valuesParam: (values) => JSON.stringify(values),
  listItems: (column, as) => {
    const inner = `trim(${column}, ',')`;
    // Quotes and backslashes in an item are escaped, so that every list is a well-formed array.
    const escaped = `replace(replace(${inner}, '\\', '\\\\'), '"', '\\"')`;
    return `join json_each(case when ${column} = '' then '[]' else '["' || replace(${escaped}, ',', '","') || '"]' end) ${as}`;
  },
  // SQLite has no median: the middle one or two of the values in order.
  median: (rows, value, partition) => {
    const by = partition.length ? `partition by ${partition.join(', ')} ` : '';
    return {
      from: `(select w.*, row_number() over (${by}order by w.${value}) as rn, count(*) over (${by.trim()}) as c from (${rows}) w) l`,
      aggregate: `avg(case when l.rn in ((l.c + 1) / 2, (l.c + 2) / 2) then l.${value} end)`,
    };
  },
  bulkInsert: (table, columns, also) => {
    const value = (column: string) => `(j.value ->> ${columns.findIndex((c) => c.name === column)})`;
    return `insert into ${table} (${[...columns.map((c) => c.name), ...(also?.columns ?? [])].join(', ')})
      select ${[...columns.map((c) => value(c.name)), ...(also?.values(value) ?? [])].join(', ')}
      from json_each(?) j ${also?.join(value) ?? ''}`;
  },
  bulkParams: (_, rows) => [JSON.stringify(rows)],
};

/** Rows to insert, values in the order of the columns: an array, or rows made a slice at a time. */
export interface RowSource {
  readonly length: number;
  slice(from: number, to: number): readonly (readonly unknown[])[];
}

/** The dialect `em` talks. */
export function dialectOf(em: { getPlatform(): object }): Dialect {
  return em.getPlatform() instanceof PostgreSqlPlatform ? POSTGRESQL : SQLITE;
}

/**
 * Inserts `rows` into `table`, set-based, `BULK_ROWS` rows per statement, in the entity manager's
 * transaction. Between statements other requests get their turn (SQLite runs a statement synchronously).
 */
export async function bulkInsert(
  em: EntityManager,
  table: string,
  columns: readonly BulkColumn[],
  rows: RowSource,
  also?: BulkAlso,
): Promise<void> {
  const dialect = dialectOf(em);
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    const part = rows.slice(i, i + BULK_ROWS);
    await execute(em, dialect.bulkInsert(table, columns, also), dialect.bulkParams(columns, part));
    if (i + BULK_ROWS < rows.length) await new Promise((resolve) => setImmediate(resolve));
  }
}
