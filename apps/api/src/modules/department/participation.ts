/**
 * Who takes part in a task or a plan: one initiating department (发起部门) and, when joint, cooperating
 * departments (配合部门), all top-level departments.
 */
import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { text, type Resource } from '@suiji/domain';
import { placeholders } from '../../db/query.js';
import { StringListType } from '../../db/string-list.type.js';
import type { Context } from '../../graphql/context.js';
import { BadInputError } from '../../graphql/errors.js';
import { assertRecordAccess, signedIn } from '../../graphql/policy.js';
import { Department } from './department.entity.js';
import { departmentTree } from './department.service.js';

/**
 * Tasks some of these departments take part in, as initiator or cooperator, by the task's department
 * rows: a condition on a task (`column` its id) or on a record of a task (`column` its task id).
 */
export function tasksTakingPart<T extends object>(
  departmentIds: readonly string[],
  column: 'id' | 'task_id' = 'id',
): FilterQuery<T> {
  const ids = departmentIds.length > 0 ? [...departmentIds] : [''];
  return {
    [raw(
      (alias: string) =>
        `${alias}.${column} in (select td.task_id from task_department td where td.department_id in (${placeholders(ids)}))`,
      ids,
    )]: [],
  } as FilterQuery<T>;
}

/** Plans some of these departments take part in, as initiator or cooperator. */
export function takingPart<T extends { department: unknown; cooperatingDepartmentIds: string[] }>(
  departmentIds: readonly string[],
): FilterQuery<T> {
  return {
    $or: [
      { department: { $in: [...departmentIds] } },
      ...departmentIds.map((id) => ({ cooperatingDepartmentIds: StringListType.contains(id) })),
    ],
  } as FilterQuery<T>;
}

/** The top-level department a department belongs to. */
export async function rootOf(em: EntityManager, departmentId: string): Promise<string> {
  return (await departmentTree(em)).rootOf(departmentId);
}

/**
 * A list's department filter, checked: the top-level department of the one given (a unit stands for its
 * department, whose tasks they are), or an error naming the field when no such department exists.
 */
export async function departmentFilter(em: EntityManager, departmentId: string): Promise<string> {
  if (!(await em.count(Department, { id: departmentId, deletedAt: null })))
    throw new BadInputError(
      text(`Department ${departmentId} does not exist.`, `部门 ${departmentId} 不存在。`),
      'departmentId',
    );
  return rootOf(em, departmentId);
}

/**
 * The checked participants of a task or plan: the initiating department (the top-level department of the
 * one given, by default the actor's) and the distinct cooperating ones. Whose record it would be is
 * checked against the policy first, so nobody learns about another department's data by trying.
 */
export async function checkedParticipants(
  ctx: Context,
  input: { departmentId?: string | undefined; cooperatingDepartmentIds: readonly string[] },
  action: 'create' | 'edit',
  resource: Resource,
): Promise<{ department: Department; cooperating: string[] }> {
  const { em } = ctx;
  const departmentId = await rootOf(em, input.departmentId ?? signedIn(ctx).department.id);
  assertRecordAccess(ctx, action, resource, { departmentId });
  const department = await em.findOne(Department, { id: departmentId, deletedAt: null });
  if (!department)
    throw new BadInputError(
      text(`Department ${departmentId} does not exist.`, `部门 ${departmentId} 不存在。`),
      'departmentId',
    );
  const cooperating = [...new Set(input.cooperatingDepartmentIds)];
  for (const id of cooperating) {
    const found = await em.findOne(Department, { id, deletedAt: null, parent: null });
    if (!found)
      throw new BadInputError(
        text(
          `Cooperating department ${id} is not a department: choose departments, not their units.`,
          `配合部门 ${id} 不是部门：请选择部门而不是其下设股室或所。`,
        ),
        'cooperatingDepartmentIds',
      );
    if (id === departmentId)
      throw new BadInputError(
        text('The initiating department cannot also cooperate.', '发起部门不能同时作为配合部门。'),
        'cooperatingDepartmentIds',
      );
  }
  return { department, cooperating };
}
