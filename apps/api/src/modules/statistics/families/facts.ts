/**
 * What the families counted over the visit facts (VISITS, COVERAGE, BURDEN, RATIOS) share: how a
 * dimension reads as a column of a fact table, the statement that groups, and the rows it returns.
 */
import { chinaToday, type StatDimension } from '@suiji/domain';
import { type Clause } from '../../../db/query.js';
import { selectRows as rows } from '../../../db/sql.js';
import { quarterSql } from '../visit-facts.js';
import type { FamilyQuery, FamilyRow } from './family.js';

/** The China day of the cut-off: deadlines are past when it is later. */
export const cutOffDay = (query: FamilyQuery) => chinaToday(query.now);

/** A dimension's key as SQL over a row of a fact table aliased `a` (every fact table names them alike). */
export function keySql(dimension: StatDimension, a: string): string {
  switch (dimension) {
    case 'REGION':
      return `${a}.region`;
    case 'TARGET_KIND':
      return `${a}.target_kind`;
    case 'RISK_CLASS':
      return `${a}.risk_class`;
    case 'MONTH':
      return `substr(${a}.drawn_on, 1, 7)`;
    case 'QUARTER':
      return quarterSql(`${a}.drawn_on`);
    case 'JOINT':
      return `case when ${a}.joint = true then 'JOINT' else 'OWN' end`;
    case 'ITEM':
      return `${a}.item_id`;
    case 'CATEGORY':
      return `${a}.category`;
    case 'FOLLOW_UP':
      return `${a}.follow_up`;
    default:
      throw new Error(`No fact column for the dimension ${dimension}.`);
  }
}

/** A grouped count: the keys of `keys` (SQL, in order) and the named counts, over `from` where `where`. */
export interface Grouped {
  readonly keys: readonly string[];
  /** count name → SQL aggregate */
  readonly counts: Readonly<Record<string, string>>;
  readonly from: string;
  readonly where: Clause;
  /** Parameters of the aggregates, which come before the WHERE's in the statement. */
  readonly countParams?: readonly unknown[];
}

/**
 * Runs a grouped count (one statement) and returns its rows, keys as text and counts as numbers, in the
 * order of their keys' code points (the same on both databases, whatever their collations).
 */
export async function grouped(query: FamilyQuery, g: Grouped): Promise<FamilyRow[]> {
  const keyColumns = g.keys.map((sql, i) => `${sql} as k${i}`);
  const countColumns = Object.entries(g.counts).map(([name, sql]) => `${sql} as "${name}"`);
  const groupBy = g.keys.length > 0 ? ` group by ${g.keys.join(', ')}` : '';
  const found = await rows<Record<string, string | number | null>>(
    query.ctx.em,
    `select ${[...keyColumns, ...countColumns].join(', ')} from ${g.from} where ${g.where.sql}${groupBy}`,
    [...(g.countParams ?? []), ...g.where.params],
  );
  return found
    .map((row) => ({
      keys: g.keys.map((_, i) => String(row[`k${i}`] ?? '')),
      counts: Object.fromEntries(
        Object.keys(g.counts).map((name) => [name, row[name] == null ? null : Number(row[name])]),
      ),
    }))
    .sort((a, b) => compareKeys(a.keys, b.keys));
}

/** Rows of several counts of the same grouping, joined on their keys (a missing count is 0). */
export function joinRows(...sets: readonly (readonly FamilyRow[])[]): FamilyRow[] {
  const byKey = new Map<string, { keys: readonly string[]; counts: Record<string, number | null> }>();
  for (const set of sets)
    for (const row of set) {
      const key = JSON.stringify(row.keys);
      const found = byKey.get(key) ?? { keys: row.keys, counts: {} };
      Object.assign(found.counts, row.counts);
      byKey.set(key, found);
    }
  return [...byKey.values()].sort((a, b) => compareKeys(a.keys, b.keys));
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
