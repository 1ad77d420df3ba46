import { describe, expect, it } from 'vitest';
import { taskRule, taskTransform } from './taskForm';

const values = {
  teamSize: 2,
  cooperatingDepartmentIds: ['market'],
  windowStart: '2027-03-01',
  windowEnd: '2027-03-31',
  scope: 'UNDIRECTED',
  regions: [],
};
const zh = () => 'zh-CN' as const;
const en = () => 'en' as const;

describe('the task form', () => {
  it('checks the team as the API does: room for one inspector of each department', () => {
    const rule = taskRule('teamSize', zh);
    expect(rule(2, values)).toBeUndefined();
    expect(rule(2, { ...values, cooperatingDepartmentIds: ['market', 'water'] })).toBe(
      '每组 2 人，无法容纳来自 3 个部门的各一名人员。请将每组人数设为至少 3 人。',
    );
    expect(taskRule('teamSize', en)(11, { ...values, teamSize: 11 })).toBe(
      'A team of 11 is not allowed. Give a whole number from 2 to 10.',
    );
  });

  it('checks the window and the scope as the API does', () => {
    expect(taskRule('windowEnd', en)('2027-02-28', { ...values, windowEnd: '2027-02-28' })).toMatch(
      /^The task ends before it starts/,
    );
    expect(taskRule('scope', en)('DIRECTED', { ...values, scope: 'DIRECTED' })).toMatch(
      /^A directed task needs at least one filter/,
    );
    // An undirected task's filters are dropped on sending (below), so they are no problem.
    expect(taskRule('scope', en)('UNDIRECTED', { ...values, regions: ['尹集镇'] })).toBeUndefined();
    expect(taskRule('windowEnd', en)('', values)).toBeUndefined();
  });

  it('sends an undirected task without filters', () => {
    expect(taskTransform({ id: 't', scope: 'UNDIRECTED', regions: ['尹集镇'], tags: ['x'] })).toMatchObject({
      regions: [],
      tags: [],
      riskClasses: [],
      targetKinds: [],
    });
  });
});
