/**
 * The pool's canonical order and digest (§2).
 */
import { compareIds, toHex, writeAscii } from './bytes.js';
import { sha256 as portableSha256 } from './sha256.js';
import type { DrawOptions, PoolEntry } from './types.js';

/** The pool in canonical order: ascending by id (byte-wise). Returns a new array; the entries are shared. */
export function canonicalPool(pool: readonly PoolEntry[]): PoolEntry[] {
  return [...pool].sort((a, b) => compareIds(a[0], b[0]));
}

/**
 * `hex(H(id₁ ‖ TAB ‖ stratum₁ ‖ LF ‖ …))` over the pool as given — pass it in canonical order (as the spec
 * defines the digest) — for validated ids and strata. The empty pool hashes the empty string.
 */
export function poolDigest(pool: readonly PoolEntry[], options: DrawOptions = {}): string {
  let length = 0;
  for (const [id, stratum] of pool) length += id.length + stratum.length + 2;
  // Ids and labels are ASCII by their grammar: one buffer, written code unit by code unit, no per-entry strings.
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const [id, stratum] of pool) {
    offset = writeAscii(bytes, offset, id);
    bytes[offset++] = 0x09;
    offset = writeAscii(bytes, offset, stratum);
    bytes[offset++] = 0x0a;
  }
  return toHex((options.sha256 ?? portableSha256)(bytes));
}
