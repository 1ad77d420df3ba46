/**
 * Writing the trail: every change a mutation flushes is appended, in the same transaction, by the
 * subscriber below; bulk operations that bypass the unit of work append a summary with `appendTrail`.
 * Appends are serialised (an advisory lock on PostgreSQL; SQLite has one writer) so the chain never forks.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import {
  ChangeSetType,
  type ChangeSet,
  type EntityManager,
  type EventSubscriber,
  type FlushEventArgs,
} from '@mikro-orm/core';
import { dialectOf } from '../../db/dialect.js';
import { execute, selectOne, toNumber, type SqlNumber } from '../../db/sql.js';
import { StringListType } from '../../db/string-list.type.js';
import { present } from '../../invariant.js';
import { TrailEntry } from './trail.entity.js';
import { canonicalJson, entryHash, GENESIS } from './trail.chain.js';

/** Who is changing things; set for the duration of a mutation. Outside one (seeding), nothing is logged. */
export const trailActor = new AsyncLocalStorage<{ actorId: string | null }>();

export interface Change {
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const TRAIL_LOCK = 7_042_501;

/**
 * Waits for the trail's lock, held until the transaction ends (PostgreSQL; SQLite has one writer): every
 * mutation takes it with its first trail entry, so the changes that write the trail happen one at a time.
 * What reads other transactions' rows to write its own (the statistics' facts of a target's visits) takes
 * it first too.
 */
export async function lockWrites(em: EntityManager): Promise<void> {
  const lock = dialectOf(em).advisoryLock(TRAIL_LOCK);
  if (lock) await execute(em, lock);
}

async function head(em: EntityManager): Promise<{ seq: number; hash: string }> {
  await lockWrites(em);
  const last = await selectOne<{ seq: SqlNumber; hash: string }>(
    em,
    'select seq, hash from trail_entry order by seq desc limit 1',
  );
  return last ? { seq: toNumber(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS };
}

/** Trail entries continuing the chain, not yet persisted. */
async function entriesFor(em: EntityManager, changes: readonly Change[]): Promise<TrailEntry[]> {
  const actorId = trailActor.getStore()?.actorId ?? null;
  let { seq, hash } = await head(em);
  const at = new Date();
  return changes.map((change) => {
    const fields = {
      seq: ++seq,
      at,
      actorId,
      action: change.action,
      entity: change.entity,
      entityId: change.entityId,
      before: change.before ? canonicalJson(change.before) : null,
      after: change.after ? canonicalJson(change.after) : null,
      prevHash: hash,
    };
    hash = entryHash(fields);
    return Object.assign(new TrailEntry(), fields, { hash });
  });
}

/** Appends changes that bypassed the unit of work (bulk inserts), within the caller's transaction. */
export async function appendTrail(em: EntityManager, changes: readonly Change[]): Promise<void> {
  if (!trailActor.getStore() || changes.length === 0) return;
  for (const entry of await entriesFor(em, changes)) em.persist(entry);
  await em.flush();
}

/**
 * The fields as the trail shows them: secrets masked, large texts (the lazy properties) replaced by their
 * digest, and lists (tags, target types: stored as ",a,b," text, as the change set holds them) as arrays.
 * Entries written before lists were recorded as arrays keep their text, which their hashes cover.
 */
function visible(cs: ChangeSet<object>, data: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data ?? {})) {
    const prop = cs.meta.properties[key as never] as
      { hidden?: boolean; lazy?: boolean; customType?: unknown } | undefined;
    if (prop?.hidden) out[key] = '[hidden]';
    else if (prop?.lazy && typeof value === 'string' && value.length > 256)
      out[key] = `sha256:${createHash('sha256').update(value).digest('hex')}`;
    else if (prop?.customType instanceof StringListType && typeof value === 'string')
      out[key] = prop.customType.convertToJSValue(value);
    else out[key] = value;
  }
  return out;
}

function changeOf(cs: ChangeSet<object>): Change {
  const key = present<string>(cs.meta.primaryKeys[0], `the primary key of ${cs.meta.className}`);
  const entityId = String((cs.entity as Record<string, string | number>)[key]);
  const entity = cs.meta.className;
  if (cs.type === ChangeSetType.CREATE)
    return {
      action: 'create',
      entity,
      entityId,
      before: null,
      after: visible(cs, cs.payload as Record<string, unknown>),
    };
  if (cs.type === ChangeSetType.DELETE)
    return { action: 'delete', entity, entityId, before: visible(cs, cs.originalEntity), after: null };
  const changed = Object.keys(cs.payload as object);
  const original = (cs.originalEntity ?? {}) as Record<string, unknown>;
  // A soft delete is a delete: its before is the whole record, as a hard delete's is; its after, when.
  if ('deletedAt' in (cs.payload as object) && cs.payload.deletedAt != null && original.deletedAt == null)
    return {
      action: 'delete',
      entity,
      entityId,
      before: visible(cs, original),
      after: visible(cs, cs.payload as Record<string, unknown>),
    };
  return {
    action: 'update',
    entity,
    entityId,
    before: visible(cs, Object.fromEntries(changed.map((k) => [k, original[k]]))),
    after: visible(cs, cs.payload as Record<string, unknown>),
  };
}

/**
 * Bookkeeping that is not a record of the registries or of the supervision: the trail itself, and
 * sign-in's counters and sessions (every guessed password would otherwise add an entry).
 */
const UNTRAILED = new Set(['TrailEntry', 'LoginThrottle', 'UserSession']);

/** Adds a trail entry for every change of a flush made during a mutation. */
export class TrailSubscriber implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    if (!trailActor.getStore()) return;
    const changes = uow
      .getChangeSets()
      .filter((cs) => !UNTRAILED.has(cs.meta.className))
      .map((cs) => changeOf(cs as ChangeSet<object>))
      // updatedAt alone is no change worth recording
      .filter((c) => c.action !== 'update' || Object.keys(c.after ?? {}).some((k) => k !== 'updatedAt'));
    if (changes.length === 0) return;
    for (const entry of await entriesFor(em, changes)) {
      em.persist(entry);
      uow.computeChangeSet(entry);
    }
  }
}
