import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { text, type RiskClass } from '@suiji/domain';
import { BadInputError, ConflictError, NotFoundError, NOUNS } from '../../graphql/errors.js';
import { listEntities, type PageInput, type SortInput } from '../../graphql/list.js';
import { Department } from '../department/department.entity.js';
import { InspectionItem } from './item.entity.js';
import type { ItemFilter, ItemInput, ItemUpdateInput } from './item.input.js';

export async function findItem(em: EntityManager, id: string): Promise<InspectionItem> {
  const item = await em.findOne(InspectionItem, { id, deletedAt: null });
  if (!item) throw new NotFoundError(NOUNS.item, id);
  return item;
}

export function listItems(em: EntityManager, filter: ItemFilter = {}, sort?: SortInput, page?: PageInput) {
  const where: FilterQuery<InspectionItem> = {};
  if (filter.year) where.year = filter.year;
  if (filter.departmentId) where.department = filter.departmentId;
  if (filter.category) where.category = filter.category;
  return listEntities(em, InspectionItem, {
    where,
    q: filter.q,
    ids: filter.ids,
    searchFields: ['name', 'targetType', 'legalBasis'],
    sortable: ['seq', 'year', 'name', 'category', 'minRatioBp', 'createdAt', 'updatedAt'],
    sort,
    page,
  });
}

async function department(em: EntityManager, id: string): Promise<Department> {
  const found = await em.findOne(Department, { id, deletedAt: null });
  if (!found)
    throw new BadInputError(
      text(
        `Department ${id} does not exist or has been deleted: choose another.`,
        `部门 ${id} 不存在或已删除：请另选。`,
      ),
      'departmentId',
    );
  return found;
}

async function assertNameFree(
  em: EntityManager,
  year: number,
  departmentId: string,
  name: string,
  exceptId = '',
) {
  const other = await em.findOne(InspectionItem, {
    year,
    department: departmentId,
    name,
    id: { $ne: exceptId },
  });
  if (other)
    throw new ConflictError(
      text(
        `The ${year} list of this department already has an item named "${name}"${other.deletedAt ? ' (deleted)' : ''}: use another name or edit that item.`,
        `该部门 ${year} 年度清单中已有名为“${name}”的事项${other.deletedAt ? '（已删除）' : ''}：请换一个名称或编辑该事项。`,
      ),
      'name',
    );
}

/** Per-class ratios as stored: only those given, each checked against the item's minimum. */
function riskRatiosOf(given: ItemInput['riskRatios'], minRatioBp: number): InspectionItem['riskRatios'] {
  const ratios: InspectionItem['riskRatios'] = {};
  for (const { riskClass, ratioBp } of given ?? []) {
    if (ratios[riskClass] !== undefined)
      throw new BadInputError(
        text(
          `Risk class ${riskClass} has two ratios: give one.`,
          `${riskClass} 类设置了两个比例：请只设一个。`,
        ),
        'riskRatios',
      );
    if (ratioBp < minRatioBp)
      throw new BadInputError(
        text(
          `The ratio for class ${riskClass} (${ratioBp / 100}%) is below the item's minimum of ${minRatioBp / 100}%.`,
          `${riskClass} 类的比例（${ratioBp / 100}%）低于该事项的最低比例 ${minRatioBp / 100}%。`,
        ),
        'riskRatios',
      );
    ratios[riskClass] = ratioBp;
  }
  return ratios;
}

function distinctMethods(methods: InspectionItem['methods']): InspectionItem['methods'] {
  if (methods.length === 0)
    throw new BadInputError(
      text('Choose at least one inspection method.', '请至少选择一种检查方式。'),
      'methods',
    );
  return [...new Set(methods)];
}

export async function createItem(em: EntityManager, input: ItemInput): Promise<InspectionItem> {
  const name = input.name.trim();
  const dept = await department(em, input.departmentId);
  await assertNameFree(em, input.year, dept.id, name);
  const seq =
    input.seq ??
    (await em.count(InspectionItem, { year: input.year, department: dept.id, deletedAt: null })) + 1;
  const item = em.create(InspectionItem, {
    year: input.year,
    department: dept,
    seq,
    name,
    legalBasis: input.legalBasis.trim(),
    inspectingBody: input.inspectingBody.trim(),
    category: input.category,
    targetType: input.targetType.trim(),
    minRatioBp: input.minRatioBp,
    timesPerYear: input.timesPerYear,
    methods: distinctMethods(input.methods),
    remarks: input.remarks?.trim() || null,
    riskRatios: riskRatiosOf(input.riskRatios, input.minRatioBp),
  });
  await em.flush();
  return item;
}

export async function updateItem(
  em: EntityManager,
  id: string,
  input: ItemUpdateInput,
): Promise<InspectionItem> {
  const item = await findItem(em, id);
  const year = input.year ?? item.year;
  const dept = input.departmentId ? await department(em, input.departmentId) : item.department;
  const name = input.name?.trim() ?? item.name;
  if (year !== item.year || dept.id !== item.department.id || name !== item.name)
    await assertNameFree(em, year, dept.id, name, id);
  item.year = year;
  item.department = dept;
  item.name = name;
  if (input.seq != null) item.seq = input.seq;
  if (input.legalBasis != null) item.legalBasis = input.legalBasis.trim();
  if (input.inspectingBody != null) item.inspectingBody = input.inspectingBody.trim();
  if (input.category != null) item.category = input.category;
  if (input.targetType != null) item.targetType = input.targetType.trim();
  if (input.minRatioBp != null) item.minRatioBp = input.minRatioBp;
  if (input.timesPerYear != null) item.timesPerYear = input.timesPerYear;
  if (input.methods != null) item.methods = distinctMethods(input.methods);
  if (input.remarks !== undefined) item.remarks = input.remarks?.trim() || null;
  if (input.riskRatios != null || input.minRatioBp != null)
    item.riskRatios = riskRatiosOf(
      input.riskRatios ??
        (Object.entries(item.riskRatios) as [RiskClass, number][]).map(([riskClass, ratioBp]) => ({
          riskClass,
          ratioBp,
        })),
      item.minRatioBp,
    );
  await em.flush();
  return item;
}

export async function deleteItem(em: EntityManager, id: string): Promise<InspectionItem> {
  const item = await findItem(em, id);
  item.deletedAt = new Date();
  await em.flush();
  return item;
}
