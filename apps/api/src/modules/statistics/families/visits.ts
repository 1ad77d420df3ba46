/**
 * VISITS (检查户次): every count is the number of visits the inspection list shows for the count's
 * drill-down filter (`visitFigureFilter`), counted with the list's own predicate (`visitPredicate`), so the
 * list behind a number holds that number; 减少检查户次 sums the visits each saved. Two statements: the
 * groups and the 合计 row, over the summaries of the visits (`visit_cube`, `visit_item_cube`), whose
 * rows each stand for `n` visits.
 *
 * A visit counts in every group it belongs to: under each department of its task, each item it covers,
 * each category and follow-up among its published items. Counted per item, the rows are `visit_item`'s
 * (one per visit and item); per category or follow-up without an item, only a visit's first item of that
 * category or follow-up counts, so each visit counts once in its group.
 */
import { present } from '../../../invariant.js';
import { countsOf, visitFigureFilter, type InspectionListFilter, type StatDimension } from '@suiji/domain';
import { allOf, type Clause } from '../../../db/query.js';
import { takingPartSql, visitPredicate, weightOf, type VisitRow } from '../visit-predicates.js';
import type { FamilyComputer, FamilyCounts, FamilyQuery } from './family.js';
import { cutOffDay, grouped, keySql } from './facts.js';

/** The visits a request selects before any figure's own condition: its period, filters and scope. */
export function requestFilter(query: FamilyQuery): InspectionListFilter {
  const { filter, period } = query;
  return {
    drawnFrom: period.from,
    drawnTo: period.to,
    ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
    ...(filter.itemId ? { itemId: filter.itemId } : {}),
    ...(filter.region != null ? { region: filter.region } : {}),
    ...(filter.targetKind ? { targetKind: filter.targetKind } : {}),
    ...(filter.riskClass ? { riskClass: filter.riskClass } : {}),
  };
}

/** The caller's scope as a condition on a fact row with a `task_id`: none for every department. */
export function scopeSql(query: FamilyQuery, alias: string): Clause[] {
  return query.scope ? [takingPartSql(alias, query.scope)] : [];
}

async function count(query: FamilyQuery, groupBy: readonly StatDimension[]) {
  const onItem = groupBy.includes('ITEM') || query.filter.itemId != null;
  const category = groupBy.includes('CATEGORY');
  const followUp = groupBy.includes('FOLLOW_UP');
  const perItem = onItem || category || followUp;
  // The summaries, but for visits counted once per category and follow-up together, which asks about the
  // visit's other items: the fact rows.
  const table = !perItem ? 'visit_cube' : category && followUp && !onItem ? 'visit_item' : 'visit_item_cube';
  const row: VisitRow = perItem ? { alias: 'v', table, itemRow: onItem } : { alias: 'v', table };
  const weight = weightOf(row);
  const today = cutOffDay(query);
  const where: Clause[] = [visitPredicate(requestFilter(query), today, row), ...scopeSql(query, 'v')];
  if (!onItem) {
    // Each visit once per category or follow-up: its first item of it.
    if (category && followUp)
      where.push({
        sql: 'v.category is not null and not exists (select 1 from visit_item o where o.inspection_id = v.inspection_id and o.category = v.category and o.follow_up = v.follow_up and o.item_id < v.item_id)',
        params: [],
      });
    else if (category) where.push({ sql: 'v.first_of_category = true', params: [] });
    else if (followUp) where.push({ sql: 'v.first_of_follow_up = true', params: [] });
  } else if (category || followUp)
    where.push({ sql: `v.${category ? 'category' : 'follow_up'} is not null`, params: [] });
  const countParams: unknown[] = [];
  const counts: Record<string, string> = {};
  for (const code of countsOf('VISITS')) {
    if (code === 'visitsSaved') {
      counts[code] = 'coalesce(sum(v.saved), 0)';
      continue;
    }
    const predicate = visitPredicate(present(visitFigureFilter(code), `the filter of ${code}`), today, row);
    counts[code] = `coalesce(sum(case when ${predicate.sql} then ${weight} else 0 end), 0)`;
    countParams.push(...predicate.params);
  }
  const departments = groupBy.includes('DEPARTMENT');
  // Grouped by department under a department filter, only that department's row: the list behind it is
  // filtered by one department, and another's row would count only the tasks it shares with this one.
  if (departments && query.filter.departmentId)
    where.push({ sql: 'g.department_id = ?', params: [query.filter.departmentId] });
  return grouped(query, {
    keys: groupBy.map((dimension) =>
      dimension === 'DEPARTMENT' ? 'g.department_id' : keySql(dimension, 'v'),
    ),
    counts,
    countParams,
    from: `${row.table} v${departments ? ' join task_department g on g.task_id = v.task_id' : ''}`,
    where: allOf(where),
  });
}

export const visits: FamilyComputer = async (query): Promise<FamilyCounts> => {
  const rows = query.groupBy.length > 0 ? await count(query, query.groupBy) : [];
  const [total] = await count(query, []);
  return { rows, total: total?.counts ?? {} };
};
