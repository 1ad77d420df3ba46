/**
 * One family's counts as two statements: grouped by the dimensions asked for, and over the whole
 * filtered set (the 合计 row, where a record counting in several groups counts once).
 */
import { present } from '../../../invariant.js';
import type { StatDimension } from '@suiji/domain';
import { type Clause } from '../../../db/query.js';
import { selectRows } from '../../../db/sql.js';
import type { FamilyCounts, FamilyQuery, FamilyRow } from './family.js';

/** How a dimension groups the records: the key's SQL, and the join that gives one row per group. */
export interface Grouping {
  readonly key: string;
  readonly join?: Clause;
}

export interface GroupedSpec {
  /** `with recursive …` common tables the source needs, or nothing. */
  readonly with?: string;
  /** The filtered records, one row each, as a derived table aliased `x`. */
  readonly source: Clause;
  /** Each count's SQL over the rows of `x` (and the joined groups): an aggregate. */
  readonly measures: Readonly<Record<string, string>>;
  /** The family's dimensions. */
  readonly groupings: Readonly<Partial<Record<StatDimension, Grouping>>>;
}

const number = (value: unknown): number | null => (value == null ? null : Number(value));

async function run(
  query: FamilyQuery,
  spec: GroupedSpec,
  groupBy: readonly StatDimension[],
): Promise<FamilyRow[]> {
  const groupings = groupBy.map((dim) => {
    const grouping = spec.groupings[dim];
    if (!grouping) throw new Error(`The family cannot be grouped by ${dim}.`);
    return grouping;
  });
  const codes = Object.keys(spec.measures);
  const select = [
    ...groupings.map((g, i) => `${g.key} as k${i}`),
    ...codes.map((code, i) => `${spec.measures[code]} as m${i}`),
  ].join(', ');
  const joins = groupings.filter((g) => g.join);
  const sql = `${spec.with ? `with recursive ${spec.with} ` : ''}select ${select}
    from (${spec.source.sql}) x ${joins.map((g) => present(g.join, 'the join').sql).join(' ')}
    ${groupings.length ? `group by ${groupings.map((_, i) => i + 1).join(', ')}` : ''}`;
  const found = await selectRows<Record<string, unknown>>(query.ctx.em, sql, [
    ...spec.source.params,
    ...joins.flatMap((g) => present(g.join, 'the join').params),
  ]);
  return found.map((row) => ({
    keys: groupings.map((_, i) => String(row[`k${i}`])),
    counts: Object.fromEntries(codes.map((code, i) => [code, number(row[`m${i}`])])),
  }));
}

/** The counts by the query's groups, and the 合计 row. */
export async function groupedCounts(query: FamilyQuery, spec: GroupedSpec): Promise<FamilyCounts> {
  const rows = query.groupBy.length ? await run(query, spec, query.groupBy) : [];
  const [total] = await run(query, spec, []);
  return { rows: sortRows(rows), total: total?.counts ?? {} };
}

/** Rows in the order of their keys, so that a table reads the same every time. */
export function sortRows(rows: readonly FamilyRow[]): FamilyRow[] {
  return [...rows].sort((a, b) => {
    for (let i = 0; i < a.keys.length; i++) {
      const order = (a.keys[i] ?? '').localeCompare(b.keys[i] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  });
}
