import { describe, expect, it } from 'vitest';
import { DrawError, type DrawErrorCode } from './error.js';
import { makeDrawRecord } from './record.js';
import type { DrawInput } from './types.js';

const valid: DrawInput = {
  drawId: 'D-1',
  nonce: '0'.repeat(63) + '1',
  publicEntropy: '',
  ratios: { A: 5000 },
  pool: [
    ['T1', 'A'],
    ['T2', 'A'],
  ],
  team: { size: 2, departments: ['X'] },
  inspectors: [
    ['I1', 'X'],
    ['I2', 'X'],
  ],
  conflicts: [],
  initialLoad: {},
};

function codeOf(input: unknown): DrawErrorCode | undefined {
  try {
    makeDrawRecord(input as DrawInput);
    return undefined;
  } catch (error) {
    if (error instanceof DrawError) return error.code;
    throw error;
  }
}

describe('validation', () => {
  it('accepts the valid input', () => {
    expect(codeOf(valid)).toBeUndefined();
  });

  it('reports the first failure in the spec order: drawId, nonce, publicEntropy, pool, ratios, inspectors, team, initialLoad', () => {
    const broken: Record<string, unknown> = {
      drawId: 'bad id',
      nonce: 'xyz',
      publicEntropy: '\uDC00',
      pool: [['bad id', 'A']],
      ratios: { A: -1 },
      inspectors: [
        ['I1', 'X'],
        ['I1', 'X'],
      ],
      team: { size: 1, departments: ['X'] },
      initialLoad: { I1: -1 },
      conflicts: [['T1', 'bad id']],
    };
    const expected: [string, DrawErrorCode][] = [
      ['drawId', 'BAD_ID'],
      ['nonce', 'BAD_NONCE'],
      ['publicEntropy', 'BAD_ENTROPY'],
      ['pool', 'BAD_ID'],
      ['ratios', 'BAD_RATIO'],
      ['inspectors', 'DUPLICATE_ID'],
      ['team', 'BAD_TEAM'],
      ['initialLoad', 'BAD_LOAD'],
      ['conflicts', 'BAD_ID'],
    ];
    const input = { ...broken };
    for (const [field, code] of expected) {
      expect(codeOf(input), field).toBe(code);
      input[field] = valid[field as keyof DrawInput];
    }
    expect(codeOf(input)).toBeUndefined();
  });

  it('checks all pool ids before strata, and strata before duplicates', () => {
    expect(
      codeOf({
        ...valid,
        pool: [
          ['T1', 'bad stratum'],
          ['bad id', 'A'],
        ],
      }),
    ).toBe('BAD_ID');
    expect(
      codeOf({
        ...valid,
        pool: [
          ['T1', 'A'],
          ['T1', 'A'],
          ['T2', 'bad stratum'],
        ],
      }),
    ).toBe('BAD_STRATUM');
    expect(
      codeOf({
        ...valid,
        pool: [
          ['T2', 'A'],
          ['T1', 'A'],
          ['T2', 'A'],
        ],
      }),
    ).toBe('DUPLICATE_ID');
  });

  it('checks ratio labels before values, and values before a pool stratum without a ratio', () => {
    expect(codeOf({ ...valid, ratios: { A: -1, 'bad label': 5 } })).toBe('BAD_STRATUM');
    expect(codeOf({ ...valid, pool: [['T1', 'B']], ratios: { A: 1.5 } })).toBe('BAD_RATIO');
    expect(codeOf({ ...valid, pool: [['T1', 'B']] })).toBe('NO_RATIO');
  });

  it('matches ids, strata and nonces as whole strings: no trailing newline', () => {
    expect(codeOf({ ...valid, drawId: 'D-1\n' })).toBe('BAD_ID');
    expect(codeOf({ ...valid, pool: [['T1\n', 'A']] })).toBe('BAD_ID');
    expect(codeOf({ ...valid, pool: [['T1', 'A\n']] })).toBe('BAD_STRATUM');
    expect(codeOf({ ...valid, nonce: `${valid.nonce}\n` })).toBe('BAD_NONCE');
    expect(codeOf({ ...valid, drawId: 'x'.repeat(65) })).toBe('BAD_ID');
    expect(codeOf({ ...valid, pool: [['T1', 'S'.repeat(33)]], ratios: { ['S'.repeat(33)]: 1 } })).toBe(
      'BAD_STRATUM',
    );
    expect(codeOf({ ...valid, drawId: 'x'.repeat(64) })).toBeUndefined();
  });

  it('accepts well-formed entropy with astral characters and refuses either lone surrogate half', () => {
    expect(codeOf({ ...valid, publicEntropy: '福彩 😀' })).toBeUndefined();
    expect(codeOf({ ...valid, publicEntropy: 'a\uD83D' })).toBe('BAD_ENTROPY');
    expect(codeOf({ ...valid, publicEntropy: '\uDE00a' })).toBe('BAD_ENTROPY');
    expect(codeOf({ ...valid, publicEntropy: 7 })).toBe('BAD_ENTROPY');
  });

  it('wants integers for team size, ratios and loads', () => {
    expect(codeOf({ ...valid, team: { size: '2', departments: ['X'] } })).toBe('BAD_TEAM');
    expect(codeOf({ ...valid, ratios: { A: '5000' } })).toBe('BAD_RATIO');
    expect(codeOf({ ...valid, initialLoad: { I1: 0.5 } })).toBe('BAD_LOAD');
    expect(codeOf({ ...valid, initialLoad: { I1: 2 } })).toBeUndefined();
  });

  it('ignores conflicts and loads that name unknown ids', () => {
    expect(codeOf({ ...valid, conflicts: [['T9', 'I9']], initialLoad: { I9: 3 } })).toBeUndefined();
  });

  it('refuses input that is not shaped as the spec says with BAD_INPUT', () => {
    expect(codeOf(null)).toBe('BAD_INPUT');
    expect(codeOf({ ...valid, pool: 'T1' })).toBe('BAD_INPUT');
    expect(codeOf({ ...valid, pool: [['T1', 'A', 'extra']] })).toBe('BAD_INPUT');
    expect(codeOf({ ...valid, inspectors: [['I1']] })).toBe('BAD_INPUT');
    expect(codeOf({ ...valid, replacements: [{ target: 'T1', out: 'I1' }] })).toBe('BAD_INPUT');
  });

  it('defaults absent conflicts and initial loads to none', () => {
    const { conflicts: _c, initialLoad: _l, ...bare } = valid;
    const record = makeDrawRecord(bare);
    expect(record.conflicts).toEqual([]);
    expect(record.initialLoad).toEqual({});
  });

  it('treats ids such as "constructor" as plain ids', () => {
    const record = makeDrawRecord({
      ...valid,
      ratios: { constructor: 10000 },
      pool: [['toString', 'constructor']],
      inspectors: [
        ['constructor', 'X'],
        ['hasOwnProperty', 'X'],
      ],
      initialLoad: { constructor: 1 },
    });
    expect(record.assignments).toEqual([['toString', ['hasOwnProperty', 'constructor']]]);
  });
});
