/**
 * Result categories: the standard ones (kept present on every start, their consequences adjustable)
 * and each department's own.
 */
import { UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import {
  CATEGORY_CODE,
  DEFAULT_CATEGORY_RULES,
  LABELS,
  RESULT_CATEGORIES,
  isStandardCategory,
  text,
} from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { selectOne, toNumber, type SqlNumber } from '../../db/sql.js';
import { BadInputError, ConflictError, NotFoundError } from '../../graphql/errors.js';
import { listEntities, type PageInput, type SortInput } from '../../graphql/list.js';
import { assertRecordAccess, signedIn } from '../../graphql/policy.js';
import { Department } from '../department/department.entity.js';
import { rootOf } from '../department/participation.js';
import { Task } from '../task/task.entity.js';
import { Category } from './category.entity.js';
import type { CategoryFilter, CategoryInput, CategoryUpdateInput } from './category.input.js';

const NOUN = text('Result category', '检查结果类别');

/** Adds any standard category missing from the database, with its default consequences. */
export async function ensureStandardCategories(em: EntityManager): Promise<void> {
  const present = new Set(
    (await em.find(Category, { department: null }, { fields: ['code'] })).map((c) => c.code),
  );
  const missing = RESULT_CATEGORIES.filter((code) => !present.has(code));
  if (missing.length === 0) return;
  for (const code of missing)
    em.create(Category, {
      code,
      nameZh: LABELS['zh-CN'].resultCategory[code],
      nameEn: LABELS.en.resultCategory[code],
      department: null,
      ...DEFAULT_CATEGORY_RULES[code],
    });
  await em.flush();
}

/** The categories a task's results may take: the standard ones and those of its departments. */
export async function categoriesForTask(em: EntityManager, task: Task): Promise<Category[]> {
  return em.find(Category, {
    deletedAt: null,
    $or: [{ department: null }, { department: { $in: task.departmentIds } }],
  });
}

export async function listCategories(
  ctx: Context,
  filter: CategoryFilter = {},
  sort?: SortInput,
  page?: PageInput,
) {
  const where: FilterQuery<Category>[] = [];
  if (filter.taskId) {
    const task = await ctx.em.findOne(Task, { id: filter.taskId, deletedAt: null });
    where.push({ $or: [{ department: null }, { department: { $in: task?.departmentIds ?? [] } }] });
  }
  if (filter.departmentId) where.push({ department: filter.departmentId });
  if (filter.ids) where.push({ code: { $in: filter.ids } });
  return listEntities(ctx.em, Category, {
    where: { $and: where },
    q: filter.q,
    searchFields: ['code', 'nameZh', 'nameEn'],
    sortable: ['createdAt', 'code', 'nameZh'],
    sort: sort ?? { field: 'createdAt', order: 'ASC' as never },
    page,
  });
}

async function findCategory(ctx: Context, id: string): Promise<Category> {
  const category = await ctx.em.findOne(Category, { code: id, deletedAt: null });
  if (!category) throw new NotFoundError(NOUN, id);
  return category;
}

export async function showCategory(ctx: Context, id: string): Promise<Category | null> {
  return ctx.em.findOne(Category, { code: id, deletedAt: null });
}

export async function createCategory(ctx: Context, input: CategoryInput): Promise<Category> {
  const { em } = ctx;
  const departmentId = await rootOf(em, input.departmentId ?? signedIn(ctx).department.id);
  assertRecordAccess(ctx, 'create', 'categories', { departmentId });
  const department = await em.findOne(Department, { id: departmentId, deletedAt: null });
  if (!department)
    throw new BadInputError(
      text(`Department ${departmentId} does not exist.`, `部门 ${departmentId} 不存在。`),
      'departmentId',
    );
  const code = input.code.trim();
  if (isStandardCategory(code))
    throw new BadInputError(
      text(
        `${code} is a standard category already: give your own category another code.`,
        `${code} 是标准检查结果类别：请为本部门类别另取代码。`,
      ),
      'code',
    );
  if (!CATEGORY_CODE.test(code))
    throw new BadInputError(
      text(
        `"${code}" is not a valid code: use 3 to 40 upper-case letters, digits or _, starting with a letter (e.g. LAND_NOT_RECLAIMED).`,
        `“${code}”不是有效代码：请用 3 至 40 个大写字母、数字或下划线，以字母开头（例如 LAND_NOT_RECLAIMED）。`,
      ),
      'code',
    );
  if (await em.findOne(Category, { code }))
    throw new ConflictError(
      text(`The code ${code} is taken: choose another.`, `代码 ${code} 已被使用：请另选。`),
    );
  const nameZh = input.nameZh.trim();
  if (!nameZh)
    throw new BadInputError(text('Give the category a Chinese name.', '请填写类别的中文名称。'), 'nameZh');
  const category = em.create(Category, {
    code,
    nameZh,
    nameEn: input.nameEn.trim() || nameZh,
    department,
    problem: input.problem,
    raisesRisk: input.raisesRisk,
    marksAbnormal: input.marksAbnormal,
  });
  try {
    // Flushed here so that a code taken at the same moment reads as taken, not as a server error.
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      throw new ConflictError(
        text(`The code ${code} is taken: choose another.`, `代码 ${code} 已被使用：请另选。`),
      );
    throw error;
  }
  return category;
}

export async function updateCategory(
  ctx: Context,
  id: string,
  input: CategoryUpdateInput,
): Promise<Category> {
  const category = await findCategory(ctx, id);
  assertRecordAccess(ctx, 'edit', 'categories', category);
  if (category.standard && (input.nameZh !== undefined || input.nameEn !== undefined))
    throw new BadInputError(
      text(
        "A standard category's names are set by the national rules: only its consequences can change.",
        '标准检查结果类别的名称由国家规定，只能修改其后果设置。',
      ),
      input.nameZh !== undefined ? 'nameZh' : 'nameEn',
    );
  if (input.nameZh !== undefined) {
    if (!input.nameZh.trim())
      throw new BadInputError(text('Give the category a Chinese name.', '请填写类别的中文名称。'), 'nameZh');
    category.nameZh = input.nameZh.trim();
  }
  if (input.nameEn !== undefined) category.nameEn = input.nameEn.trim() || category.nameZh;
  if (input.problem != null && input.problem !== category.problem) {
    // Published results were counted (问题发现率, 完结率) by what their category meant then.
    const published = await selectOne<{ n: SqlNumber }>(
      ctx.em,
      "select count(*) as n from item_result r join inspection i on i.id = r.inspection_id where r.category = ? and i.state = 'PUBLISHED'",
      [category.code],
    );
    if (toNumber(published?.n) > 0)
      throw new ConflictError(
        text(
          'Published results carry this category: whether it counts as a problem can no longer change. Create a new category instead.',
          '已有公示结果使用该类别：不能再修改其是否属于“发现问题”。请另建一个类别。',
        ),
      );
    category.problem = input.problem;
  }
  if (input.raisesRisk != null) category.raisesRisk = input.raisesRisk;
  if (input.marksAbnormal != null) category.marksAbnormal = input.marksAbnormal;
  return category;
}

/** Removes a department's category from use; results that carry it keep it. */
export async function deleteCategory(ctx: Context, id: string): Promise<Category> {
  const category = await findCategory(ctx, id);
  assertRecordAccess(ctx, 'delete', 'categories', category);
  if (category.standard)
    throw new BadInputError(
      text('The standard categories cannot be removed.', '标准检查结果类别不能删除。'),
      'id',
    );
  category.deletedAt = new Date();
  return category;
}
