import { describe, expect, it } from 'vitest';
import { planLineProblems, PLAN_LINES_MAX, taskPlanProblems, type PlanLineItem } from './plan-rules.js';

const items = new Map<string, PlanLineItem>([
  ['land', { name: '土地使用情况监督检查', minRatioBp: 1000 }],
  ['survey', { name: '测绘资质单位检查', minRatioBp: 3000 }],
]);

describe('plan lines', () => {
  it('accept items of the list with a ratio at or above their minimum and 1–12 times a year', () => {
    expect(
      planLineProblems(
        [
          { itemId: 'land', ratioBp: 1000, timesPerYear: 1 },
          { itemId: 'survey', ratioBp: 10_000, timesPerYear: 12 },
        ],
        items,
      ),
    ).toEqual([]);
  });

  it('refuse a plan without lines or with too many', () => {
    expect(planLineProblems([], items).map((p) => p.field)).toEqual(['lines']);
    const many = Array.from({ length: PLAN_LINES_MAX + 1 }, () => ({
      itemId: 'land',
      ratioBp: 1000,
      timesPerYear: 1,
    }));
    expect(planLineProblems(many, items).map((p) => p.field)).toEqual(['lines']);
  });

  it('name the line and field of each problem: unknown item, duplicate, low ratio, times out of range', () => {
    const problems = planLineProblems(
      [
        { itemId: 'land', ratioBp: 999, timesPerYear: 0 },
        { itemId: 'gone', ratioBp: 1000, timesPerYear: 1 },
        { itemId: 'land', ratioBp: 10_001, timesPerYear: 13 },
      ],
      items,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'lines.0.ratioBp',
      'lines.0.timesPerYear',
      'lines.1.itemId',
      'lines.2.itemId',
      'lines.2.ratioBp',
      'lines.2.timesPerYear',
    ]);
    expect(problems[0]!.message['zh-CN']).toContain('低于该事项的最低比例 10%');
    expect(problems[0]!.hint.en).toContain('from 10% to 100%');
    expect(problems[3]!.message.en).toContain('already on line 1');
  });
});

describe('a task as a round of a plan', () => {
  const plan = {
    name: '2026 年度抽查计划',
    year: 2026,
    departmentId: 'bureau',
    cooperatingDepartmentIds: ['market', 'tax'],
    itemIds: ['land', 'survey'],
  };

  it('fits when it shares the year and initiator, cooperates within the plan and draws on its items', () => {
    expect(
      taskPlanProblems(
        { year: 2026, departmentId: 'bureau', cooperatingDepartmentIds: ['tax'], itemIds: ['land'] },
        plan,
      ),
    ).toEqual([]);
  });

  it('names every way it does not fit', () => {
    const problems = taskPlanProblems(
      { year: 2025, departmentId: 'market', cooperatingDepartmentIds: ['police'], itemIds: ['land', 'mine'] },
      plan,
      (id) => (id === 'mine' ? '矿山地质环境' : id),
    );
    expect(problems.map((p) => p.field)).toEqual([
      'year',
      'departmentId',
      'cooperatingDepartmentIds',
      'itemIds',
    ]);
    expect(problems[3]!.message['zh-CN']).toBe('“矿山地质环境”不在计划“2026 年度抽查计划”中');
  });
});
