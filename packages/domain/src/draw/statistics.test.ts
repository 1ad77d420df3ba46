import { describe, expect, it } from 'vitest';
import { poolDigest } from './pool.js';
import { seedOf } from './seed.js';
import { selectTargets } from './targets.js';
import type { PoolEntry } from './types.js';

/** χ² quantiles at 0.99 (a test at the 1% level) by degrees of freedom. */
const CHI2_99: Record<number, number> = { 7: 18.475, 11: 24.725 };

describe('target selection over 100,000 draws', () => {
  it('selects each target as often as its stratum quota says (χ², not rejected at 1%)', () => {
    const strata = [
      { label: 'A', n: 12, ratio: 2500 }, // 3 of 12
      { label: 'B', n: 8, ratio: 5000 }, // 4 of 8
    ];
    const pool: PoolEntry[] = strata.flatMap(({ label, n }) =>
      Array.from({ length: n }, (_, i) => [`${label}${String(i).padStart(2, '0')}`, label] as const),
    );
    const ratios = new Map(strata.map(({ label, ratio }) => [label, ratio]));
    const digest = poolDigest(pool);
    const draws = 100_000;
    const counts = new Map<string, number>(pool.map(([id]) => [id, 0]));
    for (let d = 0; d < draws; d++) {
      const nonce = d.toString(16).padStart(64, '0');
      const seed = seedOf({ drawId: 'STAT', poolDigest: digest, nonce, publicEntropy: '' });
      for (const id of selectTargets(seed, pool, ratios)) counts.set(id, counts.get(id)! + 1);
    }
    for (const { label, n, ratio } of strata) {
      const p = (n * ratio) / 10000 / n;
      const observed = pool.filter(([, s]) => s === label).map(([id]) => counts.get(id)!);
      expect(observed.reduce((a, b) => a + b, 0)).toBe(draws * p * n);
      // Each draw takes exactly k of n without replacement: count j has variance D·p(1−p) and the counts sum to D·k,
      // so (n−1)/n · Σ (c_j − D·p)² / (D·p(1−p)) is χ² with n − 1 degrees of freedom.
      const spread = observed.reduce((sum, c) => sum + (c - draws * p) ** 2, 0);
      const chi2 = (((n - 1) / n) * spread) / (draws * p * (1 - p));
      expect(chi2, `stratum ${label}: χ² = ${chi2.toFixed(2)}`).toBeLessThan(CHI2_99[n - 1]!);
    }
  });
});
