import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CREDIT_CODE_ALPHABET, checkCreditCode, completeCreditCode } from './credit-code.js';

describe('checkCreditCode', () => {
  it('accepts published codes of real organisations', () => {
    for (const code of ['91350100M000100Y43', '91110000802100433B', '11100000000013127D']) {
      expect(checkCreditCode(code)).toEqual({ ok: true, code });
    }
  });

  it('normalises case and surrounding spaces', () => {
    expect(checkCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, code: '91350100M000100Y43' });
  });

  it('says the code is empty', () => {
    expect(checkCreditCode('   ')).toMatchObject({ ok: false, problem: { code: 'EMPTY' } });
  });

  it('says how many characters a code of the wrong length has', () => {
    const result = checkCreditCode('91350100M000100Y4');
    expect(result).toMatchObject({ ok: false, problem: { code: 'LENGTH', length: 17 } });
    if (!result.ok) expect(result.message.en).toContain('exactly 18');
    if (!result.ok) expect(result.message['zh-CN']).toContain('应为 18 位');
  });

  it('names the position of a letter outside the alphabet', () => {
    expect(checkCreditCode('91350100M000100O43')).toMatchObject({
      ok: false,
      problem: { code: 'CHARACTER', position: 16, character: 'O' },
    });
  });

  it('rejects an unknown registration authority and a category the authority does not issue', () => {
    expect(checkCreditCode(completeCreditCode('B1350100M000100Y4'))).toMatchObject({
      problem: { code: 'AUTHORITY' },
    });
    expect(checkCreditCode(completeCreditCode('97350100M000100Y4'))).toMatchObject({
      problem: { code: 'CATEGORY' },
    });
  });

  it('rejects a division code that is not six digits', () => {
    expect(checkCreditCode(completeCreditCode('9135A100M000100Y4'))).toMatchObject({
      problem: { code: 'DIVISION' },
    });
  });

  it('says which check character was expected', () => {
    const result = checkCreditCode('91350100M000100Y44');
    expect(result).toMatchObject({ ok: false, problem: { code: 'CHECK', expected: '3', actual: '4' } });
    if (!result.ok) expect(result.message.en).toContain('"3"');
  });

  it('detects every single-character substitution', () => {
    const valid = '91350100M000100Y43';
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 17 }), fc.integer({ min: 0, max: 30 }), (pos, value) => {
        const ch = CREDIT_CODE_ALPHABET.charAt(value);
        fc.pre(valid.charAt(pos) !== ch);
        const mutated = valid.slice(0, pos) + ch + valid.slice(pos + 1);
        expect(checkCreditCode(mutated).ok).toBe(false);
      }),
    );
  });
});
