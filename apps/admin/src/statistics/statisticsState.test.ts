import { describe, expect, it } from 'vitest';
import { groupingOf, periodInput, readState, writeState } from './statisticsState';

// 2026-03-31T17:00Z is already 1 April in China: the second quarter there.
const now = new Date('2026-03-31T17:00:00Z');

describe('the statistics page’s address', () => {
  it('opens on this year in China, the visits by department, with no filter', () => {
    const state = readState(new URLSearchParams(), now);
    expect(periodInput(state)).toEqual({ kind: 'YEAR', year: 2026 });
    expect(state.period).toMatchObject({ quarter: 2, month: 4, from: '2026-04-01', to: '2026-04-01' });
    expect(state).toMatchObject({ family: 'VISITS', groupBy: ['DEPARTMENT'], by: 'DEPARTMENT', filter: {} });
  });

  it('round-trips a quarter, a range, filters, a family and two dimensions', () => {
    for (const search of [
      'kind=QUARTER&year=2025&quarter=3&region=%E5%B0%B9%E9%9B%86%E9%95%87&family=VISITS&groupBy=REGION%2CMONTH&by=REGION',
      'kind=RANGE&from=2025-11-20&to=2026-02-01&departmentId=d1&itemId=i1&family=TASKS&groupBy=ORIGIN&by=DEPARTMENT',
    ]) {
      const state = readState(new URLSearchParams(search), now);
      expect(writeState(state).toString()).toBe(search);
    }
    const state = readState(new URLSearchParams('kind=MONTH&year=2024&month=2'), now);
    expect(periodInput(state)).toEqual({ kind: 'MONTH', year: 2024, month: 2 });
  });

  it('falls back from what makes no sense, and keeps a bad range for the domain to explain', () => {
    const state = readState(
      new URLSearchParams('kind=WEEK&year=x&family=COLOURS&groupBy=REGION,REGION&by=ITEM'),
      now,
    );
    expect(periodInput(state)).toEqual({ kind: 'YEAR', year: 2026 });
    expect(state).toMatchObject({ family: 'VISITS', groupBy: ['REGION'], by: 'DEPARTMENT' });
    const range = readState(new URLSearchParams('kind=RANGE&from=2026-03-05&to=2026-03-04'), now);
    expect(periodInput(range)).toEqual({ kind: 'RANGE', from: '2026-03-05', to: '2026-03-04' });
  });

  it('groups a family by its own dimensions only, two at most', () => {
    expect(groupingOf('PLANS', ['REGION'])).toEqual(['DEPARTMENT']);
    expect(groupingOf('VISITS', ['CATEGORY', 'MONTH', 'ITEM'])).toEqual(['CATEGORY', 'MONTH']);
    expect(groupingOf('TARGET_REGISTRY', [])).toEqual(['TARGET_KIND']);
  });
});
