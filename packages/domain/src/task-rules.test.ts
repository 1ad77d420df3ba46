import { describe, expect, it } from 'vitest';
import { ANSWER_REASON_MAX, answerReasonProblem, taskProblems, type TaskDraft } from './task-rules.js';

const task: TaskDraft = {
  teamSize: 2,
  cooperatingCount: 1,
  windowStart: '2027-03-01',
  windowEnd: '2027-03-31',
  scope: 'UNDIRECTED',
  filterCount: 0,
};
const fields = (t: Partial<TaskDraft>) => taskProblems({ ...task, ...t }).map((p) => p.field);

describe('a task', () => {
  it('passes with a team of 2–10 that holds one inspector of each department, in a window, scoped', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ scope: 'DIRECTED', filterCount: 2, teamSize: 10 })).toEqual([]);
  });

  it('refuses a team outside 2–10 or too small for its departments', () => {
    expect(fields({ teamSize: 1, cooperatingCount: 0 })).toEqual(['teamSize']);
    expect(fields({ teamSize: 11 })).toEqual(['teamSize']);
    expect(fields({ teamSize: 2.5 })).toEqual(['teamSize']);
    const [small] = taskProblems({ ...task, cooperatingCount: 2 });
    expect(small?.message['zh-CN']).toBe('每组 2 人，无法容纳来自 3 个部门的各一名人员');
  });

  it('needs two days, the end not before the start', () => {
    expect(fields({ windowStart: '2027-02-30' })).toEqual(['windowStart']);
    expect(fields({ windowEnd: '2027-02-28' })).toEqual(['windowEnd']);
    expect(fields({ windowEnd: '2027-03-01' })).toEqual([]);
  });

  it('has filters exactly when directed', () => {
    expect(fields({ filterCount: 1 })).toEqual(['scope']);
    expect(fields({ scope: 'DIRECTED' })).toEqual(['scope']);
  });
});

describe('a department’s answer', () => {
  it('declines only with a reason within the limit', () => {
    expect(answerReasonProblem(true, null)).toBeNull();
    expect(answerReasonProblem(false, ' 人员不足 ')).toBeNull();
    expect(answerReasonProblem(false, '  ')?.field).toBe('reason');
    expect(answerReasonProblem(false, 'x'.repeat(ANSWER_REASON_MAX + 1))?.message.en).toMatch(
      /longer than 500/,
    );
  });
});
