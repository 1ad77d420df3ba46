/**
 * 一公开: the public projections of draws and published results, built from the entities in a few
 * statements per page (the page, then the names it shows, each in one statement), whatever its size.
 */
import type { FilterQuery } from '@mikro-orm/core';
import { text } from '@suiji/domain';
import { StringListType } from '../../db/string-list.type.js';
import { checkDayRange } from '../../graphql/day-range.js';
import type { Context } from '../../graphql/context.js';
import { containsText, listEntities, type Page, type PageInput } from '../../graphql/list.js';
import { tasksTakingPart } from '../department/participation.js';
import { Department } from '../department/department.entity.js';
import { Draw } from '../draw/draw.entity.js';
import type { DrawTeam } from '../draw/draw.input.js';
import { Inspection } from '../inspection/inspection.entity.js';
import { ItemResult } from '../inspection/item-result.entity.js';
import { Inspector } from '../inspector/inspector.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import { targetContains } from '../../db/search.js';
import type {
  PublicDrawnTarget,
  PublicDrawnTargetFilter,
  PublicDraw,
  PublicDrawFilter,
  PublicItemResult,
  PublicResult,
  PublicResultFilter,
} from './publication.types.js';

/** Names by id, in one statement. */
async function namesOf(
  ctx: Context,
  entity: typeof Department | typeof InspectionItem | typeof Inspector,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const found = await ctx.em.find(entity as typeof Department, { id: { $in: wanted } }, { fields: ['name'] });
  return new Map(found.map((row) => [row.id, row.name]));
}

const named = (names: Map<string, string>, ids: readonly string[]) =>
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
    if (filter.publishedFrom) conditions.push({ publishedOn: { $gte: filter.publishedFrom } });
    if (filter.publishedTo) conditions.push({ publishedOn: { $lte: filter.publishedTo } });
    return { $and: conditions };
  };
  checkDayRange(filter, 'publishedFrom', 'publishedTo', text('The period', '公示期间'));
  const found = await listEntities(em, Inspection, {
    where,
    searchFields: [],
    sortable: ['publishedAt'],
    sort: { field: 'publishedAt', order: 'DESC' as never },
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
      publishedAt: inspection.publishedAt!,
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
): Promise<Page<PublicDraw>> {
  const where = (): FilterQuery<Draw> => ({
    $and: [...(filter.status ? [{ status: filter.status }] : []), ...taskConditions<Draw>(filter)],
  });
  const found = await listEntities(ctx.em, Draw, {
    where,
    searchFields: [],
    sortable: ['createdAt'],
    sort: { field: 'createdAt', order: 'DESC' as never },
    page,
    softDelete: false,
    // The nonce is revealed only for draws that have run; reading it with the row costs no statement.
    populate: ['task', 'nonce'],
  });
  return { total: found.total, items: await publicDraws(ctx, found.items) };
}

export async function showPublicDraw(ctx: Context, id: string): Promise<PublicDraw | null> {
  const draw = await ctx.em.findOne(Draw, { id }, { populate: ['task', 'nonce'] });
  return draw ? (await publicDraws(ctx, [draw]))[0]! : null;
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
): Promise<Page<PublicDrawnTarget>> {
  const found = await listEntities(ctx.em, Inspection, {
    where: { draw: filter.drawId },
    searchFields: [],
    sortable: ['createdAt'],
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
      region: inspection.target.region,
      items: named(items, inspection.itemIds),
    })),
  };
}
