import { describe, expect, it } from 'vitest';
import { closableFollowUp, type FollowUpToClose } from './closure.js';
import { CLOSURE_OUTCOMES } from './glossary.js';
import { LABELS, LOCALES } from './labels.js';

const published: FollowUpToClose = {
  state: 'PUBLISHED',
  problem: true,
  inspectedOn: '2026-03-10',
  closedOn: null,
};
// 2026-04-01 00:30 in Beijing is still 2026-03-31 in UTC.
const now = new Date('2026-03-31T16:30:00Z');
const on = (closedOn: string) => ({ closedOn, outcome: 'CORRECTED' as const });

describe('closing a follow-up', () => {
  it('is allowed for a published problem, from the inspection day to today in China', () => {
    expect(closableFollowUp(published)).toBeNull();
    expect(closableFollowUp(published, on('2026-03-10'), now)).toBeNull();
    expect(closableFollowUp(published, on('2026-04-01'), now)).toBeNull();
  });

  it('is refused before publication, without a problem, and a second time', () => {
    for (const state of ['PENDING_ENTRY', 'PENDING_REVIEW', 'REJECTED'] as const)
      expect(closableFollowUp({ ...published, state }, on('2026-03-20'), now)?.code).toBe('NOT_PUBLISHED');
    expect(closableFollowUp({ ...published, problem: false }, on('2026-03-20'), now)?.code).toBe(
      'NO_PROBLEM',
    );
    const closed = closableFollowUp({ ...published, closedOn: '2026-03-15' }, on('2026-03-20'), now);
    expect(closed).toMatchObject({ code: 'ALREADY_CLOSED', field: null });
    expect(closed?.message.en).toMatch(/already closed on 2026-03-15/);
    expect(closed?.message['zh-CN']).toMatch(/已于 2026-03-15 完结/);
  });

  it('refuses a closing day that is no date, before the inspection or after today in China', () => {
    for (const bad of ['2026-02-30', '2026/03/20', '', '20260320'])
      expect(closableFollowUp(published, on(bad), now)).toMatchObject({
        code: 'NOT_A_DATE',
        field: 'closedOn',
      });
    expect(closableFollowUp(published, on('2026-03-09'), now)).toMatchObject({
      code: 'BEFORE_INSPECTION',
      field: 'closedOn',
    });
    const future = closableFollowUp(published, on('2026-04-02'), now);
    expect(future).toMatchObject({ code: 'IN_THE_FUTURE', field: 'closedOn' });
    expect(future?.message.en).toMatch(/after today \(2026-04-01\)/);
  });

  it('asks what happened when the outcome is "other"', () => {
    const other = { closedOn: '2026-03-20', outcome: 'OTHER' as const };
    expect(closableFollowUp(published, { ...other, note: '  ' }, now)).toMatchObject({
      code: 'NOTE_REQUIRED',
      field: 'note',
    });
    expect(closableFollowUp(published, { ...other, note: '企业已迁出本市' }, now)).toBeNull();
  });

  it('names every outcome in both languages', () => {
    for (const locale of LOCALES)
      for (const outcome of CLOSURE_OUTCOMES)
        expect(LABELS[locale].closureOutcome[outcome], `${locale} ${outcome}`).toBeTruthy();
    expect(LABELS['zh-CN'].closureOutcome.NO_VIOLATION).toBe('经核查不构成违法');
  });
});
