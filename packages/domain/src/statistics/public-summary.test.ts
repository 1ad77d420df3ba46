import { describe, expect, it } from 'vitest';
import {
  PUBLIC_FIGURES,
  PUBLIC_STATISTICS_YEARS,
  YEAR_MIN,
  figure,
  publicStatisticsYears,
  resolvePeriod,
  yearsPeriod,
} from '../index.js';

describe('the public statistics', () => {
  it('publishes VISITS figures only: counts of visits drawn and published, and rates of published results', () => {
    for (const code of PUBLIC_FIGURES) expect(figure(code)?.family).toBe('VISITS');
    for (const code of PUBLIC_FIGURES.filter((c) => figure(c)?.kind === 'rate'))
      expect(figure(code)?.denominator).toBe('published');
  });

  it('covers the year asked for, or the latest years up to the current one', () => {
    expect(publicStatisticsYears(2024, 2026)).toEqual({ ok: true, fromYear: 2024, toYear: 2024 });
    expect(publicStatisticsYears(null, 2026)).toEqual({
      ok: true,
      fromYear: 2026 - PUBLIC_STATISTICS_YEARS + 1,
      toYear: 2026,
    });
    expect(publicStatisticsYears(undefined, YEAR_MIN + 1)).toMatchObject({ fromYear: YEAR_MIN });
  });

  it('refuses a year before the first or after the current one, saying which years there are', () => {
    for (const year of [YEAR_MIN - 1, 2027, 2025.5])
      expect(publicStatisticsYears(year, 2026)).toMatchObject({
        ok: false,
        field: 'year',
        message: { en: expect.stringContaining(`from ${YEAR_MIN} to 2026`) },
      });
  });

  it('asks the statistics for whole years, five of them within one range', () => {
    expect(yearsPeriod(2025, 2025)).toEqual({ kind: 'YEAR', year: 2025 });
    for (const to of [2026, 2028]) {
      const period = resolvePeriod(yearsPeriod(to - PUBLIC_STATISTICS_YEARS + 1, to));
      expect(period).toMatchObject({ ok: true, period: { from: `${to - 4}-01-01`, to: `${to}-12-31` } });
    }
  });
});
