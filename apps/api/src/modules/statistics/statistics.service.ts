/**
 * 统计分析: checks a request against the domain's rules, narrows it to the caller's scope, has the family's
 * query count in the database, and combines the counts into the domain's figures. The rows carry their
 * keys and the names people read; a time series by month has a row for every month of the period.
 */
import { signedInActor } from '../../graphql/policy.js';
import { present } from '../../invariant.js';
import {
  KPI_FIGURES,
  LABELS,
  applicableFilter,
  checkStatisticsRequest,
  combineFigures,
  figure,
  figuresOf,
  monthsOf,
  previousPeriod,
  text,
  type Period,
  type PeriodInput,
  type StatDimension,
  type StatFamily,
  type StatisticsFilter,
} from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { BadInputError, ForbiddenError } from '../../graphql/errors.js';
import { Category } from '../category/category.entity.js';
import { Department } from '../department/department.entity.js';
import { rootOf } from '../department/participation.js';
import { InspectionItem } from '../item/item.entity.js';
import { FAMILIES } from './families/index.js';
import type { FamilyCounts, FamilyQuery } from './families/family.js';
import type {
  StatisticsPeriod,
  StatisticsRow,
  StatisticsSummary,
  StatisticsTable,
} from './statistics.types.js';

/** A value's name among the domain's labels, or the value itself when it has none (a code from another version). */
const nameIn = (names: Readonly<Record<string, string>>, key: string): string => names[key] ?? key;

export interface TableRequest {
  family: StatFamily;
  groupBy: StatDimension[];
  period: PeriodInput;
  filter?: StatisticsFilter | null;
}

/**
 * The top-level departments whose records a signed-in caller's statistics count: their own department
 * (and the joint tasks it takes part in), or every department for administrators (null).
 */
export function callerScope(ctx: Context): readonly string[] | null {
  const actor = signedInActor(ctx);
  return actor.role === 'ADMIN' ? null : actor.departmentIds.slice(0, 1);
}

/**
 * The public's scope (一公开): every department. What the public reads of it is its own projection of
 * the figures (see `public-summary.ts`), never a table of its choosing.
 */
export const PUBLIC_SCOPE = null;

/** The checked query of a request, in a scope: by default the caller's. */
export async function prepare(
  ctx: Context,
  request: TableRequest,
  scope: readonly string[] | null = callerScope(ctx),
): Promise<FamilyQuery> {
  const checked = checkStatisticsRequest(request);
  if (!checked.ok) throw new BadInputError(checked.message, checked.field);
  let filter: StatisticsFilter = { ...checked.filter };
  if (filter.departmentId) {
    const exists = await ctx.em.count(Department, { id: filter.departmentId, deletedAt: null });
    if (!exists)
      throw new BadInputError(
        text(`Department ${filter.departmentId} does not exist.`, `部门 ${filter.departmentId} 不存在。`),
        'departmentId',
      );
    const root = await rootOf(ctx.em, filter.departmentId);
    if (scope && !scope.includes(root))
      throw new ForbiddenError(
        text(
          'You may see the statistics of your own department only: choose it, or no department.',
          '只能查看本部门的统计：请选择本部门，或不选部门。',
        ),
      );
    filter = { ...filter, departmentId: root };
  }
  return { ctx, period: checked.period, groupBy: request.groupBy, filter, scope, now: ctx.clock() };
}

/** The database's counts of a family for a checked query: its groups and the 合计 row. */
export async function familyCounts(query: FamilyQuery, family: StatFamily): Promise<FamilyCounts> {
  const compute = FAMILIES[family];
  if (!compute) throw new Error(`No query for the statistics family ${family}.`);
  return compute(query);
}

export function periodOut(ctx: Context, period: Period): StatisticsPeriod {
  return { kind: period.kind, from: period.from, to: period.to, label: period.label[ctx.locale] };
}

/** One table: the family's figures by the groups asked for, with the 合计 row. */
export async function statisticsTable(ctx: Context, request: TableRequest): Promise<StatisticsTable> {
  const query = await prepare(ctx, request);
  const counts = await familyCounts(query, request.family);
  const figures = figuresOf(request.family).map((f) => f.code);
  const valuesOf = (c: Readonly<Record<string, number | null>>) => {
    const row = combineFigures(request.family, c);
    return figures.map((code) => row[code] ?? null);
  };
  let rows = counts.rows;
  if (request.groupBy.length === 1 && request.groupBy[0] === 'MONTH') {
    const found = new Map(rows.map((r) => [r.keys[0] ?? '', r]));
    rows = monthsOf(query.period).map((month) => found.get(month) ?? { keys: [month], counts: {} });
  }
  const names = await keyNames(
    ctx,
    request.groupBy,
    rows.map((r) => r.keys),
  );
  const out: StatisticsRow[] = rows.map((r) => ({
    keys: [...r.keys],
    labels: r.keys.map((key, i) => names(present(request.groupBy[i], `dimension ${i}`), key)),
    values: valuesOf(r.counts),
  }));
  return {
    family: request.family,
    groupBy: request.groupBy,
    figures,
    period: periodOut(ctx, query.period),
    cutOff: query.now,
    rows: out,
    total: { keys: [], labels: [], values: valuesOf(counts.total) },
  };
}

/** The names people read for the keys of the grouped dimensions: one statement per dimension that needs names. */
export async function keyNames(
  ctx: Context,
  groupBy: readonly StatDimension[],
  keys: readonly (readonly string[])[],
): Promise<(dim: StatDimension, key: string) => string> {
  const labels = LABELS[ctx.locale];
  const named = new Map<string, string>();
  const idsOf = (dim: StatDimension) => [
    ...new Set(keys.map((k) => present(k[groupBy.indexOf(dim)], `the ${dim} key`))),
  ];
  if (groupBy.includes('DEPARTMENT'))
    for (const d of await ctx.em.find(
      Department,
      { id: { $in: idsOf('DEPARTMENT') } },
      { fields: ['id', 'name'] },
    ))
      named.set(`DEPARTMENT:${d.id}`, d.name);
  if (groupBy.includes('ITEM'))
    for (const i of await ctx.em.find(
      InspectionItem,
      { id: { $in: idsOf('ITEM') } },
      { fields: ['id', 'name'] },
    ))
      named.set(`ITEM:${i.id}`, i.name);
  if (groupBy.includes('CATEGORY'))
    for (const c of await ctx.em.find(
      Category,
      { code: { $in: idsOf('CATEGORY') } },
      { fields: ['code', 'nameZh', 'nameEn'] },
    ))
      named.set(`CATEGORY:${c.code}`, ctx.locale === 'zh-CN' ? c.nameZh : c.nameEn);
  const zh = ctx.locale === 'zh-CN';
  return (dim, key) => {
    const found = named.get(`${dim}:${key}`);
    if (found) return found;
    switch (dim) {
      case 'TARGET_KIND':
        return nameIn(labels.targetKind, key);
      case 'RISK_CLASS':
        return nameIn(labels.riskClass, key);
      case 'TARGET_STATUS':
        return nameIn(labels.targetStatus, key);
      case 'INSPECTOR_STATUS':
        return nameIn(labels.inspectorStatus, key);
      case 'FOLLOW_UP':
        return nameIn(labels.followUp, key);
      case 'CATEGORY':
        return nameIn(labels.resultCategory, key);
      case 'JOINT':
        return key === 'JOINT' ? (zh ? '跨部门' : 'Joint') : zh ? '本部门' : 'Own';
      case 'ORIGIN':
        return key === 'PLAN' ? (zh ? '年度计划' : 'Yearly plan') : zh ? '临时' : 'Ad hoc';
      default:
        return key;
    }
  };
}

/** The cards: each KPI figure over the period and the previous one. */
export async function statisticsSummary(
  ctx: Context,
  period: PeriodInput,
  filter: StatisticsFilter | null | undefined,
): Promise<StatisticsSummary> {
  const families = [...new Set(KPI_FIGURES.map((code) => present(figure(code), `figure ${code}`).family))];
  const current = await Promise.all(
    families.map(async (family) => {
      const query = await prepare(ctx, { family, groupBy: [], period, filter: applicable(family, filter) });
      return [family, query] as const;
    }),
  );
  const first = present(current[0], 'the first family’s figures')[1];
  const before = previousPeriod(first.period);
  const totals = new Map<StatFamily, [FamilyCounts['total'], FamilyCounts['total'] | null]>();
  for (const [family, query] of current) {
    const now = (await familyCounts(query, family)).total;
    const prev = before ? (await familyCounts({ ...query, period: before }, family)).total : null;
    totals.set(family, [now, prev]);
  }
  return {
    period: periodOut(ctx, first.period),
    previousPeriod: before ? periodOut(ctx, before) : null,
    cutOff: first.now,
    kpis: KPI_FIGURES.map((code) => {
      const def = present(figure(code), `figure ${code}`);
      const [now, prev] = present(totals.get(def.family), `the totals of ${def.family}`);
      const value = combineFigures(def.family, now)[code] ?? null;
      return {
        figure: code,
        value,
        numerator: def.numerator ? (now[def.numerator] ?? 0) : null,
        denominator: def.denominator ? (now[def.denominator] ?? 0) : null,
        previous: prev ? (combineFigures(def.family, prev)[code] ?? null) : null,
      };
    }),
  };
}

function applicable(family: StatFamily, filter: StatisticsFilter | null | undefined): StatisticsFilter {
  return filter ? applicableFilter(family, filter) : {};
}
