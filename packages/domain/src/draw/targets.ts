/**
 * Stratified selection of targets (§4): per stratum, the `k_s` entries of smallest score.
 */
import { compareBytes, compareIds, utf8, writeAscii } from './bytes.js';
import { prefixHash } from './sha256.js';
import type { DrawOptions, PoolEntry } from './types.js';

/** `k_s = ceil(n_s · r_s / 10000)` in integers, for a stratum of `n` entries and a ratio of `ratioBp` basis points. */
export function quota(n: number, ratioBp: number): number {
  return Math.floor((n * ratioBp + 9999) / 10000);
}

/** A scored target. */
interface Scored {
  readonly id: string;
  readonly score: Uint8Array;
}

function byScore(a: Scored, b: Scored): number {
  return compareBytes(a.score, b.score) || compareIds(a.id, b.id);
}

/**
 * Keeps the `k` smallest of the scores offered: a max-heap of size `k`, so a stratum of a million entries costs
 * O(n log k) comparisons instead of a full sort, and most offers end at one comparison with the root.
 */
class SmallestK {
  private readonly heap: Scored[] = [];

  constructor(private readonly k: number) {}

  /** Whether a score would enter: checked before anything is allocated for it. */
  wants(score: Uint8Array): boolean {
    const root = this.heap[0];
    return this.heap.length < this.k || (root !== undefined && compareBytes(score, root.score) <= 0);
  }

  offer(item: Scored): void {
    const heap = this.heap;
    // The heap is a dense array: a read is undefined exactly when its index is past the end.
    if (heap.length < this.k) {
      let i = heap.push(item) - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const above = heap[parent];
        if (above === undefined || byScore(above, item) >= 0) break;
        heap[i] = above;
        i = parent;
      }
      heap[i] = item;
      return;
    }
    // With k = 0 the heap stays empty and there is no root.
    const root = heap[0];
    if (root === undefined || byScore(item, root) >= 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const leftItem = heap[left];
      if (leftItem === undefined) break;
      const rightItem = heap[left + 1];
      let larger = left;
      let largerItem = leftItem;
      if (rightItem !== undefined && byScore(rightItem, leftItem) > 0) {
        larger = left + 1;
        largerItem = rightItem;
      }
      if (byScore(largerItem, item) <= 0) break;
      heap[i] = largerItem;
      i = larger;
    }
    heap[i] = item;
  }

  items(): readonly Scored[] {
    return this.heap;
  }
}

/** The tag of a target's score, `"target" ‖ NUL` (§4). */
export const TARGET_TAG = utf8('target\0');

/**
 * Selects the targets (§4) from a validated pool, in any order, given every pool stratum's ratio:
 * in each stratum the `k_s` entries with the smallest `H(seed ‖ "target" ‖ NUL ‖ id)`, all ordered by score ascending.
 */
export function selectTargets(
  seed: Uint8Array,
  pool: readonly PoolEntry[],
  ratios: ReadonlyMap<string, number>,
  options: DrawOptions = {},
): string[] {
  const hash = prefixHash(options.sha256);
  const sizes = new Map<string, number>();
  for (const [, stratum] of pool) sizes.set(stratum, (sizes.get(stratum) ?? 0) + 1);
  const strata = new Map<string, SmallestK>();
  for (const [stratum, n] of sizes) {
    const k = quota(n, ratios.get(stratum) ?? 0);
    if (k > 0) strata.set(stratum, new SmallestK(k));
  }
  // The message prefix is written once; each id is written after it in place.
  const message = new Uint8Array(seed.length + TARGET_TAG.length + 64);
  message.set(seed, 0);
  message.set(TARGET_TAG, seed.length);
  const prefix = seed.length + TARGET_TAG.length;
  const score = new Uint8Array(32);
  for (const [id, stratum] of pool) {
    const best = strata.get(stratum);
    if (best === undefined) continue; // a stratum selecting nobody needs no scores
    hash(message, writeAscii(message, prefix, id), score);
    if (best.wants(score)) best.offer({ id, score: score.slice() });
  }
  const selected: Scored[] = [];
  for (const best of strata.values()) for (const item of best.items()) selected.push(item);
  return selected.sort(byScore).map((item) => item.id);
}
