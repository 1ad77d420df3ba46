/**
 * Making a draw's record (§6) and appending a replacement to it (§5a).
 */
import { fromHex, toHex } from './bytes.js';
import { DrawError } from './error.js';
import { poolDigest } from './pool.js';
import { drawReplacements } from './replacements.js';
import { commitmentOf, seedOf } from './seed.js';
import { selectTargets } from './targets.js';
import { drawTeams } from './teams.js';
import {
  DRAW_FORMAT,
  type DrawInput,
  type DrawOptions,
  type DrawRecord,
  type Replacement,
  type ReplacementRequest,
} from './types.js';
import {
  checkConflicts,
  checkDrawInput,
  checkInspectors,
  checkReplacementRequest,
  checkReplacementRequests,
  checkTeam,
  isNonceHex,
} from './validate.js';

/**
 * Makes the record of a draw: validates `input` (throwing a `DrawError` with the spec's code for the first
 * problem, in the spec's order), selects the targets, draws the teams, then draws `input.replacements` in order.
 * All or nothing: any failure throws and nothing is returned. `input` may come straight from JSON.
 */
export function makeDrawRecord(input: DrawInput, options: DrawOptions = {}): DrawRecord {
  const checked = checkDrawInput(input);
  const requests = checkReplacementRequests((input as Partial<DrawInput>).replacements);
  const digest = poolDigest(checked.canonicalPool, options);
  const seed = seedOf({ ...checked, poolDigest: digest }, options);
  const selected = selectTargets(seed, checked.pool, checked.ratios, options);
  const assignments = drawTeams(seed, selected, checked, checked.initialLoad, options);
  const replacements = drawReplacements(seed, assignments, checked, requests, options);
  return {
    format: DRAW_FORMAT,
    drawId: checked.drawId,
    commitment: commitmentOf(checked.nonce, options),
    nonce: checked.nonce,
    publicEntropy: checked.publicEntropy,
    ratios: Object.fromEntries(checked.ratios),
    pool: checked.canonicalPool,
    poolDigest: digest,
    seed: toHex(seed),
    selected,
    team: checked.team,
    inspectors: checked.inspectors.map(([id, department]) => [id, department] as const),
    conflicts: checked.conflicts.map(([target, inspector]) => [target, inspector] as const),
    initialLoad: Object.fromEntries(checked.initialLoad),
    assignments,
    replacements,
  };
}

/**
 * Returns `record` with one more replacement, whose `in` is drawn (§5a). The record's own replacements are drawn
 * again first, so a record whose replacements do not verify is refused (`BAD_INPUT`); the rest of the record is
 * trusted — call `verifyDrawRecord` first on a record from elsewhere. Throws `NOT_IN_TEAM` or
 * `INSUFFICIENT_INSPECTORS` when the replacement cannot be drawn; the record is never changed.
 */
export function applyReplacement(
  record: DrawRecord,
  request: ReplacementRequest,
  options: DrawOptions = {},
): DrawRecord {
  const next = checkReplacementRequest(request);
  const roster = {
    team: checkTeam(record.team),
    inspectors: checkInspectors(record.inspectors),
    conflicts: checkConflicts(record.conflicts),
  };
  if (!isNonceHex(record.seed))
    throw new DrawError('BAD_INPUT', 'the record has no seed of 64 lowercase hex characters');
  // The record's other fields are checked above as if it came from elsewhere; a record without the list has none.
  const previous = (record.replacements as readonly Replacement[] | undefined) ?? [];
  const drawn = drawReplacements(
    fromHex(record.seed),
    record.assignments,
    roster,
    [...previous, next],
    options,
  );
  previous.forEach((replacement, i) => {
    if (drawn[i]?.in !== replacement.in)
      throw new DrawError('BAD_INPUT', `replacement ${i + 1} of the record does not verify`);
  });
  // `drawn` holds one replacement per request: the record's own, then the new one.
  return { ...record, replacements: [...previous, ...drawn.slice(previous.length)] };
}
