/**
 * China's one time zone, China Standard Time (UTC+8, no daylight saving). Every date rule — what day it
 * is, the day a draw ran, whether a certificate is valid today, deadlines, the year and quarter a page
 * opens on — reads an instant's date there, in the API and the dashboard alike, whatever the time zone
 * of the server or of the browser. Dates are YYYY-MM-DD text, as the API stores them.
 */

/** The IANA name of China Standard Time, for formatting instants (`Intl.DateTimeFormat`'s `timeZone`). */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const OFFSET_MS = 8 * 3600_000;

/** The wall-clock time in China of an instant, as ISO text without a zone: YYYY-MM-DDTHH:mm:ss.sss. */
function wallClock(instant: Date | number): string {
  return new Date(new Date(instant).getTime() + OFFSET_MS).toISOString().slice(0, 23);
}

/** The date (YYYY-MM-DD) in China of an instant: 2026-03-01T16:30Z is already 2026-03-02 there. */
export function chinaDate(instant: Date | number): string {
  return wallClock(instant).slice(0, 10);
}

/** Today's date (YYYY-MM-DD) in China. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDate(now);
}

/** The year it is in China. */
export function chinaYear(now: Date = new Date()): number {
  return Number(chinaDate(now).slice(0, 4));
}

/** The quarter (1–4) it is in China. */
export function chinaQuarter(now: Date = new Date()): number {
  return Math.floor((Number(chinaDate(now).slice(5, 7)) - 1) / 3) + 1;
}

/** An instant as a date and time in China to the minute, YYYY-MM-DDTHH:mm (a datetime-local input's value). */
export function chinaDateTime(instant: Date | number): string {
  return wallClock(instant).slice(0, 16);
}

/** The instant of a date and time in China given as YYYY-MM-DDTHH:mm (or with seconds). */
export function fromChinaDateTime(local: string): Date {
  return new Date(`${local}+08:00`);
}

/**
 * How every page shows an instant: its date in China, YYYY-MM-DD, with the time to the minute when asked
 * (YYYY-MM-DD HH:mm) — the form the stored dates already have, in both languages.
 */
export function formatChinaTime(instant: Date | number | string, withTime = false): string {
  const wall = wallClock(typeof instant === 'string' ? Date.parse(instant) : instant);
  return withTime ? `${wall.slice(0, 10)} ${wall.slice(11, 16)}` : wall.slice(0, 10);
}
