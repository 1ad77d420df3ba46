/**
 * What a task is, in SQL: the departments taking part, whether it is joint, how far it has got, and the
 * conditions of the task list's filters. The task list and the TASKS and PLANS figures share them, so
 * that the list behind a number shows as many tasks as the number says.
 */
import type { TaskListFilter } from '@suiji/domain';
import type { Clause, Condition } from '../../db/query.js';

/**
 * Each department taking part in each task as a row `(task_id, department_id, initiating)`: the
 * initiating department, and every cooperating one of a joint task.
 */
export function taskDepartments(): string {
  return 'task_department';
}

/** 1 for a joint task (联合抽查: with a cooperating department), 0 for a task of one department. */
export function jointOf(task: string): string {
  return `case when exists (select 1 from ${taskDepartments()} td where td.task_id = ${task}.id and not td.initiating) then 1 else 0 end`;
}

/**
 * 'PENDING' until its draw has run, then 'RUNNING' while a visit is not published, then 'DONE': a task
 * is completed only when every visit it drew is published.
 */
export function progressOf(task: string): string {
  return `case when not exists (select 1 from draw d where d.task_id = ${task}.id and d.status = 'DRAWN') then 'PENDING'
    when exists (select 1 from inspection i where i.task_id = ${task}.id and i.state <> 'PUBLISHED') then 'RUNNING'
    else 'DONE' end`;
}

/** Tasks some of these (top-level) departments take part in, as initiator or cooperator. */
export function takingPartIn(departmentIds: readonly string[]): Condition {
  return (task) => ({
    sql: `exists (select 1 from ${taskDepartments()} td where td.task_id = ${task}.id and td.department_id in (${departmentIds.map(() => '?').join(', ')}))`,
    params: [...departmentIds],
  });
}

/** The conditions of a task list filter (as `drillDown` makes them), soft-deleted tasks left out. */
export function taskConditions(filter: TaskListFilter): Condition[] {
  const conditions: Condition[] = [(task) => ({ sql: `${task}.deleted_at is null`, params: [] })];
  const where = (make: (task: string) => Clause) => conditions.push(make);
  if (filter.departmentId) conditions.push(takingPartIn([filter.departmentId]));
  if (filter.itemId)
    where((task) => ({
      sql: `exists (select 1 from task_item ti where ti.task_id = ${task}.id and ti.inspection_item_id = ?)`,
      params: [filter.itemId],
    }));
  if (filter.windowFrom) where((task) => ({ sql: `${task}.window_start >= ?`, params: [filter.windowFrom] }));
  if (filter.windowTo) where((task) => ({ sql: `${task}.window_start <= ?`, params: [filter.windowTo] }));
  if (filter.joint != null)
    where((task) => ({ sql: `${jointOf(task)} = ?`, params: [filter.joint ? 1 : 0] }));
  if (filter.fromPlan != null)
    where((task) => ({ sql: `${task}.plan_id is ${filter.fromPlan ? 'not ' : ''}null`, params: [] }));
  if (filter.progress) where((task) => ({ sql: `${progressOf(task)} = ?`, params: [filter.progress] }));
  return conditions;
}
