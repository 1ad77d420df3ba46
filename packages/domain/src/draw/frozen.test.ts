/// <reference types="node" />
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from './bytes.js';
import { DrawError } from './error.js';
import { drawFromFrozenPool, nthSmallest, type FrozenDrawInput } from './frozen.js';
import { canonicalPool, poolDigest } from './pool.js';
import { makeDrawRecord } from './record.js';
import { sha256, type Sha256 } from './sha256.js';
import type { DrawInput, DrawOptions, DrawRecord, PoolEntry } from './types.js';
import { checkPool } from './validate.js';

const VECTORS = new URL('../../spec/draw-v1-vectors.json', import.meta.url);
const cases = (
  JSON.parse(readFileSync(VECTORS, 'utf8')) as {
    cases: { name: string; input: DrawInput; record?: DrawRecord; error?: string }[];
  }
).cases;

/** The pool as the system freezes it: the canonical text, and its digest. */
function frozen(input: DrawInput, options: DrawOptions = {}): FrozenDrawInput {
  const { pool, replacements: _none, ...rest } = input;
  const canonical = canonicalPool(pool);
  return {
    ...rest,
    poolText: canonical.map(([id, stratum]) => `${id}\t${stratum}\n`).join(''),
    poolDigest: poolDigest(canonical, options),
  };
}

/** The outcome, or the code of the error it was refused with. */
function attempt<T>(draw: () => T): T | string {
  try {
    return draw();
  } catch (error) {
    if (error instanceof DrawError) return error.code;
    throw error;
  }
}

/** What `makeDrawRecord` decides, in the shape `drawFromFrozenPool` returns it; or the error code. */
function fromRecord(input: DrawInput, options: DrawOptions = {}) {
  const record = attempt(() => makeDrawRecord(input, options));
  if (typeof record === 'string') return record;
  return { seed: record.seed, selected: record.selected, assignments: record.assignments };
}

const fromFrozen = (input: DrawInput, options: DrawOptions = {}) =>
  attempt(() => drawFromFrozenPool(frozen(input, options), options));

const code = (draw: () => unknown): string | undefined => {
  const result = attempt(draw);
  return typeof result === 'string' ? result : undefined;
};

const poolIsValid = (input: DrawInput): boolean => code(() => checkPool(input.pool)) === undefined;

describe('drawFromFrozenPool, on the spec vectors', () => {
  const withoutReplacements = cases.filter(
    ({ input }) => (input.replacements ?? []).length === 0 && poolIsValid(input),
  );

  it('covers the vectors it applies to', () => {
    expect(withoutReplacements.filter((c) => c.record !== undefined).length).toBeGreaterThanOrEqual(16);
  });

  for (const { name, input, record, error } of withoutReplacements) {
    if (record !== undefined)
      it(`gives the record's seed, selected and assignments: ${name}`, () => {
        expect(drawFromFrozenPool(frozen(input))).toStrictEqual({
          seed: record.seed,
          selected: record.selected,
          assignments: record.assignments,
        });
      });
    else
      it(`refuses with ${error}: ${name}`, () => {
        expect(code(() => drawFromFrozenPool(frozen(input)))).toBe(error);
      });
  }
});

const nonce = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(toHex);
const STRATA = ['A', 'B', 'C', 'D', 'ALL', 'risk:B', 'B2'] as const;
const DEPARTMENTS = ['D1', 'D2', 'D3', 'SCJG'] as const;
const ratio = fc.oneof(
  fc.constant(0),
  fc.constant(1),
  fc.constant(10000),
  fc.integer({ min: 0, max: 10000 }),
  fc.integer({ min: 0, max: 1500 }),
);

/** Arbitrary valid draw inputs: up to 7 strata, up to 4 departments, conflicts, initial loads; pools of 0..300. */
const drawInput: fc.Arbitrary<DrawInput> = fc
  .record({
    nonce,
    publicEntropy: fc.string(),
    pool: fc.uniqueArray(
      fc.tuple(
        fc.integer({ min: 0, max: 99_999 }),
        fc.constantFrom(...STRATA),
        fc.constantFrom('', 'MA44X', '-'),
      ),
      { maxLength: 300, selector: ([n, , infix]) => `${infix}${n}` },
    ),
    ratios: fc.tuple(...STRATA.map(() => ratio)),
    inspectors: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.constantFrom(...DEPARTMENTS)), {
      minLength: 2,
      maxLength: 24,
      selector: ([n]) => n,
    }),
    departments: fc.subarray([...DEPARTMENTS], { minLength: 1 }),
    extra: fc.integer({ min: 0, max: 2 }),
    conflictPicks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
    loads: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { maxLength: 6 }),
  })
  .map((r): DrawInput => {
    const pool = r.pool.map(([n, s, infix]): PoolEntry => [`9141${infix}${n}`, s]);
    const inspectorIds = r.inspectors.map(([n]) => `I${n}`);
    const at = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(list.length, 1)];
    const present = new Set(pool.map(([, s]) => s));
    return {
      drawId: 'P-1',
      nonce: r.nonce,
      publicEntropy: r.publicEntropy,
      // A ratio for every stratum present, and some for strata absent.
      ratios: Object.fromEntries(
        STRATA.flatMap((s, i) => (present.has(s) || i % 2 === 0 ? [[s, r.ratios[i] ?? 0]] : [])),
      ),
      pool,
      team: { size: Math.max(2, r.departments.length) + r.extra, departments: r.departments },
      inspectors: r.inspectors.map(([n, d]) => [`I${n}`, d] as const),
      conflicts: r.conflictPicks.flatMap(([t, i]) => {
        const target = at(pool, t)?.[0];
        const inspector = at(inspectorIds, i);
        return target === undefined || inspector === undefined ? [] : [[target, inspector] as const];
      }),
      initialLoad: Object.fromEntries(
        r.loads.flatMap(([i, load]) => {
          const id = at(inspectorIds, i);
          return id === undefined ? [] : [[id, load]];
        }),
      ),
    };
  });

/**
 * SHA-256s that make scores tie: on the first 48 bits (two or three groups), or whole (ordered by id then),
 * so that the ties the 48-bit prefixes leave are broken as the record breaks them.
 */
const TIED: [string, Sha256][] = [
  [
    'scores tied on their first 48 bits',
    (m) => {
      const d = sha256(m);
      d.fill((d[31] ?? 0) % 3, 0, 6);
      return d;
    },
  ],
  [
    'scores tied whole',
    (m) => {
      const d = sha256(m);
      d.fill(0, 0, 31);
      d[31] = (d[31] ?? 0) % 4;
      return d;
    },
  ],
];

describe('nthSmallest', () => {
  it('gives what sorting gives, with and without repeated values', () => {
    const values = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 2 ** 48 - 1 }), { minLength: 1, maxLength: 200 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 200 }),
    );
    fc.assert(
      fc.property(values, fc.nat(), (list, at) => {
        const n = at % list.length;
        const sorted = Float64Array.from(list).sort();
        expect(nthSmallest(Float64Array.from(list), n)).toBe(sorted[n]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('drawFromFrozenPool, on arbitrary inputs', () => {
  it("gives makeDrawRecord's seed, selected and assignments, or its error", () => {
    let drawn = 0;
    fc.assert(
      fc.property(drawInput, (input) => {
        const expected = fromRecord(input);
        expect(fromFrozen(input)).toStrictEqual(expected);
        if (typeof expected !== 'string' && expected.selected.length > 0) drawn++;
      }),
      { numRuns: 400 },
    );
    expect(drawn).toBeGreaterThan(100);
  });

  it('selects exactly one or none as the record does', () => {
    fc.assert(
      fc.property(drawInput, fc.constantFrom(0, 1), (input, bp) => {
        const ratios = Object.fromEntries(Object.keys(input.ratios).map((s) => [s, bp]));
        const one = { ...input, ratios, pool: input.pool.map(([id]): PoolEntry => [id, 'A']) };
        const expected = fromRecord({ ...one, ratios: { ...ratios, A: bp } });
        const outcome = fromFrozen({ ...one, ratios: { ...ratios, A: bp } });
        expect(outcome).toStrictEqual(expected);
        if (typeof outcome !== 'string')
          expect(outcome.selected).toHaveLength(bp === 0 || input.pool.length === 0 ? 0 : 1);
      }),
      { numRuns: 100 },
    );
  });

  for (const [name, tied] of TIED)
    it(`breaks ${name} as the record does`, () => {
      fc.assert(
        fc.property(drawInput, (input) => {
          const options = { sha256: tied };
          expect(fromFrozen(input, options)).toStrictEqual(fromRecord(input, options));
        }),
        { numRuns: 150 },
      );
    });

  it('gives the same outcome with an injected SHA-256', () => {
    const options: DrawOptions = { sha256: (m) => sha256(m) };
    fc.assert(
      fc.property(drawInput, (input) => {
        expect(fromFrozen(input, options)).toStrictEqual(fromRecord(input));
      }),
      { numRuns: 50 },
    );
  });

  it('handles many strata and a larger pool (those past the first 16 are looked up by label)', () => {
    const labels = Array.from({ length: 40 }, (_, i) => `S${i}`);
    const pool = Array.from({ length: 20_000 }, (_, i): PoolEntry => [
      `91410481MA${i}`,
      labels[(i * 7) % 40] ?? 'S0',
    ]);
    const input: DrawInput = {
      drawId: 'WG-40',
      nonce: 'ab'.repeat(32),
      publicEntropy: '2024-001: 03 11 17 25 31 + 07',
      ratios: Object.fromEntries(labels.map((s, i) => [s, (i * 397) % 10001])),
      pool,
      team: { size: 3, departments: ['D2', 'D1'] },
      inspectors: Array.from({ length: 30 }, (_, i) => [`I${i}`, i % 3 === 0 ? 'D1' : 'D2'] as const),
      conflicts: [
        ['91410481MA5', 'I0'],
        ['91410481MA6', 'I3'],
      ],
      initialLoad: { I1: 4, I2: 1 },
    };
    const expected = fromRecord(input);
    expect(typeof expected).not.toBe('string');
    expect(fromFrozen(input)).toStrictEqual(expected);
  });
});

describe('drawFromFrozenPool refuses', () => {
  const input: DrawInput = {
    drawId: 'WG2023-001',
    nonce: '0'.repeat(63) + '1',
    publicEntropy: '',
    ratios: { A: 5000, B: 10000 },
    pool: [
      ['91410481MA44X0001A', 'A'],
      ['91410481MA44X0002B', 'B'],
      ['91410481MA44X0003C', 'A'],
    ],
    team: { size: 2, departments: ['ZRZY', 'SCJG'] },
    inspectors: [
      ['ZRZY-001', 'ZRZY'],
      ['ZRZY-002', 'ZRZY'],
      ['SCJG-001', 'SCJG'],
      ['SCJG-002', 'SCJG'],
    ],
    conflicts: [['91410481MA44X0002B', 'SCJG-001']],
    initialLoad: { 'ZRZY-001': 1 },
  };
  const base = frozen(input);
  const refusal = (changed: Record<string, unknown>) =>
    code(() => drawFromFrozenPool({ ...base, ...changed }));

  it('nothing when every input is valid', () => {
    expect(refusal({})).toBeUndefined();
    expect(drawFromFrozenPool(base)).toStrictEqual(fromRecord(input));
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['NO_RATIO', 'a stratum of the text without a ratio', { ratios: { A: 5000 } }],
    [
      'NO_RATIO',
      'a stratum without a ratio, before a bad team',
      { ratios: { B: 1 }, team: { size: 1, departments: [] } },
    ],
    [
      'NO_RATIO',
      'a stratum without a ratio, before a bad roster',
      {
        ratios: { A: 1 },
        inspectors: [
          ['x', 'y'],
          ['x', 'y'],
        ],
      },
    ],
    ['BAD_RATIO', 'a ratio out of range, before a stratum without one', { ratios: { A: 10001 } }],
    ['BAD_RATIO', 'ratios that are not an object', { ratios: [] }],
    ['BAD_STRATUM', 'a ratio label that is not a stratum', { ratios: { A: 1, B: 1, 'a b': 1 } }],
    ['BAD_NONCE', 'an uppercase nonce', { nonce: 'A'.repeat(64) }],
    ['BAD_NONCE', 'a short nonce', { nonce: '0'.repeat(62) }],
    ['BAD_NONCE', 'a bad nonce, before a stratum without a ratio', { nonce: 'x', ratios: {} }],
    ['BAD_ID', 'a draw id that is not an id', { drawId: 'WG 1' }],
    ['BAD_ENTROPY', 'a lone surrogate in the public entropy', { publicEntropy: 'a\uD800' }],
    ['BAD_ENTROPY', 'public entropy that is not text', { publicEntropy: 7 }],
    [
      'DUPLICATE_ID',
      'an inspector listed twice',
      {
        inspectors: [
          ['ZRZY-001', 'ZRZY'],
          ['ZRZY-001', 'SCJG'],
        ],
      },
    ],
    ['BAD_ID', 'an inspector id that is not an id', { inspectors: [['ZRZY 1', 'ZRZY']] }],
    ['BAD_TEAM', 'a team of one', { team: { size: 1, departments: ['ZRZY'] } }],
    ['BAD_TEAM', 'a team smaller than its departments', { team: { size: 2, departments: ['A', 'B', 'C'] } }],
    ['BAD_LOAD', 'a negative initial load', { initialLoad: { 'ZRZY-001': -1 } }],
    ['BAD_INPUT', 'conflicts that are not pairs', { conflicts: [['91410481MA44X0002B']] }],
    ['BAD_ID', 'a conflict naming no id', { conflicts: [['91410481MA44X0002B', '']] }],
    [
      'INSUFFICIENT_INSPECTORS',
      'too few inspectors',
      {
        inspectors: [
          ['ZRZY-001', 'ZRZY'],
          ['SCJG-001', 'SCJG'],
        ],
      },
    ],
    ['BAD_INPUT', 'a pool that is not text', { poolText: [['91410481MA44X0001A', 'A']] }],
    ['BAD_INPUT', 'a pool line without its tab', { poolText: '91410481MA44X0001A A\n' }],
    ['BAD_INPUT', 'a pool without its last line feed', { poolText: '91410481MA44X0001A\tA' }],
    ['BAD_INPUT', 'a pool digest that is not hex', { poolDigest: 'ABC' }],
    ['BAD_INPUT', 'a pool id that is not ASCII', { poolText: '91410481MA44X0001\u00c4\tA\n' }],
  ])('with %s: %s', (expected, _what, changed) => {
    expect(refusal(changed)).toBe(expected);
  });

  it('with the code makeDrawRecord gives, the first problem in the spec order', () => {
    const problems: Record<string, unknown>[] = [
      { drawId: '' },
      { nonce: 'x' },
      { publicEntropy: '\uDC00' },
      { ratios: { A: -1 } },
      { ratios: { A: 1 } },
      {
        inspectors: [
          ['a', 'b'],
          ['a', 'b'],
        ],
      },
      { team: { size: 1, departments: [] } },
      { initialLoad: { a: 1.5 } },
      { conflicts: 'none' },
    ];
    fc.assert(
      fc.property(fc.subarray(problems, { minLength: 1 }), (picked) => {
        const changed = Object.assign({}, ...picked) as Record<string, unknown>;
        expect(refusal(changed)).toBe(code(() => makeDrawRecord({ ...input, ...changed })));
      }),
    );
  });

  it('a draw whose input is not an object', () => {
    expect(code(() => drawFromFrozenPool(null as unknown as FrozenDrawInput))).toBe('BAD_INPUT');
  });
});
