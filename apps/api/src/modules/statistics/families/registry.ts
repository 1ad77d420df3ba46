/**
 * TARGET_REGISTRY and INSPECTOR_REGISTRY (名录库): the registries as they stand at the cut-off. Targets
 * are shared by every department (any may inspect them), so they are counted whatever the scope, from
 * their summary `target_cube` (a row for `n` live targets);
 * inspectors belong to a department and are counted in the scope of its top-level department, a
 * unit's inspectors under their department.
 */
import { dialectOf } from '../../../db/dialect.js';
import { allOf, type Clause } from '../../../db/query.js';
import { DEPARTMENT_ROOTS } from '../../department/department.conditions.js';
import type { FamilyComputer } from './family.js';
import { groupedCounts } from './grouping.js';

export const targetRegistryFamily: FamilyComputer = (query) => {
  const { filter } = query;
  const clauses: Clause[] = [];
  if (filter.region) clauses.push({ sql: 't.region = ?', params: [filter.region] });
  if (filter.targetKind) clauses.push({ sql: 't.kind = ?', params: [filter.targetKind] });
  if (filter.riskClass) clauses.push({ sql: 't.risk_class = ?', params: [filter.riskClass] });
  const where = allOf(clauses);
  return groupedCounts(query, {
    source: {
      sql: `select t.kind, t.risk_class, t.region, t.status, t.n from target_cube t where ${where.sql}`,
      params: where.params,
    },
    measures: { targets: 'coalesce(sum(x.n), 0)' },
    groupings: {
      TARGET_KIND: { key: 'x.kind' },
      RISK_CLASS: { key: 'x.risk_class' },
      REGION: { key: 'x.region' },
      TARGET_STATUS: { key: 'x.status' },
    },
  });
};

export const inspectorRegistryFamily: FamilyComputer = (query) => {
  const { filter, scope } = query;
  const clauses: Clause[] = [{ sql: 'p.deleted_at is null', params: [] }];
  if (scope) clauses.push({ sql: `dr.root_id in (${scope.map(() => '?').join(', ')})`, params: [...scope] });
  if (filter.departmentId) clauses.push({ sql: 'dr.root_id = ?', params: [filter.departmentId] });
  const where = allOf(clauses);
  return groupedCounts(query, {
    with: DEPARTMENT_ROOTS,
    source: {
      sql: `select p.id, p.status, p.expertise, dr.root_id from inspector p
        join dept_root dr on dr.id = p.department_id where ${where.sql}`,
      params: where.params,
    },
    // An inspector counts once under each of their expertise tags.
    measures: { inspectors: 'count(distinct x.id)' },
    groupings: {
      DEPARTMENT: { key: 'x.root_id' },
      EXPERTISE: {
        key: 'ex.value',
        join: { sql: dialectOf(query.ctx.em).listItems('x.expertise', 'ex'), params: [] },
      },
      INSPECTOR_STATUS: { key: 'x.status' },
    },
  });
};
