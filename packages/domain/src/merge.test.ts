import { describe, expect, it } from 'vitest';
import { expectedVisits, highestRatios, quarterBounds, quarterOf, unionFilter } from './merge.js';

describe('merging tasks', () => {
  it('places a window in the quarter it lies within, and no quarter when it spans two', () => {
    expect(quarterBounds(2026, 1)).toEqual(['2026-01-01', '2026-03-31']);
    expect(quarterBounds(2026, 4)).toEqual(['2026-10-01', '2026-12-31']);
    expect(quarterOf('2026-04-01', '2026-06-30')).toBe(2);
    expect(quarterOf('2026-12-01', '2026-12-20')).toBe(4);
    expect(quarterOf('2026-03-20', '2026-04-10')).toBeNull();
  });

  it('expects the draw’s quota of visits per risk class: ceil(pool × ratio / 10000)', () => {
    expect(expectedVisits({ A: 100, B: 15 }, { A: 100, B: 1000, C: 3000 })).toBe(1 + 2);
    expect(expectedVisits({ A: 10 }, {})).toBe(0);
  });

  it('saves visits when one joint draw covers the targets two tasks share', () => {
    const ratios = highestRatios([
      { A: 1000, B: 1000 },
      { A: 500, B: 2000 },
    ]);
    expect(ratios).toEqual({ A: 1000, B: 2000 });
    const separate =
      expectedVisits({ A: 30, B: 10 }, { A: 1000, B: 1000 }) +
      expectedVisits({ A: 30, B: 10 }, { A: 500, B: 2000 });
    expect(separate).toBe(3 + 1 + 2 + 2);
    expect(expectedVisits({ A: 30, B: 10 }, ratios)).toBe(3 + 2);
  });

  it('keeps a filter empty ("any") when any task leaves it empty, and unites the values otherwise', () => {
    expect(unionFilter([['尚店镇'], []])).toEqual([]);
    expect(
      unionFilter([
        ['尚店镇', '杨庄乡'],
        ['杨庄乡', '八台镇'],
      ]),
    ).toEqual(['尚店镇', '杨庄乡', '八台镇']);
  });
});
