import { describe, expect, it } from 'vitest';
import type { ResultDraft } from './result';
import {
  DRAFT_KEPT_DAYS,
  discardAllDrafts,
  discardDraft,
  draftKey,
  loadDraft,
  saveDraft,
  type DraftStore,
} from './resultDraft';

function memory(): DraftStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const draft: ResultDraft = {
  inspectedOn: '2026-11-30',
  methodsUsed: ['ON_SITE'],
  items: [
    { itemId: 'a', category: 'NORMAL', findings: '现场核查无异常', followUp: 'NONE' },
    { itemId: 'b', category: '', findings: '', followUp: 'NONE' },
  ],
};
const pending = { state: 'PENDING_ENTRY', enteredAt: null };
const key = draftKey('user-1', 'insp-1');
const NOW = Date.parse('2026-12-01T08:00:00Z');

describe('result drafts on the device', () => {
  it('come back as they were typed, for the same user, visit and round of entry', () => {
    const store = memory();
    expect(saveDraft(store, key, pending, draft, NOW)).toBe(true);
    expect(loadDraft(store, key, pending, ['a', 'b'], NOW + 60_000)).toEqual({
      draft,
      savedAt: new Date(NOW),
    });
    expect(loadDraft(store, draftKey('user-2', 'insp-1'), pending, ['a', 'b'], NOW)).toBeNull();
    discardDraft(store, key);
    expect(loadDraft(store, key, pending, ['a', 'b'], NOW)).toBeNull();
  });

  it('are not offered for another round of entry, other items, or once stale, and are then removed', () => {
    const store = memory();
    saveDraft(store, key, pending, draft, NOW);
    // Entered meanwhile and sent back: the correction starts from what was entered, not this draft.
    expect(
      loadDraft(store, key, { state: 'REJECTED', enteredAt: '2026-11-30T10:00:00Z' }, ['a', 'b'], NOW),
    ).toBeNull();
    expect(store.map.size).toBe(0);
    saveDraft(store, key, pending, draft, NOW);
    expect(loadDraft(store, key, pending, ['b', 'a'], NOW)).toBeNull();
    saveDraft(store, key, pending, draft, NOW);
    expect(loadDraft(store, key, pending, ['a', 'b'], NOW + DRAFT_KEPT_DAYS * 86_400_000)).toBeNull();
    expect(store.map.size).toBe(0);
  });

  it('ignore an unreadable or malformed entry, and a store that refuses', () => {
    const store = memory();
    store.setItem(key, '{not json');
    expect(loadDraft(store, key, pending, ['a', 'b'], NOW)).toBeNull();
    store.setItem(
      key,
      JSON.stringify({ basis: 'PENDING_ENTRY|', savedAt: NOW, draft: { ...draft, methodsUsed: [1] } }),
    );
    expect(loadDraft(store, key, pending, ['a', 'b'], NOW)).toBeNull();
    expect(store.map.size).toBe(0);
    const full: DraftStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(saveDraft(full, key, pending, draft, NOW)).toBe(false);
    expect(loadDraft(full, key, pending, ['a', 'b'], NOW)).toBeNull();
    expect(() => discardDraft(full, key)).not.toThrow();
  });

  it('are all forgotten on signing out, and nothing else is', () => {
    const map = new Map<string, string>([
      [draftKey('u1', 'a'), '{}'],
      [draftKey('u2', 'b'), '{}'],
      ['suiji.session', '{}'],
    ]);
    const storage = {
      get length() {
        return map.size;
      },
      key: (i: number) => [...map.keys()][i] ?? null,
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
      clear: () => map.clear(),
    } satisfies Storage;
    discardAllDrafts(storage);
    expect([...map.keys()]).toEqual(['suiji.session']);
  });
});
