import { describe, expect, it } from 'vitest';
import { isOverdue, isWorkingDay, publicationDeadline } from './deadline.js';

describe('the publication deadline', () => {
  it('counts 20 working days, skipping the National Day holiday and counting its adjusted working day', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true); // a Saturday worked in lieu (调休)
    expect(publicationDeadline('2026-09-25')).toBe('2026-10-29');
  });

  it('skips a one-day festival (端午节, Friday 19 June 2026)', () => {
    expect(isWorkingDay('2026-06-19')).toBe(false);
    expect(publicationDeadline('2026-06-01')).toBe('2026-06-30');
  });

  it('flags results past their deadline until they are published', () => {
    // The last day ends at midnight in Beijing, 16:00 UTC.
    expect(isOverdue('2026-10-29', new Date('2026-10-29T15:59:59Z'), false)).toBe(false);
    expect(isOverdue('2026-10-29', new Date('2026-10-29T16:00:00Z'), false)).toBe(true);
    expect(isOverdue('2026-10-29', new Date('2026-10-30T12:00:00Z'), false)).toBe(true);
    expect(isOverdue('2026-10-29', new Date('2026-11-30T12:00:00Z'), true)).toBe(false);
  });
});
