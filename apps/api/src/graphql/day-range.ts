/**
 * A filter's range of days, checked before any query: each end given is a day (YYYY-MM-DD), and the
 * range does not end before it starts. `what` names the range in the message ("The period").
 */
import { isIsoDate, text, type Text } from '@suiji/domain';
import { BadInputError } from './errors.js';

export function checkDayRange<F extends string>(
  filter: Partial<Record<F, string | null | undefined>>,
  from: F,
  to: F,
  what: Text,
): void {
  for (const field of [from, to]) {
    const day = filter[field];
    if (day && !isIsoDate(day))
      throw new BadInputError(
        text(`"${day}" is not a day: write YYYY-MM-DD.`, `“${day}”不是有效日期：请按 YYYY-MM-DD 填写。`),
        field,
      );
  }
  const first = filter[from];
  const last = filter[to];
  if (first && last && last < first)
    throw new BadInputError(
      text(
        `${what.en} ends (${last}) before it starts (${first}): swap the two days.`,
        `截止日期（${last}）早于起始日期（${first}）：请交换两个日期。`,
      ),
      to,
    );
}
