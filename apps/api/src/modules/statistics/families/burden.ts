/**
 * BURDEN (扰民): targets visited again for an item they had been visited for, and targets visited by
 * several departments' own (non-joint) tasks in one quarter. Both count distinct targets, but only over
 * the visits flagged so by `refreshVisitFacts` (`visit_item.repeated`, `inspection.multi_department`),
 * which an index finds and which should be few (none, for the first). Grouped by item, region, kind or
 * risk class as the visit was drawn; four statements at most.
 */
import type { StatDimension } from '@suiji/domain';
import { allOf, type Clause } from '../../../db/query.js';
import type { FamilyComputer, FamilyQuery, FamilyRow } from './family.js';
import { grouped, joinRows, keySql } from './facts.js';
import { scopeSql } from './visits.js';

/** The request's period, filters and scope on a fact row aliased `a`. */
function conditions(query: FamilyQuery, a: string): Clause[] {
  const { filter, period } = query;
  const out: Clause[] = [
    { sql: `${a}.drawn_on >= ? and ${a}.drawn_on <= ?`, params: [period.from, period.to] },
    ...scopeSql(query, a),
  ];
  if (filter.region != null) out.push({ sql: `${a}.region = ?`, params: [filter.region] });
  if (filter.targetKind) out.push({ sql: `${a}.target_kind = ?`, params: [filter.targetKind] });
  if (filter.riskClass) out.push({ sql: `${a}.risk_class = ?`, params: [filter.riskClass] });
  return out;
}

function repeated(query: FamilyQuery, groupBy: readonly StatDimension[]): Promise<FamilyRow[]> {
  const where = [{ sql: 'v.repeated = true', params: [] }, ...conditions(query, 'v')];
  if (query.filter.itemId) where.push({ sql: 'v.item_id = ?', params: [query.filter.itemId] });
  return grouped(query, {
    keys: groupBy.map((d) => keySql(d, 'v')),
    counts: { repeatSameItem: 'count(distinct v.target_id)' },
    from: 'visit_item v',
    where: allOf(where),
  });
}

function severalDepartments(query: FamilyQuery, groupBy: readonly StatDimension[]): Promise<FamilyRow[]> {
  const onItem = groupBy.includes('ITEM') || query.filter.itemId != null;
  const where = [{ sql: 'i.multi_department = true', params: [] }, ...conditions(query, 'i')];
  if (query.filter.itemId) where.push({ sql: 'v.item_id = ?', params: [query.filter.itemId] });
  return grouped(query, {
    keys: groupBy.map((d) => keySql(d, d === 'ITEM' ? 'v' : 'i')),
    counts: { multiDepartmentQuarter: 'count(distinct i.target_id)' },
    from: `inspection i${onItem ? ' join visit_item v on v.inspection_id = i.id' : ''}`,
    where: allOf(where),
  });
}

export const burden: FamilyComputer = async (query) => {
  const { groupBy } = query;
  const rows =
    groupBy.length > 0
      ? joinRows(await repeated(query, groupBy), await severalDepartments(query, groupBy))
      : [];
  const [again] = await repeated(query, []);
  const [several] = await severalDepartments(query, []);
  return {
    rows: rows.map((r) => ({
      keys: r.keys,
      counts: {
        repeatSameItem: r.counts.repeatSameItem ?? 0,
        multiDepartmentQuarter: r.counts.multiDepartmentQuarter ?? 0,
      },
    })),
    total: { ...again?.counts, ...several?.counts },
  };
};
