/**
 * The statistics the public portal publishes (一公开): per department and year, the VISITS figures that
 * are counts of visits drawn and of published results — nothing about a result before it is published, no
 * person. The figures are those of `FIGURES`, computed by the same query as the signed-in tables, over
 * every department.
 */
import { YEAR_MIN } from '../limits.js';
import { text, type Text } from '../text.js';
import type { FigureCode } from './figures.js';
import type { PeriodInput } from './period.js';

/** The figures of the public summary, in the order its table shows them (all of the VISITS family). */
export const PUBLIC_FIGURES = [
  'due',
  'published',
  'problem',
  'problemRate',
  'onTime',
  'onTimeRate',
] as const satisfies readonly FigureCode[];
export type PublicFigure = (typeof PUBLIC_FIGURES)[number];

/** The years the public summary covers without a year asked for: the latest ones, to the current year. */
export const PUBLIC_STATISTICS_YEARS = 5;

export type PublicYears =
  | { readonly ok: true; readonly fromYear: number; readonly toYear: number }
  | { readonly ok: false; readonly field: string; readonly message: Text };

/**
 * The years of a public summary: the one asked for, from the first year accepted to the current year (China
 * time), or else the latest `PUBLIC_STATISTICS_YEARS` of them; or what is wrong with the year.
 */
export function publicStatisticsYears(year: number | null | undefined, currentYear: number): PublicYears {
  if (year == null)
    return {
      ok: true,
      fromYear: Math.max(YEAR_MIN, currentYear - PUBLIC_STATISTICS_YEARS + 1),
      toYear: currentYear,
    };
  if (!Number.isInteger(year) || year < YEAR_MIN || year > currentYear)
    return {
      ok: false,
      field: 'year',
      message: text(
        `The year ${year} has no statistics: give a year from ${YEAR_MIN} to ${currentYear}, or none for the latest ${PUBLIC_STATISTICS_YEARS} years.`,
        `年度 ${year} 没有统计数据：请给出 ${YEAR_MIN} 至 ${currentYear} 之间的年度，或不选年度以查看最近 ${PUBLIC_STATISTICS_YEARS} 年。`,
      ),
    };
  return { ok: true, fromYear: year, toYear: year };
}

/** The statistics period of some whole years: the year itself, or the range of days from first to last. */
export function yearsPeriod(fromYear: number, toYear: number): PeriodInput {
  return fromYear === toYear
    ? { kind: 'YEAR', year: fromYear }
    : { kind: 'RANGE', from: `${fromYear}-01-01`, to: `${toYear}-12-31` };
}
