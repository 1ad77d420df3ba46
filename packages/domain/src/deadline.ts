/**
 * 公示时限: results are published within 20 working days after the inspection ends, counted on the
 * Chinese calendar — statutory holidays skipped, adjusted working days (调休) counted. The calendar
 * comes from `chinese-days`, which holds the State Council's published arrangements; for a year it does
 * not yet hold, only weekends are skipped.
 */
import chineseDays from 'chinese-days';
import { chinaToday } from './china-time.js';

/** Working days allowed for publication, by default. */
export const PUBLICATION_WORKING_DAYS = 20;

/** Deadlines already counted: a list shows many inspections of few tasks, and counting takes ~50 µs. */
const deadlines = new Map<string, string>();

/** The last day (YYYY-MM-DD) to publish the results of an inspection that ended on `endedOn`. */
export function publicationDeadline(endedOn: string, workingDays = PUBLICATION_WORKING_DAYS): string {
  const key = `${endedOn}/${workingDays}`;
  let deadline = deadlines.get(key);
  if (deadline === undefined) {
    if (deadlines.size >= 10_000) deadlines.clear();
    deadline = chineseDays.findWorkday(workingDays, endedOn);
    deadlines.set(key, deadline);
  }
  return deadline;
}

/** Whether a result not yet published at `now` has passed its deadline, the day being China's. */
export function isOverdue(deadline: string, now: Date, published: boolean): boolean {
  return !published && chinaToday(now) > deadline;
}

/** Whether a day (YYYY-MM-DD) is a working day on the Chinese calendar. */
export function isWorkingDay(day: string): boolean {
  return chineseDays.isWorkday(day);
}
