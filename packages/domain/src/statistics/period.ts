/**
 * The period a statistics table covers: a year, a quarter, a month or a custom range of days, always as
 * China dates (YYYY-MM-DD, both ends included), with the previous period of the same length that the
 * dashboard's cards compare against.
 */
import { YEAR_MAX, YEAR_MIN } from '../limits.js';
import { text, type Text } from '../text.js';

export const PERIOD_KINDS = ['YEAR', 'QUARTER', 'MONTH', 'RANGE'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A custom range may span at most this many days (five years), which bounds every query's work. */
export const RANGE_MAX_DAYS = 1827;

export interface PeriodInput {
  readonly kind: PeriodKind;
  readonly year?: number | null;
  readonly quarter?: number | null;
  readonly month?: number | null;
  readonly from?: string | null;
  readonly to?: string | null;
}

export interface Period {
  readonly kind: PeriodKind;
  /** First and last day, included. */
  readonly from: string;
  readonly to: string;
  readonly label: Text;
}

export type PeriodResult =
  | { readonly ok: true; readonly period: Period }
  | { readonly ok: false; readonly field: string; readonly message: Text };

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Whether a text is a real day YYYY-MM-DD (2026-02-30 is not). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The day `days` after `day` (before it when negative), both YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How many days from `from` to `to` (YYYY-MM-DD each): 0 the same day, negative when `to` is past. */
export function daysUntil(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Days from one day to another, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

const bad = (field: string, message: Text): PeriodResult => ({ ok: false, field, message });

function checkYear(year: number): Text | null {
  if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX)
    return text(
      `The year ${year} is out of range: give a year from ${YEAR_MIN} to ${YEAR_MAX}.`,
      `年度 ${year} 超出范围：请给出 ${YEAR_MIN} 至 ${YEAR_MAX} 之间的年度。`,
    );
  return null;
}

/** The period an input names, or what is wrong with it. */
export function resolvePeriod(input: PeriodInput): PeriodResult {
  const { kind } = input;
  if (kind === 'RANGE') {
    const { from, to } = input;
    if (!from || !isDay(from))
      return bad(
        'from',
        text(
          `The range's first day "${from ?? ''}" is not a day: write YYYY-MM-DD.`,
          `起始日期“${from ?? ''}”无效：请写成 YYYY-MM-DD。`,
        ),
      );
    if (!to || !isDay(to))
      return bad(
        'to',
        text(
          `The range's last day "${to ?? ''}" is not a day: write YYYY-MM-DD.`,
          `截止日期“${to ?? ''}”无效：请写成 YYYY-MM-DD。`,
        ),
      );
    for (const [field, day] of [
      ['from', from],
      ['to', to],
    ] as const) {
      const problem = checkYear(Number(day.slice(0, 4)));
      if (problem) return bad(field, problem);
    }
    if (to < from)
      return bad(
        'to',
        text(
          `The range ends (${to}) before it starts (${from}): swap the two days.`,
          `截止日期（${to}）早于起始日期（${from}）：请交换两个日期。`,
        ),
      );
    if (daysBetween(from, to) > RANGE_MAX_DAYS)
      return bad(
        'to',
        text(
          `A range may span at most ${RANGE_MAX_DAYS} days (five years): shorten it.`,
          `自定义期间最长 ${RANGE_MAX_DAYS} 天（五年）：请缩短。`,
        ),
      );
    return { ok: true, period: { kind, from, to, label: text(`${from} to ${to}`, `${from} 至 ${to}`) } };
  }
  const year = input.year;
  if (year == null) return bad('year', text('Give the year.', '请给出年度。'));
  const yearProblem = checkYear(year);
  if (yearProblem) return bad('year', yearProblem);
  if (kind === 'YEAR')
    return {
      ok: true,
      period: { kind, from: `${year}-01-01`, to: `${year}-12-31`, label: text(`${year}`, `${year} 年`) },
    };
  if (kind === 'QUARTER') {
    const q = input.quarter;
    if (q == null || !Number.isInteger(q) || q < 1 || q > 4)
      return bad(
        'quarter',
        text(
          `The quarter ${q ?? '(none)'} is not one: give 1 to 4.`,
          `季度 ${q ?? '（未填）'} 无效：请给出 1 至 4。`,
        ),
      );
    const first = (q - 1) * 3 + 1;
    return {
      ok: true,
      period: {
        kind,
        from: `${year}-${pad(first)}-01`,
        to: lastDayOfMonth(year, first + 2),
        label: text(`${year} Q${q}`, `${year} 年第 ${q} 季度`),
      },
    };
  }
  const m = input.month;
  if (m == null || !Number.isInteger(m) || m < 1 || m > 12)
    return bad(
      'month',
      text(
        `The month ${m ?? '(none)'} is not one: give 1 to 12.`,
        `月份 ${m ?? '（未填）'} 无效：请给出 1 至 12。`,
      ),
    );
  return {
    ok: true,
    period: {
      kind,
      from: `${year}-${pad(m)}-01`,
      to: lastDayOfMonth(year, m),
      label: text(`${year}-${pad(m)}`, `${year} 年 ${m} 月`),
    },
  };
}

/**
 * The period just before: the previous year, quarter or month, or the range of as many days ending the day
 * before; null before the first year accepted.
 */
export function previousPeriod(period: Period): Period | null {
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7));
  const input: PeriodInput =
    period.kind === 'YEAR'
      ? { kind: 'YEAR', year: year - 1 }
      : period.kind === 'QUARTER'
        ? month === 1
          ? { kind: 'QUARTER', year: year - 1, quarter: 4 }
          : { kind: 'QUARTER', year, quarter: (month - 1) / 3 }
        : period.kind === 'MONTH'
          ? month === 1
            ? { kind: 'MONTH', year: year - 1, month: 12 }
            : { kind: 'MONTH', year, month: month - 1 }
          : {
              kind: 'RANGE',
              from: addDays(period.from, -daysBetween(period.from, period.to)),
              to: addDays(period.from, -1),
            };
  const result = resolvePeriod(input);
  return result.ok ? result.period : null;
}

/** The months (YYYY-MM) a period touches, in order: the rows of a time series. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    months.push(key);
    if (key >= last) return months;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** The quarter key (YYYY-Qn) of a day or a month: the key of a QUARTER row. */
export function quarterKey(dayOrMonth: string): string {
  return `${dayOrMonth.slice(0, 4)}-Q${Math.floor((Number(dayOrMonth.slice(5, 7)) - 1) / 3) + 1}`;
}
