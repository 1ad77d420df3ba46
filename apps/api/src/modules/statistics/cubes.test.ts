/**
 * The summaries stay exact: after every kind of change the services make — draws, results entered,
 * rejected, re-entered and published, follow-ups closed, a merge, an inspector replaced — each cube holds
 * exactly what counting its fact table afresh gives, with no group left at 0.
 */
import type { EntityManager } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows as rows } from '../../db/query.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { CUBES, cubesFromScratch } from './cubes.js';
import { buildFixture } from './statistics.fixture.js';

type Snapshot = Record<string, { key: string; n: number }[]>;

async function snapshot(em: EntityManager): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const cube of CUBES) {
    const found = await rows<{ key: string; n: number | string }>(
      em,
      `select key, n from ${cube.table} order by key`,
    );
    out[cube.table] = found.map((r) => ({ key: r.key, n: Number(r.n) }));
  }
  return out;
}

/** The cubes as kept, then as counted afresh (which replaces them): the two must be equal. */
async function expectExact(em: EntityManager): Promise<Snapshot> {
  const kept = await snapshot(em);
  for (const sql of cubesFromScratch()) await rows(em, sql);
  const fresh = await snapshot(em);
  expect(kept).toEqual(fresh);
  for (const cube of CUBES) expect(kept[cube.table]!.every((r) => r.n > 0)).toBe(true);
  return kept;
}

describe('the statistics summaries', () => {
  it('are exact after the statistics fixture: draws, entries, reviews, closures', async () => {
    const f = await buildFixture();
    try {
      const kept = await expectExact(f.t.app.orm.em.fork());
      expect(kept.visit_cube!.length).toBeGreaterThan(0);
      expect(kept.coverage_cube!.length).toBeGreaterThan(0);
    } finally {
      await f.t.close();
    }
  }, 600_000);

  describe('over the demo history', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ demoHistory: true });
    }, 300_000);
    afterAll(() => t?.close());

    it('are exact after two years made through the services', async () => {
      const kept = await expectExact(t.app.orm.em.fork());
      for (const cube of CUBES) expect(kept[cube.table]!.length).toBeGreaterThan(0);
    });

    it('move a team place to the inspector drawn in, and stay exact', async () => {
      const coordinator = await t.login('coordinator');
      const em = t.app.orm.em.fork();
      const [visit] = await rows<{ id: string; task_id: string; drawn_on: string }>(
        em,
        `select id, task_id, drawn_on from inspection where state = 'PENDING_ENTRY' order by id`,
      );
      expect(visit).toBeDefined();
      const team = await rows<{ inspector_id: string }>(
        em,
        'select inspector_id from inspection_member where inspection_id = ? order by inspector_id',
        [visit!.id],
      );
      const out = team[0]!.inspector_id;
      const placesOf = async (inspectorId: string) =>
        Number(
          (
            await rows<{ n: number | string | null }>(
              em,
              'select sum(n) as n from member_cube where task_id = ? and inspector_id = ? and drawn_on = ?',
              [visit!.task_id, inspectorId, visit!.drawn_on],
            )
          )[0]?.n ?? 0,
        );
      const before = await placesOf(out);
      const replaced = (
        await t.ok(
          'mutation($i: ReplaceInspectorInput!) { replaceInspector(input: $i) { teamIds } }',
          { i: { inspectionId: visit!.id, inspectorId: out, reason: 'LEAVE' } },
          coordinator,
        )
      ).replaceInspector as { teamIds: string[] };
      const drawnIn = replaced.teamIds.find((id) => !team.some((m) => m.inspector_id === id))!;
      expect(await placesOf(out)).toBe(before - 1);
      expect(await placesOf(drawnIn)).toBeGreaterThan(0);
      await expectExact(em);
    });
  });
});
