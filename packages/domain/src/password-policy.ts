/**
 * The password policy, applied by the API whenever a password is set (an administrator creating a user
 * or resetting a password, a user changing their own) and by the dashboard's forms before they send it.
 * A password guessed early by anyone trying (one of the common ones, a run along the keyboard or the
 * alphabet, a repetition, the username) is refused; so is one too short or too long.
 */
import { COMMON_PASSWORDS } from './common-passwords.js';
import { MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits.js';
import { text, type Text } from './text.js';

export type PasswordProblem =
  | { code: 'SHORT'; length: number; min: number }
  | { code: 'LONG'; length: number; max: number }
  | { code: 'USERNAME' }
  | { code: 'COMMON' }
  | { code: 'PATTERN' };

export type PasswordCheck = { ok: true } | { ok: false; problem: PasswordProblem; message: Text };

/**
 * Runs that people type as passwords: digits (with the wrap from 9 to 0), the alphabet, the keyboard's
 * rows and its columns. A password that is a piece of one of them, forwards or backwards, is refused.
 */
const RUNS = [
  '01234567890123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  '`1234567890-=',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7ki8lo9p0',
  'qazwsxedcrfvtgbyhnujmikolp',
  '1q2w3e4r5t6y7u8i9o0p',
  'q1w2e3r4t5y6u7i8o9p0',
];
const RUNS_BOTH_WAYS = RUNS.flatMap((run) => [run, [...run].reverse().join('')]);

/** A username shorter than this is only refused as the whole password, not as a part of it. */
const USERNAME_PART_MIN = 3;

/** Whether the password is one short block (up to 4 characters) repeated: "abcabcabc", "woaiwoai". */
function isRepetition(password: string): boolean {
  for (let size = 1; size <= 4 && size * 2 <= password.length; size++) {
    const block = password.slice(0, size);
    if (block.repeat(Math.ceil(password.length / size)).startsWith(password)) return true;
  }
  return false;
}

/** Whether every character follows the one before by the same step: "acegikmo", "97531". */
function isProgression(password: string): boolean {
  // A spread character always has a code point; `?? 0` only satisfies the type.
  const codes = [...password].map((ch) => ch.codePointAt(0) ?? 0);
  const [first, second] = codes;
  // Fewer than two characters make a progression of any step.
  if (first === undefined || second === undefined) return true;
  const step = second - first;
  return codes.every((code, i) => {
    const before = codes[i - 1];
    return before === undefined || code - before === step;
  });
}

/**
 * Whether the password is a keyboard or alphabet run, a progression, a repetition, or uses fewer than
 * 4 different characters.
 */
function isPattern(lower: string): boolean {
  if (new Set(lower).size < 4 || isRepetition(lower) || isProgression(lower)) return true;
  return RUNS_BOTH_WAYS.some((run) => run.includes(lower));
}

/**
 * Checks a new password for the account `username` and says, in both languages, what is wrong and how
 * to fix it. Letter case does not make a common password or the username uncommon.
 */
export function checkPassword(password: string, username: string): PasswordCheck {
  const fail = (problem: PasswordProblem, message: Text): PasswordCheck => ({ ok: false, problem, message });
  const { length } = password;
  if (length < PASSWORD_MIN_LENGTH)
    return fail(
      { code: 'SHORT', length, min: PASSWORD_MIN_LENGTH },
      text(
        `The password has ${length} characters: choose one of at least ${PASSWORD_MIN_LENGTH} characters.`,
        `密码只有 ${length} 个字符：请设置至少 ${PASSWORD_MIN_LENGTH} 个字符的密码。`,
      ),
    );
  if (length > MAX_LENGTH.password)
    return fail(
      { code: 'LONG', length, max: MAX_LENGTH.password },
      text(
        `The password has ${length} characters: choose one of at most ${MAX_LENGTH.password} characters.`,
        `密码有 ${length} 个字符：请设置不超过 ${MAX_LENGTH.password} 个字符的密码。`,
      ),
    );
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name !== '' && (lower === name || (name.length >= USERNAME_PART_MIN && lower.includes(name))))
    return fail(
      { code: 'USERNAME' },
      text(
        'The password contains the username, which is the first thing anyone tries: choose one without it.',
        '密码包含用户名，这是他人最先尝试的：请设置不含用户名的密码。',
      ),
    );
  if (COMMON_PASSWORDS.has(lower))
    return fail(
      { code: 'COMMON' },
      text(
        'This is one of the most common passwords, which are guessed first: choose a less common one, such as a few unrelated words.',
        '这是最常见的密码之一，会被最先猜中：请设置不常见的密码，例如几个互不相关的词。',
      ),
    );
  if (isPattern(lower))
    return fail(
      { code: 'PATTERN' },
      text(
        'The password is a run or a repetition (such as 12345678, qwertyui or abcabcabc), which is guessed early: choose one without such a pattern.',
        '密码是连续或重复的字符（如 12345678、qwertyui、abcabcabc），容易被猜中：请设置没有这种规律的密码。',
      ),
    );
  return { ok: true };
}
