import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { text } from '@suiji/domain';
import { StringListType } from '../../db/string-list.type.js';
import { BadInputError, ConflictError, NotFoundError, NOUNS, throwIfProblems } from '../../graphql/errors.js';
import { listEntities, type PageInput, type SortInput } from '../../graphql/list.js';
import { Target } from './target.entity.js';
import type { TargetFields, TargetFilter, TargetInput, TargetUpdateInput } from './target.input.js';
import { normaliseTarget, targetProblems } from './target.rules.js';
import { targetContains } from '../../db/search.js';
import { selectRows, summedCount } from '../../db/sql.js';
import { allOf, clause, type Clause } from '../../db/query.js';
import { LIKE } from '../../db/like.js';

export async function findTarget(em: EntityManager, id: string): Promise<Target> {
  const target = await em.findOne(Target, { id, deletedAt: null });
  if (!target) throw new NotFoundError(NOUNS.target, id);
  return target;
}

/** The registry's filters as a condition; a tag is looked up in its rows (`target_tag`), by index. */
export function targetWhere(filter: TargetFilter): FilterQuery<Target> {
  const where: FilterQuery<Target> = {};
  if (filter.kind) where.kind = filter.kind;
  if (filter.riskClass) where.riskClass = filter.riskClass;
  if (filter.status) where.status = filter.status;
  if (filter.region) where.region = filter.region;
  if (filter.abnormal != null) where.abnormal = filter.abnormal;
  const lists: FilterQuery<Target>[] = [];
  if (filter.targetType) lists.push({ targetTypes: StringListType.contains(filter.targetType) });
  const tag = filter.tag?.trim();
  if (tag && /[,，]/.test(tag))
    throw new BadInputError(
      text(
        `"${tag}" is not one tag (a tag has no comma): filter by one tag at a time.`,
        `“${tag}”不是单个标签（标签不含逗号）：请每次按一个标签筛选。`,
      ),
      'tag',
    );
  // A raw fragment as a value, which survives both the page and its count.
  if (tag) lists.push({ id: { $in: raw('select g.target_id from target_tag g where g.tag = ?', [tag]) } });
  return lists.length ? { $and: [where, ...lists] } : where;
}

export function listTargets(
  em: EntityManager,
  filter: TargetFilter = {},
  sort?: SortInput,
  page?: PageInput,
) {
  return listEntities(em, Target, {
    where: targetWhere(filter),
    q: filter.q,
    ids: filter.ids,
    searchFields: ['name', 'creditCode'],
    search: (q) => targetContains(em, q),
    sortable: ['name', 'creditCode', 'kind', 'region', 'riskClass', 'status', 'createdAt', 'updatedAt'],
    sort,
    page,
    total: () => registryTotal(em, filter),
    // Rows (db/rows.ts): the list shows its targets, it changes none.
    rows: { joined: [] },
  });
}

/**
 * The list's total from the registry's summary (`target_cube`, kept exact by triggers on `target`), when
 * the filter is one the summary counts by (kind, risk class, status, region, target type); null for a
 * search, ids, a tag or the abnormal mark, which the list then counts itself.
 */
async function registryTotal(em: EntityManager, filter: TargetFilter): Promise<number | null> {
  if (filter.q?.trim() || filter.ids || filter.tag?.trim() || filter.abnormal != null) return null;
  const conditions: Clause[] = [];
  if (filter.kind) conditions.push(clause('c.kind = ?', filter.kind));
  if (filter.riskClass) conditions.push(clause('c.risk_class = ?', filter.riskClass));
  if (filter.status) conditions.push(clause('c.status = ?', filter.status));
  if (filter.region) conditions.push(clause('c.region = ?', filter.region));
  if (filter.targetType)
    conditions.push(clause(`c.target_types ${LIKE}`, StringListType.containing(filter.targetType)));
  return summedCount(em, 'target_cube', allOf(conditions));
}

async function assertCodeFree(em: EntityManager, creditCode: string, exceptId = ''): Promise<void> {
  const other = await em.findOne(Target, { creditCode, id: { $ne: exceptId } });
  if (other)
    throw new ConflictError(
      other.deletedAt
        ? text(
            `Credit code ${creditCode} belongs to the deleted target "${other.name}": ask an administrator to restore it instead of adding it again.`,
            `统一社会信用代码 ${creditCode} 属于已删除的检查对象“${other.name}”：请联系管理员恢复，不要重复添加。`,
          )
        : text(
            `Credit code ${creditCode} is already registered for "${other.name}": edit that target instead.`,
            `统一社会信用代码 ${creditCode} 已登记为“${other.name}”：请直接编辑该检查对象。`,
          ),
      'creditCode',
    );
}

export async function createTarget(em: EntityManager, input: TargetInput): Promise<Target> {
  throwIfProblems(targetProblems(input));
  const fields = normaliseTarget(input);
  await assertCodeFree(em, fields.creditCode);
  const target = em.create(Target, fields);
  await em.flush();
  return target;
}

export async function updateTarget(em: EntityManager, id: string, input: TargetUpdateInput): Promise<Target> {
  const target = await findTarget(em, id);
  const defined = Object.fromEntries(
    Object.entries(input).filter(([, v]) => v != null),
  ) as Partial<TargetFields>;
  const current: TargetFields = {
    name: target.name,
    creditCode: target.creditCode,
    kind: target.kind,
    legalRepresentative: target.legalRepresentative,
    address: target.address,
    region: target.region,
    contact: target.contact,
    tags: target.tags,
    riskClass: target.riskClass,
    status: target.status,
    targetTypes: target.targetTypes,
  };
  const merged: TargetFields = { ...current, ...defined };
  throwIfProblems(targetProblems(merged));
  const fields = normaliseTarget(merged);
  if (fields.creditCode !== target.creditCode) await assertCodeFree(em, fields.creditCode, id);
  em.assign(target, fields);
  await em.flush();
  return target;
}

export async function deleteTarget(em: EntityManager, id: string): Promise<Target> {
  const target = await findTarget(em, id);
  target.deletedAt = new Date();
  await em.flush();
  return target;
}

/** The target types and regions in use, for choices in forms and filters. */
export async function distinctValues(
  em: EntityManager,
  column: 'region' | 'target_types',
): Promise<string[]> {
  const rows = await selectRows<{ value: string }>(
    em,
    `select distinct ${column} as value from target where deleted_at is null`,
  );
  const values = new Set<string>();
  for (const row of rows) {
    for (const value of column === 'region' ? [row.value] : new StringListType().convertToJSValue(row.value))
      if (value) values.add(value);
  }
  return [...values].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The most tags the tag filter offers; a registry with more is filtered by typing one. */
export const TAGS_LISTED = 500;

/**
 * The tags of the live targets, for the registry's tag filter: the first TAGS_LISTED in the index's order,
 * each found by one step along the (tag, target_id) index (a loose index scan), so the work is bounded by the
 * tags listed, not by the targets that carry them.
 */
export async function tagsInUse(em: EntityManager): Promise<string[]> {
  const rows = await selectRows<{ tag: string }>(
    em,
    `with recursive tags(tag, n) as (
         select (select min(tag) from target_tag), 1
         union all
         select (select min(g.tag) from target_tag g where g.tag > tags.tag), tags.n + 1
           from tags where tags.tag is not null and tags.n < ?
       )
       select tag from tags
        where tag is not null
          and exists (select 1 from target_tag g join target t on t.id = g.target_id
                       where g.tag = tags.tag and t.deleted_at is null)`,
    [TAGS_LISTED],
  );
  return rows.map((row) => row.tag).sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
