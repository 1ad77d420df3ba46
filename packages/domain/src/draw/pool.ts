/**
 * The pool's canonical order and digest (§2).
 */
import { compareIds, toHex, utf8, writeAscii } from './bytes.js';
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

/** Where one id stands in a downloaded pool.txt: the text's digest, and the id's line (1-based) and stratum. */
export interface PoolTextEntry {
  /** `hex(H(text))`: equal to the published pool digest when the file is the frozen pool. */
  digest: string;
  /** The id's line, or null when the pool does not hold it. */
  line: number | null;
  stratum: string | null;
}

/**
 * Finds `id` in the text of a published pool (`id TAB stratum LF` per entry, §2) and hashes the text, so a
 * reader can check for themselves what a draw's public check says of an entity.
 */
export function findInPoolText(text: string, id: string, options: DrawOptions = {}): PoolTextEntry {
  const digest = toHex((options.sha256 ?? portableSha256)(utf8(text)));
  const key = `${id}\t`;
  const at = text.startsWith(key) ? 0 : text.indexOf(`\n${key}`) + 1;
  if (at === 0 && !text.startsWith(key)) return { digest, line: null, stratum: null };
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  const end = text.indexOf('\n', at);
  return { digest, line, stratum: text.slice(at + key.length, end < 0 ? undefined : end) };
}
