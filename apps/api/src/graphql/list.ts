/**
 * Lists: page, sort and the shared filter fields, and the one query helper every registry uses.
 */
import type { EntityClass, EntityManager, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { readRows } from '../db/rows.js';
import { ArrayMaxSize, Max, MaxLength, Min } from 'class-validator';
import { ClassType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MAX_LENGTH, text } from '@suiji/domain';
import { escapeLike, likeOperand } from '../db/like.js';
import { dialectOf } from '../db/dialect.js';
import { SortOrder } from './enums.js';
import { BadInputError } from './errors.js';
import { present } from '../invariant.js';

export const MAX_PER_PAGE = 500;

@InputType()
export class PageInput {
  @Field(() => Int, { description: '1-based' })
  @Min(1)
  page!: number;

  @Field(() => Int)
  @Min(1)
  @Max(MAX_PER_PAGE)
  perPage!: number;
}

@InputType()
export class SortInput {
  @Field(() => String)
  @MaxLength(MAX_LENGTH.short)
  field!: string;

  @Field(() => SortOrder)
  order!: SortOrder;
}

/** Every filter has a free-text search and an id list (for fetching several records at once). */
@InputType()
export class BaseFilter {
  @Field(() => String, { nullable: true, description: 'Search by name or code' })
  @MaxLength(MAX_LENGTH.short)
  q?: string;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_PER_PAGE)
  ids?: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** The GraphQL type `<Name>Page { items, total }` for an entity type. */
export function PageType<T extends object>(of: ClassType<T>, name: string): ClassType<Page<T>> {
  @ObjectType(name, { simpleResolvers: true })
  class PageClass {
    @Field(() => [of])
    items!: T[];

    @Field(() => Int)
    total!: number;
  }
  return PageClass;
}

export interface ListOptions<T extends object> {
  /**
   * The conditions; a function when they hold raw SQL keys (`raw()`), which MikroORM lets a query use
   * once: the page and its count each get their own.
   */
  where: FilterQuery<T> | (() => FilterQuery<T>);
  /** Columns searched by `q` (case-insensitive contains). */
  searchFields: readonly (keyof T & string)[];
  /** How `q` is searched instead, when the entity has a search index of its own (see `db/search.ts`). */
  search?: (q: string) => FilterQuery<T>;
  q?: string | undefined;
  ids?: string[] | undefined;
  /** Fields a client may sort by; the first is the default. */
  sortable: readonly (keyof T & string)[];
  sort?: SortInput | undefined;
  page?: PageInput | undefined;
  populate?: readonly string[];
  /**
   * Read the page as rows, not entities (`db/rows.ts`), with these many-to-one relations joined: for a
   * list whose records are only shown. Instead of `populate`.
   */
  rows?: { joined: readonly string[] };
  /** Leave out soft-deleted rows (default); false for entities that are never deleted. */
  softDelete?: boolean;
  /**
   * The total read from a summary kept exact (so that a long list is not counted row by row), or null
   * when the conditions are not among those the summary counts by.
   */
  total?: () => Promise<number | null>;
}

/**
 * A case-insensitive "contains" condition, `%` and `_` matched as themselves: ILIKE on PostgreSQL; LIKE
 * on SQLite, which has no ILIKE and whose LIKE already ignores case.
 */
export function containsText(em: EntityManager, text: string): { $ilike: string } | { $like: string } {
  const pattern = likeOperand(`%${escapeLike(text)}%`);
  return dialectOf(em).containsOperator(pattern);
}

/** Runs a list query with search, id list, sort and page; soft-deleted rows are left out. */
export async function listEntities<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  options: ListOptions<T>,
): Promise<Page<T>> {
  const given = options.where;
  const conditions: FilterQuery<T>[] = [];
  if (options.softDelete !== false) conditions.push({ deletedAt: null } as FilterQuery<T>);
  const q = options.q?.trim();
  if (q && !options.search) {
    const contains = containsText(em, q);
    conditions.push({ $or: options.searchFields.map((field) => ({ [field]: contains })) } as FilterQuery<T>);
  }
  if (options.ids) conditions.push({ id: { $in: options.ids } } as unknown as FilterQuery<T>);
  const sortField = options.sort?.field ?? present(options.sortable[0], 'the default sort field');
  if (!options.sortable.includes(sortField as keyof T & string))
    throw new BadInputError(
      text(
        `Cannot sort by "${sortField}": sort by one of ${options.sortable.join(', ')}.`,
        `不能按“${sortField}”排序：请按以下字段之一排序：${options.sortable.join('、')}。`,
      ),
      'sort',
    );
  // The primary key last, so that pages never overlap when the sort field has ties.
  const primaryKey = em.getMetadata().find(entity as string)?.primaryKeys[0] ?? 'id';
  const orderBy = {
    [sortField]: options.sort?.order ?? 'ASC',
    [primaryKey]: options.sort?.order ?? 'ASC',
  } as QueryOrderMap<T>;
  const perPage = options.page?.perPage ?? 25;
  const offset = ((options.page?.page ?? 1) - 1) * perPage;
  const where = () =>
    ({
      $and: [
        typeof given === 'function' ? (given as () => FilterQuery<T>)() : given,
        ...conditions,
        ...(q && options.search ? [options.search(q)] : []),
      ],
    }) as FilterQuery<T>;
  // The count joins only what the conditions need, not the relations the page shows.
  const items = options.rows
    ? await readRows(em, entity as EntityClass<T>, {
        where: where(),
        orderBy,
        limit: perPage,
        offset,
        joined: options.rows.joined,
      })
    : await em.find(entity, where(), {
        orderBy,
        limit: perPage,
        offset,
        populate: (options.populate ?? []) as never,
      });
  const total =
    items.length < perPage && (offset === 0 || items.length > 0)
      ? offset + items.length
      : ((await options.total?.()) ?? (await em.count(entity, where())));
  return { items, total };
}
