/**
 * What a yearly plan is, in SQL: the departments taking part, and how many of its rounds are completed.
 * The plan page and the PLANS figures share them.
 */
import { progressOf } from '../task/task.conditions.js';

/**
 * Each department taking part in each plan as a row `(plan_id, department_id, initiating)`. Read from the
 * plan's list of cooperating departments until they are stored as rows of their own.
 */
export function planDepartments(): string {
  return `(select p.id as plan_id, p.department_id as department_id, true as initiating from plan p
    union all select p.id, d.id, false from plan p
      join department d on p.cooperating_department_ids like '%,' || d.id || ',%')`;
}

/** 1 for a joint plan (with a cooperating department), 0 for a plan of one department. */
export function planJointOf(plan: string): string {
  return `case when exists (select 1 from ${planDepartments()} pd where pd.plan_id = ${plan}.id and not pd.initiating) then 1 else 0 end`;
}

/**
 * The rounds of a plan line (`plan_item`) completed: its plan's tasks that include the line's item and
 * whose every visit is published, at most the rounds the line asks for. A round whose draw has run is
 * not completed while a result is still to be entered, reviewed or published.
 */
export function lineRoundsDone(line: string): string {
  const done = `(select count(*) from task k join task_item ti on ti.task_id = k.id
    where k.plan_id = ${line}.plan_id and ti.inspection_item_id = ${line}.item_id and k.deleted_at is null
      and ${progressOf('k')} = 'DONE')`;
  return `case when ${done} < ${line}.times_per_year then ${done} else ${line}.times_per_year end`;
}

/** Whether some task of the plan (`plan`) has had its draw run: the plan has started. */
export function planStarted(plan: string): string {
  return `exists (select 1 from task k join draw d on d.task_id = k.id
    where k.plan_id = ${plan}.id and k.deleted_at is null and d.status = 'DRAWN')`;
}
