/**
 * Validation of a draw's inputs (§5, last paragraph): one function per field, each throwing the spec's code for
 * the first problem. `checkDrawInput` runs them in the spec's order.
 */
import { compareIds, isWellFormed } from './bytes.js';
import { DrawError } from './error.js';
import type { ConflictEntry, InspectorEntry, PoolEntry, ReplacementRequest, TeamSpec } from './types.js';

const ID = /^[0-9A-Za-z._:-]{1,64}$/;
const STRATUM = /^[0-9A-Za-z._:-]{1,32}$/;
const NONCE = /^[0-9a-f]{64}$/;
const RATIO_MAX = 10_000;

/** Inputs that passed validation, in the form the draw uses. */
export interface CheckedInput {
  readonly drawId: string;
  readonly nonce: string;
  readonly publicEntropy: string;
  /** The pool as given. */
  readonly pool: readonly PoolEntry[];
  /** The pool in canonical order (the same array when it was given in that order). */
  readonly canonicalPool: readonly PoolEntry[];
  readonly ratios: ReadonlyMap<string, number>;
  readonly inspectors: readonly InspectorEntry[];
  /** `departments` ascending. */
  readonly team: TeamSpec;
  readonly initialLoad: ReadonlyMap<string, number>;
  readonly conflicts: readonly ConflictEntry[];
}

/** Whether `value` is an id: a whole string of 1..64 characters `[0-9A-Za-z._:-]`. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

/** Whether `value` is a stratum label: a whole string of 1..32 characters `[0-9A-Za-z._:-]`. */
export function isStratum(value: unknown): value is string {
  return typeof value === 'string' && STRATUM.test(value);
}

/** Whether `value` is a nonce as revealed: exactly 64 lowercase hex characters. */
export function isNonceHex(value: unknown): value is string {
  return typeof value === 'string' && NONCE.test(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pairs(value: unknown, field: string): readonly (readonly [unknown, unknown])[] {
  if (!Array.isArray(value)) throw new DrawError('BAD_INPUT', `${field} must be a list of pairs`);
  for (const entry of value)
    if (!Array.isArray(entry) || entry.length !== 2)
      throw new DrawError('BAD_INPUT', `every entry of ${field} must be a pair [a, b]`);
  return value as readonly (readonly [unknown, unknown])[];
}

function requireId(value: unknown, what: string): void {
  if (!isId(value))
    throw new DrawError('BAD_ID', `${what} ${JSON.stringify(value)} is not an id ([0-9A-Za-z._:-]{1,64})`);
}

/** Checks `drawId` (`BAD_ID`). */
export function checkDrawId(value: unknown): string {
  requireId(value, 'drawId');
  return value as string;
}

/** Checks the revealed nonce (`BAD_NONCE`). */
export function checkNonce(value: unknown): string {
  if (!isNonceHex(value))
    throw new DrawError('BAD_NONCE', 'nonce must be exactly 64 lowercase hex characters');
  return value;
}

/** Checks `publicEntropy`: text that is well-formed Unicode (`BAD_ENTROPY`). */
export function checkPublicEntropy(value: unknown): string {
  if (typeof value !== 'string')
    throw new DrawError('BAD_ENTROPY', 'publicEntropy must be text (it may be empty)');
  if (!isWellFormed(value)) throw new DrawError('BAD_ENTROPY', 'publicEntropy holds a lone surrogate');
  return value;
}

function isStrictlyAscending(pool: readonly PoolEntry[]): boolean {
  let previous: PoolEntry | undefined;
  for (const entry of pool) {
    if (previous !== undefined && !(previous[0] < entry[0])) return false;
    previous = entry;
  }
  return true;
}

/**
 * Checks the pool — ids, then strata, then duplicates — and returns it with its canonical order.
 * Sorting is skipped when the pool already is in canonical order (as a database returns it `ORDER BY id`).
 */
export function checkPool(value: unknown): { pool: readonly PoolEntry[]; canonical: readonly PoolEntry[] } {
  const pool = pairs(value, 'pool');
  for (const [id] of pool) requireId(id, 'target');
  for (const [id, stratum] of pool)
    if (!isStratum(stratum))
      throw new DrawError(
        'BAD_STRATUM',
        `stratum ${JSON.stringify(stratum)} of ${String(id)} is not a label`,
      );
  const checked = pool as readonly PoolEntry[];
  if (isStrictlyAscending(checked)) return { pool: checked, canonical: checked };
  const canonical = [...checked].sort((a, b) => compareIds(a[0], b[0]));
  let previous: PoolEntry | undefined;
  for (const entry of canonical) {
    if (previous !== undefined && previous[0] === entry[0])
      throw new DrawError('DUPLICATE_ID', `target ${entry[0]} is in the pool twice`);
    previous = entry;
  }
  return { pool: checked, canonical };
}

/** Checks the ratios — labels, then values — without looking at the pool. */
export function checkRatioValues(value: unknown): ReadonlyMap<string, number> {
  if (!isObject(value)) throw new DrawError('BAD_RATIO', 'ratios must be an object {stratum: basis points}');
  const entries = Object.entries(value);
  for (const [label] of entries)
    if (!isStratum(label))
      throw new DrawError('BAD_STRATUM', `ratio label ${JSON.stringify(label)} is not a stratum label`);
  for (const [label, ratio] of entries)
    if (!Number.isSafeInteger(ratio) || (ratio as number) < 0 || (ratio as number) > RATIO_MAX)
      throw new DrawError('BAD_RATIO', `ratio of ${label} must be an integer 0..10000 (basis points)`);
  return new Map(entries as [string, number][]);
}

/** Checks the ratios — labels, values, then a pool stratum without a ratio. */
export function checkRatios(value: unknown, pool: readonly PoolEntry[]): ReadonlyMap<string, number> {
  const ratios = checkRatioValues(value);
  for (const [id, stratum] of pool)
    if (!ratios.has(stratum)) throw new DrawError('NO_RATIO', `stratum ${stratum} (of ${id}) has no ratio`);
  return ratios;
}

/** Checks the inspector roster — ids, then duplicates. */
export function checkInspectors(value: unknown): readonly InspectorEntry[] {
  const inspectors = pairs(value, 'inspectors');
  for (const [id, department] of inspectors) {
    requireId(id, 'inspector');
    requireId(department, 'department');
  }
  const seen = new Set<unknown>();
  for (const [id] of inspectors) {
    if (seen.has(id)) throw new DrawError('DUPLICATE_ID', `inspector ${String(id)} is listed twice`);
    seen.add(id);
  }
  return inspectors as readonly InspectorEntry[];
}

/** Checks the team: an integer size ≥ 2 and ≥ the number of its distinct departments (`BAD_TEAM`). */
export function checkTeam(value: unknown): TeamSpec {
  if (!isObject(value) || !Array.isArray(value.departments))
    throw new DrawError('BAD_TEAM', 'team must be {size, departments: [...]}');
  const { size } = value;
  const departments: unknown[] = value.departments;
  if (!Number.isSafeInteger(size)) throw new DrawError('BAD_TEAM', 'team size must be an integer');
  for (const department of departments) requireId(department, 'department');
  const ascending = [...(departments as string[])].sort(compareIds);
  for (let i = 1; i < ascending.length; i++)
    if (ascending[i - 1] === ascending[i])
      throw new DrawError('BAD_TEAM', `department ${ascending[i]} is named twice`);
  if ((size as number) < 2) throw new DrawError('BAD_TEAM', 'a team has at least 2 inspectors');
  if ((size as number) < ascending.length)
    throw new DrawError('BAD_TEAM', 'a team needs at least one inspector per department: size < departments');
  return { size: size as number, departments: ascending };
}

/** Checks `initialLoad` (optional): inspector id → non-negative integer (`BAD_LOAD`). */
export function checkInitialLoad(value: unknown): ReadonlyMap<string, number> {
  if (value === undefined || value === null) return new Map();
  if (!isObject(value)) throw new DrawError('BAD_LOAD', 'initialLoad must be an object {inspectorId: count}');
  const entries = Object.entries(value);
  for (const [id, load] of entries) {
    requireId(id, 'initialLoad key');
    if (!Number.isSafeInteger(load) || (load as number) < 0)
      throw new DrawError('BAD_LOAD', `initial load of ${id} must be a non-negative integer`);
  }
  return new Map(entries as [string, number][]);
}

/** Checks `conflicts` (optional): pairs of ids; pairs naming unknown ids are kept and have no effect. */
export function checkConflicts(value: unknown): readonly ConflictEntry[] {
  if (value === undefined || value === null) return [];
  const conflicts = pairs(value, 'conflicts');
  for (const [target, inspector] of conflicts) {
    requireId(target, 'conflict target');
    requireId(inspector, 'conflict inspector');
  }
  return conflicts as readonly ConflictEntry[];
}

/** Checks the shape of replacement requests (optional); whether they can be drawn is decided when drawing them. */
export function checkReplacementRequests(value: unknown): readonly ReplacementRequest[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new DrawError('BAD_INPUT', 'replacements must be a list');
  return value.map((request: unknown) => checkReplacementRequest(request));
}

/** Checks one replacement request: `{target, out, reason}`, all text. */
export function checkReplacementRequest(value: unknown): ReplacementRequest {
  if (
    !isObject(value) ||
    typeof value.target !== 'string' ||
    typeof value.out !== 'string' ||
    typeof value.reason !== 'string'
  )
    throw new DrawError('BAD_INPUT', 'a replacement is {target, out, reason}, all text');
  return { target: value.target, out: value.out, reason: value.reason };
}

/**
 * Validates the inputs of a draw in the spec's order — drawId, nonce, publicEntropy, pool, ratios, inspectors,
 * team, initialLoad — then conflicts, which the spec's list does not name. Throws a `DrawError` on the first problem.
 */
export function checkDrawInput(value: unknown): CheckedInput {
  if (!isObject(value)) throw new DrawError('BAD_INPUT', 'the input must be a JSON object');
  const drawId = checkDrawId(value.drawId);
  const nonce = checkNonce(value.nonce);
  const publicEntropy = checkPublicEntropy(value.publicEntropy);
  const { pool, canonical } = checkPool(value.pool);
  const ratios = checkRatios(value.ratios, pool);
  const inspectors = checkInspectors(value.inspectors);
  const team = checkTeam(value.team);
  const initialLoad = checkInitialLoad(value.initialLoad);
  const conflicts = checkConflicts(value.conflicts);
  return {
    drawId,
    nonce,
    publicEntropy,
    pool,
    canonicalPool: canonical,
    ratios,
    inspectors,
    team,
    initialLoad,
    conflicts,
  };
}
