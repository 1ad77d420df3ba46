/**
 * TASKS (抽查任务): tasks whose window starts in the period, in the caller's scope, with the conditions
 * the task list filters by — so the list behind each number shows that many tasks.
 */
import { allOf, quarterOfMonth } from '../../../db/query.js';
import {
  jointOf,
  progressOf,
  takingPartIn,
  taskConditions,
  taskDepartments,
} from '../../task/task.conditions.js';
import type { FamilyComputer } from './family.js';
import { groupedCounts } from './grouping.js';

const sum = (condition: string) => `coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;

export const tasksFamily: FamilyComputer = (query) => {
  const { period, filter, scope } = query;
  const conditions = taskConditions({
    windowFrom: period.from,
    windowTo: period.to,
    ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
    ...(filter.itemId ? { itemId: filter.itemId } : {}),
  });
  if (scope) conditions.push(takingPartIn(scope));
  const where = allOf(conditions.map((c) => c('t')));
  const month = 'substr(x.window_start, 1, 7)';
  return groupedCounts(query, {
    source: {
      sql: `select t.id, t.window_start, t.plan_id, ${jointOf('t')} as joint, ${progressOf('t')} as progress
        from task t where ${where.sql}`,
      params: where.params,
    },
    measures: {
      tasks: 'count(*)',
      ownTasks: sum('x.joint = 0'),
      jointTasks: sum('x.joint = 1'),
      planTasks: sum('x.plan_id is not null'),
      adHocTasks: sum('x.plan_id is null'),
      tasksPending: sum("x.progress = 'PENDING'"),
      tasksRunning: sum("x.progress = 'RUNNING'"),
      tasksDone: sum("x.progress = 'DONE'"),
    },
    groupings: {
      // A department filtered for is the only group of its dimension: its row is the list it drills into.
      DEPARTMENT: {
        key: 'td.department_id',
        join: {
          sql: `join ${taskDepartments()} td on td.task_id = x.id${filter.departmentId ? ' and td.department_id = ?' : ''}`,
          params: filter.departmentId ? [filter.departmentId] : [],
        },
      },
      ITEM: {
        key: 'ti.inspection_item_id',
        join: {
          sql: `join task_item ti on ti.task_id = x.id${filter.itemId ? ' and ti.inspection_item_id = ?' : ''}`,
          params: filter.itemId ? [filter.itemId] : [],
        },
      },
      MONTH: { key: month },
      QUARTER: { key: quarterOfMonth(month) },
      JOINT: { key: "case when x.joint = 1 then 'JOINT' else 'OWN' end" },
      ORIGIN: { key: "case when x.plan_id is null then 'AD_HOC' else 'PLAN' end" },
    },
  });
};
