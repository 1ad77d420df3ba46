/**
 * The draw from a pool as the system froze it: its canonical text (`id TAB stratum LF …`, ascending by id, §2)
 * and the digest stored with it, both trusted. The outcome is the one `makeDrawRecord` gives for the same pool —
 * seed, selected, assignments — without turning a million lines into a million arrays, validating, sorting and
 * hashing them again: the text is scanned once, by index, and only the selected ids ever become strings.
 */
import { compareBytes, compareIds, toHex } from './bytes.js';
import { DrawError } from './error.js';
import { seedOf } from './seed.js';
import { prefixHash, type PrefixHash } from './sha256.js';
import { quota, TARGET_TAG } from './targets.js';
import { drawTeams, type Roster } from './teams.js';
import type { Assignment, DrawInput, DrawOptions } from './types.js';
import {
  checkConflicts,
  checkDrawId,
  checkInitialLoad,
  checkInspectors,
  checkNonce,
  checkPublicEntropy,
  checkRatioValues,
  checkTeam,
  isNonceHex,
} from './validate.js';

/** The inputs of a draw from a frozen pool: those of `DrawInput`, the pool given as its text and digest. */
export interface FrozenDrawInput extends Omit<DrawInput, 'pool' | 'replacements'> {
  /**
   * The frozen pool's canonical text, `id TAB stratum LF` per entry in ascending id order (the empty text for the
   * empty pool), exactly as the system froze it. Trusted: it is not validated, sorted nor hashed again.
   */
  readonly poolText: string;
  /** `hex(H(poolText))`, the digest stored when the pool was frozen. Trusted: not recomputed. */
  readonly poolDigest: string;
}

/** What a draw from a frozen pool decides: the fields of its record that are not among its inputs. */
export interface FrozenDrawOutcome {
  /** 64 lowercase hex characters. */
  readonly seed: string;
  /** Selected target ids, by score ascending. */
  readonly selected: string[];
  /** One per selected target, in `selected` order; the teams as drawn. */
  readonly assignments: Assignment[];
}

/** The longest id (§ Conventions). */
const ID_MAX = 64;
/** Strata looked up by comparing the text in place; any more are looked up by label. */
const STRATA_IN_PLACE = 16;

function notFrozen(at: number): DrawError {
  return new DrawError('BAD_INPUT', `the pool text is not a frozen pool (at character ${at})`);
}

/**
 * The hashed entries of one stratum, as columns: the first 48 bits of each score (exact in a double, so the
 * scores compare and sort as numbers), and where the id stands in the text.
 */
class Column {
  size = 0;
  prefixes = new Float64Array(1024);
  starts = new Uint32Array(1024);
  lengths = new Uint8Array(1024);

  push(prefix: number, start: number, length: number): void {
    if (this.size === this.prefixes.length) {
      const capacity = 2 * this.size;
      const prefixes = new Float64Array(capacity);
      const starts = new Uint32Array(capacity);
      const lengths = new Uint8Array(capacity);
      prefixes.set(this.prefixes);
      starts.set(this.starts);
      lengths.set(this.lengths);
      this.prefixes = prefixes;
      this.starts = starts;
      this.lengths = lengths;
    }
    this.prefixes[this.size] = prefix;
    this.starts[this.size] = start;
    this.lengths[this.size] = length;
    this.size++;
  }
}

/** A stratum present in the text, and, when its ratio can select anybody, its hashed entries. */
interface Stratum {
  readonly label: string;
  readonly ratio: number;
  readonly column: Column | undefined;
}

/** A selected entry: its score's prefix and where its id stands. */
interface Pick {
  readonly prefix: number;
  readonly start: number;
  readonly length: number;
}

/** Scores of ids of the text: the message prefix written once, each id written after it straight from the text. */
class Scorer {
  private readonly message: Uint8Array;
  private readonly offset: number;
  private readonly digest = new Uint8Array(32);
  private readonly view = new DataView(this.digest.buffer);

  constructor(
    seed: Uint8Array,
    private readonly text: string,
    private readonly hash: PrefixHash,
  ) {
    this.message = new Uint8Array(seed.length + TARGET_TAG.length + ID_MAX);
    this.message.set(seed, 0);
    this.message.set(TARGET_TAG, seed.length);
    this.offset = seed.length + TARGET_TAG.length;
  }

  /** The first 48 bits of the score of the id at `start`, `length` characters (ASCII by the id grammar). */
  prefix(start: number, length: number): number {
    this.score(start, length);
    return this.view.getUint32(0) * 0x10000 + this.view.getUint16(4);
  }

  /** The whole score of the id at `start`: a new array. */
  full(start: number, length: number): Uint8Array {
    this.score(start, length);
    return this.digest.slice();
  }

  private score(start: number, length: number): void {
    const { message, text } = this;
    let at = this.offset;
    for (let i = start; i < start + length; i++) {
      const code = text.charCodeAt(i);
      // Ids are ASCII by their grammar; anything else was not frozen by this system (and would not hash as UTF-8).
      if (code > 0x7f) throw new DrawError('BAD_INPUT', `the pool's id at character ${start} is not ASCII`);
      message[at++] = code;
    }
    this.hash(message, at, this.digest);
  }
}

/**
 * Scans the text once: finds the strata present (`NO_RATIO` for one without a ratio) and, when `score` is given,
 * scores every entry of a stratum whose ratio is above 0 (a ratio of 0 selects nobody whatever the count).
 */
function scanPool(
  text: string,
  ratios: ReadonlyMap<string, number>,
  scorer: Scorer | undefined,
): readonly Stratum[] {
  const strata: Stratum[] = [];
  const byLabel = new Map<string, Stratum>();
  const stratumAt = (from: number, to: number): Stratum => {
    const length = to - from;
    for (let i = 0; i < strata.length && i < STRATA_IN_PLACE; i++) {
      const stratum = strata[i];
      if (stratum !== undefined && stratum.label.length === length && text.startsWith(stratum.label, from))
        return stratum;
    }
    const label = text.slice(from, to);
    let stratum = byLabel.get(label);
    if (stratum === undefined) {
      const ratio = ratios.get(label);
      if (ratio === undefined)
        throw new DrawError('NO_RATIO', `stratum ${label} (at character ${from}) has no ratio`);
      stratum = { label, ratio, column: ratio > 0 && scorer !== undefined ? new Column() : undefined };
      strata.push(stratum);
      byLabel.set(label, stratum);
    }
    return stratum;
  };
  let previous: Stratum | undefined;
  for (let start = 0; start < text.length;) {
    const tab = text.indexOf('\t', start);
    const length = tab - start;
    if (length < 1 || length > ID_MAX) throw notFrozen(start);
    const end = text.indexOf('\n', tab);
    if (end < 0) throw notFrozen(tab);
    // Neighbours in id order often share their stratum: that one is tried first.
    const stratum =
      previous !== undefined &&
      previous.label.length === end - tab - 1 &&
      text.startsWith(previous.label, tab + 1)
        ? previous
        : stratumAt(tab + 1, end);
    previous = stratum;
    if (stratum.column !== undefined && scorer !== undefined)
      stratum.column.push(scorer.prefix(start, length), start, length);
    start = end + 1;
  }
  return strata;
}

/** Orders picks as `selectTargets` orders them: by score, then id; whole scores are hashed only on a 48-bit tie. */
function byScore(scorer: Scorer, text: string): (a: Pick, b: Pick) => number {
  return (a, b) =>
    a.prefix - b.prefix ||
    compareBytes(scorer.full(a.start, a.length), scorer.full(b.start, b.length)) ||
    compareIds(text.slice(a.start, a.start + a.length), text.slice(b.start, b.start + b.length));
}

/**
 * The `n`-th smallest (0-based) of `values`, which it reorders: Hoare's selection, O(length) on average — the
 * prefixes are hashes, in no order an adversary could choose — where a sort would be O(length · log length).
 */
export function nthSmallest(values: Float64Array, n: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1] ?? 0;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++;
      while ((values[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i++] = values[j] ?? 0;
        values[j--] = swap;
      }
    }
    // Now values[low..j] ≤ pivot ≤ values[i..high], and anything between equals the pivot.
    if (n <= j) high = j;
    else if (n >= i) low = i;
    else return pivot;
  }
  return values[n] ?? 0;
}

/** The `k` entries of `column` with the smallest scores, in no particular order. */
function smallest(column: Column, k: number, order: (a: Pick, b: Pick) => number): Pick[] {
  const { size, prefixes, starts, lengths } = column;
  const pickAt = (i: number): Pick => ({
    prefix: prefixes[i] ?? 0,
    start: starts[i] ?? 0,
    length: lengths[i] ?? 0,
  });
  const picks: Pick[] = [];
  if (k >= size) {
    for (let i = 0; i < size; i++) picks.push(pickAt(i));
    return picks;
  }
  // The k-th smallest prefix: everything below it is in; of those equal to it, the smallest whole scores fill up.
  const threshold = nthSmallest(prefixes.slice(0, size), k - 1);
  const ties: Pick[] = [];
  for (let i = 0; i < size; i++) {
    const prefix = prefixes[i] ?? 0;
    if (prefix < threshold) picks.push(pickAt(i));
    else if (prefix === threshold) ties.push(pickAt(i));
  }
  const rest = k - picks.length;
  if (ties.length > rest) ties.sort(order);
  for (let i = 0; i < rest; i++) {
    const tie = ties[i];
    if (tie !== undefined) picks.push(tie);
  }
  return picks;
}

/** The roster checked as `checkDrawInput` checks it — inspectors, team, initialLoad, conflicts — or its first problem. */
function checkRoster(
  input: FrozenDrawInput,
): (Roster & { initialLoad: ReadonlyMap<string, number> }) | DrawError {
  try {
    const inspectors = checkInspectors(input.inspectors);
    const team = checkTeam(input.team);
    const initialLoad = checkInitialLoad(input.initialLoad);
    const conflicts = checkConflicts(input.conflicts);
    return { inspectors, team, initialLoad, conflicts };
  } catch (error) {
    if (error instanceof DrawError) return error;
    throw error;
  }
}

/**
 * Draws from a frozen pool: the seed, selected targets and teams that `makeDrawRecord` gives for the pool the
 * text holds (without replacements). Validates every input but the pool as `makeDrawRecord` does, in the spec's
 * order, with the same `DrawError` codes — the strata present in the text each need a ratio (`NO_RATIO`) — and
 * trusts the text and its digest: a text that is not `id TAB stratum LF …` is refused (`BAD_INPUT`) where it is
 * noticed, but the order, the id grammar, duplicates and the digest are not checked.
 */
export function drawFromFrozenPool(input: FrozenDrawInput, options: DrawOptions = {}): FrozenDrawOutcome {
  const value = input as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new DrawError('BAD_INPUT', 'the input must be a JSON object');
  const drawId = checkDrawId(input.drawId);
  const nonce = checkNonce(input.nonce);
  const publicEntropy = checkPublicEntropy(input.publicEntropy);
  // The pool's place in the order of validation: only its form is checked.
  const text = input.poolText as unknown;
  if (typeof text !== 'string') throw new DrawError('BAD_INPUT', 'poolText must be text');
  if (!isNonceHex(input.poolDigest))
    throw new DrawError('BAD_INPUT', 'poolDigest must be 64 lowercase hex characters');
  const ratios = checkRatioValues(input.ratios);
  // A pool stratum without a ratio comes before every later problem, but takes the scan to find: a roster
  // refused here is reported after the scan (which then scores nothing).
  const roster = checkRoster(input);
  const seed = seedOf({ drawId, poolDigest: input.poolDigest, nonce, publicEntropy }, options);
  const scorer = new Scorer(seed, text, prefixHash(options.sha256));
  const strata = scanPool(text, ratios, roster instanceof DrawError ? undefined : scorer);
  if (roster instanceof DrawError) throw roster;

  const order = byScore(scorer, text);
  const picks: Pick[] = [];
  for (const { ratio, column } of strata) {
    if (column === undefined) continue;
    for (const pick of smallest(column, quota(column.size, ratio), order)) picks.push(pick);
  }
  const selected = picks.sort(order).map((pick) => text.slice(pick.start, pick.start + pick.length));
  const assignments = drawTeams(seed, selected, roster, roster.initialLoad, options);
  return { seed: toHex(seed), selected, assignments };
}
