import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  chinaDateTime,
  chinaQuarter,
  chinaToday,
  chinaYear,
  formatChinaTime,
  fromChinaDateTime,
} from './china-time.js';

describe('dates in China (UTC+8)', () => {
  it('turn to the next day at 16:00 UTC, not at midnight UTC', () => {
    expect(chinaDate(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(chinaDate(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
    // 23:30 in Beijing is 15:30 UTC the same day; 00:30 in Beijing is 16:30 UTC the day before.
    expect(chinaToday(new Date('2026-06-10T15:30:00Z'))).toBe('2026-06-10');
    expect(chinaToday(new Date('2026-06-10T16:30:00Z'))).toBe('2026-06-11');
    expect(chinaDate(Date.parse('2026-06-10T16:30:00Z'))).toBe('2026-06-11');
  });

  it('turn to the next year and quarter at 16:00 UTC on the last day', () => {
    expect(chinaYear(new Date('2026-12-31T15:59:00Z'))).toBe(2026);
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(chinaToday(new Date('2028-02-28T16:00:00Z'))).toBe('2028-02-29');
    expect(chinaQuarter(new Date('2026-03-31T15:59:00Z'))).toBe(1);
    expect(chinaQuarter(new Date('2026-03-31T16:00:00Z'))).toBe(2);
    expect(chinaQuarter(new Date('2026-12-31T15:00:00Z'))).toBe(4);
    expect(chinaQuarter(new Date('2026-12-31T16:00:00Z'))).toBe(1);
  });

  it('read and write a date and time in China, whatever the time zone of the machine', () => {
    expect(chinaDateTime(new Date('2026-06-10T16:30:45Z'))).toBe('2026-06-11T00:30');
    expect(fromChinaDateTime('2026-06-11T00:30').toISOString()).toBe('2026-06-10T16:30:00.000Z');
    expect(fromChinaDateTime('2026-06-11T00:30:15').toISOString()).toBe('2026-06-10T16:30:15.000Z');
    const now = new Date('2026-01-01T03:04:00Z');
    expect(fromChinaDateTime(chinaDateTime(now)).getTime()).toBe(now.getTime());
  });
});

describe('formatChinaTime', () => {
  it("shows an instant's date in China, and its time to the minute when asked", () => {
    expect(formatChinaTime('2026-03-01T16:30:00Z')).toBe('2026-03-02');
    expect(formatChinaTime(new Date('2026-03-01T16:30:59Z'), true)).toBe('2026-03-02 00:30');
    expect(formatChinaTime(Date.parse('2026-12-31T15:59:00Z'), true)).toBe('2026-12-31 23:59');
  });
});
