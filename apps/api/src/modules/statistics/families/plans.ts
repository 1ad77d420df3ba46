/**
 * PLANS (年度抽查计划): the yearly plans of the years the period touches, in the caller's scope, with
 * their rounds — a round completed only when its task has every visit published, as the plan page shows.
 */
import { allOf, type Clause } from '../../../db/query.js';
import { lineRoundsDone, planDepartments, planJointOf, planStarted } from '../../plan/plan.conditions.js';
import type { FamilyComputer } from './family.js';
import { groupedCounts } from './grouping.js';

const sum = (condition: string) => `coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;

/** Plans some of these departments take part in. */
const takingPart = (departmentIds: readonly string[]): Clause => ({
  sql: `exists (select 1 from ${planDepartments()} pd where pd.plan_id = p.id and pd.department_id in (${departmentIds.map(() => '?').join(', ')}))`,
  params: [...departmentIds],
});

export const plansFamily: FamilyComputer = (query) => {
  const { period, filter, scope } = query;
  const clauses: Clause[] = [
    { sql: 'p.deleted_at is null', params: [] },
    {
      sql: 'p.year between ? and ?',
      params: [Number(period.from.slice(0, 4)), Number(period.to.slice(0, 4))],
    },
  ];
  if (scope) clauses.push(takingPart(scope));
  if (filter.departmentId) clauses.push(takingPart([filter.departmentId]));
  const where = allOf(clauses);
  return groupedCounts(query, {
    source: {
      sql: `select p.id, ${planJointOf('p')} as joint, coalesce(r.planned, 0) as planned, coalesce(r.done, 0) as done,
          case when not ${planStarted('p')} then 'PENDING'
            when coalesce(r.done, 0) >= coalesce(r.planned, 0) then 'DONE' else 'RUNNING' end as progress
        from plan p
        left join (select l.plan_id, sum(l.times_per_year) as planned, sum(${lineRoundsDone('l')}) as done
          from plan_item l join plan p on p.id = l.plan_id where ${where.sql} group by l.plan_id) r on r.plan_id = p.id
        where ${where.sql}`,
      // The rounds of the plans counted only: the lines of the same plans.
      params: [...where.params, ...where.params],
    },
    measures: {
      plans: 'count(*)',
      ownPlans: sum('x.joint = 0'),
      jointPlans: sum('x.joint = 1'),
      plansPending: sum("x.progress = 'PENDING'"),
      plansRunning: sum("x.progress = 'RUNNING'"),
      plansDone: sum("x.progress = 'DONE'"),
      roundsPlanned: 'coalesce(sum(x.planned), 0)',
      roundsDone: 'coalesce(sum(x.done), 0)',
    },
    groupings: {
      DEPARTMENT: {
        key: 'pd.department_id',
        join: {
          sql: `join ${planDepartments()} pd on pd.plan_id = x.id${filter.departmentId ? ' and pd.department_id = ?' : ''}`,
          params: filter.departmentId ? [filter.departmentId] : [],
        },
      },
      JOINT: { key: "case when x.joint = 1 then 'JOINT' else 'OWN' end" },
    },
  });
};
