/**
 * RATIOS (比例达成): per item, the visits drawn against the targets it was open for in the draws run in
 * the period (`draw_item`, recorded when each draw was scheduled and run), the item's minimum ratio on the
 * list, and how often a draw's ratio for an item fell below the minimum the list set when it was
 * scheduled. One draw serves every item of its task at the highest ratio any asks for, but an item
 * applies to only some of the pool's targets, so by chance its own ratio can fall short.
 *
 * A row of one item counts that item's pools and visits; a row of no item (a department, 合计) the draws'
 * whole pools and all their visits, so that the list behind 抽查户数 (the period's visits) shows it, and
 * every (draw, item) below its minimum. Four statements at most.
 */
import type { StatDimension } from '@suiji/domain';
import { allOf, type Clause } from '../../../db/query.js';
import { takingPartSql } from '../visit-predicates.js';
import type { FamilyComputer, FamilyQuery, FamilyRow } from './family.js';
import { grouped, joinRows } from './facts.js';
import { scopeSql } from './visits.js';

const BELOW = 'sum(case when di.drawn * 10000 < di.min_ratio_bp * di.pool_size then 1 else 0 end)';

function conditions(query: FamilyQuery, a: string, groupBy: readonly StatDimension[]): Clause[] {
  const { filter, period } = query;
  return [
    { sql: `${a}.drawn_on >= ? and ${a}.drawn_on <= ?`, params: [period.from, period.to] },
    ...scopeSql(query, a),
    ...(filter.departmentId ? [takingPartSql(a, [filter.departmentId])] : []),
    // Grouped by department under a department filter, only that department's row (see VISITS).
    ...(filter.departmentId && groupBy.includes('DEPARTMENT')
      ? [{ sql: 'g.department_id = ?', params: [filter.departmentId] }]
      : []),
  ];
}

const departmentJoin = (groupBy: readonly StatDimension[], a: string) =>
  groupBy.includes('DEPARTMENT') ? ` join task_department g on g.task_id = ${a}.task_id` : '';

/** Rows of one item each: its pools, visits, minimum and shortfalls. */
function perItem(query: FamilyQuery, groupBy: readonly StatDimension[]): Promise<FamilyRow[]> {
  const where = conditions(query, 'di', groupBy);
  if (query.filter.itemId) where.push({ sql: 'di.item_id = ?', params: [query.filter.itemId] });
  return grouped(query, {
    keys: groupBy.map((d) => (d === 'DEPARTMENT' ? 'g.department_id' : 'di.item_id')),
    counts: {
      pool: 'sum(di.pool_size)',
      drawn: 'sum(di.drawn)',
      belowMinimum: BELOW,
      minimumRatio: 'max(it.min_ratio_bp) / 10000.0',
    },
    from: `draw_item di join inspection_item it on it.id = di.item_id${departmentJoin(groupBy, 'di')}`,
    where: allOf(where),
  });
}

/** Rows of no item: the draws' pools and visits, and the shortfalls of their items. */
async function perDraw(query: FamilyQuery, groupBy: readonly StatDimension[]): Promise<FamilyRow[]> {
  const keys = groupBy.map(() => 'g.department_id');
  const draws = await grouped(query, {
    keys,
    counts: { pool: 'sum(d.pool_size)', drawn: 'sum(d.selected_count)' },
    from: `(select id, task_id, drawn_on, pool_size, selected_count from draw where drawn_on is not null) d${departmentJoin(groupBy, 'd')}`,
    where: allOf(conditions(query, 'd', groupBy)),
  });
  const below = await grouped(query, {
    keys,
    counts: { belowMinimum: BELOW },
    from: `draw_item di${departmentJoin(groupBy, 'di')}`,
    where: allOf(conditions(query, 'di', groupBy)),
  });
  return joinRows(draws, below);
}

const counted = (query: FamilyQuery, groupBy: readonly StatDimension[]) =>
  groupBy.includes('ITEM') || query.filter.itemId ? perItem(query, groupBy) : perDraw(query, groupBy);

export const ratios: FamilyComputer = async (query) => {
  const rows = query.groupBy.length > 0 ? await counted(query, query.groupBy) : [];
  const [total] = await counted(query, []);
  const filled = (counts: FamilyRow['counts'] | undefined) => ({
    pool: counts?.pool ?? 0,
    drawn: counts?.drawn ?? 0,
    belowMinimum: counts?.belowMinimum ?? 0,
    minimumRatio: counts?.minimumRatio ?? null,
  });
  return {
    rows: rows.map((r) => ({ keys: r.keys, counts: filled(r.counts) })),
    total: filled(total?.counts),
  };
};
