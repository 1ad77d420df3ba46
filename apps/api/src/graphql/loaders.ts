/**
 * Per-request batching. The field resolvers of a list ask for related rows one record at a time; a
 * loader gathers the keys asked for while the list resolves and fetches them in one statement, so a
 * page costs the same number of statements whatever its size.
 */
import DataLoader from 'dataloader';
import { Utils, wrap, type EntityClass, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import { isRowReference, readRows, type Row, type RowReference } from '../db/rows.js';
import type { Context } from './context.js';
import { present } from '../invariant.js';

const loaders = new WeakMap<Context, Map<unknown, DataLoader<string, unknown>>>();
/** What `byKey` fetched for the request, by class and key (undefined: no such record). */
const fetched = new WeakMap<Context, Map<EntityClass<object>, Map<string, unknown>>>();

/** Forgets what the request's loaders fetched: a mutation may have changed it. */
export function clearLoaders(ctx: Context): void {
  loaders.delete(ctx);
  fetched.delete(ctx);
}

function fetchedOf<T extends object>(
  ctx: Context,
  entity: EntityClass<T>,
): Map<string, Row<T> | undefined> | undefined {
  return fetched.get(ctx)?.get(entity) as Map<string, Row<T> | undefined> | undefined;
}

/** The request's loader for `key`, made by `batch` on first use. */
export function loaderOf<T>(
  ctx: Context,
  key: unknown,
  batch: (ids: readonly string[]) => Promise<Map<string, T>>,
): DataLoader<string, T | undefined> {
  let ofRequest = loaders.get(ctx);
  if (!ofRequest) loaders.set(ctx, (ofRequest = new Map<unknown, DataLoader<string, unknown>>()));
  let loader = ofRequest.get(key) as DataLoader<string, T | undefined> | undefined;
  if (!loader) {
    loader = new DataLoader<string, T | undefined>(async (ids) => {
      const found = await batch(ids);
      return ids.map((id) => found.get(id));
    });
    ofRequest.set(key, loader);
  }
  return loader;
}

/**
 * Records of one class by primary key, batched: read as rows (`db/rows.ts`), since what a field resolver
 * fetches is shown, never changed — a mutation changes what it loads itself.
 */
export function byKey<T extends object>(
  ctx: Context,
  entity: EntityClass<T>,
): DataLoader<string, Row<T> | undefined> {
  return loaderOf(ctx, entity, async (ids) => {
    const meta = ctx.em.getMetadata().get(entity.name);
    const key = present(meta.primaryKeys[0], `the primary key of ${entity.name}`);
    const found = await readRows(ctx.em, entity, {
      where: { [key]: { $in: [...ids] } } as FilterQuery<T>,
      orderBy: { [key]: 'ASC' } as QueryOrderMap<T>,
    });
    const byId = new Map(found.map((e) => [String((e as Record<string, unknown>)[key]), e]));
    let ofRequest = fetched.get(ctx);
    if (!ofRequest) fetched.set(ctx, (ofRequest = new Map<EntityClass<object>, Map<string, unknown>>()));
    let known = ofRequest.get(entity);
    if (!known) ofRequest.set(entity, (known = new Map<string, unknown>()));
    for (const id of ids) known.set(id, byId.get(id));
    return byId;
  });
}

/**
 * A relation already loaded with its owner (an entity, or a row read with its list: see `db/rows.ts`), or
 * the record fetched through the request's loader. `key` is the relation's key; a row's relation that was
 * not read with it carries it too. What is at hand (loaded with its owner, or fetched already by this
 * request) is answered at once, not as a promise: a page of a hundred rows makes no promises for it.
 */
export function related<T extends object>(
  ctx: Context,
  entity: EntityClass<T>,
  reference: T | RowReference,
  key: string,
): T | Promise<T> {
  if (!isRowReference(reference) && (!Utils.isEntity(reference) || wrap(reference).isInitialized()))
    return reference;
  const missing = () => new Error(`${entity.name} ${key} is missing`);
  const known = fetchedOf<T>(ctx, entity);
  if (known?.has(key)) {
    const found = known.get(key);
    if (!found) throw missing();
    return found;
  }
  return byKey(ctx, entity)
    .load(key)
    .then((found) => {
      if (!found) throw missing();
      return found;
    });
}

/** Several records by key, in the order asked, skipping any that no longer exist; at once if at hand. */
export function manyByKey<T extends object>(
  ctx: Context,
  entity: EntityClass<T>,
  keys: readonly string[],
): T[] | Promise<T[]> {
  const known = fetchedOf<T>(ctx, entity);
  if (known && keys.every((key) => known.has(key)))
    return keys.map((key) => known.get(key)).filter((e): e is Row<T> => e !== undefined);
  return byKey(ctx, entity)
    .loadMany(keys)
    .then((found) => found.filter((e): e is Row<T> => e !== undefined && !(e instanceof Error)));
}
