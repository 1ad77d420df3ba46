/**
 * The error codes of spec `suiji-draw/1`, plus `BAD_INPUT` for input whose JSON shape is not the spec's
 * (not an object, a list that is not a list, an entry that is not a pair, a replacement reason that is not text).
 */
export const DRAW_ERROR_CODES = [
  'BAD_INPUT',
  'BAD_ID',
  'BAD_STRATUM',
  'BAD_NONCE',
  'BAD_ENTROPY',
  'DUPLICATE_ID',
  'BAD_RATIO',
  'NO_RATIO',
  'BAD_TEAM',
  'BAD_LOAD',
  'INSUFFICIENT_INSPECTORS',
  'NOT_IN_TEAM',
] as const;

/** One of `DRAW_ERROR_CODES`. */
export type DrawErrorCode = (typeof DRAW_ERROR_CODES)[number];

/** A draw that cannot be made (or a replacement that cannot be drawn); `code` is the spec's error code. */
export class DrawError extends Error {
  override readonly name = 'DrawError';

  constructor(
    readonly code: DrawErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}
