/**
 * The plan form's checks and its input: the domain's plan rules run in the browser on the items of the
 * plan's year, so a ratio below an item's minimum shows under that line before anything is sent.
 */
import {
  MAX_LENGTH,
  YEAR_MAX,
  YEAR_MIN,
  planLineProblems,
  type Locale,
  type PlanLineItem,
} from '@suiji/domain';
import type { RaRecord } from 'react-admin';

export interface PlanLineValues {
  itemId?: unknown;
  ratioBp?: unknown;
  timesPerYear?: unknown;
  period?: unknown;
}

type Errors = Record<string, unknown>;

const REQUIRED = 'ra.validation.required';

/**
 * Errors by field, shaped like the form (`{ lines: [{ ratioBp: '…' }] }`), for react-admin's form-level
 * `validate`; each line's message is short enough to sit under its input (the API's adds how to fix it). Lines whose item is not among `items` (not loaded yet, or of another year) are left to the API.
 */
export function validatePlan(
  values: Record<string, unknown>,
  items: ReadonlyMap<string, PlanLineItem>,
  locale: Locale,
): Errors {
  const errors: Errors = {};
  const name = typeof values.name === 'string' ? values.name.trim() : '';
  if (!name) errors.name = REQUIRED;
  else if (name.length > MAX_LENGTH.name)
    errors.name = { message: 'ra.validation.maxLength', args: { max: MAX_LENGTH.name } };
  const year = values.year;
  if (typeof year !== 'number') errors.year = REQUIRED;
  else if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX)
    errors.year = { message: 'ra.validation.minValue', args: { min: YEAR_MIN } };
  const lines = Array.isArray(values.lines) ? (values.lines as PlanLineValues[]) : [];
  const lineErrors: Errors[] = lines.map((line) => {
    const lineError: Errors = {};
    if (typeof line.itemId !== 'string' || line.itemId === '') lineError.itemId = REQUIRED;
    if (typeof line.ratioBp !== 'number') lineError.ratioBp = REQUIRED;
    if (typeof line.timesPerYear !== 'number') lineError.timesPerYear = REQUIRED;
    return lineError;
  });
  // Lines not filled in yet, or whose item is not loaded, take placeholders the rules accept: their
  // problems are the "required" above, or the API's.
  const known = new Map(items);
  const drafts = lines.map((line, index) => {
    const itemId = typeof line.itemId === 'string' && line.itemId !== '' ? line.itemId : `#${index}`;
    if (!known.has(itemId)) known.set(itemId, { name: itemId, minRatioBp: 0 });
    return {
      itemId,
      ratioBp: typeof line.ratioBp === 'number' ? line.ratioBp : 0,
      timesPerYear: typeof line.timesPerYear === 'number' ? line.timesPerYear : 1,
    };
  });
  for (const problem of planLineProblems(drafts, known)) {
    const [, index, field] = /^lines\.(\d+)\.(\w+)$/.exec(problem.field) ?? [];
    const target = index === undefined ? undefined : lineErrors[Number(index)];
    if (target && field !== undefined && !target[field]) target[field] = problem.message[locale];
  }
  if (lines.length === 0) errors.lines = 'suiji.plan.lines_required';
  else if (lineErrors.some((e) => Object.keys(e).length > 0)) errors.lines = lineErrors;
  return errors;
}

/** The API's `PlanInput` lines: only what a line takes, not its item, id or progress. */
export function planTransform(data: RaRecord): RaRecord {
  const lines = Array.isArray(data.lines) ? (data.lines as PlanLineValues[]) : [];
  return {
    ...data,
    lines: lines.map((line) => ({
      itemId: line.itemId,
      ratioBp: line.ratioBp,
      timesPerYear: line.timesPerYear,
      period: typeof line.period === 'string' && line.period.trim() !== '' ? line.period.trim() : null,
    })),
  };
}
