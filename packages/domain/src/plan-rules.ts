/**
 * Rules of a yearly plan's lines (年度抽查计划), shared by the API and the dashboard's plan form: each
 * line names one item of the list, a ratio not below the item's minimum and how often a year it is
 * inspected.
 */
import { formatRatioBp, RATIO_MAX_BP, TIMES_PER_YEAR_MAX } from './limits.js';
import type { FieldProblem } from './registry-rules.js';
import { text } from './text.js';

/** The most lines a plan may hold (a department's list rarely has more than a few dozen items). */
export const PLAN_LINES_MAX = 100;

/** One line of a plan as entered. */
export interface PlanLineDraft {
  readonly itemId: string;
  readonly ratioBp: number;
  readonly timesPerYear: number;
}

/** What the rules need to know of a line's item. */
export interface PlanLineItem {
  readonly name: string;
  readonly minRatioBp: number;
}

/**
 * The problems of a plan's lines, in line order: none at all, an item that is not on the list (absent
 * from `items`), an item twice, a ratio below the item's minimum (or above 100%), times per year
 * outside 1–12. Fields are named `lines.<index>.<field>` (0-based), messages count lines from 1.
 */
export function planLineProblems(
  lines: readonly PlanLineDraft[],
  items: ReadonlyMap<string, PlanLineItem>,
): FieldProblem[] {
  if (lines.length === 0)
    return [
      {
        field: 'lines',
        message: text('The plan has no lines', '计划中没有抽查事项'),
        hint: text('Add at least one inspection item to the plan.', '请至少添加一个抽查事项。'),
      },
    ];
  if (lines.length > PLAN_LINES_MAX)
    return [
      {
        field: 'lines',
        message: text(
          `The plan has ${lines.length} lines, more than ${PLAN_LINES_MAX}`,
          `计划有 ${lines.length} 个事项，超过 ${PLAN_LINES_MAX} 个`,
        ),
        hint: text('Split it into several plans.', '请拆分为多个计划。'),
      },
    ];
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  lines.forEach((line, index) => {
    const n = index + 1;
    const item = items.get(line.itemId);
    if (!item) {
      problems.push({
        field: `lines.${index}.itemId`,
        message: text(
          `Line ${n}: inspection item ${line.itemId} does not exist or has been deleted`,
          `第 ${n} 行：抽查事项 ${line.itemId} 不存在或已删除`,
        ),
        hint: text('Choose an item of the plan year’s list.', '请从计划年度的抽查事项清单中选择。'),
      });
      return;
    }
    const first = seen.get(line.itemId);
    if (first !== undefined)
      problems.push({
        field: `lines.${index}.itemId`,
        message: text(
          `Line ${n}: "${item.name}" is already on line ${first}`,
          `第 ${n} 行：“${item.name}”已在第 ${first} 行列出`,
        ),
        hint: text(
          'List each item once; give it more times per year instead.',
          '每个事项只列一次；需要多次抽查时请提高抽查频次。',
        ),
      });
    else seen.set(line.itemId, n);
    if (!Number.isInteger(line.ratioBp) || line.ratioBp < item.minRatioBp || line.ratioBp > RATIO_MAX_BP)
      problems.push({
        field: `lines.${index}.ratioBp`,
        message: text(
          `Line ${n}: the ratio ${formatRatioBp(line.ratioBp)} of "${item.name}" is below its minimum of ${formatRatioBp(item.minRatioBp)} or above 100%`,
          `第 ${n} 行：“${item.name}”的抽查比例 ${formatRatioBp(line.ratioBp)} 低于该事项的最低比例 ${formatRatioBp(item.minRatioBp)} 或高于 100%`,
        ),
        hint: text(
          `Give a ratio from ${formatRatioBp(item.minRatioBp)} to 100% (the list says "not lower than").`,
          `请填写 ${formatRatioBp(item.minRatioBp)} 至 100% 之间的比例（清单规定“不低于”）。`,
        ),
      });
    if (
      !Number.isInteger(line.timesPerYear) ||
      line.timesPerYear < 1 ||
      line.timesPerYear > TIMES_PER_YEAR_MAX
    )
      problems.push({
        field: `lines.${index}.timesPerYear`,
        message: text(
          `Line ${n}: ${line.timesPerYear} times per year for "${item.name}" is out of range`,
          `第 ${n} 行：“${item.name}”每年 ${line.timesPerYear} 次超出范围`,
        ),
        hint: text(
          `Inspect it from 1 to ${TIMES_PER_YEAR_MAX} times a year.`,
          `请填写 1 至 ${TIMES_PER_YEAR_MAX} 之间的整数。`,
        ),
      });
  });
  return problems;
}

/** Who takes part in a task or plan, its year and items: what a task must share with its plan. */
export interface PlanScope {
  readonly year: number;
  readonly departmentId: string;
  readonly cooperatingDepartmentIds: readonly string[];
  readonly itemIds: readonly string[];
}

/**
 * The problems of a task as a round of `plan` (任务是计划的一轮): the same year, the same initiating
 * department, cooperating departments among the plan's, and only items the plan lists. `itemName`
 * names an item in the messages.
 */
export function taskPlanProblems(
  task: PlanScope,
  plan: PlanScope & { readonly name: string },
  itemName: (itemId: string) => string = (id) => id,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (task.year !== plan.year)
    problems.push({
      field: 'year',
      message: text(
        `The task is for ${task.year} but plan "${plan.name}" is for ${plan.year}`,
        `任务年度为 ${task.year} 年，而计划“${plan.name}”为 ${plan.year} 年度`,
      ),
      hint: text(
        `Make it a ${plan.year} task, or choose another plan.`,
        `请改为 ${plan.year} 年度，或选择其他计划。`,
      ),
    });
  if (task.departmentId !== plan.departmentId)
    problems.push({
      field: 'departmentId',
      message: text(
        `The task's initiating department is not that of plan "${plan.name}"`,
        `任务的发起部门与计划“${plan.name}”的发起部门不同`,
      ),
      hint: text(
        'A plan’s tasks are initiated by the plan’s initiating department: change the department or the plan.',
        '计划的任务须由计划的发起部门发起：请修改发起部门或选择其他计划。',
      ),
    });
  const outside = task.cooperatingDepartmentIds.filter((id) => !plan.cooperatingDepartmentIds.includes(id));
  if (outside.length > 0)
    problems.push({
      field: 'cooperatingDepartmentIds',
      message: text(
        `${outside.length} cooperating department(s) of the task do not take part in plan "${plan.name}"`,
        `任务中有 ${outside.length} 个配合部门未参与计划“${plan.name}”`,
      ),
      hint: text(
        'Choose cooperating departments among the plan’s, or add them to the plan first.',
        '请从计划的配合部门中选择，或先把它们加入计划。',
      ),
    });
  const unplanned = task.itemIds.filter((id) => !plan.itemIds.includes(id));
  if (unplanned.length > 0)
    problems.push({
      field: 'itemIds',
      message: text(
        `${unplanned.map((id) => `"${itemName(id)}"`).join(', ')} is not in plan "${plan.name}"`,
        `${unplanned.map((id) => `“${itemName(id)}”`).join('、')}不在计划“${plan.name}”中`,
      ),
      hint: text(
        'Choose items the plan lists, or add them to the plan first.',
        '请选择计划中列出的事项，或先把它们加入计划。',
      ),
    });
  return problems;
}
