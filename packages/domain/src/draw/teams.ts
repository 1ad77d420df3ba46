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

/** Inspectors grouped by load, so a pick looks at the lowest level that has a candidate and hashes nobody else. */
class LoadLevels {
  private readonly members = new Map<number, Set<number>>();
  /** The distinct loads held, ascending. */
  readonly loads: number[] = [];

  add(inspector: number, load: number): void {
    let level = this.members.get(load);
    if (level === undefined) {
      this.members.set(load, (level = new Set()));
      let i = this.loads.length;
      while (i > 0 && this.loads[i - 1]! > load) i--;
      this.loads.splice(i, 0, load);
    }
    level.add(inspector);
  }

  remove(inspector: number, load: number): void {
    const level = this.members.get(load);
    if (level === undefined) return;
    level.delete(inspector);
    if (level.size === 0) {
      this.members.delete(load);
      this.loads.splice(this.loads.indexOf(load), 1);
    }
  }

  at(load: number): ReadonlySet<number> {
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
  const eligible = roster.inspectors.filter(([, department]) => wanted.has(department));
  const ids = eligible.map(([id]) => id);
  const departmentOf = eligible.map(([, department]) => department);
  const load = ids.map((id) => initialLoad.get(id) ?? 0);
  const levels = new LoadLevels();
  load.forEach((l, i) => levels.add(i, l));
  const conflicts = conflictsByTarget(roster.conflicts);

  const message = new Uint8Array(seed.length + INSPECTOR_TAG.length + 64 + 1 + 64);
  message.set(seed, 0);
  message.set(INSPECTOR_TAG, seed.length);

  return selected.map((target): Assignment => {
    const avoid = conflicts.get(target) ?? NO_CONFLICTS;
    let prefix = writeAscii(message, seed.length + INSPECTOR_TAG.length, target);
    message[prefix++] = 0;
    const ranks = new Map<number, Uint8Array>();
    const rank = (i: number): Uint8Array => {
      let r = ranks.get(i);
      if (r === undefined) {
        r = new Uint8Array(32);
        hash(message, writeAscii(message, prefix, ids[i]!), r);
        ranks.set(i, r);
      }
      return r;
    };
    const picks: number[] = [];
    const pick = (qualifies: (i: number) => boolean, what: string): void => {
      for (const level of levels.loads) {
        let best = -1;
        let bestRank: Uint8Array | undefined;
        for (const i of levels.at(level)) {
          if (!qualifies(i) || avoid.has(ids[i]!) || picks.includes(i)) continue;
          const r = rank(i);
          if (bestRank === undefined || compareBytes(r, bestRank) < 0) {
            best = i;
            bestRank = r;
          }
        }
        if (bestRank !== undefined) {
          picks.push(best);
          return;
        }
      }
      throw new DrawError('INSUFFICIENT_INSPECTORS', `target ${target}: no ${what} left to draw`);
    };
    for (const department of departments)
      pick((i) => departmentOf[i] === department, `inspector of department ${department}`);
    while (picks.length < size) pick(() => true, 'inspector');
    for (const i of picks) {
      levels.remove(i, load[i]!);
      levels.add(i, ++load[i]!);
    }
    return [target, picks.map((i) => ids[i]!)];
  });
}
