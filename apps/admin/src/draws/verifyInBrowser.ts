/**
 * Verification of a published draw in the reader's own browser: the record is recomputed with the domain's
 * pure TypeScript SHA-256 (spec suiji-draw/1 §6), and it must also be the record of the draw the dashboard
 * shows: same id, the commitment and pool digest published when it was scheduled, the same entropy and seed.
 */
import { DrawError, verifyDrawRecord } from '@suiji/domain';

/** What the dashboard published about a draw, which the record must agree with. */
export interface PublishedDraw {
  id: string | number;
  commitment: string;
  poolDigest: string;
  publicEntropy: string | null;
  seed: string | null;
}

export type BrowserVerification = { ok: true } | { ok: false; field: string } | { ok: false; error: string };

const PUBLISHED_FIELDS = ['drawId', 'commitment', 'poolDigest', 'publicEntropy', 'seed'] as const;

/** Checks a downloaded record (parsed JSON) against the published draw, then recomputes it. */
export function verifyPublishedRecord(published: PublishedDraw, record: unknown): BrowserVerification {
  if (typeof record !== 'object' || record === null || Array.isArray(record))
    return { ok: false, error: 'BAD_INPUT' };
  const fields = record as Record<string, unknown>;
  const expected: Record<(typeof PUBLISHED_FIELDS)[number], unknown> = {
    drawId: String(published.id),
    commitment: published.commitment,
    poolDigest: published.poolDigest,
    publicEntropy: published.publicEntropy,
    seed: published.seed,
  };
  for (const field of PUBLISHED_FIELDS) if (fields[field] !== expected[field]) return { ok: false, field };
  try {
    return verifyDrawRecord(record);
  } catch (error) {
    if (error instanceof DrawError) return { ok: false, error: error.code };
    throw error;
  }
}

/** Downloads the record of a draw (same origin, no sign-in needed) and verifies it here. */
export async function fetchAndVerify(
  published: PublishedDraw,
  recordUrl: string,
): Promise<BrowserVerification> {
  const response = await fetch(recordUrl, { headers: { Accept: 'application/json' } });
  if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
  let record: unknown;
  try {
    record = await response.json();
  } catch {
    return { ok: false, error: 'BAD_JSON' };
  }
  return verifyPublishedRecord(published, record);
}
