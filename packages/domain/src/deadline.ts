/**
 * 公示时限: results are published within 20 working days after the inspection ends, counted on the
 * Chinese calendar — statutory holidays skipped, adjusted working days (调休) counted. The one basis for
 * every count: an inspection ends with its task's window (检查时间's last day), so every visit of a task
 * shares one deadline, known from the draw on — before any result is entered, which is what makes an
 * unentered visit overdue. The calendar comes from `chinese-days`, which holds the State Council's
 * published arrangements; for a year it does not yet hold, only weekends are skipped.
 */
import chineseDays from 'chinese-days';
import { chinaToday } from './china-time.js';

/** Working days allowed for publication, by default. */
export const PUBLICATION_WORKING_DAYS = 20;

/** Deadlines already counted: a list shows many inspections of few tasks, and counting takes ~50 µs. */
const deadlines = new Map<string, string>();

/**
 * The last day (YYYY-MM-DD) to publish the results of a task's inspections, whose window ends on
 * `windowEnd` (the task's `windowEnd`, never a visit's own day).
 */
export function publicationDeadline(windowEnd: string, workingDays = PUBLICATION_WORKING_DAYS): string {
  const key = `${windowEnd}/${workingDays}`;
  let deadline = deadlines.get(key);
  if (deadline === undefined) {
    if (deadlines.size >= 10_000) deadlines.clear();
    deadline = chineseDays.findWorkday(workingDays, windowEnd);
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

/**
 * Working days from `from` to `to` on the Chinese calendar (YYYY-MM-DD each), as a to-do list counts what is
 * left: the working days after `from` up to and including `to`; 0 when `to` is `from`; negative, the working
 * days past, when `to` is before. Counted day by day, at most `limit` of them (a year and a half).
 */
export function workingDaysUntil(from: string, to: string, limit = 550): number {
  const step = to >= from ? 1 : -1;
  let count = 0;
  let day = from;
  for (let n = 0; day !== to && n < limit; n++) {
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + step * 86_400_000).toISOString().slice(0, 10);
    // Going forward a day counts if it is a working day; going back, the day left behind.
    if (isWorkingDay(step > 0 ? next : day)) count += step;
    day = next;
  }
  return count;
}
