/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DrawError } from './error.js';
import { makeDrawRecord } from './record.js';
import type { DrawInput, DrawRecord } from './types.js';
import { verifyDrawRecord, type VerifiedField } from './verify.js';

/** The vectors of the spec, kept with the package (spec/), the same as the project's shared copy (see spec-copy.test.ts). */
const VECTORS = new URL('../../spec/draw-v1-vectors.json', import.meta.url);
const cases = (
  JSON.parse(readFileSync(VECTORS, 'utf8')) as {
    cases: { name: string; input: DrawInput; record?: DrawRecord; error?: string }[];
  }
).cases;

const flipHex = (hex: string): string => (hex.startsWith('0') ? '1' : '0') + hex.slice(1);

/** Ways to tamper with a record, each with the field a verifier must name; `undefined` when it does not apply. */
const TAMPERINGS: [string, VerifiedField, (record: DrawRecord) => unknown][] = [
  ['another format', 'format', (r) => ({ ...r, format: 'suiji-draw/2' })],
  ['another nonce', 'commitment', (r) => ({ ...r, nonce: flipHex(r.nonce) })],
  ['another commitment', 'commitment', (r) => ({ ...r, commitment: flipHex(r.commitment) })],
  [
    'a pool out of order',
    'pool',
    (r) => (r.pool.length < 2 ? undefined : { ...r, pool: [...r.pool].reverse() }),
  ],
  [
    'a pool entry less',
    'poolDigest',
    (r) => (r.pool.length === 0 ? undefined : { ...r, pool: r.pool.slice(1) }),
  ],
  ['another pool digest', 'poolDigest', (r) => ({ ...r, poolDigest: flipHex(r.poolDigest) })],
  ['another seed', 'seed', (r) => ({ ...r, seed: flipHex(r.seed) })],
  ['another draw id', 'seed', (r) => ({ ...r, drawId: `${r.drawId}x` })],
  ['more public entropy', 'seed', (r) => ({ ...r, publicEntropy: `${r.publicEntropy}!` })],
  [
    'selection reordered',
    'selected',
    (r) => (r.selected.length < 2 ? undefined : { ...r, selected: [...r.selected].reverse() }),
  ],
  [
    'a selected target dropped',
    'selected',
    (r) => (r.selected.length === 0 ? undefined : { ...r, selected: r.selected.slice(1) }),
  ],
  [
    'ratios set to zero',
    'selected',
    (r) =>
      r.selected.length === 0
        ? undefined
        : { ...r, ratios: Object.fromEntries(Object.keys(r.ratios).map((label) => [label, 0])) },
  ],
  [
    'a team reordered',
    'assignments',
    (r) => {
      const [first, ...rest] = r.assignments;
      return first === undefined
        ? undefined
        : { ...r, assignments: [[first[0], [...first[1]].reverse()], ...rest] };
    },
  ],
  [
    'a larger team size',
    'assignments',
    (r) => (r.assignments.length === 0 ? undefined : { ...r, team: { ...r.team, size: r.team.size + 1 } }),
  ],
  [
    'another replacement drawn',
    'replacements',
    (r) => {
      const [first, ...rest] = r.replacements;
      return first === undefined ? undefined : { ...r, replacements: [{ ...first, in: first.out }, ...rest] };
    },
  ],
  [
    'a replacement of someone not in the team',
    'replacements',
    (r) => {
      const [assignment] = r.assignments;
      if (assignment === undefined) return undefined;
      const outsider = r.inspectors.find(([id]) => !assignment[1].includes(id));
      if (outsider === undefined) return undefined;
      const extra = { target: assignment[0], out: outsider[0], in: outsider[0], reason: 'x' };
      return { ...r, replacements: [...r.replacements, extra] };
    },
  ],
];

describe('the spec vectors', () => {
  it('are all there', () => {
    expect(cases.length).toBeGreaterThanOrEqual(39);
  });

  for (const { name, input, record, error } of cases) {
    if (record !== undefined) {
      it(`make the expected record: ${name}`, () => {
        expect(makeDrawRecord(input)).toStrictEqual(record);
      });

      it(`verify as OK: ${name}`, () => {
        expect(verifyDrawRecord(record)).toEqual({ ok: true });
      });

      it(`verify as OK without replacements when there are none: ${name}`, () => {
        if (record.replacements.length > 0) return;
        const { replacements: _none, ...withoutReplacements } = record;
        expect(verifyDrawRecord(withoutReplacements)).toEqual({ ok: true });
      });

      it(`name the tampered field: ${name}`, () => {
        let applied = 0;
        for (const [how, field, tamper] of TAMPERINGS) {
          const tampered = tamper(structuredClone(record));
          if (tampered === undefined) continue;
          applied++;
          expect(verifyDrawRecord(tampered), how).toEqual({ ok: false, field });
        }
        expect(applied).toBeGreaterThanOrEqual(7);
      });
    } else {
      it(`refuse with ${error}: ${name}`, () => {
        const thrown = (() => {
          try {
            makeDrawRecord(input);
          } catch (caught) {
            return caught;
          }
          return undefined;
        })();
        expect(thrown).toBeInstanceOf(DrawError);
        expect((thrown as DrawError).code).toBe(error);
      });
    }
  }
});
