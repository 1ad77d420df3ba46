/**
 * 一公开 as a citizen reads it: published results found by entity, region, department, year and task,
 * newest first, a page at a time; draws with their commitment and record; inspectors named only where
 * the deployment says so. Each page costs the same statements whatever its size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POOL_CHECK_CANDIDATES } from '@suiji/domain';
import { countStatements, isTotal } from '../../db/statements.js';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const YEAR = new Date().getUTCFullYear();

const RESULTS = `query($f: PublicResultFilter, $p: PageInput) { publicResults(filter: $f, page: $p) {
  total items { id drawId targetName creditCode region taskName year authorities inspectedOn publishedAt inspectors
  items { item category categoryNameZh categoryNameEn problem marksAbnormal followUp } } } }`;
const DRAWS = `query($f: PublicDrawFilter, $p: PageInput) { publicDraws(filter: $f, page: $p) {
  total items { id taskName year departments items status createdAt runAfter commitment poolDigest poolSize
  excludedCount rosterSize team { size } ratios { riskClass ratioBp } ranAt publicEntropy nonce seed selectedCount
  poolUrl exclusionsUrl recordUrl } } }`;

interface Visit {
  id: string;
  itemIds: string[];
  teamIds: string[];
  target: { name: string; creditCode: string; region: string };
}

/** Boots an app, draws a land-use task and publishes the results of its first `count` visits. */
async function withPublished(t: TestApp, count: number) {
  const coordinator = await t.login('coordinator');
  const drawId = await t.drawLandTask(coordinator, '公示测试任务');
  const visits = (
    await t.ok(
      'query($d: ID!) { inspections(filter: { drawId: $d }, page: { page: 1, perPage: 500 }) { items { id itemIds teamIds target { name creditCode region } } } }',
      { d: drawId },
      coordinator,
    )
  ).inspections.items as Visit[];
  const published = visits.slice(0, count);
  for (const visit of published) {
    const member = await t.signInAsInspector(visit.teamIds[0]!);
    await t.ok(
      'mutation($i: ResultInput!) { enterResult(input: $i) { id } }',
      {
        i: {
          inspectionId: visit.id,
          items: visit.itemIds.map((itemId) => ({
            itemId,
            category: 'PROBLEM_CORRECTED',
            followUp: 'ORDERED_TO_CORRECT',
            findings: '现场发现某某违法占地，已责令改正',
          })),
          methodsUsed: ['ON_SITE'],
          inspectedOn: TODAY,
        },
      },
      member,
    );
    await t.ok(
      'mutation($i: ReviewInput!) { reviewResult(input: $i) { id } }',
      { i: { inspectionId: visit.id, approve: true } },
      coordinator,
    );
  }
  return { drawId, published, coordinator };
}

describe('the publication', () => {
  let t: TestApp;
  let drawId: string;
  let published: Visit[];

  beforeAll(async () => {
    t = await startTestApp();
    ({ drawId, published } = await withPublished(t, 6));
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => t?.close());

  it('lists published results newest first, with what 公示 states and no findings or team', async () => {
    const { publicResults } = await t.ok(RESULTS, { p: { page: 1, perPage: 10 } });
    expect(publicResults.total).toBe(6);
    expect(publicResults.items.map((r: { id: string }) => r.id)).toEqual(
      published.map((v) => v.id).reverse(),
    );
    const first = publicResults.items.at(-1);
    expect(first).toEqual({
      id: published[0]!.id,
      drawId,
      targetName: published[0]!.target.name,
      creditCode: published[0]!.target.creditCode,
      region: published[0]!.target.region,
      taskName: '公示测试任务',
      year: YEAR,
      authorities: ['舞钢市自然资源和规划局'],
      inspectedOn: TODAY,
      publishedAt: expect.any(String),
      inspectors: null,
      items: [
        {
          item: '土地使用情况监督检查',
          category: 'PROBLEM_CORRECTED',
          categoryNameZh: '发现问题经责令已改正',
          categoryNameEn: 'Problem found and corrected on order',
          problem: true,
          marksAbnormal: false,
          followUp: 'ORDERED_TO_CORRECT',
        },
      ],
    });
    expect(JSON.stringify(publicResults)).not.toContain('违法占地');
  });

  it('finds results as a citizen searches: by name or credit code, region, department, year and task', async () => {
    const find = async (f: Record<string, unknown>) =>
      ((await t.ok(RESULTS, { f })).publicResults.items as { id: string }[]).map((r) => r.id);
    const target = published[2]!;
    expect(await find({ q: target.target.creditCode })).toEqual([target.id]);
    expect(await find({ q: target.target.name })).toContain(target.id);
    // Part of the name, and part of the code (the search index, not a scan, on either database).
    expect(await find({ q: target.target.name.slice(2, -2) })).toContain(target.id);
    expect(await find({ q: target.target.creditCode.slice(4, 14).toLowerCase() })).toContain(target.id);
    const inRegion = published.filter((v) => v.target.region === target.target.region).map((v) => v.id);
    expect((await find({ region: target.target.region })).sort()).toEqual(inRegion.sort());
    const departments = (await t.ok('{ departments(filter: { kind: DEPARTMENT }) { items { id code } } }'))
      .departments.items as { id: string; code: string }[];
    const idOf = (code: string) => departments.find((d) => d.code === code)!.id;
    expect(await find({ departmentId: idOf('WG-ZRZY') })).toHaveLength(6);
    expect(await find({ departmentId: idOf('WG-SCJG') })).toEqual([]);
    expect(await find({ year: YEAR })).toHaveLength(6);
    expect(await find({ year: YEAR - 1 })).toEqual([]);
    const taskId = (
      await t.ok('query($id: ID!) { draw(id: $id) { taskId } }', { id: drawId }, await t.login('coordinator'))
    ).draw.taskId;
    expect(await find({ taskId })).toHaveLength(6);
    expect(await find({ q: '不存在的企业名称' })).toEqual([]);
    // By item and by the period of publication (days in China), a bad day or range refused.
    const items = (
      await t.ok(
        'query($y: Int!) { items(filter: { year: $y }, page: { page: 1, perPage: 100 }) { items { id name } } }',
        {
          y: YEAR,
        },
      )
    ).items.items as { id: string; name: string }[];
    const land = items.find((i) => i.name === '土地使用情况监督检查')!.id;
    const other = items.find((i) => i.name !== '土地使用情况监督检查')!.id;
    expect(await find({ itemId: land })).toHaveLength(6);
    expect(await find({ itemId: other })).toEqual([]);
    expect(await find({ publishedFrom: TODAY, publishedTo: TODAY })).toHaveLength(6);
    expect(await find({ publishedTo: `${YEAR - 1}-12-31` })).toEqual([]);
    expect(errorCode(await t.gql(RESULTS, { f: { publishedFrom: '2026-13-01' } }))).toBe('BAD_USER_INPUT');
    const reversed = await t.gql(RESULTS, { f: { publishedFrom: TODAY, publishedTo: `${YEAR - 1}-01-01` } });
    expect(reversed.errors?.[0]?.message).toMatch(/ends .* before it starts/);
    const bad = await t.gql(RESULTS, { f: { year: 1900 } });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it('pages results and draws in the same few statements whatever the page size', async () => {
    for (const query of [RESULTS, DRAWS]) {
      const counts: number[] = [];
      for (const perPage of [1, 5]) {
        const { result, statements } = await countStatements(t.app.orm, () =>
          t.ok(query, { p: { page: 1, perPage } }),
        );
        expect(Object.values(result)[0].items.length).toBeGreaterThanOrEqual(1);
        // A page shorter than asked knows its total without counting: leave the count out.
        counts.push(statements.filter((sql) => !isTotal(sql)).length);
      }
      expect(counts[0]).toBe(counts[1]);
      expect(counts[0]).toBeLessThanOrEqual(5);
    }
  });

  it('shows every draw with its commitment, and its nonce and record once it has run', async () => {
    const coordinator = await t.login('coordinator');
    const task = (
      await t.ok(
        'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
        {
          i: {
            name: '公示测试待摇号任务',
            year: YEAR,
            itemIds: [
              (
                await t.ok(
                  'query($y: Int!) { items(filter: { year: $y, q: "土地使用情况" }) { items { id } } }',
                  {
                    y: YEAR,
                  },
                )
              ).items.items[0].id,
            ],
            windowStart: `${YEAR}-12-01`,
            windowEnd: `${YEAR}-12-31`,
          },
        },
        coordinator,
      )
    ).createTask.id;
    const scheduled = (
      await t.ok(
        'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id commitment } }',
        { i: { taskId: task, entropy: t.entropy() } },
        coordinator,
      )
    ).scheduleDraw;
    const { publicDraws } = await t.ok(DRAWS, {});
    expect(publicDraws.total).toBe(2);
    const [waiting, drawn] = publicDraws.items;
    expect(waiting).toMatchObject({
      id: scheduled.id,
      taskName: '公示测试待摇号任务',
      departments: ['舞钢市自然资源和规划局'],
      items: ['土地使用情况监督检查'],
      status: 'SCHEDULED',
      commitment: scheduled.commitment,
      nonce: null,
      seed: null,
      recordUrl: null,
      team: { size: 2 },
    });
    expect(drawn).toMatchObject({ id: drawId, status: 'DRAWN', recordUrl: `/draws/${drawId}/record.json` });
    expect(drawn.nonce).toMatch(/^[0-9a-f]{64}$/);
    expect((await t.ok(DRAWS, { f: { status: 'SCHEDULED' } })).publicDraws.total).toBe(1);
    expect((await t.ok(DRAWS, { f: { year: YEAR - 1 } })).publicDraws.total).toBe(0);
    const one = await t.ok('query($id: ID!) { publicDraw(id: $id) { id nonce verify: id } }', { id: drawId });
    expect(one.publicDraw).toMatchObject({ id: drawId, nonce: drawn.nonce });
    expect((await t.ok('query($id: ID!) { verifyDraw(id: $id) { ok } }', { id: drawId })).verifyDraw.ok).toBe(
      true,
    );
    expect((await t.ok('{ publicDraw(id: "no-such-draw") { id } }')).publicDraw).toBeNull();
  });

  it("publishes a draw's 抽查名单: every target drawn by name, credit code and region, with its items", async () => {
    const coordinator = await t.login('coordinator');
    const LIST =
      'query($d: ID!, $p: PageInput) { publicDrawTargets(filter: { drawId: $d }, page: $p) { total items { id targetName creditCode region items } } }';
    const { selectedCount } = (
      await t.ok('query($id: ID!) { publicDraw(id: $id) { selectedCount } }', { id: drawId })
    ).publicDraw;
    const all = (await t.ok(LIST, { d: drawId, p: { page: 1, perPage: 500 } })).publicDrawTargets;
    expect(all.total).toBe(selectedCount);
    expect(all.items).toHaveLength(selectedCount);
    const staff = (
      await t.ok(
        'query($d: ID!) { inspections(filter: { drawId: $d }, page: { page: 1, perPage: 500 }) { items { id target { name creditCode region } } } }',
        { d: drawId },
        coordinator,
      )
    ).inspections.items as { id: string; target: { name: string; creditCode: string; region: string } }[];
    expect([...all.items].sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id))).toEqual(
      [...staff]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((i) => ({
          id: i.id,
          targetName: i.target.name,
          creditCode: i.target.creditCode,
          region: i.target.region,
          items: ['土地使用情况监督检查'],
        })),
    );
    // Pages that do not overlap, and a draw not run (or not there) with nobody on its list.
    const first = (await t.ok(LIST, { d: drawId, p: { page: 1, perPage: 2 } })).publicDrawTargets;
    const second = (await t.ok(LIST, { d: drawId, p: { page: 2, perPage: 2 } })).publicDrawTargets;
    expect(first.total).toBe(selectedCount);
    expect(new Set([...first.items, ...second.items].map((i: { id: string }) => i.id)).size).toBe(4);
    expect((await t.ok(LIST, { d: 'no-such-draw' })).publicDrawTargets).toEqual({ total: 0, items: [] });
    // Found in the list by a part of its name or its credit code; sorted by region.
    const one = all.items[3] as { id: string; targetName: string; creditCode: string };
    const SEARCH =
      'query($d: ID!, $q: String) { publicDrawTargets(filter: { drawId: $d, q: $q }, page: { page: 1, perPage: 500 }) { total items { id } } }';
    const byCode = (await t.ok(SEARCH, { d: drawId, q: one.creditCode })).publicDrawTargets;
    expect(byCode).toEqual({ total: 1, items: [{ id: one.id }] });
    const byName = (await t.ok(SEARCH, { d: drawId, q: one.targetName.slice(1, -1) })).publicDrawTargets;
    expect(byName.items.map((i: { id: string }) => i.id)).toContain(one.id);
    const regionRuns = async (order: string) => {
      const regions = (
        await t.ok(
          `query($d: ID!) { publicDrawTargets(filter: { drawId: $d }, sort: { field: "region", order: ${order} }, page: { page: 1, perPage: 500 }) { items { region } } }`,
          { d: drawId },
        )
      ).publicDrawTargets.items.map((i: { region: string }) => i.region) as string[];
      return regions.filter((region, i) => region !== regions[i - 1]);
    };
    // Each region in one run (the database's collation orders them), the one order the other's reverse.
    const ascending = await regionRuns('ASC');
    expect(new Set(ascending).size).toBe(ascending.length);
    expect(ascending.length).toBeGreaterThan(1);
    expect(await regionRuns('DESC')).toEqual([...ascending].reverse());
  });

  it('sorts results by the time published or the day inspected, either way, and refuses another field', async () => {
    const SORTED = `query($s: SortInput) { publicResults(sort: $s, page: { page: 1, perPage: 50 }) { items { id } } }`;
    const order = async (sort?: Record<string, string>) =>
      ((await t.ok(SORTED, { s: sort })).publicResults.items as { id: string }[]).map((r) => r.id);
    const ids = published.map((v) => v.id);
    expect(await order()).toEqual([...ids].reverse());
    expect(await order({ field: 'publishedAt', order: 'ASC' })).toEqual(ids);
    // All inspected the same day: the id breaks the tie.
    expect(await order({ field: 'inspectedOn', order: 'ASC' })).toEqual([...ids].sort());
    const bad = await t.gql(SORTED, { s: { field: 'targetName', order: 'ASC' } });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/publishedAt, inspectedOn/);
    const draws = await t.gql('{ publicDraws(sort: { field: "nonce", order: ASC }) { total } }');
    expect(errorCode(draws)).toBe('BAD_USER_INPUT');
  });

  it("gives each entity with a published result a page: its name, code, region and its results' history", async () => {
    const visit = published[1]!;
    const ENTITY =
      'query($c: String!) { publicEntity(creditCode: $c) { name creditCode region publishedCount } }';
    expect((await t.ok(ENTITY, { c: visit.target.creditCode.toLowerCase() })).publicEntity).toEqual({
      name: visit.target.name,
      creditCode: visit.target.creditCode,
      region: visit.target.region,
      publishedCount: 1,
    });
    const history = (await t.ok(RESULTS, { f: { creditCode: visit.target.creditCode } })).publicResults;
    expect(history.items.map((r: { id: string }) => r.id)).toEqual([visit.id]);
    // Drawn but not published, never drawn, or no such code: no page.
    const coordinator = await t.login('coordinator');
    const unpublished = (
      await t.ok(
        'query($d: ID!) { inspections(filter: { drawId: $d, states: [PENDING_ENTRY] }, page: { page: 1, perPage: 1 }) { items { target { creditCode } } } }',
        { d: drawId },
        coordinator,
      )
    ).inspections.items[0].target.creditCode as string;
    expect((await t.ok(ENTITY, { c: unpublished })).publicEntity).toBeNull();
    expect((await t.ok(ENTITY, { c: '91410000000000000X' })).publicEntity).toBeNull();
    expect((await t.ok(ENTITY, { c: '' })).publicEntity).toBeNull();
  });

  it('lets an entity check a draw about itself, as pool.txt, the exclusions and the record state it', async () => {
    const server = await t.app.listen(0, '127.0.0.1');
    try {
      const address = server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const pool = await (await fetch(`${base}/draws/${drawId}/pool.txt`)).text();
      const inPool = new Set(
        pool
          .trimEnd()
          .split('\n')
          .map((line) => line.split('\t')[0]!),
      );
      const exclusions = (
        (await (await fetch(`${base}/draws/${drawId}/exclusions.json`)).json()) as {
          exclusions: { target: string; reason: string }[];
        }
      ).exclusions;
      const record = (await (await fetch(`${base}/draws/${drawId}/record.json`)).json()) as {
        selected: string[];
      };
      const CHECK = `query($d: ID!, $q: String!) { publicDrawCheck(drawId: $d, q: $q) {
        more matches { targetName creditCode inPool excludedReason drawn } } }`;
      const check = async (q: string, d = drawId) => (await t.ok(CHECK, { d, q })).publicDrawCheck;
      const admin = await t.login('admin');
      const registry: { id: string; name: string; creditCode: string }[] = [];
      for (let page = 1; registry.length === (page - 1) * 500; page++)
        registry.push(
          ...((
            await t.ok(
              'query($p: PageInput) { targets(page: $p) { items { id name creditCode } } }',
              { p: { page, perPage: 500 } },
              admin,
            )
          ).targets.items as typeof registry),
        );
      const byId = new Map(registry.map((target) => [target.id, target]));

      // Drawn: by its credit code (in any case), as the pool and the record's selection state it.
      const drawn = byId.get(record.selected[0]!)!;
      const entry = {
        targetName: drawn.name,
        creditCode: drawn.creditCode,
        inPool: true,
        excludedReason: null,
      };
      expect(await check(drawn.creditCode.toLowerCase())).toEqual({
        more: false,
        matches: [{ ...entry, drawn: true }],
      });
      // By its full name, which others may share: each entity of that name the draw considered.
      const named = await check(drawn.name);
      for (const m of named.matches as { targetName: string }[]) expect(m.targetName).toBe(drawn.name);
      if (!named.more) expect(named.matches).toContainEqual({ ...entry, drawn: true });
      // Behind others of its name that the draw did not consider, each with a smaller credit code: the drawn
      // one is still found. A name shared by more than a check looks up is asked again by code.
      const last = [...record.selected]
        .map((id) => byId.get(id)!)
        .sort((a, b) => b.creditCode.localeCompare(a.creditCode))[0]!;
      const considered = new Set([...inPool, ...exclusions.map((e) => e.target)]);
      const outsiders = registry
        .filter((r) => r.creditCode < last.creditCode && !considered.has(r.id))
        .slice(0, POOL_CHECK_CANDIDATES - 1);
      expect(outsiders.length).toBeGreaterThan(0);
      const others = registry.filter((r) => r.id !== last.id).slice(0, POOL_CHECK_CANDIDATES + 1);
      const rename = (rows: typeof registry, name: (r: (typeof registry)[number]) => string) =>
        Promise.all(
          rows.map((r) =>
            t.app.orm.em.getConnection().execute('update target set name = ? where id = ?', [name(r), r.id]),
          ),
        );
      try {
        await rename([last, ...outsiders], () => '自查测试同名对象有限公司');
        expect(await check('自查测试同名对象有限公司')).toEqual({
          more: false,
          matches: [
            {
              targetName: '自查测试同名对象有限公司',
              creditCode: last.creditCode,
              inPool: true,
              excludedReason: null,
              drawn: true,
            },
          ],
        });
        await rename([last, ...outsiders], (r) => r.name);
        await rename(others, () => '同名的检查对象有限公司');
        expect(await check('同名的检查对象有限公司')).toEqual({ more: true, matches: [] });
      } finally {
        await rename([last, ...outsiders, ...others], (r) => r.name);
      }
      // A part of the name is not enough: the registry is not searched for the public.
      expect((await check(drawn.name.slice(1, -1))).matches).toEqual([]);
      // In the pool, not drawn.
      const notDrawn = registry.find(
        (target) => inPool.has(target.id) && !record.selected.includes(target.id),
      )!;
      expect((await check(notDrawn.creditCode)).matches).toEqual([
        {
          targetName: notDrawn.name,
          creditCode: notDrawn.creditCode,
          inPool: true,
          excludedReason: null,
          drawn: false,
        },
      ]);
      // Left out by the rules, with the reason exclusions.json gives, as the public reads it.
      const excluded = exclusions[0]!;
      expect(excluded.reason).toBe('DEREGISTERED');
      expect((await check(byId.get(excluded.target)!.creditCode)).matches).toEqual([
        expect.objectContaining({ inPool: false, excludedReason: 'DEREGISTERED', drawn: false }),
      ]);
      // An entity the draw did not consider: nothing of it is told.
      const outside = registry.find(
        (target) => !inPool.has(target.id) && !exclusions.some((e) => e.target === target.id),
      );
      expect(outside, 'a target outside the task’s scope').toBeDefined();
      expect(await check(outside!.creditCode)).toEqual({ more: false, matches: [] });
      // Nothing of its stratum (a risk class) or its id in the draw's files.
      const answer = JSON.stringify(await check(drawn.creditCode));
      expect(answer).not.toContain(drawn.id);
      expect(answer).not.toMatch(/stratum|riskClass|poolId/);
      // Nothing matches, the question too short or too long, no such draw.
      expect(await check('不存在的企业名称')).toEqual({ more: false, matches: [] });
      for (const q of ['', ' 舞 ', 'x'.repeat(300)]) {
        const refused = await t.gql(CHECK, { d: drawId, q });
        expect(errorCode(refused), q).toBe('BAD_USER_INPUT');
        expect(refused.errors?.[0]?.message).toMatch(/统一社会信用代码|credit code/);
      }
      expect(errorCode(await t.gql(CHECK, { d: 'no-such-draw', q: drawn.creditCode }))).toBe('NOT_FOUND');
      // As many statements by a name as by a code.
      const byName = await countStatements(t.app.orm, () => check(drawn.name));
      const byCode = await countStatements(t.app.orm, () => check(drawn.creditCode));
      expect(byName.statements.length).toBe(byCode.statements.length);
      expect(byCode.statements.length).toBeLessThanOrEqual(5);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('tells an entity left out as low risk and inspected this year only that it was inspected this year', async () => {
    // The draw's own exclusions, rewritten as the rules would have written a low-risk one.
    const [row] = (await t.app.orm.em
      .getConnection()
      .execute("select content as exclusions from draw_text where draw_id = ? and name = 'exclusions'", [
        drawId,
      ])) as { exclusions: string }[];
    const entries = JSON.parse(row!.exclusions) as [string, string][];
    const [first] = entries;
    await t.app.orm.em
      .getConnection()
      .execute("update draw_text set content = ? where draw_id = ? and name = 'exclusions'", [
        JSON.stringify([[first![0], 'LOW_RISK_INSPECTED'], ...entries.slice(1)]),
        drawId,
      ]);
    try {
      const code = (
        await t.ok(
          'query($id: ID!) { target(id: $id) { creditCode } }',
          { id: first![0] },
          await t.login('admin'),
        )
      ).target.creditCode as string;
      const { publicDrawCheck } = await t.ok(
        'query($d: ID!, $q: String!) { publicDrawCheck(drawId: $d, q: $q) { matches { inPool excludedReason } } }',
        { d: drawId, q: code },
      );
      expect(publicDrawCheck.matches).toEqual([{ inPool: false, excludedReason: 'INSPECTED_THIS_YEAR' }]);
    } finally {
      await t.app.orm.em
        .getConnection()
        .execute("update draw_text set content = ? where draw_id = ? and name = 'exclusions'", [
          row!.exclusions,
          drawId,
        ]);
    }
  });

  it("names a draw's items from its task when the draw was scheduled before items were frozen with it", async () => {
    await t.app.orm.em.getConnection().execute("update draw set item_ids = '' where id = ?", [drawId]);
    const one = await t.ok('query($id: ID!) { publicDraw(id: $id) { items } }', { id: drawId });
    expect(one.publicDraw.items).toEqual(['土地使用情况监督检查']);
  });
});

describe('the publication, where the deployment names inspectors', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ publicInspectorNames: true });
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => t?.close());

  it("names each result's team, and nothing else of them", async () => {
    const { published } = await withPublished(t, 1);
    const team = (
      await t.ok(
        'query($id: ID!) { inspection(id: $id) { team { name phone certificateNumber } } }',
        { id: published[0]!.id },
        await t.login('admin'),
      )
    ).inspection.team as { name: string; certificateNumber: string }[];
    const { publicResults } = await t.ok(RESULTS, {});
    expect(publicResults.items[0].inspectors).toEqual(team.map((m) => m.name));
    for (const member of team) expect(JSON.stringify(publicResults)).not.toContain(member.certificateNumber);
  });
});
