/**
 * What a result entry (检查结果录入) and a review (审核) must contain. The API refuses an entry or a review
 * that breaks them; the dashboard's dialogs check the same rules before asking. A visit has one date and
 * one set of methods; each item it covers has exactly one result, with a category and findings of bounded
 * length.
 */
import type { ResultState } from './glossary.js';
import { MAX_LENGTH } from './limits.js';
import { isIsoDate } from './registry-rules.js';
import { text, type Text } from './text.js';

/** States in which a team member may (re-)enter the result: not yet entered, or sent back by the review. */
export const ENTERABLE_STATES = ['PENDING_ENTRY', 'REJECTED'] as const satisfies readonly ResultState[];

/** Whether a result in this state may be (re-)entered. */
export function isEnterable(state: string): boolean {
  return (ENTERABLE_STATES as readonly string[]).includes(state);
}

/** The result of one item, as entered. */
export interface ItemResultEntry {
  readonly itemId: string;
  /** A result category's code; '' until chosen. */
  readonly category: string;
  readonly findings: string;
}

/** A visit's result, as entered. */
export interface ResultEntry {
  /** YYYY-MM-DD, China's calendar. */
  readonly inspectedOn: string;
  readonly methodsUsed: readonly string[];
  readonly items: readonly ItemResultEntry[];
}

/** What the rules know of the visit besides the entry. */
export interface ResultContext {
  /** Today in China (`chinaToday`). */
  readonly today: string;
  /** The day the draw ran, in China; an inspection cannot precede it. Unknown to a form: left out. */
  readonly drawnOn?: string;
  /** The items the visit covers; each needs exactly one result. Left out: the entry's own items. */
  readonly itemIds?: readonly string[];
  /** The result categories the task may use; left out: not checked. */
  readonly categories?: ReadonlySet<string>;
}

export type ResultRule =
  | 'DATE_INVALID'
  | 'DATE_BEFORE_DRAW'
  | 'DATE_IN_FUTURE'
  | 'METHODS_REQUIRED'
  | 'ITEM_TWICE'
  | 'ITEM_NOT_COVERED'
  | 'ITEM_MISSING'
  | 'CATEGORY_REQUIRED'
  | 'CATEGORY_NOT_ALLOWED'
  | 'FINDINGS_TOO_LONG';

/** A broken rule: where (`inspectedOn`, `methodsUsed`, or `items` with the item), and what to do. */
export interface ResultProblem {
  readonly rule: ResultRule;
  readonly field: 'inspectedOn' | 'methodsUsed' | 'items';
  readonly itemId?: string;
  readonly message: Text;
}

/** The items of the visit the entry gives no result for. */
export function missingItems(entry: ResultEntry, itemIds: readonly string[]): string[] {
  const given = new Set(entry.items.map((i) => i.itemId));
  return itemIds.filter((id) => !given.has(id));
}

/**
 * Every problem of an entry, the visit's fields first, then item by item. `itemName` names the items the
 * messages mention (their ids otherwise).
 */
export function resultEntryProblems(
  entry: ResultEntry,
  context: ResultContext,
  itemName: (itemId: string) => string = (id) => id,
): ResultProblem[] {
  const problems: ResultProblem[] = [];
  const date = entry.inspectedOn;
  if (!isIsoDate(date))
    problems.push({
      rule: 'DATE_INVALID',
      field: 'inspectedOn',
      message: text(
        `"${date}" is not a date: write YYYY-MM-DD.`,
        `“${date}”不是有效日期：请按 YYYY-MM-DD 填写。`,
      ),
    });
  else if (context.drawnOn !== undefined && date < context.drawnOn)
    problems.push({
      rule: 'DATE_BEFORE_DRAW',
      field: 'inspectedOn',
      message: text(
        `The inspection cannot precede the draw of ${context.drawnOn}.`,
        `检查日期不能早于摇号日期 ${context.drawnOn}。`,
      ),
    });
  else if (date > context.today)
    problems.push({
      rule: 'DATE_IN_FUTURE',
      field: 'inspectedOn',
      message: text('The inspection date is in the future.', '检查日期晚于今天。'),
    });
  if (entry.methodsUsed.length === 0)
    problems.push({
      rule: 'METHODS_REQUIRED',
      field: 'methodsUsed',
      message: text('Choose the inspection methods used.', '请选择所用的检查方式。'),
    });
  const covered = context.itemIds ?? entry.items.map((i) => i.itemId);
  const seen = new Set<string>();
  for (const item of entry.items) {
    const name = itemName(item.itemId);
    if (seen.has(item.itemId))
      problems.push({
        rule: 'ITEM_TWICE',
        field: 'items',
        itemId: item.itemId,
        message: text(
          `Item ${name} has two results: give one per item.`,
          `事项 ${name} 有两个结果：每个事项只填一个。`,
        ),
      });
    seen.add(item.itemId);
    if (!covered.includes(item.itemId))
      problems.push({
        rule: 'ITEM_NOT_COVERED',
        field: 'items',
        itemId: item.itemId,
        message: text(`Item ${name} is not covered by this inspection.`, `事项 ${name} 不在本次检查范围内。`),
      });
    if (!item.category)
      problems.push({
        rule: 'CATEGORY_REQUIRED',
        field: 'items',
        itemId: item.itemId,
        message: text(`Choose the result category of ${name}.`, `请选择“${name}”的检查结果类别。`),
      });
    else if (context.categories && !context.categories.has(item.category))
      problems.push({
        rule: 'CATEGORY_NOT_ALLOWED',
        field: 'items',
        itemId: item.itemId,
        message: text(
          `"${item.category}" is not a result category this task may use: choose a standard category or one of its departments' own.`,
          `“${item.category}”不是本任务可用的检查结果类别：请选择标准类别或参与部门自定义的类别。`,
        ),
      });
    if (item.findings.length > MAX_LENGTH.text)
      problems.push({
        rule: 'FINDINGS_TOO_LONG',
        field: 'items',
        itemId: item.itemId,
        message: text(
          `The findings of ${name} are longer than ${MAX_LENGTH.text} characters: shorten them.`,
          `“${name}”的检查情况超过 ${MAX_LENGTH.text} 个字符：请精简。`,
        ),
      });
  }
  const missing = missingItems(entry, covered);
  if (missing.length > 0) {
    const names = missing.map(itemName);
    problems.push({
      rule: 'ITEM_MISSING',
      field: 'items',
      message: text(
        `Give a result for every item of the visit; missing: ${names.join(', ')}.`,
        `请为本次检查的每个事项填写结果；缺少：${names.join('、')}。`,
      ),
    });
  }
  return problems;
}

/** A review's problem: rejecting needs a comment (the team corrects the result by it); null when fine. */
export function reviewProblem(
  approve: boolean,
  comment: string | null | undefined,
): ResultProblemOfReview | null {
  if (approve || comment?.trim()) return null;
  return {
    field: 'comment',
    message: text(
      'Say why the result is rejected, so the team can correct it.',
      '请说明不通过的理由，以便检查组修改。',
    ),
  };
}

export interface ResultProblemOfReview {
  readonly field: 'comment';
  readonly message: Text;
}
