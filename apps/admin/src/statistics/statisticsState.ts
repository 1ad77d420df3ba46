/**
 * What 统计分析 shows — the period, the filters, the table's family and grouping, the dimension of the
 * bar-and-line chart — kept in the page's address, so that the back button after following a number to its
 * list returns to the same figures, and a link to the page shows what its sender saw.
 */
import {
  FAMILY_DIMENSIONS,
  MAX_GROUP_BY,
  PERIOD_KINDS,
  STAT_FAMILIES,
  chinaDate,
  chinaQuarter,
  chinaYear,
  type PeriodInput,
  type PeriodKind,
  type StatDimension,
  type StatFamily,
  type StatisticsFilter,
} from '@suiji/domain';

/** The filters the page offers; the others of `StatisticsFilter` stay for the table's own dimensions. */
export type PageFilter = Pick<StatisticsFilter, 'departmentId' | 'itemId' | 'region'>;

/** The dimensions the bar-and-line chart can rank. */
export const CHART_DIMENSIONS = ['DEPARTMENT', 'REGION'] as const;
export type ChartDimension = (typeof CHART_DIMENSIONS)[number];

export interface StatisticsState {
  /** Every field of each kind, so that switching kinds keeps what was chosen before. */
  period: Required<{ [K in keyof PeriodInput]: NonNullable<PeriodInput[K]> }>;
  filter: PageFilter;
  family: StatFamily;
  groupBy: StatDimension[];
  by: ChartDimension;
}

const FILTER_KEYS = ['departmentId', 'itemId', 'region'] as const;

function integer(value: string | null, min: number, max: number, fallback: number): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** Up to two dimensions of the family, each once; the family's first when none of them is. */
export function groupingOf(family: StatFamily, wanted: readonly string[]): StatDimension[] {
  const allowed = FAMILY_DIMENSIONS[family];
  const kept = [...new Set(wanted)].filter((d): d is StatDimension =>
    (allowed as readonly string[]).includes(d),
  );
  return kept.length > 0 ? kept.slice(0, MAX_GROUP_BY) : allowed.slice(0, 1);
}

/**
 * The page's state from its address: what is missing or makes no sense falls back to this year (in China)
 * and the visits by department. Out-of-range years and ranges are kept as given, for `resolvePeriod` to
 * say what is wrong with them.
 */
export function readState(search: URLSearchParams, now: Date = new Date()): StatisticsState {
  const today = chinaDate(now);
  const year = chinaYear(now);
  const family = oneOf(STAT_FAMILIES, search.get('family'), 'VISITS');
  const filter: { -readonly [K in keyof PageFilter]: PageFilter[K] } = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key);
    if (value) filter[key] = value;
  }
  return {
    period: {
      kind: oneOf<PeriodKind>(PERIOD_KINDS, search.get('kind'), 'YEAR'),
      year: integer(search.get('year'), 1, 9999, year),
      quarter: integer(search.get('quarter'), 1, 4, chinaQuarter(now)),
      month: integer(search.get('month'), 1, 12, Number(today.slice(5, 7))),
      from: search.get('from') || `${today.slice(0, 7)}-01`,
      to: search.get('to') || today,
    },
    filter,
    family,
    groupBy: groupingOf(family, (search.get('groupBy') ?? '').split(',')),
    by: oneOf(CHART_DIMENSIONS, search.get('by'), 'DEPARTMENT'),
  };
}

/** The period as the API takes it: the fields of its kind only. */
export function periodInput(state: StatisticsState): PeriodInput {
  const { kind, year, quarter, month, from, to } = state.period;
  if (kind === 'RANGE') return { kind, from, to };
  if (kind === 'QUARTER') return { kind, year, quarter };
  if (kind === 'MONTH') return { kind, year, month };
  return { kind, year };
}

/** The address of a state: only what it needs, the period's fields of its kind. */
export function writeState(state: StatisticsState): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(periodInput(state))) search.set(key, String(value));
  for (const key of FILTER_KEYS) {
    const value = state.filter[key];
    if (value) search.set(key, value);
  }
  search.set('family', state.family);
  search.set('groupBy', state.groupBy.join(','));
  search.set('by', state.by);
  return search;
}
