/** The result of an inspection as the dialogs edit it, and the rules they check before asking the API. */
import { MAX_LENGTH } from '@suiji/domain';
import type { ResultInput, ReviewInput } from '../providers/dataProvider';

/** States in which a team member may (re-)enter the result. */
export const ENTERABLE_STATES: readonly string[] = ['PENDING_ENTRY', 'REJECTED'];

export interface ResultDraft {
  category: string;
  findings: string;
  methodsUsed: string[];
  /** YYYY-MM-DD */
  inspectedOn: string;
  followUp: string;
}

/** Today in the reader's time zone, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A draft from what was entered before (a rejected result is corrected, not retyped). */
export function draftOf(
  previous: {
    resultCategory?: string | null;
    findings?: string | null;
    methodsUsed?: readonly string[] | null;
    inspectedOn?: string | null;
    followUp?: string | null;
  },
  today: string,
): ResultDraft {
  return {
    category: previous.resultCategory ?? '',
    findings: previous.findings ?? '',
    methodsUsed: [...(previous.methodsUsed ?? [])],
    inspectedOn: previous.inspectedOn ?? today,
    followUp: previous.followUp ?? 'NONE',
  };
}

/** Translation keys of what is wrong with a draft, by field; empty when it may be sent. */
export function resultProblems(
  draft: ResultDraft,
  today: string,
): Partial<Record<keyof ResultDraft, string>> {
  const problems: Partial<Record<keyof ResultDraft, string>> = {};
  if (!draft.category) problems.category = 'ra.validation.required';
  if (draft.methodsUsed.length === 0) problems.methodsUsed = 'suiji.result.methods_required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.inspectedOn)) problems.inspectedOn = 'ra.validation.required';
  else if (draft.inspectedOn > today) problems.inspectedOn = 'suiji.result.future';
  if (draft.findings.length > MAX_LENGTH.text) problems.findings = 'suiji.result.too_long';
  return problems;
}

export function toResultInput(inspectionId: string, draft: ResultDraft): ResultInput {
  return {
    inspectionId,
    category: draft.category,
    findings: draft.findings.trim(),
    methodsUsed: [...new Set(draft.methodsUsed)],
    inspectedOn: draft.inspectedOn,
    followUp: draft.followUp || 'NONE',
  };
}

/** A review: approving publishes; rejecting sends the result back and needs a comment (null: not yet). */
export function toReviewInput(inspectionId: string, approve: boolean, comment: string): ReviewInput | null {
  const trimmed = comment.trim();
  if (!approve && !trimmed) return null;
  return trimmed ? { inspectionId, approve, comment: trimmed } : { inspectionId, approve };
}
