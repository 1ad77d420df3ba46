import { describe, expect, it } from 'vitest';
import { publicExclusionReason } from '../glossary.js';
import { addDays, daysUntil } from './period.js';

describe('days on the calendar', () => {
  it('adds days across months, years and a leap day, and back', () => {
    expect(addDays('2026-12-02', 90)).toBe('2027-03-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('counts the days until a day: 0 the same day, negative once past', () => {
    expect(daysUntil('2026-12-02', '2026-12-05')).toBe(3);
    expect(daysUntil('2026-12-02', '2026-12-02')).toBe(0);
    expect(daysUntil('2026-12-02', '2025-10-31')).toBe(-397);
    expect(daysUntil('2026-12-02', addDays('2026-12-02', 90))).toBe(90);
  });
});

describe('an exclusion as the public reads it', () => {
  it('tells no risk class: both inspected-this-year reasons read as one', () => {
    expect(publicExclusionReason('DEREGISTERED')).toBe('DEREGISTERED');
    expect(publicExclusionReason('INSPECTED_FOR_ITEM')).toBe('INSPECTED_THIS_YEAR');
    expect(publicExclusionReason('LOW_RISK_INSPECTED')).toBe('INSPECTED_THIS_YEAR');
  });
});

describe('working days left on the Chinese calendar', () => {
  it('skips weekends and holidays both ways', async () => {
    const { workingDaysUntil } = await import('../deadline.js');
    // Friday 2026-12-04 to Monday 2026-12-07: one working day (the Monday).
    expect(workingDaysUntil('2026-12-04', '2026-12-07')).toBe(1);
    expect(workingDaysUntil('2026-12-07', '2026-12-04')).toBe(-1);
    expect(workingDaysUntil('2026-12-02', '2026-12-02')).toBe(0);
    // National Day 2025: 1–8 October are holidays; Tuesday 30 September to Thursday 9 October: one.
    expect(workingDaysUntil('2025-09-30', '2025-10-09')).toBe(1);
  });
});
