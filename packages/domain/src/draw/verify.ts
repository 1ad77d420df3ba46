/**
 * Verification of a record (§6): recompute everything from the record's own inputs, in the spec's order.
 */
import { toHex } from './bytes.js';
import { DrawError } from './error.js';
import { poolDigest } from './pool.js';
import { drawReplacements } from './replacements.js';
import { commitmentOf, seedOf } from './seed.js';
import { selectTargets } from './targets.js';
import { drawTeams } from './teams.js';
import { DRAW_FORMAT, type Assignment, type DrawOptions, type Replacement } from './types.js';
import { checkDrawInput } from './validate.js';

/** The fields a verifier names, in the order it checks them. */
export const VERIFIED_FIELDS = [
  'format',
  'commitment',
  'pool',
  'poolDigest',
  'seed',
  'selected',
  'assignments',
  'replacements',
] as const;

/** One of `VERIFIED_FIELDS`. */
export type VerifiedField = (typeof VERIFIED_FIELDS)[number];

/** The outcome of `verifyDrawRecord`: OK, or the first field that differs from its recomputation. */
export type VerifyResult = { readonly ok: true } | { readonly ok: false; readonly field: VerifiedField };

function sameStrings(actual: unknown, expected: readonly string[]): boolean {
  return (
    Array.isArray(actual) &&
    actual.length === expected.length &&
    expected.every((value, i) => actual[i] === value)
  );
}

function sameAssignments(actual: unknown, expected: readonly Assignment[]): boolean {
  return (
    Array.isArray(actual) &&
    actual.length === expected.length &&
    expected.every(([target, team], i) => {
      const entry: unknown = actual[i];
      return Array.isArray(entry) && entry.length === 2 && entry[0] === target && sameStrings(entry[1], team);
    })
  );
}

function isReplacement(value: unknown): value is Replacement {
  if (typeof value !== 'object' || value === null) return false;
  const { target, out, in: replacement, reason } = value as Record<string, unknown>;
  return [target, out, replacement, reason].every((field) => typeof field === 'string');
}

function replacementsMatch(
  actual: unknown,
  seed: Uint8Array,
  assignments: readonly Assignment[],
  roster: Parameters<typeof drawReplacements>[2],
  options: DrawOptions,
): boolean {
  if (actual === undefined || actual === null) return true;
  if (!Array.isArray(actual) || !actual.every(isReplacement)) return false;
  try {
    const drawn = drawReplacements(seed, assignments, roster, actual, options);
    return drawn.every((replacement, i) => replacement.in === actual[i]?.in);
  } catch (error) {
    if (error instanceof DrawError) return false;
    throw error;
  }
}

/**
 * Verifies a record by recomputing it, checking in the spec's order — `format`, `commitment = hex(H(N))`,
 * the pool's canonical order, `poolDigest`, `seed`, `selected`, `assignments`, each of `replacements` — and names
 * the first field that differs. A record whose inputs are invalid cannot be recomputed: it throws the `DrawError`
 * that `makeDrawRecord` would throw for them. `replacements` may be absent or empty.
 */
export function verifyDrawRecord(record: unknown, options: DrawOptions = {}): VerifyResult {
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    throw new DrawError('BAD_INPUT', 'a record is a JSON object');
  const claimed = record as Record<string, unknown>;
  const differs = (field: VerifiedField): VerifyResult => ({ ok: false, field });
  if (claimed.format !== DRAW_FORMAT) return differs('format');
  const checked = checkDrawInput(record);
  if (claimed.commitment !== commitmentOf(checked.nonce, options)) return differs('commitment');
  if (checked.pool !== checked.canonicalPool) return differs('pool');
  const digest = poolDigest(checked.pool, options);
  if (claimed.poolDigest !== digest) return differs('poolDigest');
  const seed = seedOf({ ...checked, poolDigest: digest }, options);
  if (typeof claimed.seed !== 'string' || claimed.seed !== toHex(seed)) return differs('seed');
  const selected = selectTargets(seed, checked.pool, checked.ratios, options);
  if (!sameStrings(claimed.selected, selected)) return differs('selected');
  let assignments: Assignment[];
  try {
    assignments = drawTeams(seed, selected, checked, checked.initialLoad, options);
  } catch (error) {
    if (error instanceof DrawError) return differs('assignments');
    throw error;
  }
  if (!sameAssignments(claimed.assignments, assignments)) return differs('assignments');
  if (!replacementsMatch(claimed.replacements, seed, assignments, checked, options))
    return differs('replacements');
  return { ok: true };
}
