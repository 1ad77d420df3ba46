/**
 * COVERAGE (覆盖率): distinct targets with a result entered for a visit drawn in the period ÷ active
 * targets of the registry.
 *
 * The numerator never counts distinct values at request time: `coverage_fact` has a row per entered
 * visit and per set it counts in (every department or one; any item or one), with the day of the same
 * target's previous entered visit in that set. A target is counted by its first row in a range — the row
 * whose predecessor lies before the range — so the count is a plain count over an index, and a target
 * counts in the region, kind and risk class of that first visit as it was drawn. A month or quarter row's
 * range is that month or quarter (within the period).
 *
 * The denominator is the registry now: active targets of the region, kind and risk class asked for and,
 * for an item, of its target type (as the draw decides that an item applies to a target) — the registry
 * is every department's, so a department's coverage sets its targets against the whole registry asked
 * for. Five statements at most: the groups and 合计 of each side, and the items' target types. The rows
 * are counted from their summaries, `coverage_cube` (each of its rows stands for `n` of `coverage_fact`)
 * and `target_cube` (for `n` live targets).
 */
import { present } from '../../../invariant.js';
import { monthsOf, quarterKey, type StatDimension } from '@suiji/domain';
import { allOf, placeholders, type Clause } from '../../../db/query.js';
import { selectRows as rows } from '../../../db/sql.js';
import { appliesTo } from '../../target/target-pool.js';
import { quarterSql } from '../visit-facts.js';
import type { FamilyComputer, FamilyQuery, FamilyRow } from './family.js';
import { grouped, joinRows, keySql } from './facts.js';

const TARGET_DIMENSIONS: readonly StatDimension[] = ['REGION', 'TARGET_KIND', 'RISK_CLASS'];
const TARGET_COLUMN: Partial<Record<StatDimension, string>> = {
  REGION: 't.region',
  TARGET_KIND: 't.kind',
  RISK_CLASS: 't.risk_class',
};

/** The department set of the caller's rows: the filter's department, the caller's, or every one (''). */
function departmentKey(query: FamilyQuery): string {
  if (query.filter.departmentId) return query.filter.departmentId;
  if (!query.scope) return '';
  if (query.scope.length !== 1)
    throw new Error('Coverage is kept per top-level department: a scope is one department.');
  return present(query.scope[0], 'the scope’s department');
}

async function inspected(query: FamilyQuery, groupBy: readonly StatDimension[]): Promise<FamilyRow[]> {
  const { filter, period } = query;
  const key = departmentKey(query);
  const where: Clause[] = [
    groupBy.includes('DEPARTMENT') && key === ''
      ? { sql: "c.department_key <> ''", params: [] }
      : { sql: 'c.department_key = ?', params: [key] },
    groupBy.includes('ITEM')
      ? { sql: "c.item_key <> ''", params: [] }
      : { sql: 'c.item_key = ?', params: [filter.itemId ?? ''] },
    { sql: 'c.drawn_on >= ? and c.drawn_on <= ?', params: [period.from, period.to] },
  ];
  // First in its group's range: the period, or its month or quarter within it.
  const first = groupBy.includes('MONTH')
    ? 'or substr(c.prev_on, 1, 7) < substr(c.drawn_on, 1, 7)'
    : groupBy.includes('QUARTER')
      ? `or ${quarterSql('c.prev_on')} < ${quarterSql('c.drawn_on')}`
      : '';
  where.push({ sql: `c.prev_on is null or c.prev_on < ? ${first}`, params: [period.from] });
  if (filter.region != null) where.push({ sql: 'c.region = ?', params: [filter.region] });
  if (filter.targetKind) where.push({ sql: 'c.target_kind = ?', params: [filter.targetKind] });
  if (filter.riskClass) where.push({ sql: 'c.risk_class = ?', params: [filter.riskClass] });
  return grouped(query, {
    keys: groupBy.map((d) =>
      d === 'ITEM' ? 'c.item_key' : d === 'DEPARTMENT' ? 'c.department_key' : keySql(d, 'c'),
    ),
    counts: { inspectedTargets: 'coalesce(sum(c.n), 0)' },
    from: 'coverage_cube c',
    where: allOf(where),
  });
}

/**
 * Active targets now (from `target_cube`: live targets), grouped by the target dimensions given, and for each item given those of its type
 * (as the draw decides that an item applies to a target), named by the item's id.
 */
async function active(
  query: FamilyQuery,
  dimensions: readonly StatDimension[],
  items: readonly { id: string; targetType: string }[] | null,
): Promise<FamilyRow[]> {
  const { filter } = query;
  const where: Clause[] = [{ sql: "t.status = 'ACTIVE'", params: [] }];
  if (filter.region != null) where.push({ sql: 't.region = ?', params: [filter.region] });
  if (filter.targetKind) where.push({ sql: 't.kind = ?', params: [filter.targetKind] });
  if (filter.riskClass) where.push({ sql: 't.risk_class = ?', params: [filter.riskClass] });
  // Each item's count under a name of our own (item0, item1, …), named by the item's id once read.
  const counts: Record<string, string> = { activeTargets: 'sum(t.n)' };
  const countParams: unknown[] = [];
  (items ?? []).forEach((item, i) => {
    const applies = appliesTo(item);
    counts[`item${i}`] = `sum(case when ${applies.sql} then t.n else 0 end)`;
    countParams.push(...applies.params);
  });
  const found = await grouped(query, {
    keys: dimensions.map((d) => present(TARGET_COLUMN[d], `the target column of ${d}`)),
    counts,
    countParams,
    from: 'target_cube t',
    where: allOf(where),
  });
  return found.map((row) => ({
    keys: row.keys,
    counts: {
      activeTargets: row.counts.activeTargets ?? 0,
      ...Object.fromEntries((items ?? []).map((item, i) => [item.id, row.counts[`item${i}`] ?? 0])),
    },
  }));
}

export const coverage: FamilyComputer = async (query) => {
  const { groupBy, filter } = query;
  const byItem = groupBy.includes('ITEM');
  const numerator = groupBy.length > 0 ? await inspected(query, groupBy) : [];
  const [numeratorTotal] = await inspected(query, []);
  const itemIds = [
    ...new Set([
      ...(byItem ? numerator.map((r) => present(r.keys[groupBy.indexOf('ITEM')], 'the item key')) : []),
      ...(filter.itemId ? [filter.itemId] : []),
    ]),
  ];
  const items =
    itemIds.length > 0
      ? (
          await rows<{ id: string; target_type: string }>(
            query.ctx.em,
            `select id, target_type from inspection_item where id in (${placeholders(itemIds)})`,
            itemIds,
          )
        ).map((i) => ({ id: i.id, targetType: i.target_type }))
      : [];
  const onItem = (id: string) => items.filter((i) => i.id === id);
  const countOf = (row: FamilyRow | undefined, itemId: string | null) =>
    (itemId ? row?.counts[itemId] : row?.counts.activeTargets) ?? 0;

  const targetDims = groupBy.filter((d) => TARGET_DIMENSIONS.includes(d));
  const rowItem = (keys: readonly string[]) =>
    byItem ? present(keys[groupBy.indexOf('ITEM')], 'the item key') : (filter.itemId ?? null);
  const itemsCounted = byItem ? items : filter.itemId ? onItem(filter.itemId) : null;
  const denominators = targetDims.length > 0 || byItem ? await active(query, targetDims, itemsCounted) : [];
  const [total] = await active(query, [], filter.itemId ? onItem(filter.itemId) : null);
  const targetKeys = (keys: readonly string[]) =>
    JSON.stringify(targetDims.map((d) => keys[groupBy.indexOf(d)]));
  const denominatorOf = new Map(denominators.map((r) => [JSON.stringify(r.keys), r]));
  const denominator = (keys: readonly string[]) =>
    targetDims.length > 0 || byItem ? denominatorOf.get(targetKeys(keys)) : total;

  // A time series has a row for every month or quarter of the period, each over the registry now.
  const [time] = groupBy;
  if (groupBy.length === 1 && (time === 'MONTH' || time === 'QUARTER'))
    for (const month of monthsOf(query.period)) {
      const key = time === 'MONTH' ? month : quarterKey(month);
      if (!numerator.some((r) => r.keys[0] === key))
        numerator.push({ keys: [key], counts: { inspectedTargets: 0 } });
    }
  const out: FamilyRow[] = numerator.map((r) => ({
    keys: r.keys,
    counts: {
      inspectedTargets: r.counts.inspectedTargets ?? 0,
      activeTargets: countOf(denominator(r.keys), rowItem(r.keys)),
    },
  }));
  // Grouped by the registry's own dimensions, groups with targets and none inspected show too.
  if (targetDims.length > 0 && targetDims.length === groupBy.length)
    for (const d of denominators)
      if (!numerator.some((r) => JSON.stringify(r.keys) === JSON.stringify(d.keys)))
        out.push({
          keys: d.keys,
          counts: { inspectedTargets: 0, activeTargets: countOf(d, filter.itemId ?? null) },
        });
  return {
    rows: joinRows(out),
    total: {
      inspectedTargets: numeratorTotal?.counts.inspectedTargets ?? 0,
      activeTargets: countOf(total, filter.itemId ?? null),
    },
  };
};
