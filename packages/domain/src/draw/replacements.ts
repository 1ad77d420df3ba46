/**
 * Replacements (§5a): an inspector leaving a team is replaced by one drawn, not chosen; load plays no part.
 */
import { compareBytes, utf8, writeAscii } from './bytes.js';
import { DrawError } from './error.js';
import { prefixHash } from './sha256.js';
import { conflictsByTarget, type Roster } from './teams.js';
import type { Assignment, DrawOptions, Replacement, ReplacementRequest } from './types.js';

const REPLACE_TAG = utf8('replace\0');

/**
 * Draws `requests` in order on the teams as drawn (`assignments`), each on the team left by the ones before.
 * Throws `NOT_IN_TEAM` when `out` is not in the target's current team (or the target was not drawn) and
 * `INSUFFICIENT_INSPECTORS` when nobody is left to draw; all or nothing.
 */
export function drawReplacements(
  seed: Uint8Array,
  assignments: readonly Assignment[],
  roster: Roster,
  requests: readonly ReplacementRequest[],
  options: DrawOptions = {},
): Replacement[] {
  const hash = prefixHash(options.sha256);
  const wanted = new Set(roster.team.departments);
  const eligible = roster.inspectors.filter(([, department]) => wanted.has(department));
  const departmentOf = new Map(eligible);
  const conflicts = conflictsByTarget(roster.conflicts);
  const teams = new Map<string, string[]>(assignments.map(([target, team]) => [target, [...team]]));
  const replacedOut = new Map<string, Set<string>>();
  const message = new Uint8Array(seed.length + REPLACE_TAG.length + 3 * 65 + 20);
  message.set(seed, 0);
  message.set(REPLACE_TAG, seed.length);

  return requests.map(({ target, out, reason }): Replacement => {
    const team = teams.get(target);
    const position = team?.indexOf(out) ?? -1;
    if (team === undefined || position < 0)
      throw new DrawError('NOT_IN_TEAM', `${out} is not in the current team of ${target}`);
    let gone = replacedOut.get(target);
    if (gone === undefined) replacedOut.set(target, (gone = new Set()));
    const n = gone.size + 1; // every replacement on a target puts one more inspector out of it
    const department = departmentOf.get(out);
    const keepDepartment = !team.some((member) => member !== out && departmentOf.get(member) === department);
    const avoid = conflicts.get(target);
    let prefix = writeAscii(message, seed.length + REPLACE_TAG.length, target);
    message[prefix++] = 0;
    prefix = writeAscii(message, prefix, out);
    message[prefix++] = 0;
    prefix = writeAscii(message, prefix, String(n));
    message[prefix++] = 0;
    let best: { id: string; rank: Uint8Array } | undefined;
    for (const [id, idDepartment] of eligible) {
      if (team.includes(id) || gone.has(id) || avoid?.has(id) === true) continue;
      if (keepDepartment && idDepartment !== department) continue;
      const rank = new Uint8Array(32);
      hash(message, writeAscii(message, prefix, id), rank);
      if (best === undefined || compareBytes(rank, best.rank) < 0) best = { id, rank };
    }
    if (best === undefined)
      throw new DrawError('INSUFFICIENT_INSPECTORS', `no inspector left to replace ${out} on ${target}`);
    team[position] = best.id;
    gone.add(out);
    return { target, out, in: best.id, reason };
  });
}
