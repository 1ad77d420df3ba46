/**
 * The hash chain of the trail: how an entry's hash is computed, canonical JSON, and the check that
 * walks the chain and names the first broken entry.
 */
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export interface ChainFields {
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  prevHash: string;
}

/** JSON with object keys sorted at every level and dates as ISO text, so equal data hash equally. */
export function canonicalJson(value: unknown): string {
  const normal = (v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.map(normal);
    if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([k, x]) => [k, normal(x)]));
    }
    return v;
  };
  return JSON.stringify(normal(value));
}

export function entryHash(fields: ChainFields): string {
  const text = [
    fields.prevHash,
    String(fields.seq),
    fields.at.toISOString(),
    fields.actorId ?? '',
    fields.action,
    fields.entity,
    fields.entityId,
    fields.before ?? '',
    fields.after ?? '',
  ].join('\n');
  return createHash('sha256').update(text).digest('hex');
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The first entry whose hash, link or position is wrong. */
  brokenSeq: number | null;
  problem: string | null;
}

/**
 * Checks entries one at a time, in `seq` order, keeping only the last hash: a trail of any length is
 * checked in constant memory. `add` answers the first entry that does not hold, null while all do.
 */
export class ChainChecker {
  private previous = GENESIS;
  private expectedSeq = 1;
  private checked = 0;

  add(entry: ChainFields & { hash: string }): ChainCheck | null {
    const broken = (problem: string): ChainCheck => ({
      ok: false,
      checked: this.checked,
      brokenSeq: entry.seq,
      problem,
    });
    if (entry.seq !== this.expectedSeq) return broken(`entry ${this.expectedSeq} is missing`);
    if (entry.prevHash !== this.previous) return broken('it does not link to the entry before it');
    if (entryHash(entry) !== entry.hash) return broken('its content does not match its hash');
    this.previous = entry.hash;
    this.expectedSeq++;
    this.checked++;
    return null;
  }

  /** The outcome when every entry added held. */
  result(): ChainCheck {
    return { ok: true, checked: this.checked, brokenSeq: null, problem: null };
  }
}

/** Walks entries in `seq` order and names the first one that does not hold. */
export function checkChain(entries: Iterable<ChainFields & { hash: string }>): ChainCheck {
  const checker = new ChainChecker();
  for (const entry of entries) {
    const broken = checker.add(entry);
    if (broken) return broken;
  }
  return checker.result();
}
