/**
 * The visits a filter of the inspection list (`InspectionListFilter` in the domain) selects, as SQL over
 * the visit facts. The inspection list filters with it, and the VISITS figures count with it — each count
 * is the number of visits its drill-down filter (`visitFigureFilter`) selects — so the list behind a number
 * shows that number by construction.
 */
import type { InspectionListFilter } from '@suiji/domain';
import { allOf, clause, placeholders, type Clause } from '../../db/query.js';

/**
 * The row a predicate is about: an inspection (`inspection`) or one of its `visit_item` rows, which carry
 * copies of the visit's facts. `itemRow`: the row is the item the filter's item conditions are about (the
 * filter's item, or the item of an ITEM group); otherwise those conditions ask for some item of the visit.
 */
export interface VisitRow {
  readonly alias: string;
  readonly table: VisitTable;
  readonly itemRow?: boolean;
}

/** The fact tables, and their summaries (`cubes.ts`), whose rows stand for `n` fact rows each. */
export type VisitTable = 'inspection' | 'visit_item' | 'visit_cube' | 'visit_item_cube';

/**
 * Columns whose name differs between the tables; `onTime`, published within the deadline (a column of the
 * summaries); `weight`, how many visits (or visit items) a row stands for; `id`, the visit (none in a
 * summary, which cannot ask about another row of the same visit).
 */
const COLUMNS: Record<
  VisitTable,
  {
    id: string | null;
    problem: string;
    closed: string;
    onTime: (a: string) => string;
    weight: (a: string) => string;
  }
> = {
  inspection: {
    id: 'id',
    problem: 'problem',
    closed: 'closed',
    onTime: (a) => `${a}.published_on <= ${a}.deadline`,
    weight: () => '1',
  },
  visit_item: {
    id: 'inspection_id',
    problem: 'visit_problem',
    closed: 'visit_closed',
    onTime: (a) => `${a}.published_on <= ${a}.deadline`,
    weight: () => '1',
  },
  visit_cube: {
    id: null,
    problem: 'problem',
    closed: 'closed',
    onTime: (a) => `${a}.on_time = true`,
    weight: (a) => `${a}.n`,
  },
  visit_item_cube: {
    id: null,
    problem: 'visit_problem',
    closed: 'visit_closed',
    onTime: (a) => `${a}.on_time = true`,
    weight: (a) => `${a}.n`,
  },
};

/** How many visits (or visit items) a row of the table stands for, as SQL. */
export function weightOf(row: VisitRow): string {
  return COLUMNS[row.table].weight(row.alias);
}

/** Visits of the tasks some of these (top-level) departments take part in. */
export function takingPartSql(alias: string, departmentIds: readonly string[]): Clause {
  const ids = departmentIds.length > 0 ? [...departmentIds] : [''];
  return {
    sql: `${alias}.task_id in (select td.task_id from task_department td where td.department_id in (${placeholders(ids)}))`,
    params: ids,
  };
}

/** The condition that a row's visit is selected by the filter, `today` (China) being the cut-off's day. */
export function visitPredicate(filter: InspectionListFilter, today: string, row: VisitRow): Clause {
  const a = row.alias;
  const col = COLUMNS[row.table];
  const visit: Clause[] = [];
  if (filter.drawnFrom) visit.push(clause(`${a}.drawn_on >= ?`, filter.drawnFrom));
  if (filter.drawnTo) visit.push(clause(`${a}.drawn_on <= ?`, filter.drawnTo));
  if (filter.departmentId) visit.push(takingPartSql(a, [filter.departmentId]));
  if (filter.region != null) visit.push(clause(`${a}.region = ?`, filter.region));
  if (filter.targetKind) visit.push(clause(`${a}.target_kind = ?`, filter.targetKind));
  if (filter.riskClass) visit.push(clause(`${a}.risk_class = ?`, filter.riskClass));
  if (filter.joint != null) visit.push(clause(`${a}.joint = ${filter.joint ? 'true' : 'false'}`));
  if (filter.states && filter.states.length > 0)
    visit.push(clause(`${a}.state in (${placeholders(filter.states)})`, ...filter.states));
  if (filter.onTime != null)
    visit.push(clause(`${a}.state = 'PUBLISHED' and ${filter.onTime ? '' : 'not '}(${col.onTime(a)})`));
  if (filter.overdue != null) {
    const overdue = `${a}.state <> 'PUBLISHED' and ${a}.deadline < ?`;
    visit.push(clause(filter.overdue ? overdue : `not (${overdue})`, today));
  }

  // The item's result when an item is given (or the row is an item's); the visit's (any item) otherwise.
  const onItem = filter.itemId != null || row.itemRow === true;
  const item: Clause[] = [];
  const published = `${a}.state = 'PUBLISHED'`;
  const flags = (x: string, problem: string, closed: string) => {
    const out: Clause[] = [];
    if (filter.problem != null)
      out.push(
        clause(filter.problem ? `${x}.${problem} = true` : `${published} and ${x}.${problem} = false`),
      );
    if (filter.closed != null)
      out.push(clause(`${x}.${problem} = true and ${x}.${closed} = ${filter.closed ? 'true' : 'false'}`));
    return out;
  };
  if (!onItem) visit.push(...flags(a, col.problem, col.closed));
  const x = row.itemRow ? a : 'x';
  if (filter.itemId != null) item.push(clause(`${x}.item_id = ?`, filter.itemId));
  if (filter.category != null) item.push(clause(`${x}.category = ?`, filter.category));
  if (filter.followUp != null) item.push(clause(`${x}.follow_up = ?`, filter.followUp));
  if (onItem) item.push(...flags(x, 'problem', 'closed'));
  if (item.length > 0) {
    if (row.itemRow) visit.push(...item);
    else {
      if (!col.id) throw new Error(`${row.table} cannot select by another row of the same visit.`);
      const inner = allOf(item);
      visit.push({
        sql: `exists (select 1 from visit_item x where x.inspection_id = ${a}.${col.id} and ${inner.sql})`,
        params: inner.params,
      });
    }
  }
  return allOf(visit);
}
