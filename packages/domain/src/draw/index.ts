/**
 * The verifiable double-random draw, spec `suiji-draw/1` (shared/spec/draw-v1.md): portable and synchronous,
 * for the API, the dashboard and anyone verifying a published record.
 */
export { DRAW_ERROR_CODES, DrawError, type DrawErrorCode } from './error.js';
export { sha256, type Sha256 } from './sha256.js';
export {
  DRAW_FORMAT,
  type Assignment,
  type ConflictEntry,
  type DrawInput,
  type DrawOptions,
  type DrawRecord,
  type InspectorEntry,
  type PoolEntry,
  type Replacement,
  type ReplacementRequest,
  type TeamSpec,
} from './types.js';
export { canonicalPool, findInPoolText, poolDigest, type PoolTextEntry } from './pool.js';
export { commitmentOf } from './seed.js';
export { quota } from './targets.js';
export { makeDrawRecord, applyReplacement } from './record.js';
export { verifyDrawRecord, VERIFIED_FIELDS, type VerifiedField, type VerifyResult } from './verify.js';
export { drawFromFrozenPool, type FrozenDrawInput, type FrozenDrawOutcome } from './frozen.js';
