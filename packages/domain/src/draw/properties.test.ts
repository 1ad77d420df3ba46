import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from './bytes.js';
import { DrawError } from './error.js';
import { makeDrawRecord } from './record.js';
import { quota } from './targets.js';
import type { DrawInput, DrawRecord } from './types.js';
import { verifyDrawRecord } from './verify.js';

const STRATA = ['A', 'B', 'C'] as const;
const DEPARTMENTS = ['D1', 'D2', 'D3'] as const;

const nonce = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(toHex);
const pool = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom(...STRATA)), {
  maxLength: 40,
  selector: ([n]) => n,
});
const inspectors = fc.uniqueArray(
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.constantFrom(...DEPARTMENTS)),
  {
    minLength: 2,
    maxLength: 16,
    selector: ([n]) => n,
  },
);

/** Arbitrary valid draw inputs: strata A–C, departments D1–D3, some conflicts and initial loads. */
const drawInput: fc.Arbitrary<DrawInput> = fc
  .record({
    nonce,
    publicEntropy: fc.string(),
    pool,
    ratios: fc.tuple(...STRATA.map(() => fc.oneof(fc.integer({ min: 0, max: 10000 }), fc.constant(10000)))),
    inspectors,
    departments: fc.subarray([...DEPARTMENTS], { minLength: 1 }),
    extra: fc.integer({ min: 0, max: 2 }),
    conflictPicks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 20 }),
    loads: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { maxLength: 5 }),
  })
  .map((r) => {
    const targetIds = r.pool.map(([n]) => `T${n}`);
    const inspectorIds = r.inspectors.map(([n]) => `I${n}`);
    const at = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(list.length, 1)];
    return {
      drawId: 'P-1',
      nonce: r.nonce,
      publicEntropy: r.publicEntropy,
      ratios: Object.fromEntries(STRATA.map((s, i) => [s, r.ratios[i]!])),
      pool: r.pool.map(([n, s]) => [`T${n}`, s] as const),
      team: { size: Math.max(2, r.departments.length) + r.extra, departments: r.departments },
      inspectors: r.inspectors.map(([n, d]) => [`I${n}`, d] as const),
      conflicts: r.conflictPicks.flatMap(([t, i]) => {
        const target = at(targetIds, t);
        const inspector = at(inspectorIds, i);
        return target === undefined || inspector === undefined ? [] : [[target, inspector] as const];
      }),
      initialLoad: Object.fromEntries(r.loads.map(([i, load]) => [at(inspectorIds, i)!, load])),
    };
  });

/** The record, or the code of the error it was refused with. */
function attempt(input: DrawInput): DrawRecord | string {
  try {
    return makeDrawRecord(input);
  } catch (error) {
    if (error instanceof DrawError) return error.code;
    throw error;
  }
}

function shuffled<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list
    .map((item, i) => ({ item, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map(({ item }) => item);
}

describe('the draw, on arbitrary inputs', () => {
  it('selects exactly ceil(n·r/10000) targets of each stratum, and the record verifies', () => {
    fc.assert(
      fc.property(drawInput, (input) => {
        const record = attempt(input);
        if (typeof record === 'string') {
          expect(record).toBe('INSUFFICIENT_INSPECTORS');
          return;
        }
        const stratumOf = new Map(input.pool);
        for (const stratum of STRATA) {
          const n = input.pool.filter(([, s]) => s === stratum).length;
          const drawn = record.selected.filter((id) => stratumOf.get(id) === stratum).length;
          expect(drawn).toBe(quota(n, input.ratios[stratum]!));
        }
        expect(new Set(record.selected).size).toBe(record.selected.length);
        expect(verifyDrawRecord(record)).toEqual({ ok: true });
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same outcome whatever the order of the pool, inspectors and conflicts', () => {
    fc.assert(
      fc.property(drawInput, fc.array(fc.double({ noNaN: true }), { minLength: 1 }), (input, keys) => {
        const reordered = {
          ...input,
          pool: shuffled(input.pool, keys),
          inspectors: shuffled(input.inspectors, [...keys].reverse()),
          conflicts: shuffled(input.conflicts ?? [], keys),
          team: { ...input.team, departments: shuffled(input.team.departments, keys) },
        };
        const a = attempt(input);
        const b = attempt(reordered);
        if (typeof a === 'string' || typeof b === 'string') {
          expect(b).toEqual(a);
          return;
        }
        expect([b.pool, b.poolDigest, b.seed, b.selected, b.assignments]).toEqual([
          a.pool,
          a.poolDigest,
          a.seed,
          a.selected,
          a.assignments,
        ]);
      }),
      { numRuns: 200 },
    );
  });

  it('changes the seed when the nonce, the public entropy or the pool changes', () => {
    fc.assert(
      fc.property(
        drawInput,
        nonce,
        fc.string(),
        fc.integer({ min: 1000, max: 1999 }),
        (input, other, text, extra) => {
          const seed = (changed: DrawInput): string => {
            const record = attempt({ ...changed, ratios: { A: 0, B: 0, C: 0 } });
            if (typeof record === 'string') throw new Error(record);
            return record.seed;
          };
          const base = seed(input);
          if (other !== input.nonce) expect(seed({ ...input, nonce: other })).not.toBe(base);
          if (text !== input.publicEntropy) expect(seed({ ...input, publicEntropy: text })).not.toBe(base);
          expect(seed({ ...input, pool: [...input.pool, [`T${extra}`, 'A']] })).not.toBe(base);
          if (input.pool.length > 0) {
            const [[id, stratum], ...rest] = input.pool as [
              readonly [string, string],
              ...(readonly [string, string])[],
            ];
            expect(seed({ ...input, pool: [[id, stratum === 'A' ? 'B' : 'A'], ...rest] })).not.toBe(base);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never sends an inspector to a target they conflict with, and fills every team from its departments', () => {
    fc.assert(
      fc.property(drawInput, (input) => {
        const record = attempt(input);
        if (typeof record === 'string') return;
        const conflicts = new Set((input.conflicts ?? []).map(([t, i]) => `${t} ${i}`));
        const departmentOf = new Map(input.inspectors);
        for (const [target, team] of record.assignments) {
          expect(team).toHaveLength(input.team.size);
          expect(new Set(team).size).toBe(team.length);
          for (const inspector of team) expect(conflicts.has(`${target} ${inspector}`)).toBe(false);
          const departments = new Set(team.map((i) => departmentOf.get(i)));
          for (const department of input.team.departments) expect(departments.has(department)).toBe(true);
          for (const department of departments) expect(input.team.departments).toContain(department);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('balances loads within one when nothing else constrains (one department, no conflicts, no initial load)', () => {
    fc.assert(
      fc.property(
        drawInput,
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 5, max: 12 }),
        (input, size, roster) => {
          const record = attempt({
            ...input,
            ratios: { A: 10000, B: 5000, C: 2500 },
            team: { size, departments: ['D1'] },
            inspectors: Array.from({ length: roster }, (_, i) => [`I${i}`, 'D1'] as const),
            conflicts: [],
            initialLoad: {},
          });
          if (typeof record === 'string') throw new Error(record);
          const loads = new Map<string, number>(Array.from({ length: roster }, (_, i) => [`I${i}`, 0]));
          for (const [, team] of record.assignments) for (const i of team) loads.set(i, loads.get(i)! + 1);
          expect(Math.max(...loads.values()) - Math.min(...loads.values())).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
