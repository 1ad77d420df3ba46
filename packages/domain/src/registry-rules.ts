/**
 * Rules for registry records, shared by the API's forms, its bulk import and the dashboard: each
 * returns the problems found, each naming the field, what is wrong and how to fix it.
 */
import { checkCreditCode } from './credit-code.js';
import { MAX_LENGTH, RATIO_MAX_BP, TIMES_PER_YEAR_MAX, YEAR_MAX, YEAR_MIN } from './limits.js';

export interface FieldProblem {
  field: string;
  message: string;
  hint: string;
}

/** Checks a required or optional text field's presence and length. */
export function checkText(
  field: string,
  value: string | null | undefined,
  max: number,
  required: boolean,
): FieldProblem | null {
  const text = value?.trim() ?? '';
  if (required && text === '') return { field, message: `${field} is empty`, hint: `Fill in ${field}.` };
  if (text.length > max)
    return { field, message: `${field} has ${text.length} characters, more than ${max}`, hint: `Shorten ${field} to at most ${max} characters.` };
  return null;
}

/** Checks a list of short labels (tags, target types, expertise). */
export function checkLabelList(field: string, values: readonly string[]): FieldProblem | null {
  if (values.length > MAX_LENGTH.tags)
    return { field, message: `${field} has ${values.length} entries, more than ${MAX_LENGTH.tags}`, hint: `Keep at most ${MAX_LENGTH.tags}.` };
  for (const value of values) {
    if (value.trim() === '') return { field, message: `${field} has an empty entry`, hint: 'Remove the empty entry.' };
    if (value.includes(',') || value.includes('，'))
      return { field, message: `"${value}" in ${field} contains a comma`, hint: 'Give each entry separately, without commas.' };
    if (value.length > MAX_LENGTH.tag)
      return { field, message: `"${value.slice(0, 20)}…" in ${field} is longer than ${MAX_LENGTH.tag} characters`, hint: 'Shorten the entry.' };
  }
  return null;
}

/** Splits "a, b；c" style text (as typed in a spreadsheet cell) into a list of trimmed labels. */
export function splitLabels(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/[,，;；、|\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export function checkCreditCodeField(field: string, value: string): FieldProblem | null {
  const result = checkCreditCode(value);
  return result.ok ? null : { field, message: result.message, hint: 'Copy the 18-character code from the business licence.' };
}

export function checkYear(field: string, year: number): FieldProblem | null {
  return Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX
    ? null
    : { field, message: `year ${year} is out of range`, hint: `Use a year from ${YEAR_MIN} to ${YEAR_MAX}.` };
}

export function checkRatioBp(field: string, bp: number): FieldProblem | null {
  return Number.isInteger(bp) && bp >= 0 && bp <= RATIO_MAX_BP
    ? null
    : {
        field,
        message: `the ratio ${bp / 100}% is outside 0%–100%`,
        hint: `Give a ratio from 0 to ${RATIO_MAX_BP} basis points (0%–100%); 10% is 1000.`,
      };
}

export function checkTimesPerYear(field: string, times: number): FieldProblem | null {
  return Number.isInteger(times) && times >= 1 && times <= TIMES_PER_YEAR_MAX
    ? null
    : { field, message: `${times} times per year is out of range`, hint: `Use a whole number from 1 to ${TIMES_PER_YEAR_MAX}.` };
}

/** Checks a certificate's validity period. */
export function checkCertificateDates(from: string, until: string): FieldProblem | null {
  if (!isIsoDate(from))
    return { field: 'certificateValidFrom', message: `"${from}" is not a date`, hint: 'Write the date as YYYY-MM-DD, e.g. 2024-01-31.' };
  if (!isIsoDate(until))
    return { field: 'certificateValidUntil', message: `"${until}" is not a date`, hint: 'Write the date as YYYY-MM-DD, e.g. 2027-12-31.' };
  if (until < from)
    return { field: 'certificateValidUntil', message: 'the certificate expires before it starts', hint: 'Check the two dates: the end must not be before the start.' };
  return null;
}

/** Whether a certificate valid from `from` to `until` (inclusive) is valid on `day` (all YYYY-MM-DD). */
export function certificateValidOn(from: string, until: string, day: string): boolean {
  return from <= day && day <= until;
}

/** Keeps the problems that were found. */
export function problems(...checks: (FieldProblem | null)[]): FieldProblem[] {
  return checks.filter((check): check is FieldProblem => check !== null);
}
