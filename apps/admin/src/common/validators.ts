/**
 * Form helpers shared by the resources: the credit-code, password and category-code checks, percent ↔ basis
 * points, empty text kept.
 */
import {
  CATEGORY_CODE,
  RATIO_MAX_BP,
  checkCreditCode,
  checkPassword,
  formatRatioBp,
  isStandardCategory,
} from '@suiji/domain';

/** Validates a unified social credit code with the domain's check; the message is ours, by problem code. */
export function validateCreditCode(
  value: unknown,
): { message: string; args: Record<string, unknown> } | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const result = checkCreditCode(value);
  if (result.ok) return undefined;
  const { code, ...args } = result.problem;
  return { message: `suiji.credit_code.${code}`, args };
}

/**
 * Validates a new password with the domain's password policy, for the account `username` (by default the
 * form's `username`); the message is ours, by problem code. An empty value is left to `required()`.
 */
export function validatePassword(username?: string) {
  return (value: unknown, values: Record<string, unknown>): { message: string; args: object } | undefined => {
    if (typeof value !== 'string' || value === '') return undefined;
    const name = username ?? (typeof values.username === 'string' ? values.username : '');
    const result = checkPassword(value, name);
    if (result.ok) return undefined;
    const { code, ...args } = result.problem;
    return { message: `suiji.password.${code}`, args };
  };
}

/** Shows basis points in a percent input (1000 → "10"). */
export function bpToPercentText(bp: unknown): string {
  return typeof bp === 'number' ? formatRatioBp(bp).replace('%', '') : '';
}

/** Stores a percent input as basis points (10 → 1000, 2.5 → 250). */
export function percentToBp(percent: unknown): number | null {
  if (percent === '' || percent == null) return null;
  const value = Number(percent);
  return Number.isFinite(value) ? Math.round(value * 100) : null;
}

export function validateRatioBp(bp: unknown): string | undefined {
  if (bp == null) return undefined;
  return typeof bp === 'number' && bp >= 0 && bp <= RATIO_MAX_BP ? undefined : 'suiji.validation.percent';
}

/** Keeps an emptied text input as '' for fields that are text but not nullable. */
export const keepEmpty = (value: string): string => value;

/** A department's own result-category code: the domain's pattern, and none of the standard codes. */
export function validateCategoryCode(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (isStandardCategory(value)) return 'suiji.category.code_standard';
  return CATEGORY_CODE.test(value) ? undefined : 'suiji.category.code_invalid';
}
