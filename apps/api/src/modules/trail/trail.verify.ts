import type { EntityManager } from '@mikro-orm/core';
import { selectRows, toNumber, type SqlNumber } from '../../db/sql.js';
import { ChainChecker, type ChainCheck } from './trail.chain.js';

const BATCH = 5000;

/** A trail entry as stored (the instant is text on SQLite, a timestamp on PostgreSQL). */
interface TrailRow {
  seq: SqlNumber;
  at: string | Date;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * Reads the trail in `seq` order, one range of BATCH entries after another (each statement starts where
 * the last ended, by the primary key: no OFFSET to skip again), and checks each entry as it comes, holding
 * one batch at a time however long the trail.
 */
export async function verifyTrail(em: EntityManager): Promise<ChainCheck> {
  const checker = new ChainChecker();
  const columns =
    'select seq, at, actor_id, action, entity, entity_id, before, after, prev_hash, hash from trail_entry';
  // The first range from the very first row, whatever its position: one slipped in at 0 or below fails the chain.
  for (let after: number | null = null; ;) {
    const rows = await selectRows<TrailRow>(
      em,
      after === null ? `${columns} order by seq limit ?` : `${columns} where seq > ? order by seq limit ?`,
      after === null ? [BATCH] : [after, BATCH],
    );
    for (const r of rows) {
      const seq = toNumber(r.seq);
      const broken = checker.add({
        seq,
        at: new Date(r.at),
        actorId: r.actor_id,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        prevHash: r.prev_hash,
        hash: r.hash,
      });
      if (broken) return broken;
      after = seq;
    }
    if (rows.length < BATCH) return checker.result();
  }
}
