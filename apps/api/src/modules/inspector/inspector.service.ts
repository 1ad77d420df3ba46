import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { certificateExpiryWindow, chinaToday, scopeOf, text } from '@suiji/domain';
import { asFilter } from '../../db/query.js';
import { StringListType } from '../../db/string-list.type.js';
import type { Context } from '../../graphql/context.js';
import { BadInputError, ConflictError, NotFoundError, NOUNS, throwIfProblems } from '../../graphql/errors.js';
import { listEntities, type PageInput, type SortInput } from '../../graphql/list.js';
import { assertRecordAccess } from '../../graphql/policy.js';
import { inUnitsOf } from '../department/department.conditions.js';
import { Department } from '../department/department.entity.js';
import { User } from '../user/user.entity.js';
import { Inspector } from './inspector.entity.js';
import { inspectorProblems } from './inspector.rules.js';
import type {
  InspectorFields,
  InspectorFilter,
  InspectorInput,
  InspectorUpdateInput,
} from './inspector.input.js';

/** The records the actor may see, as a condition: all, their department's, or their own. */
export function inspectorScope(ctx: Context, action: 'list' | 'export'): FilterQuery<Inspector> {
  const scope = scopeOf(ctx.actor, action, 'inspectors');
  if (scope === 'all') return {};
  if (scope === 'department') return { department: { $in: [...(ctx.actor?.departmentIds ?? [])] } };
  if (scope === 'own') return { user: ctx.actor?.id ?? '' };
  return { id: null };
}

export function inspectorWhere(
  ctx: Context,
  filter: InspectorFilter,
  action: 'list' | 'export',
): FilterQuery<Inspector> {
  const where: FilterQuery<Inspector>[] = [inspectorScope(ctx, action)];
  // A department's inspectors include its units' (as its statistics roll them up).
  if (filter.departmentId) where.push(asFilter<Inspector>('inspector', [inUnitsOf(filter.departmentId)]));
  if (filter.status) where.push({ status: filter.status });
  if (filter.expertise) where.push({ expertise: StringListType.contains(filter.expertise) });
  if (filter.hasAccount === false) where.push({ user: null });
  if (filter.hasAccount === true) where.push({ user: { $ne: null } });
  const day = chinaToday(ctx.clock());
  if (filter.certificateValid === true)
    where.push({ certificateValidFrom: { $lte: day }, certificateValidUntil: { $gte: day } });
  if (filter.certificateValid === false)
    where.push({ $or: [{ certificateValidFrom: { $gt: day } }, { certificateValidUntil: { $lt: day } }] });
  if (filter.certificateExpiring) {
    // As 统计分析 counts them (`certificateExpiryWindow`): not transferred away, the last valid day near.
    const window = certificateExpiryWindow(day);
    where.push({
      status: { $ne: 'TRANSFERRED' },
      certificateValidUntil: { $gte: window.from, $lte: window.to },
    });
  }
  return { $and: where };
}

export function listInspectors(
  ctx: Context,
  filter: InspectorFilter = {},
  sort?: SortInput,
  page?: PageInput,
) {
  return listEntities(ctx.em, Inspector, {
    where: inspectorWhere(ctx, filter, 'list'),
    q: filter.q,
    ids: filter.ids,
    searchFields: ['name', 'certificateNumber'],
    sortable: ['name', 'certificateNumber', 'certificateValidUntil', 'status', 'createdAt', 'updatedAt'],
    sort,
    page,
  });
}

export async function findInspector(em: EntityManager, id: string): Promise<Inspector> {
  const inspector = await em.findOne(Inspector, { id, deletedAt: null });
  if (!inspector) throw new NotFoundError(NOUNS.inspector, id);
  return inspector;
}

/** One inspector, if the actor may see it. */
export async function showInspector(ctx: Context, id: string): Promise<Inspector | null> {
  const inspector = await ctx.em.findOne(Inspector, { id, deletedAt: null });
  if (inspector) assertRecordAccess(ctx, 'show', 'inspectors', inspector);
  return inspector;
}

async function assertCertificateFree(
  em: EntityManager,
  certificateNumber: string,
  exceptId = '',
): Promise<void> {
  const other = await em.findOne(Inspector, { certificateNumber, id: { $ne: exceptId } });
  if (other)
    throw new ConflictError(
      text(
        `Certificate ${certificateNumber} is already registered for ${other.name}${other.deletedAt ? ' (deleted)' : ''}: check the number.`,
        `执法证号 ${certificateNumber} 已登记给 ${other.name}${other.deletedAt ? '（已删除）' : ''}：请核对证号。`,
      ),
      'certificateNumber',
    );
}

async function references(em: EntityManager, fields: InspectorFields) {
  const department = await em.findOne(Department, { id: fields.departmentId, deletedAt: null });
  if (!department)
    throw new BadInputError(
      text(
        `Department ${fields.departmentId} does not exist or has been deleted: choose another.`,
        `部门 ${fields.departmentId} 不存在或已删除：请另选。`,
      ),
      'departmentId',
    );
  let user: User | null = null;
  if (fields.userId) {
    user = await em.findOne(User, { id: fields.userId, deletedAt: null });
    if (!user)
      throw new BadInputError(
        text(
          `User ${fields.userId} does not exist or has been deleted.`,
          `用户 ${fields.userId} 不存在或已删除。`,
        ),
        'userId',
      );
  }
  return { department, user };
}

function stored(fields: InspectorFields) {
  return {
    name: fields.name.trim(),
    certificateNumber: fields.certificateNumber.trim(),
    certificateValidFrom: fields.certificateValidFrom.trim(),
    certificateValidUntil: fields.certificateValidUntil.trim(),
    expertise: [...new Set(fields.expertise.map((e) => e.trim()))],
    status: fields.status,
    phone: fields.phone?.trim() || null,
  };
}

export async function createInspector(em: EntityManager, input: InspectorInput): Promise<Inspector> {
  throwIfProblems(inspectorProblems(input));
  await assertCertificateFree(em, input.certificateNumber.trim());
  const inspector = em.create(Inspector, { ...stored(input), ...(await references(em, input)) });
  await em.flush();
  return inspector;
}

export async function updateInspector(
  em: EntityManager,
  id: string,
  input: InspectorUpdateInput,
): Promise<Inspector> {
  const inspector = await findInspector(em, id);
  const current: InspectorFields = {
    name: inspector.name,
    departmentId: inspector.department.id,
    certificateNumber: inspector.certificateNumber,
    certificateValidFrom: inspector.certificateValidFrom,
    certificateValidUntil: inspector.certificateValidUntil,
    expertise: inspector.expertise,
    status: inspector.status,
    phone: inspector.phone,
    userId: inspector.user?.id ?? null,
  };
  const merged: InspectorFields = {
    ...current,
    ...Object.fromEntries(
      Object.entries(input).filter(([key, v]) => v != null || key === 'phone' || key === 'userId'),
    ),
  };
  throwIfProblems(inspectorProblems(merged));
  if (merged.certificateNumber.trim() !== inspector.certificateNumber)
    await assertCertificateFree(em, merged.certificateNumber.trim(), id);
  em.assign(inspector, { ...stored(merged), ...(await references(em, merged)) });
  await em.flush();
  return inspector;
}

export async function deleteInspector(em: EntityManager, id: string): Promise<Inspector> {
  const inspector = await findInspector(em, id);
  inspector.deletedAt = new Date();
  await em.flush();
  return inspector;
}
