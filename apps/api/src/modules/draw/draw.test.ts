import type { Server } from 'node:http';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  chinaYear,
  LABELS,
  PUBLIC_EXCLUSION_REASONS,
  type PublicExclusionReason,
  drandRoundAfter,
  nextLotteryDraw,
  quota,
  verifyDrawRecord,
  type DrawRecord,
} from '@suiji/domain';
import { GraphQLInputObjectType, getNamedType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, selectRows } from '../../db/sql.js';
import { getSchema } from '../../graphql/schema.js';
import { refreshVisitFacts } from '../statistics/visit-facts.js';
import { drandOutcome, errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const YEAR = chinaYear();
const CREATE_TASK = 'mutation($i: TaskInput!) { createTask(input: $i) { id departmentId } }';
const SCHEDULE = `mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) {
  id status commitment poolDigest poolSize excludedCount rosterSize nonce seed recordUrl poolUrl ratios { riskClass ratioBp } team { size departments }
  entropySource entropyIssue entropyPublishedAt runAfter createdAt } }`;
const RUN =
  'mutation($i: RunDrawInput!) { runDraw(input: $i) { id status seed nonce selectedCount publicEntropy recordUrl } }';

describe('the draw', () => {
  let t: TestApp;
  let coordinator: string;
  let admin: string;
  let itemId: string;
  let server: Server;
  let base: string;
  let taskSeq = 0;

  const newTask = async (over: Record<string, unknown> = {}) =>
    (
      await t.ok(
        CREATE_TASK,
        {
          i: {
            name: `${YEAR} 年土地使用情况抽查 ${++taskSeq}`,
            year: YEAR,
            itemIds: [itemId],
            windowStart: `${YEAR}-12-01`,
            windowEnd: `${YEAR}-12-20`,
            ...over,
          },
        },
        coordinator,
      )
    ).createTask.id as string;
  const schedule = (taskId: string, over: Record<string, unknown> = {}) =>
    t.gql(SCHEDULE, { i: { taskId, entropy: t.entropy(), ...over } }, coordinator);
  /** Runs a draw once its declared source (a drand round) is out, with that round's value. */
  const run = (drawId: string, publicEntropy = drandOutcome(drawId)) => {
    t.runnable();
    return t.gql(RUN, { i: { drawId, publicEntropy } }, coordinator);
  };
  const inspectionsOf = async (drawId: string) =>
    (
      await t.ok(
        'query($d: ID!) { inspections(filter: { drawId: $d }, page: { page: 1, perPage: 500 }) { total items { id targetId teamIds itemIds team { id departmentId } } } }',
        { d: drawId },
        coordinator,
      )
    ).inspections;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.login('coordinator');
    admin = await t.login('admin');
    itemId = (
      await t.ok('query($y: Int!) { items(filter: { year: $y, q: "土地使用情况" }) { items { id } } }', {
        y: YEAR,
      })
    ).items.items[0].id;
    server = await t.app.listen(0, '127.0.0.1');
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => t.close());

  it('is scheduled with a public commitment and a frozen pool whose digest anyone can check', async () => {
    const taskId = await newTask();
    const { scheduleDraw: draw } = (await schedule(taskId)).data as any;
    expect(draw).toMatchObject({
      status: 'SCHEDULED',
      nonce: null,
      seed: null,
      recordUrl: null,
      team: { size: 2 },
    });
    expect(draw.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(draw.ratios).toEqual(['A', 'B', 'C', 'D'].map((riskClass) => ({ riskClass, ratioBp: 1000 })));
    expect(draw.poolSize).toBeGreaterThan(1000);
    expect(draw.excludedCount).toBeGreaterThan(0); // deregistered targets
    expect(draw.rosterSize).toBeGreaterThanOrEqual(15);
    const pool = await (await fetch(`${base}${draw.poolUrl}`)).text();
    expect(createHash('sha256').update(pool).digest('hex')).toBe(draw.poolDigest);
    expect(pool.trimEnd().split('\n')).toHaveLength(draw.poolSize);
    const excluded = (await (await fetch(`${base}/draws/${draw.id}/exclusions.json`)).json()) as any;
    expect(excluded.exclusions).toHaveLength(draw.excludedCount);
    expect(excluded.exclusions[0]).toMatchObject({ reason: 'DEREGISTERED', text: '已注销、吊销或迁出' });
    // Only the opaque id, the reason's code and that code's fixed wording: no free text, nothing of the registry.
    for (const entry of excluded.exclusions) {
      expect(Object.keys(entry).sort()).toEqual(['reason', 'target', 'text']);
      expect(PUBLIC_EXCLUSION_REASONS).toContain(entry.reason);
      expect(entry.text).toBe(LABELS['zh-CN'].publicExclusionReason[entry.reason as PublicExclusionReason]);
    }
    expect(pool).not.toContain(excluded.exclusions[0].target);
    const publicView = await t.ok('query($id: ID!) { publicDraw(id: $id) { commitment nonce } }', {
      id: draw.id,
    });
    expect(publicView.publicDraw).toEqual({ commitment: draw.commitment, nonce: null });
    const entity = await t.gql('query($id: ID!) { draw(id: $id) { id } }', { id: draw.id });
    expect(errorCode(entity)).toBe('UNAUTHENTICATED');
  });

  it('runs once, stores a record anyone can verify, and creates one inspection per selected target', async () => {
    const taskId = await newTask();
    const scheduled = ((await schedule(taskId)).data as any).scheduleDraw;
    const { runDraw: drawn } = (await run(scheduled.id)).data as any;
    expect(drawn).toMatchObject({
      status: 'DRAWN',
      publicEntropy: `drand quicknet round ${scheduled.entropyIssue} randomness ${drandOutcome(scheduled.id)}`,
    });
    expect(createHash('sha256').update(Buffer.from(drawn.nonce, 'hex')).digest('hex')).toBe(
      scheduled.commitment,
    );

    const record = (await (await fetch(`${base}${drawn.recordUrl}`)).json()) as DrawRecord;
    expect(verifyDrawRecord(record)).toEqual({ ok: true });
    expect(record.poolDigest).toBe(scheduled.poolDigest);
    const perStratum = new Map<string, number>();
    for (const [, stratum] of record.pool) perStratum.set(stratum, (perStratum.get(stratum) ?? 0) + 1);
    const expected = [...perStratum.values()].reduce((sum, n) => sum + quota(n, 1000), 0);
    expect(drawn.selectedCount).toBe(expected);

    const inspections = await inspectionsOf(drawn.id);
    expect(inspections.total).toBe(expected);
    expect(inspections.items.map((i: { targetId: string }) => i.targetId).sort()).toEqual(
      [...record.selected].sort(),
    );
    for (const inspection of inspections.items) expect(inspection.team).toHaveLength(2);
    expect(
      (await t.ok('query($id: ID!) { verifyDraw(id: $id) { ok field } }', { id: drawn.id })).verifyDraw,
    ).toEqual({ ok: true, field: null });

    const again = await run(drawn.id);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toMatch(/runs once/);
    expect((await inspectionsOf(drawn.id)).total).toBe(expected);
  });

  it('runs only once when two requests race', async () => {
    const taskId = await newTask();
    const scheduled = ((await schedule(taskId)).data as any).scheduleDraw;
    const results = await Promise.all([run(scheduled.id), run(scheduled.id), run(scheduled.id)]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(2);
    const drawn = results.find((r) => !r.errors)!.data as any;
    expect((await inspectionsOf(scheduled.id)).total).toBe(drawn.runDraw.selectedCount);
  });

  it("replaces an inspector by lot, publishes the reason's code only, and keeps the record verifiable", async () => {
    const taskId = await newTask();
    const scheduled = ((await schedule(taskId)).data as any).scheduleDraw;
    await run(scheduled.id);
    const [inspection] = (await inspectionsOf(scheduled.id)).items;
    const out = inspection.teamIds[0];
    const replace = 'mutation($i: ReplaceInspectorInput!) { replaceInspector(input: $i) { id teamIds } }';
    const replaced = (
      await t.ok(
        replace,
        { i: { inspectionId: inspection.id, inspectorId: out, reason: 'ILLNESS', note: '住院治疗两周' } },
        coordinator,
      )
    ).replaceInspector;
    expect(replaced.teamIds).not.toContain(out);
    expect(replaced.teamIds[1]).toBe(inspection.teamIds[1]);
    const published = await (await fetch(`${base}/draws/${scheduled.id}/record.json`)).text();
    expect(published).not.toContain('住院');
    const record = JSON.parse(published) as DrawRecord;
    expect(record.replacements).toEqual([
      { target: inspection.targetId, out, in: replaced.teamIds[0], reason: 'ILLNESS' },
    ]);
    expect(verifyDrawRecord(record)).toEqual({ ok: true });
    // The coordinator's words stay internal, in the trail.
    const trail = await t.ok(
      'query($id: ID!) { trail(filter: { entityId: $id, action: "replace" }) { items { after } } }',
      { id: scheduled.id },
      admin,
    );
    expect(JSON.parse(trail.trail.items[0].after)).toMatchObject({ reason: 'ILLNESS', note: '住院治疗两周' });
    const notInTeam = await t.gql(
      replace,
      { i: { inspectionId: inspection.id, inspectorId: out, reason: 'OTHER' } },
      coordinator,
    );
    expect(errorCode(notInTeam)).toBe('BAD_USER_INPUT');
    expect(notInTeam.errors?.[0]?.message).toMatch(/not in this team/);
    const freeText = await t.gql(
      replace,
      { i: { inspectionId: inspection.id, inspectorId: replaced.teamIds[0], reason: '病假' } },
      coordinator,
    );
    expect(errorCode(freeText)).toBe('BAD_USER_INPUT');
  });

  it('publishes a free-text reason recorded before reasons were codes as OTHER, still verifiable', async () => {
    const scheduled = ((await schedule(await newTask())).data as any).scheduleDraw;
    await run(scheduled.id);
    const [inspection] = (await inspectionsOf(scheduled.id)).items;
    await t.ok(
      'mutation($i: ReplaceInspectorInput!) { replaceInspector(input: $i) { id } }',
      { i: { inspectionId: inspection.id, inspectorId: inspection.teamIds[0], reason: 'LEAVE' } },
      coordinator,
    );
    // As an older version stored it: the coordinator's words in the record itself.
    const em = t.app.orm.em.fork();
    const [stored] = await em
      .getConnection()
      .execute<{ content: string }[]>(
        "select content from draw_text where draw_id = ? and name = 'outcome'",
        [scheduled.id],
      );
    const outcome = JSON.parse(stored!.content) as { replacements: { reason: string }[] };
    outcome.replacements[0]!.reason = '其配偶系该企业股东';
    await em
      .getConnection()
      .execute("update draw_text set content = ? where draw_id = ? and name = 'outcome'", [
        JSON.stringify(outcome),
        scheduled.id,
      ]);
    const published = await (await fetch(`${base}/draws/${scheduled.id}/record.json`)).text();
    expect(published).not.toContain('配偶');
    const record = JSON.parse(published) as DrawRecord;
    expect(record.replacements[0]!.reason).toBe('OTHER');
    expect(verifyDrawRecord(record)).toEqual({ ok: true });
  });

  it('leaves out targets already inspected for the item this year, with the reason', async () => {
    const first = ((await schedule(await newTask())).data as any).scheduleDraw;
    await run(first.id);
    const selected = (
      await t.ok('query($id: ID!) { draw(id: $id) { selectedCount } }', { id: first.id }, coordinator)
    ).draw.selectedCount;
    const second = ((await schedule(await newTask())).data as any).scheduleDraw;
    expect(second.poolSize).toBeLessThanOrEqual(first.poolSize - selected);
    expect(second.excludedCount).toBeGreaterThanOrEqual(first.excludedCount + selected);
  });

  it("visits each target once for all the task's items, leaving out items already inspected there this year", async () => {
    const mining = (
      await t.ok('query($y: Int!) { items(filter: { year: $y, q: "矿山地质环境" }) { items { id } } }', {
        y: YEAR,
      })
    ).items.items[0].id as string;
    const landOnly = ((await schedule(await newTask())).data as any).scheduleDraw;
    await run(landOnly.id);
    const landInspected = new Set<string>(
      (await inspectionsOf(landOnly.id)).items.map((i: { targetId: string }) => i.targetId),
    );
    // Every target visited for the land item this year, by this test's draw or an earlier one.
    const landVisited = new Set<string>();
    for (let page = 1, total = Infinity; landVisited.size < total; page++) {
      const { inspections } = await t.ok(
        'query($i: ID!, $p: Int!) { inspections(filter: { itemId: $i }, page: { page: $p, perPage: 500 }) { total items { targetId } } }',
        { i: itemId, p: page },
        coordinator,
      );
      expect(inspections.items.length).toBeGreaterThan(0);
      for (const { targetId } of inspections.items as { targetId: string }[]) landVisited.add(targetId);
      total = inspections.total;
    }
    const both = ((await schedule(await newTask({ itemIds: [itemId, mining] }))).data as any).scheduleDraw;
    await run(both.id);
    const visits = (await inspectionsOf(both.id)).items as { targetId: string; itemIds: string[] }[];
    expect(new Set(visits.map((v) => v.targetId)).size).toBe(visits.length);
    // A target visited for the land item this year gets the mining item alone; every other one both.
    for (const visit of visits) {
      expect(visit.itemIds).toContain(mining);
      expect(visit.itemIds.length).toBe(landVisited.has(visit.targetId) ? 1 : 2);
    }
    expect(visits.some((v) => v.itemIds.length === 2)).toBe(true);
    // Targets inspected for the land item (and not low-risk) stay in the pool for the mining item.
    const landRecord = (await (await fetch(`${base}/draws/${landOnly.id}/record.json`)).json()) as DrawRecord;
    const classOf = new Map(landRecord.pool.map(([id, stratum]) => [id, stratum]));
    const bothPool = new Set(
      (await (await fetch(`${base}${both.poolUrl}`)).text())
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')[0]),
    );
    const stayed = [...landInspected].filter((id) => classOf.get(id) !== 'A');
    expect(stayed.length).toBeGreaterThan(0);
    for (const id of stayed) expect(bothPool.has(id)).toBe(true);
    expect(both.poolSize).toBeGreaterThan(landOnly.poolSize - landInspected.size);
  });

  it('selects more targets than one SQL statement can insert', async () => {
    // 4,000 more targets of a type of their own, all drawn: more rows than SQLite's 32,766 parameters fit.
    const type = '大批量测试对象';
    const at = new Date().toISOString();
    const sql = (query: string, params: unknown[]) => t.app.orm.em.getConnection().execute(query, params);
    for (let chunk = 0; chunk < 4; chunk++) {
      const rows = Array.from({ length: 1000 }, (_, i) => chunk * 1000 + i);
      await sql(
        `insert into target (id, created_at, updated_at, name, credit_code, kind, legal_representative, address, region, contact, tags, risk_class, status, target_types, abnormal)
         values ${rows.map(() => `(?, ?, ?, ?, ?, 'ENTERPRISE', '', '', '', '', '', 'B', 'ACTIVE', ?, false)`).join(', ')}`,
        rows.flatMap((n) => [
          `bulk-${n}`,
          at,
          at,
          `批量对象 ${n}`,
          `BULK${String(n).padStart(14, '0')}`,
          `,${type},`,
        ]),
      );
    }
    const bulkItem = (
      await t.ok(
        'mutation($i: ItemInput!) { createItem(input: $i) { id } }',
        {
          i: {
            year: YEAR,
            departmentId: (
              await t.ok('{ departments(filter: { q: "WG-ZRZY" }) { items { id code } } }')
            ).departments.items.find((d: { code: string }) => d.code === 'WG-ZRZY').id,
            name: '批量抽查事项',
            legalBasis: '测试',
            inspectingBody: '舞钢市自然资源和规划局',
            category: 'KEY',
            targetType: type,
            minRatioBp: 10000,
            timesPerYear: 1,
            methods: ['DOCUMENT'],
          },
        },
        admin,
      )
    ).createItem.id;
    const taskId = await newTask({ itemIds: [bulkItem] });
    const scheduled = ((await schedule(taskId)).data as any).scheduleDraw;
    expect(scheduled.poolSize).toBe(4000);
    const drawn = ((await run(scheduled.id)).data as any).runDraw;
    expect(drawn.selectedCount).toBe(4000);
    expect((await inspectionsOf(drawn.id)).total).toBe(4000);
  });

  it('refuses bad input clearly and writes nothing', async () => {
    const taskId = await newTask();
    const count = async () =>
      (await t.ok('query($t: ID!) { draws(filter: { taskId: $t }) { total } }', { t: taskId }, coordinator))
        .draws.total;
    const below = await schedule(taskId, {
      ratios: [
        { riskClass: 'A', ratioBp: 500 },
        { riskClass: 'B', ratioBp: 1000 },
        { riskClass: 'C', ratioBp: 1000 },
        { riskClass: 'D', ratioBp: 1000 },
      ],
    });
    expect(below.errors?.[0]?.message).toMatch(/below the minimum of 10% of "土地使用情况监督检查"/);
    const missing = await schedule(taskId, {
      ratios: [
        { riskClass: 'A', ratioBp: 1000 },
        { riskClass: 'B', ratioBp: 2000 },
      ],
    });
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0]?.message).toMatch(/Risk class [CD] is in the pool but has no ratio/);
    const few = await schedule(taskId, { expertise: '无人具备的专长' });
    expect(few.errors?.[0]?.message).toMatch(/Too few inspectors: 0 are eligible/);
    const emptyTask = await newTask({ scope: 'DIRECTED', regions: ['不存在的乡镇'] });
    const empty = await schedule(emptyTask);
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.message).toMatch(/No target is eligible/);
    const later = (
      (await schedule(taskId, { runAfter: new Date(Date.now() + 3600_000).toISOString() })).data as any
    ).scheduleDraw;
    const early = await run(later.id);
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toMatch(/may run from/);
    expect(
      (await t.ok('query($id: ID!) { draw(id: $id) { status } }', { id: later.id }, coordinator)).draw.status,
    ).toBe('SCHEDULED');
    expect(errorCode(await schedule(taskId))).toBe('CONFLICT');
    expect(errorCode(await run('no-such-draw'))).toBe('NOT_FOUND');
    expect(await count()).toBe(1);
    expect(
      errorCode(
        await t.gql('mutation($id: ID!) { deleteTask(id: $id) { id } }', { id: taskId }, coordinator),
      ),
    ).toBe('CONFLICT');
  });

  it('lets only coordinators of the task’s departments schedule and run it', async () => {
    const taskId = await newTask();
    expect(
      errorCode(
        await t.gql(SCHEDULE, { i: { taskId, entropy: t.entropy() } }, await t.login('coordinator2')),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SCHEDULE, { i: { taskId, entropy: t.entropy() } }, admin))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(await t.gql(SCHEDULE, { i: { taskId, entropy: t.entropy() } }, await t.login('manager'))),
    ).toBe('FORBIDDEN');
  });

  it('answers an address that cannot name a draw with a 404, before any database sees it', async () => {
    for (const id of ['%00', 'x%00y', 'a'.repeat(5000), '00000000-0000-0000-0000-000000000000']) {
      for (const file of ['pool.txt', 'exclusions.json', 'record.json']) {
        const response = await fetch(`${base}/draws/${id}/${file}`, { headers: { 'accept-language': 'en' } });
        expect(response.status).toBe(404);
        const body = (await response.json()) as { error: unknown };
        expect(JSON.stringify(body.error)).toMatch(/not a record id|No such draw/);
      }
    }
    const attachment = await fetch(`${base}/attachments/%00`, { headers: { 'accept-language': 'en' } });
    expect(attachment.status).toBe(404);
    expect(((await attachment.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  describe('its public entropy, declared in advance', () => {
    const CLI = fileURLToPath(new URL('../../../../../packages/domain/dist/draw/cli.js', import.meta.url));
    const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
    const ssq = () => {
      const next = nextLotteryDraw('SSQ', new Date(Date.now() + 3600_000));
      return { source: 'SSQ', issue: next.issue, publishedAt: next.publishedAt.toISOString() };
    };

    it('is required when scheduling, and must be an event of the future in its source’s form', async () => {
      const taskId = await newTask();
      const none = await t.gql(SCHEDULE, { i: { taskId } }, coordinator);
      expect(none.errors?.[0]?.message).toMatch(/entropy.*required|required.*entropy/i);
      const past = await schedule(taskId, {
        entropy: {
          source: 'SSQ',
          issue: `${YEAR}001`,
          publishedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      });
      expect(errorCode(past)).toBe('BAD_USER_INPUT');
      expect(past.errors?.[0]?.message).toMatch(/not in the future/);
      const shape = await schedule(taskId, {
        entropy: { source: 'SSQ', issue: '139', publishedAt: inAnHour() },
      });
      expect(shape.errors?.[0]?.message).toMatch(/not an issue of .*7 digits/);
      const when = await schedule(taskId, { entropy: { source: 'FC3D', issue: `${YEAR}139` } });
      expect(when.errors?.[0]?.message).toMatch(/Say when/);
      const round = await schedule(taskId, { entropy: { source: 'DRAND', issue: '1' } });
      expect(round.errors?.[0]?.message).toMatch(/not in the future/);
      // Nothing was scheduled by the refusals.
      expect(errorCode(await schedule(taskId))).toBeNull();
    });

    it('is published with the commitment, and the draw runs only after it, the delay, and with its outcome', async () => {
      const declared = ssq();
      const taskId = await newTask();
      const scheduled = ((await schedule(taskId, { entropy: declared })).data as any).scheduleDraw;
      expect(scheduled).toMatchObject({ entropySource: 'SSQ', entropyIssue: declared.issue });
      expect(new Date(scheduled.entropyPublishedAt).toISOString()).toBe(declared.publishedAt);
      // It may run once the lottery's result is out: not before.
      expect(new Date(scheduled.runAfter).getTime()).toBe(new Date(declared.publishedAt).getTime());
      const published = await t.ok(
        'query($id: ID!) { publicDraw(id: $id) { commitment entropySource entropyIssue entropyPublishedAt createdAt } }',
        { id: scheduled.id },
      );
      expect(published.publicDraw).toMatchObject({
        commitment: scheduled.commitment,
        entropySource: 'SSQ',
        entropyIssue: declared.issue,
      });
      const early = await run(scheduled.id, '03 11 17 22 28 31 + 09');
      expect(errorCode(early)).toBe('BAD_USER_INPUT');
      expect(early.errors?.[0]?.message).toMatch(
        /may run from .*declared entropy source publishes its outcome at/,
      );

      // The schema offers no way to change the declaration: only scheduling takes one.
      const schema = await getSchema();
      const takers = Object.values(schema.getTypeMap())
        .filter((type): type is GraphQLInputObjectType => type instanceof GraphQLInputObjectType)
        .filter((type) =>
          Object.values(type.getFields()).some(
            (f) => getNamedType(f.type).name === 'EntropyDeclarationInput',
          ),
        )
        .map((type) => type.name);
      expect(takers).toEqual(['ScheduleDrawInput']);
      // Nor can it be scheduled again with another.
      expect(errorCode(await schedule(taskId, { entropy: ssq() }))).toBe('CONFLICT');
    });

    it('refuses an outcome in another form or none, and records the canonical text, which verifies', async () => {
      const scheduled = ((await schedule(await newTask())).data as any).scheduleDraw;
      for (const wrong of ['', '   ', '03 11 17 22 28 31 + 09', 'ab'.repeat(31), 'zz'.repeat(32)]) {
        const refused = await run(scheduled.id, wrong);
        expect(errorCode(refused)).toBe('BAD_USER_INPUT');
        expect(refused.errors?.[0]?.message).toMatch(/64 hex digits/);
      }
      const value = drandOutcome('canonical').toUpperCase();
      // As the dashboard sends it: the canonical text it showed (in any case).
      const drawn = (
        (await run(scheduled.id, `  drand quicknet round ${scheduled.entropyIssue} randomness ${value} `))
          .data as any
      ).runDraw;
      expect(drawn.publicEntropy).toBe(
        `drand quicknet round ${scheduled.entropyIssue} randomness ${value.toLowerCase()}`,
      );
      const record = await (await fetch(`${base}${drawn.recordUrl}`)).text();
      expect((JSON.parse(record) as DrawRecord).publicEntropy).toBe(drawn.publicEntropy);
      const verified = spawnSync(process.execPath, [CLI, 'verify'], { input: record, encoding: 'utf8' });
      expect(verified.stdout).toBe('OK\n');
      expect(verified.status).toBe(0);
    });

    it('waits the minimum delay after scheduling, even when the source is out sooner', async () => {
      // An app whose delay is a minute, and a drand round due in a few seconds.
      const slow = await startTestApp({ drawMinDelaySeconds: 60 });
      try {
        const token = await slow.login('coordinator');
        const landItem = (
          await slow.ok(
            'query($y: Int!) { items(filter: { year: $y, q: "土地使用情况" }) { items { id } } }',
            {
              y: YEAR,
            },
          )
        ).items.items[0].id as string;
        const taskId = (
          await slow.ok(
            CREATE_TASK,
            {
              i: {
                name: `${YEAR} 年最短间隔测试`,
                year: YEAR,
                itemIds: [landItem],
                windowStart: `${YEAR}-12-01`,
                windowEnd: `${YEAR}-12-20`,
              },
            },
            token,
          )
        ).createTask.id as string;
        const round = String(drandRoundAfter(new Date(Date.now() + 2000)));
        const scheduled = (
          await slow.ok(SCHEDULE, { i: { taskId, entropy: { source: 'DRAND', issue: round } } }, token)
        ).scheduleDraw;
        expect(new Date(scheduled.runAfter).getTime() - new Date(scheduled.createdAt).getTime()).toBe(60_000);
        const runNow = () =>
          slow.gql(RUN, { i: { drawId: scheduled.id, publicEntropy: drandOutcome(round) } }, token);
        slow.advance(10_000);
        const early = await runNow();
        expect(errorCode(early)).toBe('BAD_USER_INPUT');
        expect(early.errors?.[0]?.message).toMatch(/may run from .*minimum delay/);
        expect(early.errors?.[0]?.message).not.toMatch(/entropy/);
        slow.advance(50_000);
        expect((await runNow()).data?.runDraw).toMatchObject({ status: 'DRAWN' });
      } finally {
        await slow.close();
      }
    });
  });

  // The run relies on it: a draw of one item does not compute its fresh visits' own facts again.
  it('writes its visits with the very facts the statistics compute for them', async () => {
    const { scheduleDraw } = (await schedule(await newTask())).data as any;
    const drawId = scheduleDraw.id as string;
    await run(drawId);
    const factsOf = (em: typeof t.app.orm.em) =>
      Promise.all([
        selectRows(
          em,
          'select id, drawn_on, initiating_department_id, joint, region, target_kind, risk_class, deadline, published_on, counted_state, problem, closed, saved from inspection where draw_id = ? order by id',
          [drawId],
        ),
        selectRows(
          em,
          'select inspection_id, item_id, drawn_on, region, target_kind, risk_class, joint, state, deadline, published_on, saved, visit_problem, visit_closed, category, follow_up, problem, closed, first_of_category, first_of_follow_up from visit_item where draw_id = ? order by inspection_id, item_id',
          [drawId],
        ),
        selectRows(
          em,
          'select m.inspection_id, m.inspector_id, m.drawn_on, m.task_id from inspection_member m join inspection i on i.id = m.inspection_id where i.draw_id = ? order by m.inspection_id, m.inspector_id',
          [drawId],
        ),
      ]);
    const em = t.app.orm.em.fork();
    const written = await factsOf(em);
    expect(written[0].length).toBeGreaterThan(10);
    // The same facts made the slow way: every one of them wiped, then computed by a full refresh (rolled back).
    let recomputed: typeof written | undefined;
    await em
      .transactional(async (tx) => {
        await execute(
          tx,
          'update inspection set drawn_on = null, initiating_department_id = null, region = null, target_kind = null, risk_class = null, deadline = null, counted_state = null, joint = case when joint then false else true end, saved = saved + 7 where draw_id = ?',
          [drawId],
        );
        await execute(
          tx,
          'update visit_item set drawn_on = null, region = null, target_kind = null, risk_class = null, deadline = null, saved = saved + 7 where draw_id = ?',
          [drawId],
        );
        await execute(
          tx,
          'update inspection_member set drawn_on = null, task_id = null where inspection_id in (select id from inspection where draw_id = ?)',
          [drawId],
        );
        await refreshVisitFacts(tx, { drawId });
        recomputed = await factsOf(tx);
        throw new Error('roll back');
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error) || error.message !== 'roll back') throw error;
      });
    expect(recomputed).toEqual(written);
  });
});
