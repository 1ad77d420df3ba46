import { useRef, useState } from 'react';
import type { InspectionRecordFields } from '../draws/drawTypes';
import { draftOf, type ResultDraft } from './result';
import { discardDraft, draftKey, loadDraft, saveDraft, type DraftBasis } from './resultDraft';

/**
 * The result being typed into the entry dialog, kept on the device as it is typed (resultDraft.ts): `start`
 * when the dialog opens (offering a draft kept from an earlier try), `change` on each edit, `discard` to
 * start over, `clear` once the result has arrived. Drafts are the signed-in user's: none is read or kept
 * before the user is known (`userId` null).
 */
export function useResultDraft(inspection: InspectionRecordFields, userId: string | null, today: string) {
  const [draft, setDraft] = useState<ResultDraft | null>(null);
  const [restoredAt, setRestoredAt] = useState<Date | null>(null);
  // The round of entry the dialog was opened on, fixed until it closes: a refetch of the record meanwhile
  // (coming back from the camera refetches it) must not file the draft under another round.
  const opened = useRef<DraftBasis | null>(null);
  const key = userId ? draftKey(userId, String(inspection.id)) : null;

  return {
    draft,
    restoredAt,
    start: () => {
      const basis = { state: inspection.state, enteredAt: inspection.enteredAt ?? null };
      opened.current = basis;
      const kept = key ? loadDraft(localStorage, key, basis, inspection.itemIds) : null;
      setDraft(kept?.draft ?? draftOf(inspection, today));
      setRestoredAt(kept?.savedAt ?? null);
    },
    change: (next: ResultDraft) => {
      setDraft(next);
      if (key && opened.current) saveDraft(localStorage, key, opened.current, next);
    },
    discard: () => {
      if (key) discardDraft(localStorage, key);
      setDraft(draftOf(inspection, today));
      setRestoredAt(null);
    },
    clear: () => {
      if (key) discardDraft(localStorage, key);
    },
    /** When the result was last entered as the dialog opened: the entry's guard against a change meanwhile. */
    enteredAtOpened: () => opened.current?.enteredAt ?? null,
  };
}
