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

/** Passwords shorter than this are refused (see `checkPassword` for the rest of the policy). */
export const PASSWORD_MIN_LENGTH = 8;

/**
 * How failed sign-ins are throttled, checked before any password is hashed, so that guessing costs the
 * server nothing once throttled. Per account (the username as typed, whether it exists or not): the first
 * `accountFreeFailures` failures cost nothing; from then on each failure makes the account wait
 * `accountFirstDelaySeconds`, doubled at every further failure up to `accountMaxDelaySeconds` (30 s, 1, 2,
 * 4, 8 min, then 15 min a guess: about 100 guesses a day). An account's failures are forgotten
 * `accountWindowSeconds` after the first of them, or at a successful sign-in. Per address (the client's
 * IP): at most `addressMaxFailures` failures in `addressWindowSeconds`, over all accounts, then nothing
 * from that address until the window ends — a successful sign-in does not clear it.
 */
export const LOGIN_THROTTLE = {
  accountFreeFailures: 5,
  accountFirstDelaySeconds: 30,
  accountMaxDelaySeconds: 15 * 60,
  accountWindowSeconds: 24 * 3600,
  addressMaxFailures: 30,
  addressWindowSeconds: 15 * 60,
} as const;

export type LoginThrottleLimits = { readonly [K in keyof typeof LOGIN_THROTTLE]: number };

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
 * What one GraphQL request may ask of the API, by caller: the public gets tighter bounds than signed-in
 * staff. The API refuses a request over any of them before running it (apps/api/src/graphql/limits.ts);
 * the dashboard's own operations are measured against them in a test, with room to spare.
 */
export interface RequestLimits {
  /** The JSON body of a request, in bytes. */
  bodyBytes: number;
  /** The operation's text (`query`), in characters. */
  characters: number;
  /** The operation's text, in GraphQL tokens (names, punctuation, values). */
  tokens: number;
  /** Fields nested in fields, counted from the root (a fragment counts as a level too). */
  depth: number;
  /** Fields asked under another name (`a: targets { … }`), which repeat work in one request. */
  aliases: number;
  /**
   * graphql-armor's estimate of the work: 1 per scalar field, 2 per object field, a field one level deeper
   * counting 1.5 times as much.
   */
  cost: number;
}

/**
 * Several times what the dashboard's largest operations measure (the test in
 * apps/admin/src/providers/limits.test.ts measures every one). Only an import carries a file; its larger
 * body is `IMPORT_REQUEST_MAX_BYTES`.
 */
export const REQUEST_LIMITS: Readonly<Record<'anonymous' | 'signedIn', Readonly<RequestLimits>>> = {
  anonymous: { bodyBytes: 16 * 1024, characters: 2_000, tokens: 400, depth: 6, aliases: 2, cost: 500 },
  signedIn: {
    bodyBytes: 256 * 1024,
    characters: 10_000,
    tokens: 1_000,
    depth: 8,
    aliases: 5,
    cost: 1_500,
  },
};

/**
 * The body of an import: one file as base64 and its operation. Accepted only from a caller who may
 * import, and only for an operation that imports and does nothing else.
 */
export const IMPORT_REQUEST_MAX_BYTES = IMPORT_FILE_MAX_BASE64 + 64 * 1024;

/** Exports in one operation: each builds a whole registry's file, so a request asks for one at most. */
export const EXPORTS_PER_OPERATION_MAX = 1;

/**
 * The most records one import accepts (rows below the header that are not empty). The import benchmark
 * measures this size; a larger registry is imported in several files.
 */
export const IMPORT_ROWS_MAX = 100_000;

/** The most characters one cell of an imported sheet may hold: no field of a registry holds more. */
export const IMPORT_CELL_MAX_CHARS = MAX_LENGTH.text;

/** How many entities one public check of a draw answers for (entities of the same full name). */
export const POOL_CHECK_MATCHES = 5;

/**
 * How many entities of one name a public check looks up in the draw, to find those it considered: each is
 * a search of the frozen pool's text in the database (about 80 ms for a pool of 1,000,000 on PostgreSQL).
 * A name shared by more is asked again by credit code.
 */
export const POOL_CHECK_CANDIDATES = 12;

/** What a public check of a draw is asked with: an entity's full name or its credit code, this long. */
export const POOL_CHECK_QUERY = { min: 2, max: 100 } as const;

/** How many results one batch review (批量公示) may publish. */
export const BATCH_REVIEW_MAX = 100;
