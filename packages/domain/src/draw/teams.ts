/**
 * Inspector teams (§5): for each selected target, one inspector per department, then the rest of the team,
 * preferring the least loaded and, among equals, the smallest rank.
 */
import { compareBytes, utf8, writeAscii } from './bytes.js';
import { DrawError } from './error.js';
import { prefixHash } from './sha256.js';
import type { Assignment, ConflictEntry, DrawOptions, InspectorEntry, TeamSpec } from './types.js';

/** What teams are drawn from, validated. */
export interface Roster {
  /** `departments` ascending. */
  readonly team: TeamSpec;
  readonly inspectors: readonly InspectorEntry[];
  readonly conflicts: readonly ConflictEntry[];
}

/** Target id → the inspectors it must never meet. */
export function conflictsByTarget(
  conflicts: readonly ConflictEntry[],
): ReadonlyMap<string, ReadonlySet<string>> {
  const byTarget = new Map<string, Set<string>>();
  for (const [target, inspector] of conflicts) {
    let set = byTarget.get(target);
    if (set === undefined) byTarget.set(target, (set = new Set()));
    set.add(inspector);
  }
  return byTarget;
}

const NO_CONFLICTS: ReadonlySet<string> = new Set();
const INSPECTOR_TAG = utf8('inspector\0');

/** An eligible inspector and the load it carries so far. */
interface Candidate {
  readonly id: string;
  readonly department: string;
  load: number;
}

/** Inspectors grouped by load, so a pick looks at the lowest level that has a candidate and hashes nobody else. */
class LoadLevels {
  private readonly members = new Map<number, Set<Candidate>>();
  /** The distinct loads held, ascending. */
  readonly loads: number[] = [];

  add(inspector: Candidate, load: number): void {
    let level = this.members.get(load);
    if (level === undefined) {
      this.members.set(load, (level = new Set()));
      // The loads are ascending and distinct, and `load` is new: it goes before the first larger one.
      const above = this.loads.findIndex((l) => l > load);
      this.loads.splice(above === -1 ? this.loads.length : above, 0, load);
    }
    level.add(inspector);
  }

  remove(inspector: Candidate, load: number): void {
    const level = this.members.get(load);
    if (level === undefined) return;
    level.delete(inspector);
    if (level.size === 0) {
      this.members.delete(load);
      this.loads.splice(this.loads.indexOf(load), 1);
    }
  }

  at(load: number): ReadonlySet<Candidate> {
    return this.members.get(load) ?? new Set();
  }
}

/**
 * Draws the team of every selected target, in order (§5 steps 1–4), with loads starting at `initialLoad`.
 * Throws `INSUFFICIENT_INSPECTORS` when a team cannot be filled. The teams are in pick order.
 *
 * "The first of E (sorted by load, then rank) that qualifies" is the smallest rank among the qualifying inspectors
 * of the lowest load level that has one; so only those ranks are hashed, never the whole of E.
 */
export function drawTeams(
  seed: Uint8Array,
  selected: readonly string[],
  roster: Roster,
  initialLoad: ReadonlyMap<string, number>,
  options: DrawOptions = {},
): Assignment[] {
  const hash = prefixHash(options.sha256);
  const { size, departments } = roster.team;
  const wanted = new Set(departments);
  const eligible = roster.inspectors
    .filter(([, department]) => wanted.has(department))
    .map(([id, department]): Candidate => ({ id, department, load: initialLoad.get(id) ?? 0 }));
  const levels = new LoadLevels();
  for (const candidate of eligible) levels.add(candidate, candidate.load);
  const conflicts = conflictsByTarget(roster.conflicts);

  const message = new Uint8Array(seed.length + INSPECTOR_TAG.length + 64 + 1 + 64);
  message.set(seed, 0);
  message.set(INSPECTOR_TAG, seed.length);

  return selected.map((target): Assignment => {
    const avoid = conflicts.get(target) ?? NO_CONFLICTS;
    let prefix = writeAscii(message, seed.length + INSPECTOR_TAG.length, target);
    message[prefix++] = 0;
    const ranks = new Map<Candidate, Uint8Array>();
    const rank = (candidate: Candidate): Uint8Array => {
      let r = ranks.get(candidate);
      if (r === undefined) {
        r = new Uint8Array(32);
        hash(message, writeAscii(message, prefix, candidate.id), r);
        ranks.set(candidate, r);
      }
      return r;
    };
    const picks: Candidate[] = [];
    const pick = (qualifies: (candidate: Candidate) => boolean, what: string): void => {
      for (const level of levels.loads) {
        let best: Candidate | undefined;
        let bestRank: Uint8Array | undefined;
        for (const candidate of levels.at(level)) {
          if (!qualifies(candidate) || avoid.has(candidate.id) || picks.includes(candidate)) continue;
          const r = rank(candidate);
          if (bestRank === undefined || compareBytes(r, bestRank) < 0) {
            best = candidate;
            bestRank = r;
          }
        }
        if (best !== undefined) {
          picks.push(best);
          return;
        }
      }
      throw new DrawError('INSUFFICIENT_INSPECTORS', `target ${target}: no ${what} left to draw`);
    };
    for (const department of departments)
      pick((candidate) => candidate.department === department, `inspector of department ${department}`);
    while (picks.length < size) pick(() => true, 'inspector');
    for (const candidate of picks) {
      levels.remove(candidate, candidate.load);
      levels.add(candidate, ++candidate.load);
    }
    return [target, picks.map((candidate) => candidate.id)];
  });
}
