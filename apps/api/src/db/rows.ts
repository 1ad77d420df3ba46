/**
 * A page of a list read as rows, not entities. A list only shows its records; making each one a managed
 * entity (its references, collections, change tracking and a place in the identity map) costs more than
 * the query itself on a page of a hundred. So a list page is read by one statement, its relations shown
 * on every row joined into it, and each row becomes a plain object with the entity's property names and
 * JavaScript values, whose prototype carries the entity class's own getters (`taskId`, `departmentIds`),
 * which read the same properties — the field resolvers read a row as they read an entity.
 *
 * A row has no collections (a task's items): what a list shows of them its resolvers load by key. A
 * relation not joined is a `RowReference` (its key alone), which `related` (graphql/loaders.ts) loads.
 * A row is typed as its entity (`Row<T>`), so it passes where one is expected: what takes a row reads
 * its properties only and never hands it to the ORM (as a filter's value, to `em.assign` or `wrap`) —
 * it passes the row's id instead.
 */
import {
  raw,
  ReferenceKind,
  type EntityClass,
  type EntityManager,
  type EntityMetadata,
  type EntityProperty,
  type FilterQuery,
  type Platform,
  type QueryOrderMap,
} from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { present } from '../invariant.js';

declare const rowMark: unique symbol;

/**
 * An entity, or a row of it read for a list: the type of a field resolver's root where lists read rows.
 * Typed so (an intersection, which decorator metadata records as Object), the root reaches the resolver
 * as it is: given the entity class, type-graphql copies a root that is not an instance of it into a new
 * instance, for every field of every row.
 */
export type Row<T> = T & { readonly [rowMark]?: never };

/**
 * A relation of a row that was not read with it: its primary key alone, under the key's own name (`id`,
 * or `code` for a category), as the entity's reference would have it; to be loaded by key.
 */
export class RowReference {
  constructor(keyName: string, key: string) {
    (this as unknown as Record<string, string>)[keyName] = key;
  }
}

/** Whether `value` is a row's relation that was not read (see `RowReference`). */
export const isRowReference = (value: unknown): value is RowReference => value instanceof RowReference;

interface Column {
  prop: EntityProperty;
  field: string;
  /** The primary key of the entity a many-to-one points at. */
  targetKey?: string;
}

const columnsByMeta = new WeakMap<EntityMetadata, Column[]>();
const prototypes = new WeakMap<EntityMetadata, object>();

/** The stored columns of an entity: its scalar properties and the keys of its many-to-one relations. */
function columnsOf(meta: EntityMetadata): Column[] {
  let columns = columnsByMeta.get(meta);
  if (!columns) {
    columns = [];
    for (const prop of meta.props) {
      // Collections have no column (their fieldNames are unset).
      const stores = prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE;
      if (!stores || prop.persist === false || prop.fieldNames.length !== 1) continue;
      const field = present(prop.fieldNames[0], `the column of ${meta.className}.${prop.name}`);
      if (prop.kind === ReferenceKind.SCALAR) columns.push({ prop, field });
      else if (prop.kind === ReferenceKind.MANY_TO_ONE)
        columns.push({ prop, field, targetKey: present(prop.targetMeta?.primaryKeys[0], 'the key') });
    }
    columnsByMeta.set(meta, columns);
  }
  return columns;
}

/** Whether `name` is a stored property of the entity (MikroORM may define accessors for those). */
const stored = (meta: EntityMetadata, name: string) => {
  const prop = (meta.properties as Record<string, EntityProperty | undefined>)[name];
  return prop !== undefined && prop.persist !== false;
};

/** The entity class's own getters (not MikroORM's), on an object of their own: a row's prototype. */
function prototypeOf(meta: EntityMetadata): object {
  let proto = prototypes.get(meta);
  if (!proto) {
    const getters: PropertyDescriptorMap = {};
    for (
      let p = (meta.class as { prototype: object }).prototype as object | null;
      p && p !== Object.prototype;
      p = Object.getPrototypeOf(p) as object | null
    )
      for (const name of Object.getOwnPropertyNames(p)) {
        const descriptor = Object.getOwnPropertyDescriptor(p, name);
        // The getter itself, to be called on a row as on an entity.
        // eslint-disable-next-line @typescript-eslint/unbound-method
        const get = descriptor?.get;
        if (get && !name.startsWith('__') && !(name in getters) && !stored(meta, name))
          getters[name] = { get, enumerable: false, configurable: true };
      }
    proto = Object.create(Object.prototype, getters) as object;
    prototypes.set(meta, proto);
  }
  return proto;
}

/** `alias.column as alias__column, …` for every stored column of the entity. */
function selectList(meta: EntityMetadata, alias: string): string[] {
  return columnsOf(meta).map((c) => `${alias}.${c.field} as ${alias}__${c.field}`);
}

const keysByAlias = new Map<string, WeakMap<EntityMetadata, string[]>>();

/** The result row's keys of the entity's columns under `alias` (`alias__column`), in `columnsOf` order. */
function keysOf(meta: EntityMetadata, alias: string): string[] {
  let ofAlias = keysByAlias.get(alias);
  if (!ofAlias) keysByAlias.set(alias, (ofAlias = new WeakMap()));
  let keys = ofAlias.get(meta);
  if (!keys) ofAlias.set(meta, (keys = columnsOf(meta).map((c) => `${alias}__${c.field}`)));
  return keys;
}

/** The row of `meta` in a result row, its columns prefixed with `alias__`. */
function rowOf(
  platform: Platform,
  meta: EntityMetadata,
  raw: Record<string, unknown>,
  alias: string,
): object {
  const row = Object.create(prototypeOf(meta)) as Record<string, unknown>;
  const columns = columnsOf(meta);
  const keys = keysOf(meta, alias);
  for (let i = 0; i < columns.length; i++) {
    const { prop, targetKey } = present(columns[i], 'a column');
    const value = raw[present(keys[i], 'its key')] ?? null;
    if (targetKey)
      row[prop.name] =
        value === null
          ? null
          : new RowReference(targetKey, typeof value === 'number' ? value.toString() : (value as string));
    else if (value === null) row[prop.name] = null;
    else if (prop.runtimeType === 'boolean') row[prop.name] = value === true || value === 1 || value === '1';
    else if (prop.customType) row[prop.name] = prop.customType.convertToJSValue(value, platform);
    else row[prop.name] = value;
  }
  return row;
}

export interface RowQuery<T extends object> {
  where: FilterQuery<T>;
  orderBy: QueryOrderMap<T>;
  /** A page of them (all, without). */
  limit?: number;
  offset?: number;
  /** Relations (many-to-one) read with each row, joined into the same statement. */
  joined?: readonly string[];
}

/** Rows of `entity` (see above), in one statement. */
export async function readRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  page: RowQuery<T>,
): Promise<Row<T>[]> {
  const meta = em.getMetadata().get(entity.name);
  const qb = (em as SqlEntityManager).createQueryBuilder(entity, 'e');
  const select = selectList(meta, 'e');
  const joins: { name: string; alias: string; meta: EntityMetadata }[] = [];
  for (const [i, name] of (page.joined ?? []).entries()) {
    const prop = meta.properties[name as keyof T & string] as EntityProperty | undefined;
    if (prop?.kind !== ReferenceKind.MANY_TO_ONE || !prop.targetMeta)
      throw new Error(`${meta.className}.${name} is not a many-to-one relation`);
    const alias = `j${i}`;
    joins.push({ name, alias, meta: prop.targetMeta });
    select.push(...selectList(prop.targetMeta, alias));
    qb.leftJoin(`e.${name}`, alias);
  }
  qb.select(select.map((s) => raw(s)))
    .where(page.where)
    .orderBy(page.orderBy);
  if (page.limit !== undefined) qb.limit(page.limit).offset(page.offset ?? 0);
  const found = await qb.execute<Record<string, unknown>[]>('all', false);
  const platform = em.getPlatform();
  return found.map((raw) => {
    const row = rowOf(platform, meta, raw, 'e') as Record<string, unknown>;
    for (const join of joins)
      if (row[join.name] !== null) row[join.name] = rowOf(platform, join.meta, raw, join.alias);
    return row as Row<T>;
  });
}
