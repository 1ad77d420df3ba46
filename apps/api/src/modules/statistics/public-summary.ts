/**
 * 一公开: the statistics anyone reads without signing in — per department and year, visits drawn (应检查),
 * results published (已公示), those with a problem and the problem rate (问题发现率), and on-time publication
 * (公示及时率). The figures are the domain's (`PUBLIC_FIGURES` of `FIGURES`), counted by the signed-in
 * statistics' own query of the VISITS family in the public scope (every department): grouped in the
 * database by department and quarter, a constant number of statements, and a year is its quarters
 * added up (each visit is drawn in one quarter, and these figures count visits). As in every statistics
 * table, sub-units roll up into their department and a joint task's visit counts under each department
 * taking part, and once in the 合计 row. Only counts leave: no visit, person or unpublished result.
 */
import {
  PUBLIC_FIGURES,
  chinaYear,
  combineFigures,
  publicStatisticsYears,
  yearsPeriod,
  type PublicFigure,
} from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { BadInputError } from '../../graphql/errors.js';
import type { FamilyCounts } from './families/family.js';
import type {
  PublicStatistics,
  PublicStatisticsFigures,
  PublicStatisticsFilter,
  PublicStatisticsRow,
} from './public-summary.types.js';
import { PUBLIC_SCOPE, familyCounts, keyNames, prepare } from './statistics.service.js';

/** The field of the public figures that carries each figure of the domain. */
const FIELDS: Readonly<Record<PublicFigure, keyof PublicStatisticsFigures>> = {
  due: 'drawn',
  published: 'published',
  problem: 'problems',
  problemRate: 'problemRate',
  onTime: 'onTime',
  onTimeRate: 'onTimeRate',
};

type Counts = FamilyCounts['total'];

/** The public figures of some counts, combined as the domain combines the VISITS figures. */
function publicFigures(counts: Counts): PublicStatisticsFigures {
  const combined = combineFigures('VISITS', counts);
  const out = {} as Record<keyof PublicStatisticsFigures, number | null>;
  for (const code of PUBLIC_FIGURES) out[FIELDS[code]] = combined[code] ?? null;
  // Counts are never null (`combineFigures` gives 0 for a missing one); rates are null over nothing.
  return out as PublicStatisticsFigures;
}

/** The public statistics of a year (or the latest years) and a department (or every one). */
export async function publicStatistics(
  ctx: Context,
  filter: PublicStatisticsFilter | null | undefined,
): Promise<PublicStatistics> {
  const years = publicStatisticsYears(filter?.year, chinaYear(ctx.clock()));
  if (!years.ok) throw new BadInputError(years.message, years.field);
  const query = await prepare(
    ctx,
    {
      family: 'VISITS',
      groupBy: ['DEPARTMENT', 'QUARTER'],
      period: yearsPeriod(years.fromYear, years.toYear),
      filter: filter?.departmentId ? { departmentId: filter.departmentId } : null,
    },
    PUBLIC_SCOPE,
  );
  const counts = await familyCounts(query, 'VISITS');
  const byYear = new Map<string, { departmentId: string; year: number; counts: Record<string, number> }>();
  for (const { keys, counts: quarter } of counts.rows) {
    const [departmentId = '', quarterKey = ''] = keys;
    const year = Number(quarterKey.slice(0, 4));
    const key = `${departmentId}|${year}`;
    const found = byYear.get(key) ?? { departmentId, year, counts: {} };
    for (const [code, n] of Object.entries(quarter))
      found.counts[code] = (found.counts[code] ?? 0) + (n ?? 0);
    byYear.set(key, found);
  }
  const groups = [...byYear.values()];
  const names = await keyNames(
    ctx,
    ['DEPARTMENT'],
    groups.map((g) => [g.departmentId]),
  );
  const order = new Intl.Collator('zh-CN');
  const rows: PublicStatisticsRow[] = groups
    .map((g) => ({
      departmentId: g.departmentId,
      departmentName: names('DEPARTMENT', g.departmentId),
      year: g.year,
      ...publicFigures(g.counts),
    }))
    .sort(
      (a, b) =>
        order.compare(a.departmentName, b.departmentName) ||
        (a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : 0) ||
        b.year - a.year,
    );
  return {
    fromYear: years.fromYear,
    toYear: years.toYear,
    cutOff: query.now,
    rows,
    total: publicFigures(counts.total),
  };
}
