/**
 * 一公开: the public projections of draws and published results, built from the entities in a few
 * statements per page (the page, then the names it shows, each in one statement), whatever its size.
 */
import type { FilterQuery } from '@mikro-orm/core';
import {
  POOL_CHECK_CANDIDATES,
  POOL_CHECK_MATCHES,
  POOL_CHECK_QUERY,
  publicExclusionReason,
  text,
  type ExclusionReason,
} from '@suiji/domain';
import { dialectOf } from '../../db/dialect.js';
import { selectRows } from '../../db/sql.js';
import { BadInputError, NotFoundError, NOUNS } from '../../graphql/errors.js';
import { StringListType } from '../../db/string-list.type.js';
import { checkDayRange } from '../../graphql/day-range.js';
import type { Context } from '../../graphql/context.js';
import { containsText, listEntities, type Page, type PageInput, type SortInput } from '../../graphql/list.js';
import { tasksTakingPart } from '../department/participation.js';
import { Department } from '../department/department.entity.js';
import { Draw } from '../draw/draw.entity.js';
import type { DrawTeam } from '../draw/draw.input.js';
import { Inspection } from '../inspection/inspection.entity.js';
import { ItemResult } from '../inspection/item-result.entity.js';
import { Inspector } from '../inspector/inspector.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import { Target } from '../target/target.entity.js';
import { targetContains } from '../../db/search.js';
import { present } from '../../invariant.js';
import type {
  PublicDrawCheck,
  PublicEntity,
  PublicPoolEntry,
  PublicDrawnTarget,
  PublicDrawnTargetFilter,
  PublicDraw,
  PublicDrawFilter,
  PublicItemResult,
  PublicResult,
  PublicResultFilter,
} from './publication.types.js';

/** Names by id, in one statement. */
export async function namesOf(
  ctx: Context,
  entity: typeof Department | typeof InspectionItem | typeof Inspector,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const found = await ctx.em.find(entity as typeof Department, { id: { $in: wanted } }, { fields: ['name'] });
  return new Map(found.map((row) => [row.id, row.name]));
}

/** The names of `ids`, in their order, leaving out any not found. */
export const named = (names: Map<string, string>, ids: readonly string[]) =>
  ids.map((id) => names.get(id)).filter((name): name is string => name !== undefined);

/**
 * Conditions of both lists on their task, for records with a `task` (a department taking part, a year):
 * new ones for every query, as they hold raw SQL.
 */
function taskConditions<T extends { task: unknown }>(filter: {
  departmentId?: string;
  year?: number;
}): FilterQuery<T>[] {
  const conditions: FilterQuery<T>[] = [];
  if (filter.departmentId) conditions.push(tasksTakingPart<T>([filter.departmentId], 'task_id'));
  if (filter.year) conditions.push({ task: { year: filter.year } } as FilterQuery<T>);
  return conditions;
}

export async function listPublicResults(
  ctx: Context,
  filter: PublicResultFilter = {},
  page?: PageInput,
  sort?: SortInput,
): Promise<Page<PublicResult>> {
  const { em } = ctx;
  const where = (): FilterQuery<Inspection> => {
    const conditions: FilterQuery<Inspection>[] = [{ state: 'PUBLISHED' }];
    if (filter.taskId) conditions.push({ task: filter.taskId });
    conditions.push(...taskConditions<Inspection>(filter));
    const q = filter.q?.trim();
    if (q) conditions.push({ target: targetContains(em, q) });
    if (filter.region?.trim())
      conditions.push({ target: { region: containsText(em, filter.region.trim()) } });
    if (filter.itemId) conditions.push({ itemIds: StringListType.contains(filter.itemId) });
    if (filter.creditCode?.trim())
      conditions.push({ target: { creditCode: filter.creditCode.trim().toUpperCase() } });
    if (filter.publishedFrom) conditions.push({ publishedOn: { $gte: filter.publishedFrom } });
    if (filter.publishedTo) conditions.push({ publishedOn: { $lte: filter.publishedTo } });
    return { $and: conditions };
  };
  checkDayRange(filter, 'publishedFrom', 'publishedTo', text('The period', '公示期间'));
  const found = await listEntities(em, Inspection, {
    where,
    searchFields: [],
    sortable: ['publishedAt', 'inspectedOn'],
    sort: sort ?? { field: 'publishedAt', order: 'DESC' as never },
    page,
    softDelete: false,
    populate: ['target', 'task'],
  });
  const inspections = found.items;
  const results = inspections.length
    ? await em.find(
        ItemResult,
        { inspection: { $in: inspections.map((i) => i.id) } },
        { populate: ['category', 'item'], orderBy: { createdAt: 'ASC', id: 'ASC' } },
      )
    : [];
  const departments = await namesOf(
    ctx,
    Department,
    inspections.flatMap((i) => i.task.departmentIds),
  );
  const inspectors = ctx.settings.publicInspectorNames
    ? await namesOf(
        ctx,
        Inspector,
        inspections.flatMap((i) => i.teamIds),
      )
    : null;
  return {
    total: found.total,
    items: inspections.map((inspection): PublicResult => ({
      id: inspection.id,
      drawId: inspection.draw.id,
      targetName: inspection.target.name,
      creditCode: inspection.target.creditCode,
      region: inspection.target.region,
      taskName: inspection.task.name,
      year: inspection.task.year,
      authorities: named(departments, inspection.task.departmentIds),
      inspectedOn: inspection.inspectedOn,
      publishedAt: present(inspection.publishedAt, `the publication time of inspection ${inspection.id}`),
      items: results
        .filter((r) => r.inspection.id === inspection.id)
        .map((r): PublicItemResult => ({
          item: r.item.name,
          category: r.category.code,
          categoryNameZh: r.category.nameZh,
          categoryNameEn: r.category.nameEn,
          problem: r.category.problem,
          marksAbnormal: r.category.marksAbnormal,
          followUp: r.followUp,
        })),
      inspectors: inspectors ? named(inspectors, inspection.teamIds) : null,
    })),
  };
}

/** The draws' public projections, with the names they show fetched once for all of them. */
async function publicDraws(ctx: Context, draws: readonly Draw[]): Promise<PublicDraw[]> {
  // A draw scheduled before its items were frozen with it covers its task's items.
  const older = draws.filter((d) => d.itemIds.length === 0).map((d) => d.task);
  if (older.length) await ctx.em.populate(older, ['items']);
  const itemIdsOf = (draw: Draw) =>
    draw.itemIds.length > 0 ? draw.itemIds : draw.task.items.getItems().map((i) => i.id);
  const [departments, items] = await Promise.all([
    namesOf(
      ctx,
      Department,
      draws.flatMap((d) => d.task.departmentIds),
    ),
    namesOf(ctx, InspectionItem, draws.flatMap(itemIdsOf)),
  ]);
  return draws.map((draw): PublicDraw => {
    const drawn = draw.status === 'DRAWN';
    return {
      id: draw.id,
      taskName: draw.task.name,
      year: draw.task.year,
      departments: named(departments, draw.task.departmentIds),
      items: named(items, itemIdsOf(draw)),
      status: draw.status,
      createdAt: draw.createdAt,
      runAfter: draw.runAfter,
      entropySource: draw.entropySource,
      entropyIssue: draw.entropyIssue,
      entropyPublishedAt: draw.entropyPublishedAt,
      commitment: draw.commitment,
      poolDigest: draw.poolDigest,
      poolSize: draw.poolSize,
      excludedCount: draw.excludedCount,
      rosterSize: draw.rosterSize,
      team: JSON.parse(draw.team) as DrawTeam,
      ratios: Object.entries(JSON.parse(draw.ratios) as Record<string, number>).map(
        ([riskClass, ratioBp]) => ({ riskClass: riskClass as never, ratioBp }),
      ),
      ranAt: draw.ranAt,
      publicEntropy: draw.publicEntropy,
      nonce: drawn ? draw.nonce : null,
      seed: draw.seed,
      selectedCount: draw.selectedCount,
      poolUrl: `/draws/${draw.id}/pool.txt`,
      exclusionsUrl: `/draws/${draw.id}/exclusions.json`,
      recordUrl: drawn ? `/draws/${draw.id}/record.json` : null,
    };
  });
}

export async function listPublicDraws(
  ctx: Context,
  filter: PublicDrawFilter = {},
  page?: PageInput,
  sort?: SortInput,
): Promise<Page<PublicDraw>> {
  const where = (): FilterQuery<Draw> => ({
    $and: [...(filter.status ? [{ status: filter.status }] : []), ...taskConditions<Draw>(filter)],
  });
  const found = await listEntities(ctx.em, Draw, {
    where,
    searchFields: [],
    sortable: ['createdAt', 'runAfter', 'ranAt'],
    sort: sort ?? { field: 'createdAt', order: 'DESC' as never },
    page,
    softDelete: false,
    // The nonce is revealed only for draws that have run; reading it with the row costs no statement.
    populate: ['task', 'nonce'],
  });
  return { total: found.total, items: await publicDraws(ctx, found.items) };
}

export async function showPublicDraw(ctx: Context, id: string): Promise<PublicDraw | null> {
  const draw = await ctx.em.findOne(Draw, { id }, { populate: ['task', 'nonce'] });
  return draw ? present((await publicDraws(ctx, [draw]))[0], `public draw ${draw.id}`) : null;
}

/**
 * A draw's 抽查名单: the targets it selected, by name, credit code and region, with the items of each
 * visit, a page at a time in a stable order (the record's `selected` gives the score order). At most
 * three statements per page: the page, its total, the items' names.
 */
export async function listPublicDrawnTargets(
  ctx: Context,
  filter: PublicDrawnTargetFilter,
  page?: PageInput,
  sort?: SortInput,
): Promise<Page<PublicDrawnTarget>> {
  const q = filter.q?.trim();
  const found = await listEntities(ctx.em, Inspection, {
    where: () => ({ draw: filter.drawId, ...(q ? { target: targetContains(ctx.em, q) } : {}) }),
    searchFields: [],
    sortable: ['createdAt', 'region'],
    sort,
    page,
    softDelete: false,
    populate: ['target'],
  });
  const items = await namesOf(
    ctx,
    InspectionItem,
    found.items.flatMap((i) => i.itemIds),
  );
  return {
    total: found.total,
    items: found.items.map((inspection) => ({
      id: inspection.id,
      targetName: inspection.target.name,
      creditCode: inspection.target.creditCode,
      // As drawn (what the list sorts by); visits drawn before the region was kept with them, the target's.
      region: inspection.region ?? inspection.target.region,
      items: named(items, inspection.itemIds),
    })),
  };
}

/**
 * An entity's public page: its name, credit code and region, if it has at least one published result (an
 * entity never published about is not part of the publication). One statement.
 */
export async function showPublicEntity(ctx: Context, creditCode: string): Promise<PublicEntity | null> {
  const code = creditCode.trim().toUpperCase();
  if (!code) return null;
  const [row] = await selectRows<{ name: string; credit_code: string; region: string; n: number | string }>(
    ctx.em,
    `select t.name, t.credit_code, t.region, count(*) as n from target t join inspection i on i.target_id = t.id
      where t.credit_code = ? and i.state = 'PUBLISHED' group by t.id, t.name, t.credit_code, t.region`,
    [code],
  );
  return row
    ? { name: row.name, creditCode: row.credit_code, region: row.region, publishedCount: Number(row.n) }
    : null;
}

/**
 * An entity's check of a draw about itself (一公开): the entities with that credit code, or that full name,
 * which the draw considered — in its frozen pool, or left out by its rules — each with whether it was drawn
 * and, if left out, why, as the public reads the reason. Not the entity's stratum (its risk class) nor its id
 * in the draw's files, and nothing of an entity the draw did not consider: the registry is not public.
 * The pool's text and the exclusions are searched inside the database, in one statement for all the
 * matches, never loaded; at most five statements whatever the pool's size.
 */
export async function checkPublicDraw(ctx: Context, drawId: string, q: string): Promise<PublicDrawCheck> {
  const { em } = ctx;
  const asked = q.trim();
  if ([...asked].length < POOL_CHECK_QUERY.min || [...asked].length > POOL_CHECK_QUERY.max)
    throw new BadInputError(
      text(
        `Give the entity's full name or its unified social credit code (${POOL_CHECK_QUERY.min} to ${POOL_CHECK_QUERY.max} characters).`,
        `请输入检查对象的完整名称或统一社会信用代码（${POOL_CHECK_QUERY.min}–${POOL_CHECK_QUERY.max} 个字）。`,
      ),
      'q',
    );
  const draw = await em.findOne(Draw, { id: drawId }, { fields: ['status'] });
  if (!draw) throw new NotFoundError(NOUNS.draw, drawId);
  // Both columns are indexed; entities of one name in a stable order. All of them (up to a bound) are
  // looked up in the draw, so that one it considered is not hidden behind others of its name.
  const found = await em.find(
    Target,
    { $or: [{ creditCode: asked.toUpperCase() }, { name: asked }] },
    {
      fields: ['name', 'creditCode'],
      orderBy: { creditCode: 'ASC' },
      limit: POOL_CHECK_CANDIDATES + 1,
    },
  );
  // Too many of that name to look up: the credit code tells them apart.
  if (found.length > POOL_CHECK_CANDIDATES) return { matches: [], more: true };
  const targets = found;
  if (targets.length === 0) return { matches: [], more: false };
  const ids = targets.map((t) => t.id);
  // The line `id TAB stratum LF` of pool.txt, and `["id","REASON"]` of the stored exclusions: a pool
  // entry's id starts the text or follows a line feed.
  const d = dialectOf(em);
  const at = (haystack: string, needle: string) => d.position(haystack, needle);
  const entry = `'["' || v.value || '","'`;
  const lines = `select s.id, s.in_pool, case when s.ex > 0 then substr(s.why, 1, ${at('s.why', `'"'`)} - 1) end as reason
       from (select v.value as id, ${at(`${d.lineFeed} || p.content`, `${d.lineFeed} || v.value || ${d.tab}`)} > 0 as in_pool,
               ${at('x.content', entry)} as ex,
               substr(x.content, ${at('x.content', entry)} + length(v.value) + 5, 40) as why
             from draw_text p join draw_text x on x.draw_id = p.draw_id and x.name = 'exclusions'
               cross join ${d.valuesOf('v')} where p.draw_id = ? and p.name = 'pool') s`;
  const [entries, drawn] = await Promise.all([
    selectRows<{ id: string; in_pool: boolean | number; reason: ExclusionReason | null }>(em, lines, [
      d.valuesParam(ids),
      drawId,
    ]),
    draw.status === 'DRAWN'
      ? em.find(Inspection, { draw: drawId, target: { $in: ids } }, { fields: ['target'] })
      : Promise.resolve(null),
  ]);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const drawnIds = drawn ? new Set(drawn.map((i) => i.target.id)) : null;
  const considered = targets.flatMap((target): PublicPoolEntry[] => {
    const entry = byId.get(target.id);
    const inPool = Boolean(entry?.in_pool);
    if (!inPool && !entry?.reason) return [];
    return [
      {
        targetName: target.name,
        creditCode: target.creditCode,
        inPool,
        excludedReason: entry?.reason ? publicExclusionReason(entry.reason) : null,
        drawn: drawnIds ? drawnIds.has(target.id) : null,
      },
    ];
  });
  return { matches: considered.slice(0, POOL_CHECK_MATCHES), more: considered.length > POOL_CHECK_MATCHES };
}
