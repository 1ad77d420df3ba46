/**
 * The result being entered, kept on the device while it is typed: in the field the connection drops, the
 * page reloads or the phone locks, and the inspector must not type it again. A draft belongs to one user and
 * one visit, and to one round of entry: it is offered again only while the visit is still in the state it
 * was typed in (a draft typed before a rejection is not offered for the correction), with the same items.
 * It is removed once the result is submitted, and forgotten after DRAFT_KEPT_DAYS.
 */
import type { ItemDraft, ResultDraft } from './result';

/** What the browser's localStorage offers; tests pass a map. */
export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A draft untouched this long is stale: the visit's deadline has long passed by then. */
export const DRAFT_KEPT_DAYS = 30;
const DAY_MS = 86_400_000;

/** Which round of entry a draft belongs to: the visit's state and when its result was last entered. */
export interface DraftBasis {
  state: string;
  enteredAt?: string | null;
}

interface StoredDraft {
  basis: string;
  savedAt: number;
  draft: ResultDraft;
}

const PREFIX = 'suiji.resultDraft.';

export const draftKey = (userId: string, inspectionId: string) => `${PREFIX}${userId}.${inspectionId}`;

/**
 * Forgets every draft kept on the device: on signing out, so that findings typed on a shared phone do not
 * stay on it (a session that merely expired keeps them: its user signs in again and goes on).
 */
export function discardAllDrafts(store: Storage): void {
  try {
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
      (k): k is string => k?.startsWith(PREFIX) === true,
    );
    for (const k of keys) store.removeItem(k);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

const basisText = (basis: DraftBasis) => `${basis.state}|${basis.enteredAt ?? ''}`;

/** Keeps the draft; false when the browser refused (storage full or disabled): the form still works. */
export function saveDraft(
  store: DraftStore,
  key: string,
  basis: DraftBasis,
  draft: ResultDraft,
  now = Date.now(),
): boolean {
  const stored: StoredDraft = { basis: basisText(basis), savedAt: now, draft };
  try {
    store.setItem(key, JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

export function discardDraft(store: DraftStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // Storage disabled: there is nothing to remove.
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';

function itemDraftOf(value: unknown): ItemDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const { itemId, category, findings, followUp } = value as Record<string, unknown>;
  if (!isString(itemId) || !isString(category) || !isString(findings) || !isString(followUp)) return null;
  return { itemId, category, findings, followUp };
}

/** The stored draft's contents when they are well formed; anything else (an old or edited entry) is null. */
function resultDraftOf(value: unknown): ResultDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const { inspectedOn, methodsUsed, items } = value as Record<string, unknown>;
  if (!isString(inspectedOn) || !Array.isArray(methodsUsed) || !Array.isArray(items)) return null;
  if (!methodsUsed.every(isString)) return null;
  const drafts = items.map(itemDraftOf);
  if (drafts.some((d) => d === null)) return null;
  return { inspectedOn, methodsUsed, items: drafts as ItemDraft[] };
}

/**
 * The draft kept for this round of entry, with when it was saved; null when there is none, or it belongs
 * to another round, covers other items, is stale or unreadable (such an entry is removed).
 */
export function loadDraft(
  store: DraftStore,
  key: string,
  basis: DraftBasis,
  itemIds: readonly string[],
  now = Date.now(),
): { draft: ResultDraft; savedAt: Date } | null {
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  const stored = parsed as Partial<StoredDraft> | null;
  const draft = resultDraftOf(stored?.draft);
  const savedAt = typeof stored?.savedAt === 'number' ? stored.savedAt : NaN;
  const sameItems =
    draft !== null &&
    draft.items.length === itemIds.length &&
    draft.items.every((item, i) => item.itemId === itemIds[i]);
  if (
    !draft ||
    !sameItems ||
    stored?.basis !== basisText(basis) ||
    !(now - savedAt < DRAFT_KEPT_DAYS * DAY_MS)
  ) {
    discardDraft(store, key);
    return null;
  }
  return { draft, savedAt: new Date(savedAt) };
}
