/**
 * INSPECTORS (检查人员): the team places on the period's visits — a visit belongs to the period of the
 * day its draw ran, China time — by the inspector's top-level department, and the certificates about
 * to expire. Scoped by the inspector's department: a manager sees their own staff's workload.
 */
import { certificateExpiryWindow, chinaToday, type StatDimension } from '@suiji/domain';
import { dialectOf } from '../../../db/dialect.js';
import { allOf, quarterOfMonth, type Clause } from '../../../db/query.js';
import { selectRows } from '../../../db/sql.js';
import { DEPARTMENT_ROOTS } from '../../department/department.conditions.js';
import type { FamilyComputer, FamilyQuery, FamilyRow } from './family.js';
import { sortRows } from './grouping.js';

/** Department scope and filter on the top-level department `dr.root_id`. */
function departmentClauses(query: FamilyQuery): Clause[] {
  const clauses: Clause[] = [];
  if (query.scope)
    clauses.push({
      sql: `dr.root_id in (${query.scope.map(() => '?').join(', ')})`,
      params: [...query.scope],
    });
  if (query.filter.departmentId) clauses.push({ sql: 'dr.root_id = ?', params: [query.filter.departmentId] });
  return clauses;
}

/** Visits, members, per-inspector loads and their spread, by the groups asked for. */
async function workload(query: FamilyQuery, groupBy: readonly StatDimension[]): Promise<FamilyRow[]> {
  const { em } = query.ctx;
  const month = 'substr(m.drawn_on, 1, 7)';
  const keyOf: Record<string, string> = {
    DEPARTMENT: 'dr.root_id',
    MONTH: month,
    QUARTER: quarterOfMonth(month),
  };
  const keys = groupBy.map((dim, i) => `${keyOf[dim]} as k${i}`);
  const keyColumns = groupBy.map((_, i) => `k${i}`);
  // Each team place carries its visit's day drawn (China), kept with the visit's facts.
  const where = allOf([
    { sql: 'm.drawn_on between ? and ?', params: [query.period.from, query.period.to] },
    ...departmentClauses(query),
    // Only visits of tasks in scope: an inspector who moved departments keeps their old tasks' places there.
    ...(query.scope
      ? [
          {
            sql: `m.task_id in (select td.task_id from task_department td where td.department_id in (${query.scope.map(() => '?').join(', ')}))`,
            params: [...query.scope],
          },
        ]
      : []),
  ]);
  // Counted from the team places' summary: each row stands for `n` places.
  const loads = `select ${[...keys, 'm.inspector_id as inspector_id', 'sum(m.n) as n'].join(', ')}
    from member_cube m
    join inspector p on p.id = m.inspector_id join dept_root dr on dr.id = p.department_id
    where ${where.sql} group by ${[...groupBy.map((_, i) => i + 1), groupBy.length + 1].join(', ')}`;
  const { from: ranked, aggregate: median } = dialectOf(em).median(loads, 'n', keyColumns);
  const sql = `with recursive ${DEPARTMENT_ROOTS}
    select ${[...keyColumns.map((k) => `l.${k}`), 'sum(l.n) as visits', 'count(*) as inspectors', 'min(l.n) as fewest', `${median} as median`, 'max(l.n) as most'].join(', ')}
    from ${ranked} ${keyColumns.length ? `group by ${keyColumns.map((k) => `l.${k}`).join(', ')}` : ''}`;
  const found = await selectRows<Record<string, unknown>>(em, sql, where.params);
  return found.map((row) => ({
    keys: keyColumns.map((k) => String(row[k])),
    counts: {
      inspectorVisits: Number(row.visits ?? 0),
      distinctInspectors: Number(row.inspectors ?? 0),
      assignmentsMin: row.fewest == null ? null : Number(row.fewest),
      assignmentsMedian: row.median == null ? null : Number(row.median),
      assignmentsMax: row.most == null ? null : Number(row.most),
    },
  }));
}

/**
 * Inspectors on the register (not transferred away) whose certificate's last day falls within
 * CERTIFICATE_WARNING_DAYS from the cut-off day; by month or quarter, under the month it expires in, within the period.
 */
const periodBound = (groupBy: readonly StatDimension[]) =>
  groupBy.includes('MONTH') || groupBy.includes('QUARTER');

async function expiring(
  query: FamilyQuery,
  groupBy: readonly StatDimension[],
  withinPeriod = periodBound(groupBy),
): Promise<FamilyRow[]> {
  const today = chinaToday(query.now);
  const month = 'substr(p.certificate_valid_until, 1, 7)';
  const keyOf: Record<string, string> = {
    DEPARTMENT: 'dr.root_id',
    MONTH: month,
    QUARTER: quarterOfMonth(month),
  };
  const clauses: Clause[] = [
    { sql: "p.deleted_at is null and p.status <> 'TRANSFERRED'", params: [] },
    {
      sql: 'p.certificate_valid_until >= ? and p.certificate_valid_until <= ?',
      params: [certificateExpiryWindow(today).from, certificateExpiryWindow(today).to],
    },
    ...departmentClauses(query),
  ];
  if (withinPeriod)
    clauses.push({
      sql: 'p.certificate_valid_until >= ? and p.certificate_valid_until <= ?',
      params: [query.period.from, query.period.to],
    });
  const where = allOf(clauses);
  const keys = groupBy.map((dim, i) => `${keyOf[dim]} as k${i}`);
  const sql = `with recursive ${DEPARTMENT_ROOTS}
    select ${[...keys, 'count(*) as n'].join(', ')}
    from inspector p join dept_root dr on dr.id = p.department_id where ${where.sql}
    ${groupBy.length ? `group by ${groupBy.map((_, i) => i + 1).join(', ')}` : ''}`;
  const found = await selectRows<Record<string, unknown>>(query.ctx.em, sql, where.params);
  return found.map((row) => ({
    keys: groupBy.map((_, i) => String(row[`k${i}`])),
    counts: { expiringCertificates: Number(row.n ?? 0) },
  }));
}

/** The two sets of counts side by side, a group present in either being a row. */
function merged(a: readonly FamilyRow[], b: readonly FamilyRow[]): FamilyRow[] {
  const byKey = new Map<string, FamilyRow>();
  for (const row of [...a, ...b]) {
    const key = JSON.stringify(row.keys);
    const found = byKey.get(key);
    byKey.set(key, { keys: row.keys, counts: { ...found?.counts, ...row.counts } });
  }
  return [...byKey.values()];
}

export const inspectorsFamily: FamilyComputer = async (query) => {
  const grouped = query.groupBy.length > 0;
  const visits = grouped ? await workload(query, query.groupBy) : [];
  const certificates = grouped ? await expiring(query, query.groupBy) : [];
  const [visitTotal] = await workload(query, []);
  // Rows by month or quarter count the certificates expiring within the period: so does their 合计.
  const [certificateTotal] = await expiring(query, [], periodBound(query.groupBy));
  return {
    rows: sortRows(merged(visits, certificates)),
    total: { ...visitTotal?.counts, ...certificateTotal?.counts },
  };
};
