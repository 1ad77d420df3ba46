import { makeDrawRecord } from '@suiji/domain';
import { describe, expect, it } from 'vitest';
import { verifyPublishedRecord } from './verifyInBrowser';

const record = makeDrawRecord({
  drawId: 'draw-1',
  nonce: 'ab'.repeat(32),
  publicEntropy: '双色球 2025001: 03 08 15 21 27 33 + 09',
  ratios: { A: 5000, B: 5000 },
  pool: [
    ['t1', 'A'],
    ['t2', 'A'],
    ['t3', 'B'],
    ['t4', 'B'],
  ],
  team: { size: 2, departments: ['d1'] },
  inspectors: [
    ['i1', 'd1'],
    ['i2', 'd1'],
    ['i3', 'd1'],
  ],
});

const published = {
  id: 'draw-1',
  commitment: record.commitment,
  poolDigest: record.poolDigest,
  publicEntropy: record.publicEntropy,
  seed: record.seed,
};

describe('verifying a draw in the browser', () => {
  it('accepts the record of the published draw', () => {
    expect(verifyPublishedRecord(published, JSON.parse(JSON.stringify(record)))).toEqual({ ok: true });
  });

  it('names the first field that was tampered with', () => {
    const swapped = { ...record, selected: [...record.selected].reverse() };
    expect(verifyPublishedRecord(published, swapped)).toEqual({ ok: false, field: 'selected' });
  });

  it('refuses a record whose commitment is not the one published before the draw', () => {
    expect(verifyPublishedRecord({ ...published, commitment: '0'.repeat(64) }, record)).toEqual({
      ok: false,
      field: 'commitment',
    });
  });

  it('refuses a record of another draw or one that is not a record', () => {
    expect(verifyPublishedRecord({ ...published, id: 'draw-2' }, record)).toEqual({
      ok: false,
      field: 'drawId',
    });
    expect(verifyPublishedRecord(published, [])).toEqual({ ok: false, error: 'BAD_INPUT' });
  });
});
