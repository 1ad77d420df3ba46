import type { EntityManager } from '@mikro-orm/core';
import { checkChain, type ChainCheck, type ChainFields } from './trail.chain.js';

const BATCH = 5000;

/** Reads the trail in order, in batches, and checks the chain. */
export async function verifyTrail(em: EntityManager): Promise<ChainCheck> {
  const connection = em.getConnection();
  async function* entries(): AsyncGenerator<ChainFields & { hash: string }> {
    for (let from = 0; ; from += BATCH) {
      const rows = await connection.execute<Record<string, unknown>[]>(
        'select seq, at, actor_id, action, entity, entity_id, before, after, prev_hash, hash from trail_entry order by seq limit ? offset ?',
        [BATCH, from],
      );
      for (const r of rows)
        yield {
          seq: Number(r.seq),
          at: new Date(r.at as string),
          actorId: (r.actor_id as string | null) ?? null,
          action: r.action as string,
          entity: r.entity as string,
          entityId: r.entity_id as string,
          before: (r.before as string | null) ?? null,
          after: (r.after as string | null) ?? null,
          prevHash: r.prev_hash as string,
          hash: r.hash as string,
        };
      if (rows.length < BATCH) return;
    }
  }
  const all: (ChainFields & { hash: string })[] = [];
  for await (const entry of entries()) all.push(entry);
  return checkChain(all);
}
