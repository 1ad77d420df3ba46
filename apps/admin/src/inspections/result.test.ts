import { describe, expect, it } from 'vitest';
import { draftOf, localToday, resultProblems, toResultInput, toReviewInput } from './result';

describe('result entry', () => {
  const today = '2026-05-10';

  it('starts from the previous entry, or from today and no follow-up', () => {
    expect(draftOf({}, today)).toEqual({
      category: '',
      findings: '',
      methodsUsed: [],
      inspectedOn: today,
      followUp: 'NONE',
    });
    expect(
      draftOf({ resultCategory: 'NO_PROBLEM', methodsUsed: ['ON_SITE'], inspectedOn: '2026-05-01' }, today),
    ).toMatchObject({ category: 'NO_PROBLEM', methodsUsed: ['ON_SITE'], inspectedOn: '2026-05-01' });
  });

  it('requires a category, a method and a date not in the future', () => {
    const draft = draftOf({}, today);
    expect(Object.keys(resultProblems(draft, today)).sort()).toEqual(['category', 'methodsUsed']);
    const ready = { ...draft, category: 'NO_PROBLEM', methodsUsed: ['ON_SITE', 'ON_SITE'] };
    expect(resultProblems(ready, today)).toEqual({});
    expect(resultProblems({ ...ready, inspectedOn: '2026-05-11' }, today)).toEqual({
      inspectedOn: 'suiji.result.future',
    });
    expect(toResultInput('i1', { ...ready, findings: '  ok ' })).toEqual({
      inspectionId: 'i1',
      category: 'NO_PROBLEM',
      findings: 'ok',
      methodsUsed: ['ON_SITE'],
      inspectedOn: today,
      followUp: 'NONE',
    });
  });

  it('formats today as YYYY-MM-DD', () => {
    expect(localToday(new Date(2026, 0, 5))).toBe('2026-01-05');
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
