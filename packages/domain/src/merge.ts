/**
 * Merging tasks of several departments into one joint task (进一次门、查多项事): which quarter a task falls
 * in, the visits a draw is expected to make, and how the merged task's scope filters are formed.
 */
import { RISK_CLASSES, type RiskClass } from './glossary.js';
import { quota } from './draw/targets.js';

export type PerClass = Partial<Record<RiskClass, number>>;

/** The quarters of a year, as the first and last day (YYYY-MM-DD) of each. */
export function quarterBounds(year: number, quarter: number): [string, string] {
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  const first = String(1 + 3 * (quarter - 1)).padStart(2, '0');
  return [`${year}-${first}-01`, `${year}-${ends[quarter - 1] ?? '12-31'}`];
}

/** The quarter (1–4) a window from `start` to `end` (YYYY-MM-DD) lies within, or null when it spans quarters. */
export function quarterOf(start: string, end: string): number | null {
  const quarter = Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1;
  const [from, to] = quarterBounds(Number(start.slice(0, 4)), quarter);
  return start >= from && end <= to ? quarter : null;
}

/**
 * The visits a draw is expected to make: for each risk class, the draw's quota
 * `ceil(pool × ratio / 10000)` (spec §4), summed. A class without a ratio makes no visit.
 */
export function expectedVisits(pool: PerClass, ratios: PerClass): number {
  return RISK_CLASSES.reduce((sum, c) => sum + quota(pool[c] ?? 0, ratios[c] ?? 0), 0);
}

/** The highest ratio per class: a merged task inspects at least as much as each task it replaces. */
export function highestRatios(ratios: readonly PerClass[]): PerClass {
  const result: PerClass = {};
  for (const c of RISK_CLASSES) {
    const given = ratios.map((r) => r[c]).filter((v): v is number => v !== undefined);
    if (given.length > 0) result[c] = Math.max(...given);
  }
  return result;
}

/**
 * A scope filter of a merged task: every value of every task's filter, where an empty filter means
 * "any" — so when any task leaves it empty, the merged one does too, and covers every task's pool.
 */
export function unionFilter<T extends string>(filters: readonly (readonly T[])[]): T[] {
  if (filters.some((f) => f.length === 0)) return [];
  return [...new Set(filters.flat())];
}
