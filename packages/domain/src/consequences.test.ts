import { describe, expect, it } from 'vitest';
import {
  CATEGORY_CODE,
  DEFAULT_CATEGORY_RULES,
  consequenceOf,
  isStandardCategory,
  raisedRiskClass,
} from './consequences.js';
import { RESULT_CATEGORIES } from './glossary.js';

describe('consequences of published results', () => {
  it('gives every standard category a rule', () => {
    expect(Object.keys(DEFAULT_CATEGORY_RULES).sort()).toEqual([...RESULT_CATEGORIES].sort());
  });

  it('raises unreachable and falsified targets a class and lists them as abnormal', () => {
    for (const code of ['UNREACHABLE', 'FALSIFIED'] as const) {
      expect(DEFAULT_CATEGORY_RULES[code]).toEqual({ problem: true, raisesRisk: true, marksAbnormal: true });
    }
    expect(DEFAULT_CATEGORY_RULES.NO_PROBLEM).toEqual({
      problem: false,
      raisesRisk: false,
      marksAbnormal: false,
    });
  });

  it('raises the risk class one step, and D stays D', () => {
    expect(['A', 'B', 'C', 'D'].map((c) => raisedRiskClass(c as 'A'))).toEqual(['B', 'C', 'D', 'D']);
  });

  it('raises a class once per inspection however many items found the fault, and counts each problem', () => {
    const { FALSIFIED, UNREACHABLE, NO_PROBLEM } = DEFAULT_CATEGORY_RULES;
    expect(consequenceOf({ riskClass: 'B', abnormal: false }, [FALSIFIED, UNREACHABLE, NO_PROBLEM])).toEqual({
      riskClass: 'C',
      abnormal: true,
      problems: 2,
    });
    expect(consequenceOf({ riskClass: 'B', abnormal: true }, [NO_PROBLEM])).toEqual({
      riskClass: 'B',
      abnormal: true,
      problems: 0,
    });
  });

  it('tells standard codes from department codes, and checks the shape of the latter', () => {
    expect(isStandardCategory('FALSIFIED')).toBe(true);
    expect(isStandardCategory('LAND_NOT_RECLAIMED')).toBe(false);
    expect(CATEGORY_CODE.test('LAND_NOT_RECLAIMED')).toBe(true);
    expect(CATEGORY_CODE.test('land')).toBe(false);
    expect(CATEGORY_CODE.test('AB')).toBe(false);
  });
});
