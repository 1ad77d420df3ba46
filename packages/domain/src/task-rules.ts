/**
 * Rules of an inspection task (抽查任务) as a coordinator plans it, and of a department's answer to a joint
 * task or a merge proposal: the API refuses input that breaks them, and the dashboard's task form and answer
 * dialog check the same rules before asking.
 */
import type { FieldProblem } from './registry-rules.js';
import { isIsoDate } from './registry-rules.js';
import { text } from './text.js';

/** The smallest and largest inspection team a task draws (双人以上执法). */
export const TEAM_SIZE_MIN = 2;
export const TEAM_SIZE_MAX = 10;

/** The longest reason a department gives with its answer. */
export const ANSWER_REASON_MAX = 500;

/** What the task rules look at. */
export interface TaskDraft {
  readonly teamSize: number;
  /** How many departments besides the initiating one take part. */
  readonly cooperatingCount: number;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly scope: 'DIRECTED' | 'UNDIRECTED';
  /** How many scope filters are set: regions, tags, risk classes and target kinds together. */
  readonly filterCount: number;
}

/**
 * The problems of a task, in the order of the form: the team (2–10, room for one inspector of each
 * department), the window (two days, the end not before the start), the scope (an undirected task has no
 * filters, a directed one at least one).
 */
export function taskProblems(task: TaskDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const departments = 1 + task.cooperatingCount;
  if (!Number.isInteger(task.teamSize) || task.teamSize < TEAM_SIZE_MIN || task.teamSize > TEAM_SIZE_MAX)
    problems.push({
      field: 'teamSize',
      message: text(`A team of ${task.teamSize} is not allowed`, `每组 ${task.teamSize} 人不符合要求`),
      hint: text(
        `Give a whole number from ${TEAM_SIZE_MIN} to ${TEAM_SIZE_MAX}.`,
        `请填写 ${TEAM_SIZE_MIN} 至 ${TEAM_SIZE_MAX} 之间的整数。`,
      ),
    });
  else if (task.teamSize < departments)
    problems.push({
      field: 'teamSize',
      message: text(
        `A team of ${task.teamSize} cannot hold one inspector from each of ${departments} departments`,
        `每组 ${task.teamSize} 人，无法容纳来自 ${departments} 个部门的各一名人员`,
      ),
      hint: text(`Make the team at least ${departments}.`, `请将每组人数设为至少 ${departments} 人。`),
    });
  for (const field of ['windowStart', 'windowEnd'] as const) {
    const value = task[field];
    if (!isIsoDate(value))
      problems.push({
        field,
        message: text(`"${value}" is not a date`, `“${value}”不是有效日期`),
        hint: text('Write YYYY-MM-DD.', '请按 YYYY-MM-DD 填写。'),
      });
  }
  if (isIsoDate(task.windowStart) && isIsoDate(task.windowEnd) && task.windowEnd < task.windowStart)
    problems.push({
      field: 'windowEnd',
      message: text('The task ends before it starts', '任务结束日期早于开始日期'),
      hint: text('Give an end on or after the start.', '请填写不早于开始日期的结束日期。'),
    });
  if (task.scope === 'UNDIRECTED' && task.filterCount > 0)
    problems.push({
      field: 'scope',
      message: text('An undirected task has no filters', '不定向任务不设筛选条件'),
      hint: text('Clear them, or make the task directed.', '请清空条件，或改为定向任务。'),
    });
  if (task.scope === 'DIRECTED' && task.filterCount === 0)
    problems.push({
      field: 'scope',
      message: text('A directed task needs at least one filter', '定向任务至少需要一个筛选条件'),
      hint: text('Choose a region, tag, risk class or kind.', '请选择区域、标签、风险分类或对象类别。'),
    });
  return problems;
}

/** The problem of a department's answer: a decline says why, within the limit; null when fine. */
export function answerReasonProblem(accept: boolean, reason: string | null | undefined): FieldProblem | null {
  const trimmed = reason?.trim() ?? '';
  if (!accept && !trimmed)
    return {
      field: 'reason',
      message: text('A decline needs a reason', '拒绝需填写理由'),
      hint: text(
        'Say why your department declines, so that the other departments can change their plans.',
        '请填写拒绝理由，以便其他部门调整安排。',
      ),
    };
  if (trimmed.length > ANSWER_REASON_MAX)
    return {
      field: 'reason',
      message: text(
        `The reason is longer than ${ANSWER_REASON_MAX} characters`,
        `理由超过 ${ANSWER_REASON_MAX} 个字`,
      ),
      hint: text('Shorten it.', '请精简。'),
    };
  return null;
}
