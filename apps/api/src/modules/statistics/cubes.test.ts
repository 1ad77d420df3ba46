/**
 * The summaries stay exact: after every kind of change the services make — draws, results entered,
 * rejected, re-entered and published, follow-ups closed, a merge, an inspector replaced — each cube holds
 * exactly what counting its fact table afresh gives, with no group left at 0.
 */
import type { EntityManager } from '@mikro-orm/core';
import { completeCreditCode } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows as rows } from '../../db/sql.js';
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

const TARGET_KEY = 'status, region, kind, risk_class, target_types';

/** `target_cube` as its triggers keep it and as counting the live targets gives: equal, no group at 0. */
async function expectTargetsExact(em: EntityManager): Promise<number> {
  const kept = await rows<Record<string, string | number>>(
    em,
    `select ${TARGET_KEY}, n from target_cube order by ${TARGET_KEY}`,
  );
  const counted = await rows<Record<string, string | number>>(
    em,
    `select ${TARGET_KEY}, count(*) as n from target where deleted_at is null group by ${TARGET_KEY} order by ${TARGET_KEY}`,
  );
  const plain = (found: Record<string, string | number>[]) => found.map((r) => ({ ...r, n: Number(r.n) }));
  expect(plain(kept)).toEqual(plain(counted));
  return plain(kept).reduce((sum, r) => sum + r.n, 0);
}

/** The cubes as kept, then as counted afresh (which replaces them): the two must be equal. */
async function expectExact(em: EntityManager): Promise<Snapshot> {
  await expectTargetsExact(em);
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
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
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

  it("count the registry's live targets whichever way a target is written", async () => {
    const t = await startTestApp();
    try {
      const admin = await t.login('admin');
      const em = t.app.orm.em.fork();
      const sql = (query: string, params: unknown[] = []) => rows(em, query, params);
      expect(await expectTargetsExact(em)).toBe(2000);
      const created = (
        await t.ok(
          'mutation($i: TargetInput!) { createTarget(input: $i) { id } }',
          {
            i: {
              name: '舞钢市汇总测试有限公司',
              creditCode: completeCreditCode('91410481MA9CUBE01'),
              kind: 'ENTERPRISE',
              region: '汇总测试镇',
              riskClass: 'C',
              tags: [],
              targetTypes: ['企业', '矿山'],
            },
          },
          admin,
        )
      ).createTarget as { id: string };
      expect(await expectTargetsExact(em)).toBe(2001);
      // A counted column changes: the target leaves its group (now empty, so gone) for another.
      await t.ok(
        'mutation($id: ID!) { updateTarget(id: $id, input: { region: "另一测试镇", riskClass: D, status: SUSPENDED }) { id } }',
        { id: created.id },
        admin,
      );
      await t.ok(
        'mutation($id: ID!) { updateTarget(id: $id, input: { name: "改名公司" }) { id } }',
        {
          id: created.id,
        },
        admin,
      );
      expect(await expectTargetsExact(em)).toBe(2001);
      expect(await sql(`select n from target_cube where region = '汇总测试镇'`)).toEqual([]);
      await t.ok('mutation($id: ID!) { deleteTarget(id: $id) { id } }', { id: created.id }, admin);
      expect(await expectTargetsExact(em)).toBe(2000);
      // An import's bulk statements.
      const csv = ['名称,统一社会信用代码,对象类别,所属区域,信用风险分类']
        .concat(
          Array.from(
            { length: 30 },
            (_, i) =>
              `导入测试公司${i},${completeCreditCode(`91410481MA9CU${String(1000 + i)}`)},企业,汇总测试镇,${'ABCD'[i % 4]}`,
          ),
        )
        .join('\n');
      expect(
        (
          await t.ok(
            'mutation($f: FileInput!) { importTargets(file: $f) { ok imported } }',
            { f: { filename: 'targets.csv', contentBase64: Buffer.from(csv).toString('base64') } },
            admin,
          )
        ).importTargets,
      ).toEqual({ ok: true, imported: 30 });
      expect(await expectTargetsExact(em)).toBe(2030);
      // SQL typed by hand: many rows at once, a soft delete and its undoing, a row deleted outright.
      await sql(`update target set risk_class = 'A', kind = 'UNIT' where region = '汇总测试镇'`);
      await sql(`update target set deleted_at = created_at where region = '汇总测试镇' and risk_class = 'A'`);
      expect(await expectTargetsExact(em)).toBe(2000);
      await sql(`update target set deleted_at = null where region = '汇总测试镇'`);
      expect(await expectTargetsExact(em)).toBe(2030);
      await sql(`delete from target where region = '汇总测试镇'`);
      expect(await expectTargetsExact(em)).toBe(2000);
    } finally {
      await t.close();
    }
  }, 300_000);
});
