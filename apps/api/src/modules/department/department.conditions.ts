/**
 * The department tree in SQL: which top-level department each unit rolls up into, and the units under a
 * department. Departments are few; the recursion runs in the statement that needs it.
 */
import type { Condition } from '../../db/query.js';

/**
 * Every department and unit with its top-level department, as rows `(id, root_id)`: the common table
 * `dept_root` to put after `with recursive`.
 */
export const DEPARTMENT_ROOTS = `dept_root(id, root_id) as (
    select d.id, d.id from department d where d.parent_id is null
    union all select d.id, r.root_id from department d join dept_root r on d.parent_id = r.id)`;

/** Rows whose department (the column given) is the department or a unit under it, at any depth. */
export function inUnitsOf(departmentId: string, column = 'department_id'): Condition {
  return (alias) => ({
    sql: `${alias}.${column} in (with recursive units(id) as (
        select d.id from department d where d.id = ?
        union all select d.id from department d join units u on d.parent_id = u.id)
      select id from units)`,
    params: [departmentId],
  });
}
