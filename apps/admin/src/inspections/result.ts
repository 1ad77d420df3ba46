/**
 * The result of an inspection as the dialogs edit it, and the rules they check before asking the API. A visit
 * has one date and one set of methods; each item it covers has its own category, findings and follow-up.
 */
import {
  FOLLOW_UPS,
  INSPECTION_METHODS,
  resultEntryProblems,
  reviewProblem,
  type FollowUp,
  type InspectionMethod,
  type ResultRule,
} from '@suiji/domain';
import type { ResultInput, ReviewInput } from '../providers/dataProvider';

/** The result for one item of the visit. */
export interface ItemDraft {
  itemId: string;
  /** A result category's code; '' until chosen. */
  category: string;
  findings: string;
  followUp: string;
}

export interface ResultDraft {
  /** YYYY-MM-DD */
  inspectedOn: string;
  methodsUsed: string[];
  /** One per item of the visit, in the visit's order. */
  items: ItemDraft[];
}

/** A result category's names, as the API gives them (`ResultCategory`, `ItemResult.categoryInfo`). */
export interface CategoryNames {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** What was entered before, as the API gives it (`Inspection`). */
export interface PreviousResult {
  itemIds?: readonly string[] | null;
  methodsUsed?: readonly string[] | null;
  inspectedOn?: string | null;
  results?: readonly {
    itemId: string;
    category: string;
    findings?: string | null;
    followUp?: string | null;
  }[];
}

/** A draft from what was entered before (a rejected result is corrected, not retyped). */
export function draftOf(previous: PreviousResult, today: string): ResultDraft {
  const byItem = new Map((previous.results ?? []).map((result) => [result.itemId, result]));
  return {
    inspectedOn: previous.inspectedOn ?? today,
    methodsUsed: [...(previous.methodsUsed ?? [])],
    items: (previous.itemIds ?? []).map((itemId) => {
      const before = byItem.get(itemId);
      return {
        itemId,
        category: before?.category ?? '',
        findings: before?.findings ?? '',
        followUp: before?.followUp ?? 'NONE',
      };
    }),
  };
}

/**
 * Where a problem of a draft is: `inspectedOn`, `methodsUsed`, or `<itemId>.category` and
 * `<itemId>.findings` for an item's result.
 */
export type ResultProblems = Partial<Record<string, string>>;

/** The key of a problem with one field of an item's result. */
export const itemProblemKey = (itemId: string, field: 'category' | 'findings') => `${itemId}.${field}`;

/** How the form words each rule the domain checks (`resultEntryProblems`): a translation key. */
const PROBLEM_KEYS: Record<ResultRule, string> = {
  DATE_INVALID: 'ra.validation.required',
  DATE_BEFORE_DRAW: 'suiji.result.before_draw',
  DATE_IN_FUTURE: 'suiji.result.future',
  METHODS_REQUIRED: 'suiji.result.methods_required',
  ITEM_TWICE: 'suiji.result.item_twice',
  ITEM_NOT_COVERED: 'suiji.result.item_not_covered',
  ITEM_MISSING: 'suiji.result.item_missing',
  CATEGORY_REQUIRED: 'ra.validation.required',
  CATEGORY_NOT_ALLOWED: 'suiji.result.category_not_allowed',
  FINDINGS_TOO_LONG: 'suiji.result.too_long',
};

/**
 * Translation keys of what is wrong with a draft, by field (the domain's rules, as the API applies them);
 * empty when it may be sent.
 */
export function resultProblems(draft: ResultDraft, today: string): ResultProblems {
  const problems: ResultProblems = {};
  for (const problem of resultEntryProblems(draft, { today })) {
    const key =
      problem.itemId === undefined
        ? problem.field
        : itemProblemKey(problem.itemId, problem.rule === 'FINDINGS_TOO_LONG' ? 'findings' : 'category');
    problems[key] ??= PROBLEM_KEYS[problem.rule];
  }
  return problems;
}

const isMethod = (value: string): value is InspectionMethod =>
  (INSPECTION_METHODS as readonly string[]).includes(value);
const isFollowUp = (value: string): value is FollowUp => (FOLLOW_UPS as readonly string[]).includes(value);

/**
 * The API's input for a draft typed against the result as it was when the form opened (`enteredAtSeen`:
 * its enteredAt then, null when not entered before), so that the API refuses it if the result was entered
 * again since rather than overwrite that entry.
 */
export function toResultInput(
  inspectionId: string,
  draft: ResultDraft,
  enteredAtSeen?: string | null,
): ResultInput {
  return {
    inspectionId,
    ...(enteredAtSeen !== undefined ? { enteredAtSeen } : {}),
    inspectedOn: draft.inspectedOn,
    methodsUsed: [...new Set(draft.methodsUsed)].filter(isMethod),
    items: draft.items.map((item) => ({
      itemId: item.itemId,
      category: item.category,
      findings: item.findings.trim(),
      followUp: isFollowUp(item.followUp) ? item.followUp : 'NONE',
    })),
  };
}

/**
 * Whether the result the API now holds is this draft, as sent: how an answer lost on the way back (the
 * connection dropped after the API wrote it) is told from an entry that never arrived.
 */
export function holdsDraft(entered: PreviousResult & { state: string }, draft: ResultDraft): boolean {
  if (entered.state !== 'PENDING_REVIEW') return false;
  const held = toResultInput('', draftOf(entered, draft.inspectedOn));
  const sent = toResultInput('', draft);
  return (
    held.inspectedOn === sent.inspectedOn &&
    [...held.methodsUsed].sort().join() === [...sent.methodsUsed].sort().join() &&
    JSON.stringify(held.items) === JSON.stringify(sent.items)
  );
}

/** A category's name in the reader's language: English where it has one, Chinese otherwise. */
export function categoryName(category: CategoryNames | null | undefined, locale: string): string {
  if (!category) return '';
  const name = locale === 'en' ? category.nameEn || category.nameZh : category.nameZh;
  return name || category.code;
}

/**
 * Categories as the entry dialog offers them: the standard ones first, then the departments' own, each in
 * the order the API gave.
 */
export function groupCategories<C extends { standard: boolean }>(
  categories: readonly C[],
): { standard: C[]; own: C[] } {
  return {
    standard: categories.filter((c) => c.standard),
    own: categories.filter((c) => !c.standard),
  };
}

/** A review: approving publishes; rejecting sends the result back and needs a comment (null: not yet). */
export function toReviewInput(inspectionId: string, approve: boolean, comment: string): ReviewInput | null {
  if (reviewProblem(approve, comment)) return null;
  const trimmed = comment.trim();
  return trimmed ? { inspectionId, approve, comment: trimmed } : { inspectionId, approve };
}
