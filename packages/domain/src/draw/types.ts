/**
 * The plain data of a draw, spec `suiji-draw/1` §6. Everything is JSON: a record parsed from JSON is a `DrawRecord`.
 */
import type { Sha256 } from './sha256.js';

/** The format tag every record carries. */
export const DRAW_FORMAT = 'suiji-draw/1';

/** A pool entry: target id and stratum label. */
export type PoolEntry = readonly [id: string, stratum: string];

/** An inspector of the roster: inspector id and department id. */
export type InspectorEntry = readonly [inspectorId: string, departmentId: string];

/** A pair that must never meet (回避): target id and inspector id. */
export type ConflictEntry = readonly [targetId: string, inspectorId: string];

/** The team to draw for every selected target: `size` inspectors, at least one from each department. */
export interface TeamSpec {
  readonly size: number;
  readonly departments: readonly string[];
}

/** A request to replace inspector `out` of `target`'s current team; the replacement (`in`) is drawn. */
export interface ReplacementRequest {
  readonly target: string;
  readonly out: string;
  readonly reason: string;
}

/** A replacement as recorded: the request and the inspector drawn to take `out`'s place. */
export interface Replacement extends ReplacementRequest {
  readonly in: string;
}

/** A selected target and its team as drawn (before any replacement). */
export type Assignment = readonly [targetId: string, team: readonly string[]];

/** The fields a record is made from (§6); `replacements` are given without their `in`, which is drawn. */
export interface DrawInput {
  readonly drawId: string;
  /** The secret nonce, revealed: 64 lowercase hex characters (32 bytes). */
  readonly nonce: string;
  readonly publicEntropy: string;
  /** Stratum label → ratio in basis points, 0..10000. */
  readonly ratios: Readonly<Record<string, number>>;
  readonly pool: readonly PoolEntry[];
  readonly team: TeamSpec;
  readonly inspectors: readonly InspectorEntry[];
  readonly conflicts?: readonly ConflictEntry[];
  /** Inspector id → assignments already held; default 0. */
  readonly initialLoad?: Readonly<Record<string, number>>;
  readonly replacements?: readonly ReplacementRequest[];
}

/** The published record of a draw (§6): anyone can recompute it from its own fields. */
export interface DrawRecord {
  readonly format: typeof DRAW_FORMAT;
  readonly drawId: string;
  readonly commitment: string;
  readonly nonce: string;
  readonly publicEntropy: string;
  readonly ratios: Readonly<Record<string, number>>;
  /** In canonical order: ascending by id. */
  readonly pool: readonly PoolEntry[];
  readonly poolDigest: string;
  readonly seed: string;
  /** Selected target ids, by score ascending. */
  readonly selected: readonly string[];
  /** `departments` ascending. */
  readonly team: TeamSpec;
  readonly inspectors: readonly InspectorEntry[];
  readonly conflicts: readonly ConflictEntry[];
  readonly initialLoad: Readonly<Record<string, number>>;
  /** One per selected target, in `selected` order; the teams as drawn. */
  readonly assignments: readonly Assignment[];
  /** Applied in order after the draw; a verifier accepts the field absent. */
  readonly replacements: readonly Replacement[];
}

/** Options of every draw function. */
export interface DrawOptions {
  /**
   * The SHA-256 to use; the default is the portable `sha256` of this package. Any correct implementation gives
   * the same result, so a server may pass a faster native one, e.g. `(m) => createHash('sha256').update(m).digest()`.
   */
  readonly sha256?: Sha256;
}
