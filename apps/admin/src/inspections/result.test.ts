import { describe, expect, it } from 'vitest';
import {
  categoryName,
  draftOf,
  groupCategories,
  holdsDraft,
  itemProblemKey,
  resultProblems,
  toResultInput,
  toReviewInput,
} from './result';

describe('result entry', () => {
  const today = '2026-05-10';

  it('starts with one empty result per item of the visit, today and no follow-up', () => {
    expect(draftOf({ itemIds: ['a', 'b'] }, today)).toEqual({
      inspectedOn: today,
      methodsUsed: [],
      items: [
        { itemId: 'a', category: '', findings: '', followUp: 'NONE' },
        { itemId: 'b', category: '', findings: '', followUp: 'NONE' },
      ],
    });
  });

  it('starts a corrected entry from the previous one, item by item', () => {
    const draft = draftOf(
      {
        itemIds: ['a', 'b'],
        methodsUsed: ['ON_SITE'],
        inspectedOn: '2026-05-01',
        results: [
          { itemId: 'b', category: 'PROBLEM_CORRECTED', findings: '已改正', followUp: 'ORDERED_TO_CORRECT' },
          { itemId: 'a', category: 'NO_PROBLEM', findings: null, followUp: 'NONE' },
        ],
      },
      today,
    );
    expect(draft).toEqual({
      inspectedOn: '2026-05-01',
      methodsUsed: ['ON_SITE'],
      items: [
        { itemId: 'a', category: 'NO_PROBLEM', findings: '', followUp: 'NONE' },
        { itemId: 'b', category: 'PROBLEM_CORRECTED', findings: '已改正', followUp: 'ORDERED_TO_CORRECT' },
      ],
    });
  });

  it('requires a category for every item, a method and a date not in the future', () => {
    const draft = draftOf({ itemIds: ['a', 'b'] }, today);
    expect(Object.keys(resultProblems(draft, today)).sort()).toEqual(
      [itemProblemKey('a', 'category'), itemProblemKey('b', 'category'), 'methodsUsed'].sort(),
    );
    const ready = {
      ...draft,
      methodsUsed: ['ON_SITE', 'ON_SITE'],
      items: draft.items.map((item) => ({ ...item, category: 'NO_PROBLEM' })),
    };
    expect(resultProblems(ready, today)).toEqual({});
    expect(resultProblems({ ...ready, inspectedOn: '2026-05-11' }, today)).toEqual({
      inspectedOn: 'suiji.result.future',
    });
    const long = { ...ready.items[1]!, findings: 'x'.repeat(100_000) };
    expect(resultProblems({ ...ready, items: [ready.items[0]!, long] }, today)).toEqual({
      [itemProblemKey('b', 'findings')]: 'suiji.result.too_long',
    });
  });

  it('sends the visit once and a trimmed result per item', () => {
    const draft = {
      inspectedOn: today,
      methodsUsed: ['ON_SITE', 'DOCUMENT', 'ON_SITE'],
      items: [
        { itemId: 'a', category: 'NO_PROBLEM', findings: '  ok ', followUp: '' },
        { itemId: 'b', category: 'LAND_NOT_RECLAIMED', findings: '未复垦', followUp: 'CASE_FILED' },
      ],
    };
    expect(toResultInput('i1', draft)).toEqual({
      inspectionId: 'i1',
      inspectedOn: today,
      methodsUsed: ['ON_SITE', 'DOCUMENT'],
      items: [
        { itemId: 'a', category: 'NO_PROBLEM', findings: 'ok', followUp: 'NONE' },
        { itemId: 'b', category: 'LAND_NOT_RECLAIMED', findings: '未复垦', followUp: 'CASE_FILED' },
      ],
    });
    // Typed against an earlier entry, it says which, for the API to refuse it if entered again since.
    expect(toResultInput('i1', draft, '2026-05-09T02:00:00.000Z').enteredAtSeen).toBe(
      '2026-05-09T02:00:00.000Z',
    );
    expect(toResultInput('i1', draft, null).enteredAtSeen).toBeNull();
  });

  it('tells a result the API holds as sent from another (an answer lost on the way back)', () => {
    const draft = {
      inspectedOn: today,
      methodsUsed: ['ON_SITE'],
      items: [{ itemId: 'a', category: 'NO_PROBLEM', findings: ' ok', followUp: 'NONE' }],
    };
    const held = {
      state: 'PENDING_REVIEW',
      itemIds: ['a'],
      inspectedOn: today,
      methodsUsed: ['ON_SITE'],
      results: [{ itemId: 'a', category: 'NO_PROBLEM', findings: 'ok', followUp: 'NONE' }],
    };
    expect(holdsDraft(held, draft)).toBe(true);
    expect(holdsDraft({ ...held, state: 'PENDING_ENTRY' }, draft)).toBe(false);
    expect(
      holdsDraft(
        { ...held, results: [{ itemId: 'a', category: 'NO_PROBLEM', findings: '另一人录入' }] },
        draft,
      ),
    ).toBe(false);
  });
});

describe('result categories', () => {
  const own = { code: 'LAND_NOT_RECLAIMED', nameZh: '未履行土地复垦义务', nameEn: '', standard: false };
  const standard = { code: 'NO_PROBLEM', nameZh: '未发现问题', nameEn: 'No problem found', standard: true };

  it('are named in the reader’s language, in Chinese where there is no English name', () => {
    expect(categoryName(standard, 'zh-CN')).toBe('未发现问题');
    expect(categoryName(standard, 'en')).toBe('No problem found');
    expect(categoryName(own, 'en')).toBe('未履行土地复垦义务');
    expect(categoryName(null, 'en')).toBe('');
  });

  it('are offered standard ones first, then the departments’ own', () => {
    expect(groupCategories([own, standard])).toEqual({ standard: [standard], own: [own] });
  });
});

describe('result review', () => {
  it('rejects only with a comment', () => {
    expect(toReviewInput('i1', false, '  ')).toBeNull();
    expect(toReviewInput('i1', false, ' 缺少照片 ')).toEqual({
      inspectionId: 'i1',
      approve: false,
      comment: '缺少照片',
    });
    expect(toReviewInput('i1', true, '')).toEqual({ inspectionId: 'i1', approve: true });
  });
});
