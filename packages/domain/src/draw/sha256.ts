/* eslint-disable @typescript-eslint/no-non-null-assertion -- Every index below is in bounds by construction: W has
   64 words and H 8, loops run over exactly those ranges, and compress() reads 64 bytes at an offset the callers keep
   within the buffer. A check per read would sit in the inner rounds, which run millions of times per draw. */
/**
 * SHA-256 (FIPS 180-4) in portable, synchronous TypeScript: the same code runs in Node and in browsers,
 * where `crypto.subtle.digest` is asynchronous and so unusable for a draw that hashes a million ids in a loop.
 */

/** A SHA-256 implementation: the 32-byte digest of `message`. Inject a faster one (e.g. Node's) through `DrawOptions`. */
export type Sha256 = (message: Uint8Array) => Uint8Array;

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const INITIAL = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

// Scratch space reused by every call: the function is synchronous, so no two calls can interleave.
const W = new Int32Array(64);
const H = new Int32Array(8);
const TAIL = new Uint8Array(128);

function compress(bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const o = offset + 4 * i;
    W[i] = (bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = H[0]!;
  let b = H[1]!;
  let c = H[2]!;
  let d = H[3]!;
  let e = H[4]!;
  let f = H[5]!;
  let g = H[6]!;
  let h = H[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0]! + a) | 0;
  H[1] = (H[1]! + b) | 0;
  H[2] = (H[2]! + c) | 0;
  H[3] = (H[3]! + d) | 0;
  H[4] = (H[4]! + e) | 0;
  H[5] = (H[5]! + f) | 0;
  H[6] = (H[6]! + g) | 0;
  H[7] = (H[7]! + h) | 0;
}

/** The SHA-256 digest of `message`, 32 bytes. Portable (no Node or browser API) and synchronous. */
export const sha256: Sha256 = (message) => {
  const digest = new Uint8Array(32);
  sha256Prefix(message, message.length, digest);
  return digest;
};

/**
 * Writes into `digest` the SHA-256 of the first `length` bytes of `buffer`. The draw's loops rewrite one buffer in
 * place and hash a prefix of it into one scratch digest: no view and no digest allocated per hash.
 */
export function sha256Prefix(buffer: Uint8Array, length: number, digest: Uint8Array): void {
  H.set(INITIAL);
  const full = length - (length % 64);
  for (let offset = 0; offset < full; offset += 64) compress(buffer, offset);
  const rest = length - full;
  const tailLength = rest < 56 ? 64 : 128;
  for (let i = 0; i < rest; i++) TAIL[i] = buffer[full + i]!;
  TAIL[rest] = 0x80;
  for (let i = rest + 1; i < tailLength - 8; i++) TAIL[i] = 0;
  // The message length in bits, big-endian, in the last 8 bytes; lengths stay below 2^53 bits.
  const bits = length * 8;
  const high = Math.floor(bits / 0x100000000);
  const low = bits >>> 0;
  TAIL[tailLength - 8] = high >>> 24;
  TAIL[tailLength - 7] = high >>> 16;
  TAIL[tailLength - 6] = high >>> 8;
  TAIL[tailLength - 5] = high;
  TAIL[tailLength - 4] = low >>> 24;
  TAIL[tailLength - 3] = low >>> 16;
  TAIL[tailLength - 2] = low >>> 8;
  TAIL[tailLength - 1] = low;
  compress(TAIL, 0);
  if (tailLength === 128) compress(TAIL, 64);
  for (let i = 0; i < 8; i++) {
    const word = H[i]!;
    digest[4 * i] = word >>> 24;
    digest[4 * i + 1] = word >>> 16;
    digest[4 * i + 2] = word >>> 8;
    digest[4 * i + 3] = word;
  }
}

/** A hash of a buffer's prefix into `digest`, as the draw's loops call it. */
export type PrefixHash = (buffer: Uint8Array, length: number, digest: Uint8Array) => void;

/** The prefix hash to use for `inject` (an injected SHA-256), or the portable one when there is none. */
export function prefixHash(inject: Sha256 | undefined): PrefixHash {
  return inject === undefined
    ? sha256Prefix
    : (buffer, length, digest) => digest.set(inject(buffer.subarray(0, length)));
}
