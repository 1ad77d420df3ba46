import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findInPoolText } from './pool.js';

describe('an id in a downloaded pool.txt', () => {
  const text = 'a1\tA\nb2\tC\nc3\tB\n';
  const digest = createHash('sha256').update(text).digest('hex');

  it('is found on its line with its stratum, first, middle and last, beside the text’s digest', () => {
    expect(findInPoolText(text, 'a1')).toEqual({ digest, line: 1, stratum: 'A' });
    expect(findInPoolText(text, 'b2')).toEqual({ digest, line: 2, stratum: 'C' });
    expect(findInPoolText(text, 'c3')).toEqual({ digest, line: 3, stratum: 'B' });
    expect(findInPoolText('x\tD', 'x')).toMatchObject({ line: 1, stratum: 'D' });
  });

  it('is not found by a prefix, a suffix or a stratum, nor in the empty pool', () => {
    for (const id of ['a', '1', '2', 'A', 'b', 'c3\tB']) expect(findInPoolText(text, id).line, id).toBeNull();
    expect(findInPoolText('', 'a1')).toEqual({
      digest: createHash('sha256').update('').digest('hex'),
      line: null,
      stratum: null,
    });
  });
});
