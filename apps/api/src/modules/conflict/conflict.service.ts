import type { FilterQuery } from '@mikro-orm/core';
import { scopeOf, text } from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { BadInputError, ConflictError, NotFoundError, NOUNS } from '../../graphql/errors.js';
import { containsText, listEntities, type PageInput, type SortInput } from '../../graphql/list.js';
import { assertRecordAccess } from '../../graphql/policy.js';
import { Inspector } from '../inspector/inspector.entity.js';
import { Target } from '../target/target.entity.js';
import { Conflict } from './conflict.entity.js';
import type { ConflictFilter, ConflictInput, ConflictUpdateInput } from './conflict.input.js';

export function conflictWhere(
  ctx: Context,
  filter: ConflictFilter,
  action: 'list' | 'export',
): FilterQuery<Conflict> {
  const where: FilterQuery<Conflict> = {};
  const scope = scopeOf(ctx.actor, action === 'export' ? 'list' : action, 'conflicts');
  if (scope === 'department')
    where.inspector = { department: { $in: [...(ctx.actor?.departmentIds ?? [])] } };
  else if (scope !== 'all') where.id = '';
  if (filter.inspectorId) where.inspector = { ...(where.inspector as object), id: filter.inspectorId };
  if (filter.targetId) where.target = filter.targetId;
  return where;
}

export async function listConflicts(
  ctx: Context,
  filter: ConflictFilter = {},
  sort?: SortInput,
  page?: PageInput,
) {
  const q = filter.q?.trim();
  const where = conflictWhere(ctx, filter, 'list');
  const contains = q ? containsText(ctx.em, q) : null;
  return listEntities(ctx.em, Conflict, {
    where: q
      ? {
          $and: [
            where,
            {
              $or: [
                { reason: contains },
                { inspector: { name: contains } },
                { target: { name: contains } },
                { target: { creditCode: contains } },
              ],
            },
          ],
        }
      : where,
    ids: filter.ids,
    searchFields: [],
    sortable: ['createdAt', 'updatedAt', 'reason'],
    sort,
    page,
    populate: ['inspector', 'target'],
  });
}

async function loadConflict(ctx: Context, id: string): Promise<Conflict | null> {
  return ctx.em.findOne(Conflict, { id, deletedAt: null }, { populate: ['inspector', 'target'] });
}

export async function showConflict(ctx: Context, id: string): Promise<Conflict | null> {
  const conflict = await loadConflict(ctx, id);
  if (conflict) assertRecordAccess(ctx, 'show', 'conflicts', conflict);
  return conflict;
}

export async function createConflict(ctx: Context, input: ConflictInput): Promise<Conflict> {
  const { em } = ctx;
  const inspector = await em.findOne(Inspector, { id: input.inspectorId, deletedAt: null });
  if (!inspector)
    throw new BadInputError(
      text(
        `Inspector ${input.inspectorId} does not exist or has been deleted.`,
        `执法检查人员 ${input.inspectorId} 不存在或已删除。`,
      ),
      'inspectorId',
    );
  assertRecordAccess(ctx, 'create', 'conflicts', { departmentId: inspector.department.id });
  const target = await em.findOne(Target, { id: input.targetId, deletedAt: null });
  if (!target)
    throw new BadInputError(
      text(
        `Target ${input.targetId} does not exist or has been deleted.`,
        `检查对象 ${input.targetId} 不存在或已删除。`,
      ),
      'targetId',
    );
  const existing = await em.findOne(Conflict, { inspector, target });
  if (existing && !existing.deletedAt)
    throw new ConflictError(
      text(
        `${inspector.name} is already recorded as in conflict with "${target.name}".`,
        `已登记 ${inspector.name} 与“${target.name}”的回避关系。`,
      ),
      'targetId',
    );
  // A conflict that was deleted and is declared again comes back, so history keeps one row per pair.
  const conflict = existing ?? em.create(Conflict, { inspector, target, reason: input.reason.trim() });
  conflict.reason = input.reason.trim();
  conflict.deletedAt = null;
  await em.flush();
  return conflict;
}

async function findForChange(ctx: Context, id: string, action: 'edit' | 'delete'): Promise<Conflict> {
  const conflict = await loadConflict(ctx, id);
  if (!conflict) throw new NotFoundError(NOUNS.conflict, id);
  assertRecordAccess(ctx, action, 'conflicts', conflict);
  return conflict;
}

export async function updateConflict(
  ctx: Context,
  id: string,
  input: ConflictUpdateInput,
): Promise<Conflict> {
  const conflict = await findForChange(ctx, id, 'edit');
  if (input.reason != null) conflict.reason = input.reason.trim();
  await ctx.em.flush();
  return conflict;
}

export async function deleteConflict(ctx: Context, id: string): Promise<Conflict> {
  const conflict = await findForChange(ctx, id, 'delete');
  conflict.deletedAt = new Date();
  await ctx.em.flush();
  return conflict;
}
