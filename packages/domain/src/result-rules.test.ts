import { describe, expect, it } from 'vitest';
import {
  isEnterable,
  missingItems,
  resultEntryProblems,
  reviewProblem,
  type ResultEntry,
} from './result-rules.js';

const entry: ResultEntry = {
  inspectedOn: '2026-12-01',
  methodsUsed: ['ON_SITE'],
  items: [
    { itemId: 'i1', category: 'NORMAL', findings: '' },
    { itemId: 'i2', category: 'NORMAL', findings: 'ok' },
  ],
};
const rules = (e: ResultEntry, context = {}) =>
  resultEntryProblems(e, { today: '2026-12-02', ...context }).map((p) => [p.rule, p.field, p.itemId]);

describe('a result entry', () => {
  it('may be entered while awaiting entry or sent back, not once entered or published', () => {
    expect(['PENDING_ENTRY', 'REJECTED', 'PENDING_REVIEW', 'PUBLISHED'].map(isEnterable)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('passes with a date from the draw to today, methods, and one categorised result per item', () => {
    expect(
      rules(entry, { drawnOn: '2026-11-30', itemIds: ['i1', 'i2'], categories: new Set(['NORMAL']) }),
    ).toEqual([]);
  });

  it('needs a real date, not before the draw and not in the future', () => {
    expect(rules({ ...entry, inspectedOn: '2026-13-01' })).toEqual([
      ['DATE_INVALID', 'inspectedOn', undefined],
    ]);
    expect(rules(entry, { drawnOn: '2026-12-02' })).toEqual([['DATE_BEFORE_DRAW', 'inspectedOn', undefined]]);
    expect(rules({ ...entry, inspectedOn: '2026-12-03' })).toEqual([
      ['DATE_IN_FUTURE', 'inspectedOn', undefined],
    ]);
  });

  it('needs methods, and per item a category the task may use and findings of bounded length', () => {
    expect(rules({ ...entry, methodsUsed: [] })).toEqual([['METHODS_REQUIRED', 'methodsUsed', undefined]]);
    const items = [
      { itemId: 'i1', category: '', findings: 'x'.repeat(2001) },
      { itemId: 'i2', category: 'OWN', findings: '' },
    ];
    expect(rules({ ...entry, items }, { categories: new Set(['NORMAL']) })).toEqual([
      ['CATEGORY_REQUIRED', 'items', 'i1'],
      ['FINDINGS_TOO_LONG', 'items', 'i1'],
      ['CATEGORY_NOT_ALLOWED', 'items', 'i2'],
    ]);
  });

  it('gives each item of the visit exactly one result, naming the items it lacks', () => {
    const twice = { ...entry, items: [entry.items[0]!, entry.items[0]!] };
    expect(rules(twice, { itemIds: ['i1', 'i2'] })).toEqual([
      ['ITEM_TWICE', 'items', 'i1'],
      ['ITEM_MISSING', 'items', undefined],
    ]);
    expect(rules(entry, { itemIds: ['i1'] })).toEqual([['ITEM_NOT_COVERED', 'items', 'i2']]);
    expect(missingItems(entry, ['i1', 'i3'])).toEqual(['i3']);
    const [missing] = resultEntryProblems(
      entry,
      { today: '2026-12-02', itemIds: ['i1', 'i2', 'i3'] },
      (id) => (id === 'i3' ? '矿产资源开发利用监督检查' : id),
    );
    expect(missing?.message['zh-CN']).toBe(
      '请为本次检查的每个事项填写结果；缺少：矿产资源开发利用监督检查。',
    );
  });
});

describe('a review', () => {
  it('rejects only with a comment', () => {
    expect(reviewProblem(true, '')).toBeNull();
    expect(reviewProblem(false, 'fix the date')).toBeNull();
    expect(reviewProblem(false, '  ')?.field).toBe('comment');
    expect(reviewProblem(false, null)?.message.en).toMatch(/Say why the result is rejected/);
  });
});
