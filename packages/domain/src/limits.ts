/**
 * Bounds that every entry point enforces the same way (API validation, import, dashboard forms).
 */

/** Ratios are kept in basis points, as the draw specification does: 10% = 1000. */
export const RATIO_MAX_BP = 10_000;

/** Plan years accepted anywhere. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** Times per year an item may be scheduled. */
export const TIMES_PER_YEAR_MAX = 12;

/** Maximum lengths of text fields, in characters. */
export const MAX_LENGTH = {
  code: 64,
  name: 200,
  short: 100,
  text: 2000,
  tag: 50,
  tags: 30,
  password: 200,
} as const;

/** Passwords shorter than this are refused. */
export const PASSWORD_MIN_LENGTH = 8;

/** Parses "10%", "不低于 10%", "0.1", "10" into basis points, or returns null when it is not a ratio. */
export function parseRatioBp(text: string): number | null {
  const match = /(\d+(?:\.\d+)?)\s*(%|％)?/.exec(text.replace(/\s+/g, ''));
  if (!match?.[1]) return null;
  const value = Number(match[1]);
  const percent = match[2] !== undefined || value > 1 ? value : value * 100;
  const bp = Math.round(percent * 100);
  return bp >= 0 && bp <= RATIO_MAX_BP ? bp : null;
}

/** Formats basis points as a percentage for people: 1000 → "10%", 250 → "2.5%". */
export function formatRatioBp(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** The largest spreadsheet accepted by an import, in bytes (the file as uploaded, before decoding). */
export const IMPORT_FILE_MAX_BYTES = 30 * 1024 * 1024;

/** The same file as base64 text, as the import mutation carries it. */
export const IMPORT_FILE_MAX_BASE64 = Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4;

/**
 * The most records one import accepts (rows below the header that are not empty). The import benchmark
 * measures this size; a larger registry is imported in several files.
 */
export const IMPORT_ROWS_MAX = 100_000;

/** The most characters one cell of an imported sheet may hold: no field of a registry holds more. */
export const IMPORT_CELL_MAX_CHARS = MAX_LENGTH.text;
