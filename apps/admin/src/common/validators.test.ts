import { describe, expect, it } from 'vitest';
import { bpToPercentText, percentToBp, validateCategoryCode, validatePassword } from './validators';

describe('form helpers', () => {
  it('accept a department’s own category code, but neither a standard one nor a malformed one', () => {
    expect(validateCategoryCode('LAND_NOT_RECLAIMED')).toBeUndefined();
    expect(validateCategoryCode('')).toBeUndefined();
    expect(validateCategoryCode('UNREACHABLE')).toBe('suiji.category.code_standard');
    expect(validateCategoryCode('land')).toBe('suiji.category.code_invalid');
    expect(validateCategoryCode('1ABC')).toBe('suiji.category.code_invalid');
  });

  it('check a new password with the domain’s policy, for the form’s username or the one given', () => {
    expect(validatePassword()('long-enough-1', { username: 'li.na' })).toBeUndefined();
    expect(validatePassword()('', {})).toBeUndefined();
    expect(validatePassword()('short', {})).toEqual({
      message: 'suiji.password.SHORT',
      args: { length: 5, min: 8 },
    });
    expect(validatePassword()('li.na-2026', { username: 'li.na' })?.message).toBe('suiji.password.USERNAME');
    expect(validatePassword('wang.fang')('Wang.Fang-1', {})?.message).toBe('suiji.password.USERNAME');
    expect(validatePassword()('woaini1314', {})?.message).toBe('suiji.password.COMMON');
    expect(validatePassword()('abcabcabc', {})?.message).toBe('suiji.password.PATTERN');
  });

  it('show basis points as percent text and read them back', () => {
    expect(bpToPercentText(1000)).toBe('10');
    expect(bpToPercentText(250)).toBe('2.5');
    expect(percentToBp('2.5')).toBe(250);
    expect(percentToBp('')).toBeNull();
  });
});
