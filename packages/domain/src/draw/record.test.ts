/// <reference types="node" />
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DrawError } from './error.js';
import { applyReplacement, makeDrawRecord } from './record.js';
import { commitmentOf } from './seed.js';
import { poolDigest } from './pool.js';
import type { DrawInput } from './types.js';
import { verifyDrawRecord } from './verify.js';

const input: DrawInput = {
  drawId: 'WG2023-001',
  nonce: '0'.repeat(63) + '1',
  publicEntropy: '',
  ratios: { ALL: 10000 },
  pool: [
    ['91410481MA44X0001A', 'ALL'],
    ['91410481MA44X0002B', 'ALL'],
    ['91410481MA44X0003C', 'ALL'],
  ],
  team: { size: 3, departments: ['ZRZY', 'SCJG'] },
  inspectors: [
    ['ZRZY-001', 'ZRZY'],
    ['ZRZY-002', 'ZRZY'],
    ['ZRZY-003', 'ZRZY'],
    ['SCJG-001', 'SCJG'],
    ['SCJG-002', 'SCJG'],
  ],
  conflicts: [],
  initialLoad: {},
};

describe('applyReplacement', () => {
  it('draws the same replacement as making the record with it', () => {
    const request = { target: '91410481MA44X0003C', out: 'SCJG-002', reason: 'leave' };
    const record = makeDrawRecord(input);
    const replaced = applyReplacement(record, request);
    expect(replaced).toStrictEqual(makeDrawRecord({ ...input, replacements: [request] }));
    expect(replaced.replacements).toEqual([{ ...request, in: 'ZRZY-001' }]);
    expect(record.replacements).toEqual([]);
    expect(verifyDrawRecord(replaced)).toEqual({ ok: true });
  });

  it('counts replacements per target and never brings back someone replaced out', () => {
    const first = { target: '91410481MA44X0003C', out: 'SCJG-001', reason: 'leave' };
    const second = { target: '91410481MA44X0003C', out: 'ZRZY-002', reason: 'illness' };
    const record = applyReplacement(applyReplacement(makeDrawRecord(input), first), second);
    expect(record.replacements.map((r) => r.in)).toEqual(['ZRZY-001', 'ZRZY-003']);
    expect(verifyDrawRecord(record)).toEqual({ ok: true });
  });

  it('refuses an inspector not in the current team, and a target not drawn, with NOT_IN_TEAM', () => {
    const record = makeDrawRecord(input);
    for (const request of [
      { target: '91410481MA44X0003C', out: 'ZRZY-999', reason: 'leave' },
      { target: '91410481MA44X0009Z', out: 'ZRZY-001', reason: 'leave' },
    ])
      expect(() => applyReplacement(record, request)).toThrow(
        expect.objectContaining({ code: 'NOT_IN_TEAM' }),
      );
  });

  it('refuses with INSUFFICIENT_INSPECTORS when nobody is left to draw', () => {
    const small = makeDrawRecord({ ...input, team: { size: 2, departments: ['SCJG'] } });
    const [target, team] = small.assignments[0]!;
    expect(() => applyReplacement(small, { target, out: team[0]!, reason: 'leave' })).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_INSPECTORS' }),
    );
  });

  it('refuses a record whose replacements do not verify', () => {
    const request = { target: '91410481MA44X0003C', out: 'SCJG-002', reason: 'leave' };
    const record = applyReplacement(makeDrawRecord(input), request);
    const forged = { ...record, replacements: [{ ...record.replacements[0]!, in: 'ZRZY-003' }] };
    expect(() => applyReplacement(forged, { ...request, out: 'ZRZY-003' })).toThrow(DrawError);
  });
});

describe('an injected SHA-256', () => {
  const nodeSha256 = (message: Uint8Array): Uint8Array => createHash('sha256').update(message).digest();

  it('gives the same record, verification, commitment and digest as the portable one', () => {
    const withReplacement = {
      ...input,
      replacements: [{ target: '91410481MA44X0003C', out: 'SCJG-002', reason: 'x' }],
    };
    const record = makeDrawRecord(withReplacement);
    expect(makeDrawRecord(withReplacement, { sha256: nodeSha256 })).toStrictEqual(record);
    expect(verifyDrawRecord(record, { sha256: nodeSha256 })).toEqual({ ok: true });
    expect(commitmentOf(input.nonce, { sha256: nodeSha256 })).toBe(record.commitment);
    expect(poolDigest(record.pool, { sha256: nodeSha256 })).toBe(record.poolDigest);
  });

  it('is what the draw hashes with', () => {
    let calls = 0;
    const counting = (message: Uint8Array): Uint8Array => {
      calls++;
      return nodeSha256(message);
    };
    makeDrawRecord(input, { sha256: counting });
    expect(calls).toBeGreaterThan(3);
  });
});

describe('commitmentOf', () => {
  it('hashes the 32 raw nonce bytes, not their hex', () => {
    const nonce = '0'.repeat(63) + '1';
    expect(commitmentOf(nonce)).toBe(createHash('sha256').update(Buffer.from(nonce, 'hex')).digest('hex'));
    expect(() => commitmentOf(nonce.toUpperCase().replace('0', 'A'))).toThrow(
      expect.objectContaining({ code: 'BAD_NONCE' }),
    );
  });
});
