/**
 * The commitment to the nonce (§1) and the seed of a draw (§3).
 */
import { fromHex, toHex, utf8 } from './bytes.js';
import { DrawError } from './error.js';
import { sha256 as portableSha256 } from './sha256.js';
import type { DrawOptions } from './types.js';
import { isNonceHex } from './validate.js';

/** The format tag hashed into every seed. */
const SEED_TAG = 'suiji-draw/1';

/**
 * The commitment published when a draw is scheduled: `hex(H(N))` of the 32 raw nonce bytes (not of their hex).
 * Throws `BAD_NONCE` unless `nonceHex` is 64 lowercase hex characters.
 */
export function commitmentOf(nonceHex: string, options: DrawOptions = {}): string {
  if (!isNonceHex(nonceHex))
    throw new DrawError('BAD_NONCE', 'nonce must be exactly 64 lowercase hex characters');
  return toHex((options.sha256 ?? portableSha256)(fromHex(nonceHex)));
}

/** The parts of the seed, validated by the caller. */
export interface SeedParts {
  readonly drawId: string;
  readonly poolDigest: string;
  readonly nonce: string;
  readonly publicEntropy: string;
}

/** `H("suiji-draw/1" ‖ LF ‖ drawId ‖ LF ‖ poolDigest ‖ LF ‖ hex(N) ‖ LF ‖ publicEntropy)`, 32 raw bytes. */
export function seedOf(parts: SeedParts, options: DrawOptions = {}): Uint8Array {
  const text = [SEED_TAG, parts.drawId, parts.poolDigest, parts.nonce, parts.publicEntropy].join('\n');
  return (options.sha256 ?? portableSha256)(utf8(text));
}
