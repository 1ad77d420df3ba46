/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters: registration authority (1), entity category (1), administrative division (6 digits),
 * organisation code (9), check character (1). The alphabet is 0-9 and the capitals without I, O, S, V, Z.
 * The check character makes the weighted sum of all 18 code values ≡ 0 (mod 31), weights 3^i mod 31.
 */
import { text, type Text } from './text.js';

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Registration authorities (登记管理部门) and the entity categories each may issue. */
const CATEGORIES: Record<string, string> = {
  '1': '1239', // 机构编制
  '2': '1', // 外交
  '3': '1', // 司法行政
  '4': '1', // 文化
  '5': '1239', // 民政
  '6': '12', // 旅游
  '7': '12', // 宗教
  '8': '12', // 工会
  '9': '123', // 市场监督管理 (工商)
  A: '19', // 中央军委改革和编制办公室
  N: '1239', // 农业
  Y: '1', // 其他
};

export type CreditCodeProblem =
  | { code: 'EMPTY' }
  | { code: 'LENGTH'; length: number }
  | { code: 'CHARACTER'; position: number; character: string }
  | { code: 'AUTHORITY'; character: string }
  | { code: 'CATEGORY'; character: string; authority: string }
  | { code: 'DIVISION'; division: string }
  | { code: 'CHECK'; expected: string; actual: string };

export type CreditCodeCheck =
  { ok: true; code: string } | { ok: false; problem: CreditCodeProblem; message: Text };

/** Computes the check character for the first 17 characters of a code. Throws on a character outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  // One weight per character, 17 of them.
  for (const [i, weight] of WEIGHTS.entries()) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`not a credit-code character at ${i + 1}: ${first17.charAt(i)}`);
    sum += value * weight;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET.charAt(check);
}

/**
 * Checks a unified social credit code and says, in both languages, what is wrong and how to fix it.
 * Leading and trailing spaces are ignored and lower case is accepted; `code` is the normalised form.
 */
export function checkCreditCode(input: string): CreditCodeCheck {
  const code = input.trim().toUpperCase();
  const fail = (problem: CreditCodeProblem, message: Text): CreditCodeCheck => ({
    ok: false,
    problem,
    message,
  });
  if (code.length === 0)
    return fail(
      { code: 'EMPTY' },
      text(
        'The credit code is empty: enter the 18-character code.',
        '统一社会信用代码为空：请填写 18 位代码。',
      ),
    );
  if (code.length !== 18)
    return fail(
      { code: 'LENGTH', length: code.length },
      text(
        `The credit code has ${code.length} characters; it must have exactly 18.`,
        `统一社会信用代码有 ${code.length} 位，应为 18 位。`,
      ),
    );
  for (let i = 0; i < 18; i++) {
    const ch = code.charAt(i);
    if (!CREDIT_CODE_ALPHABET.includes(ch))
      return fail(
        { code: 'CHARACTER', position: i + 1, character: ch },
        text(
          `Character ${i + 1} ("${ch}") is not allowed: use digits and capital letters other than I, O, S, V and Z.`,
          `第 ${i + 1} 位（“${ch}”）不是允许的字符：只能使用数字和除 I、O、S、V、Z 以外的大写字母。`,
        ),
      );
  }
  const authority = code.charAt(0);
  const categories = CATEGORIES[authority];
  if (categories === undefined)
    return fail(
      { code: 'AUTHORITY', character: authority },
      text(
        `The first character ("${authority}") is not a registration authority: it must be one of 1–9, A, N or Y.`,
        `第 1 位（“${authority}”）不是登记管理部门代码：应为 1–9、A、N 或 Y。`,
      ),
    );
  const category = code.charAt(1);
  if (!categories.includes(category))
    return fail(
      { code: 'CATEGORY', character: category, authority },
      text(
        `The second character ("${category}") is not an entity category of authority "${authority}": expected one of ${categories.split('').join(', ')}.`,
        `第 2 位（“${category}”）不是登记管理部门“${authority}”的机构类别代码：应为 ${categories.split('').join('、')} 之一。`,
      ),
    );
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division))
    return fail(
      { code: 'DIVISION', division },
      text(
        `Characters 3–8 ("${division}") must be a six-digit administrative division code.`,
        `第 3–8 位（“${division}”）应为 6 位数字的行政区划代码。`,
      ),
    );
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== actual)
    return fail(
      { code: 'CHECK', expected, actual },
      text(
        `The check character is "${actual}" but the first 17 characters give "${expected}": the code was probably mistyped; compare it with the business licence.`,
        `校验码为“${actual}”，但按前 17 位应为“${expected}”：代码可能录入有误，请与营业执照核对。`,
      ),
    );
  return { ok: true, code };
}

/** Completes 17 characters into a valid code by appending the check character. */
export function completeCreditCode(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}
