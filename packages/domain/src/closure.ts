/**
 * Closing a follow-up (后续处置完结): a published result that found a problem is followed up (ordered to
 * correct, case filed, transferred…) until a coordinator records how it ended, once. The closure rate
 * (完结率 = closed follow-ups ÷ results with a problem) counts these.
 */
import { chinaToday } from './china-time.js';
import type { ClosureOutcome, ResultState } from './glossary.js';
import { isIsoDate } from './registry-rules.js';
import { text, type Text } from './text.js';

/** What the rule needs to know of one item's result and its visit. */
export interface FollowUpToClose {
  /** The state of the visit's result. */
  readonly state: ResultState;
  /** Whether the item's result category counts as a problem found. */
  readonly problem: boolean;
  /** The day of the inspection (YYYY-MM-DD), once entered. */
  readonly inspectedOn: string | null;
  /** The day the follow-up was closed, if it already was. */
  readonly closedOn: string | null;
}

/** How a follow-up ended, as a coordinator records it. */
export interface Closure {
  /** The day it ended (YYYY-MM-DD). */
  readonly closedOn: string;
  readonly outcome: ClosureOutcome;
  readonly note?: string | null;
}

/** Why a follow-up cannot be closed (as asked). */
export type ClosureRefusal =
  | 'NOT_PUBLISHED'
  | 'NO_PROBLEM'
  | 'ALREADY_CLOSED'
  | 'NOT_A_DATE'
  | 'BEFORE_INSPECTION'
  | 'IN_THE_FUTURE'
  | 'NOTE_REQUIRED';

export interface ClosureProblem {
  readonly code: ClosureRefusal;
  /** The field of the closure at fault, or null when the result itself cannot be closed. */
  readonly field: 'closedOn' | 'note' | null;
  /** What is wrong and how to put it right. */
  readonly message: Text;
}

const FIELDS: Partial<Record<ClosureRefusal, ClosureProblem['field']>> = {
  NOT_A_DATE: 'closedOn',
  BEFORE_INSPECTION: 'closedOn',
  IN_THE_FUTURE: 'closedOn',
  NOTE_REQUIRED: 'note',
};

const refusal = (code: ClosureRefusal, message: Text): ClosureProblem => ({
  code,
  field: FIELDS[code] ?? null,
  message,
});

/**
 * Why the follow-up of `result` may not be closed as `closure` says at `now` (the day being China's), or
 * null when it may. Without `closure`, whether it may be closed at all (to offer the action): only a
 * published result's problem has a follow-up to close, and only once; the closing day is a real date,
 * not before the inspection and not after today; an outcome of "other" says what it was in the note.
 */
export function closableFollowUp(
  result: FollowUpToClose,
  closure?: Closure,
  now: Date = new Date(),
): ClosureProblem | null {
  if (result.closedOn !== null)
    return refusal(
      'ALREADY_CLOSED',
      text(
        `This follow-up was already closed on ${result.closedOn}; a closure is recorded once and does not change.`,
        `该后续处置已于 ${result.closedOn} 完结；完结只登记一次，不能修改。`,
      ),
    );
  if (result.state !== 'PUBLISHED')
    return refusal(
      'NOT_PUBLISHED',
      text(
        'This result is not published yet: a follow-up is closed only once its result is published (公示).',
        '该结果尚未公示：结果公示后方可登记后续处置完结。',
      ),
    );
  if (!result.problem)
    return refusal(
      'NO_PROBLEM',
      text(
        'This item found no problem, so it has no follow-up to close.',
        '该事项未发现问题，没有需要完结的后续处置。',
      ),
    );
  if (closure === undefined) return null;
  const { closedOn } = closure;
  if (!isIsoDate(closedOn))
    return refusal(
      'NOT_A_DATE',
      text(
        `"${closedOn}" is not a date: write YYYY-MM-DD.`,
        `“${closedOn}”不是有效日期：请按 YYYY-MM-DD 填写。`,
      ),
    );
  if (result.inspectedOn !== null && closedOn < result.inspectedOn)
    return refusal(
      'BEFORE_INSPECTION',
      text(
        `The follow-up cannot close before the inspection of ${result.inspectedOn}: give a later day.`,
        `完结日期不能早于检查日期 ${result.inspectedOn}：请填写之后的日期。`,
      ),
    );
  const today = chinaToday(now);
  if (closedOn > today)
    return refusal(
      'IN_THE_FUTURE',
      text(
        `The closing day ${closedOn} is after today (${today}): record a closure once it has happened.`,
        `完结日期 ${closedOn} 晚于今天（${today}）：请在完结之后再登记。`,
      ),
    );
  if (closure.outcome === 'OTHER' && !closure.note?.trim())
    return refusal(
      'NOTE_REQUIRED',
      text('Say in the note how the follow-up ended.', '结果为“其他”时，请在备注中说明处置结果。'),
    );
  return null;
}
