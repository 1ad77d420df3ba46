import { describe, expect, it } from 'vitest';
import { planTransform, validatePlan } from './planForm';

const items = new Map([
  ['land', { name: '土地使用情况监督检查', minRatioBp: 1000 }],
  ['survey', { name: '测绘资质单位检查', minRatioBp: 3000 }],
]);

describe('the plan form', () => {
  it('passes a plan whose lines follow the domain rules', () => {
    expect(
      validatePlan(
        { name: '计划', year: 2026, lines: [{ itemId: 'land', ratioBp: 1000, timesPerYear: 1 }] },
        items,
        'zh-CN',
      ),
    ).toEqual({});
  });

  it('puts each problem under its line, in the reader’s language', () => {
    const errors = validatePlan(
      {
        name: ' ',
        year: 2026,
        lines: [
          { itemId: 'land', ratioBp: 1000, timesPerYear: 1 },
          { itemId: 'survey', ratioBp: 1000, timesPerYear: 0 },
          { itemId: 'land', ratioBp: 1000, timesPerYear: 1 },
          { itemId: 'unknown-yet', ratioBp: 1, timesPerYear: 1 },
          { ratioBp: 1000 },
        ],
      },
      items,
      'en',
    );
    expect(errors.name).toBe('ra.validation.required');
    const lines = errors.lines as Record<string, string>[];
    expect(lines[0]).toEqual({});
    expect(lines[1]!.ratioBp).toContain('below its minimum of 30%');
    expect(lines[1]!.timesPerYear).toContain('0 times per year');
    expect(lines[2]!.itemId).toContain('already on line 1');
    expect(lines[3]).toEqual({});
    expect(lines[4]).toEqual({ itemId: 'ra.validation.required', timesPerYear: 'ra.validation.required' });
  });

  it('asks for at least one line', () => {
    expect(validatePlan({ name: 'a', year: 2026, lines: [] }, items, 'zh-CN').lines).toBe(
      'suiji.plan.lines_required',
    );
  });

  it('sends only the fields a line takes, an empty period as null', () => {
    expect(
      planTransform({
        id: 'p',
        lines: [
          {
            id: 'l',
            itemId: 'land',
            item: { name: 'x' },
            ratioBp: 1000,
            timesPerYear: 2,
            period: ' ',
            roundsDone: 1,
          },
        ],
      }).lines,
    ).toEqual([{ itemId: 'land', ratioBp: 1000, timesPerYear: 2, period: null }]);
  });
});
