import { describe, expect, it } from 'vitest';
import { bpToPercentText, percentToBp, validateCategoryCode } from './validators';

describe('form helpers', () => {
  it('accept a department’s own category code, but neither a standard one nor a malformed one', () => {
    expect(validateCategoryCode('LAND_NOT_RECLAIMED')).toBeUndefined();
    expect(validateCategoryCode('')).toBeUndefined();
    expect(validateCategoryCode('UNREACHABLE')).toBe('suiji.category.code_standard');
    expect(validateCategoryCode('land')).toBe('suiji.category.code_invalid');
    expect(validateCategoryCode('1ABC')).toBe('suiji.category.code_invalid');
  });

  it('show basis points as percent text and read them back', () => {
    expect(bpToPercentText(1000)).toBe('10');
    expect(bpToPercentText(250)).toBe('2.5');
    expect(percentToBp('2.5')).toBe(250);
    expect(percentToBp('')).toBeNull();
  });
});
