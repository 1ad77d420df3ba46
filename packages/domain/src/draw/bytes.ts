/**
 * Byte helpers of the draw: UTF-8, lowercase hex, byte-wise comparison. Portable (TextEncoder exists in Node and browsers).
 */

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The UTF-8 bytes of `text` (without normalisation). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Lowercase hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += HEX[byte] ?? '';
  return out;
}

/** The bytes of a lowercase hex string; the caller has checked it is lowercase hex of even length. */
export function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** Compares two byte strings as unsigned big-endian numbers (for equal lengths; a prefix sorts first). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    // Both reads are in bounds (i < n); `?? 0` only satisfies the type.
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** Whether `text` is well-formed Unicode: every surrogate is half of a pair. */
export function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/**
 * Writes `ascii` (a validated id: every code unit below 0x80) into `buffer` at `offset`; returns the offset after it.
 * Ids are ASCII by their grammar, so this skips TextEncoder and its allocation in the draw's hot loops.
 */
export function writeAscii(buffer: Uint8Array, offset: number, ascii: string): number {
  for (let i = 0; i < ascii.length; i++) buffer[offset + i] = ascii.charCodeAt(i);
  return offset + ascii.length;
}

/** Compares ids in the spec's ascending order (byte-wise UTF-8, which is code-unit order for the id charset). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
