import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits.js';
import { checkPassword } from './password-policy.js';

const problem = (password: string, username = 'zhang.san') => {
  const result = checkPassword(password, username);
  return result.ok ? null : result.problem.code;
};

describe('the password policy', () => {
  it('accepts passwords that are long enough and follow no pattern', () => {
    for (const password of ['long-enough-1', 'correct horse battery', '规划股2026年抽查', 'Tq7#mZ2!x'])
      expect(checkPassword(password, 'zhang.san')).toEqual({ ok: true });
  });

  it('refuses a password shorter than the minimum or longer than the maximum, saying the numbers', () => {
    const short = checkPassword('a7#k2', 'zhang.san');
    expect(short).toMatchObject({
      ok: false,
      problem: { code: 'SHORT', length: 5, min: PASSWORD_MIN_LENGTH },
    });
    expect(!short.ok && short.message.en).toMatch(/5 characters.*at least 8/);
    expect(!short.ok && short.message['zh-CN']).toMatch(/至少 8 个字符/);
    expect(problem('x'.repeat(MAX_LENGTH.password) + '7#k')).toBe('LONG');
  });

  it('refuses the username and any password containing it, whatever the letter case', () => {
    expect(problem('zhang.san', 'zhang.san')).toBe('USERNAME');
    expect(problem('Zhang.San2026!', 'zhang.san')).toBe('USERNAME');
    expect(problem('my-gh.lead-pass', 'gh.lead')).toBe('USERNAME');
    // A two-letter username is only refused as the whole password: it occurs in too many good ones.
    expect(problem('li-is-a-fine-start', 'li')).toBeNull();
  });

  it('refuses the most common passwords, the Chinese favourites among them, in any letter case', () => {
    for (const password of [
      'password',
      'Password123',
      'woaini1314',
      'a123456789',
      '88888888',
      'qq123456',
      '5201314520',
      'P@ssw0rd',
      'iloveyou',
    ])
      expect(problem(password), password).toBe('COMMON');
  });

  it('refuses runs along the keyboard or the alphabet, progressions, repetitions and too few different characters', () => {
    for (const password of [
      '23456789',
      '98765432',
      '78901234',
      'bcdefghi',
      'acegikmo',
      'zxvtrpnl',
      'HGFEDCBA',
      'sdfghjkl',
      'zaq1xsw2cde3',
      '1q2w3e4r5t6y',
      'bbbbbbbb',
      '11112222',
      'abcabcabc',
      'woaiwoaiwoai',
      '我爱你我爱你我爱你',
    ])
      expect(problem(password), password).toBe('PATTERN');
  });

  it('keeps its list in lower case, as it is compared', () => {
    expect([...COMMON_PASSWORDS].filter((p) => p !== p.toLowerCase())).toEqual([]);
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
  });
});
