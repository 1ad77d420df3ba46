/**
 * Daily work on the inspection list: searched by a target's name or credit code, narrowed to one's own
 * visits ("mine"), sorted by deadline, day drawn or state, each filter alone and combined, against what the
 * test computes from the whole list; and results awaiting review published several at once, in one
 * transaction, each checked as if alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements, isTotal } from '../../db/statements.js';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

interface Visit {
  id: string;
  state: string;
  itemIds: string[];
  teamIds: string[];
  target: { name: string; creditCode: string };
}

const LIST = `query($f: InspectionFilter, $s: SortInput, $p: PageInput) { inspections(filter: $f, sort: $s, page: $p) {
  total items { id state publicationDeadline target { name creditCode } } } }`;

describe('the inspection list at work', () => {
  let t: TestApp;
  let coordinator: string;
  let drawId: string;
  let visits: Visit[];

  const list = async (f: Record<string, unknown>, token = coordinator, s?: Record<string, unknown>) =>
    (await t.ok(LIST, { f: { drawId, ...f }, s, p: { page: 1, perPage: 500 } }, token)).inspections as {
      total: number;
      items: { id: string; state: string; target: { name: string; creditCode: string } }[];
    };

  const enter = (visit: Visit) => t.enterNoProblem(visit, TODAY);

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.login('coordinator');
    drawId = await t.drawLandTask(coordinator, '日常工作任务');
    const all = await t.ok(
      'query($d: ID!) { inspections(filter: { drawId: $d }, page: { page: 1, perPage: 500 }) { items { id state itemIds teamIds target { name creditCode } } } }',
      { d: drawId },
      coordinator,
    );
    visits = all.inspections.items as Visit[];
    expect(visits.length).toBeGreaterThanOrEqual(8);
    // Five results entered, awaiting review.
    for (const visit of visits.slice(0, 5)) await enter(visit);
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => t?.close());

  it('finds visits by a part of the target name or its credit code, alone and with a state', async () => {
    const visit = visits[2]!;
    const byCode = await list({ q: visit.target.creditCode });
    expect(byCode.items.map((i) => i.id)).toEqual([visit.id]);
    expect(
      (await list({ q: visit.target.creditCode.slice(3, 15).toLowerCase() })).items.map((i) => i.id),
    ).toEqual([visit.id]);
    const part = visit.target.name.slice(1, -1);
    const byName = await list({ q: part });
    const expected = visits.filter((v) => v.target.name.includes(part)).map((v) => v.id);
    expect(byName.items.map((i) => i.id).sort()).toEqual(expected.sort());
    expect(byName.total).toBe(expected.length);
    // Combined with a state: the visit awaits review, so it is there under PENDING_REVIEW and not under
    // PENDING_ENTRY.
    expect((await list({ q: visit.target.creditCode, states: ['PENDING_REVIEW'] })).total).toBe(1);
    expect((await list({ q: visit.target.creditCode, states: ['PENDING_ENTRY'] })).total).toBe(0);
    expect((await list({ q: '没有这样的检查对象' })).total).toBe(0);
    const tooLong = await t.gql(LIST, { f: { q: 'x'.repeat(300) } }, coordinator);
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
  });

  it("narrows to one's own visits: an inspector's teams, nothing for an account that is no inspector", async () => {
    const inspectorId = visits[0]!.teamIds[0]!;
    const member = await t.signInAsInspector(inspectorId);
    const own = visits.filter((v) => v.teamIds.includes(inspectorId)).map((v) => v.id);
    const mine = await list({ mine: true }, member);
    expect(mine.items.map((i) => i.id).sort()).toEqual(own.sort());
    // Mine with a state: those of their visits awaiting review (the first five were entered).
    const entered = new Set(visits.slice(0, 5).map((v) => v.id));
    expect((await list({ mine: true, states: ['PENDING_REVIEW'] }, member)).total).toBe(
      own.filter((id) => entered.has(id)).length,
    );
    // The coordinator is nobody's team member here.
    expect((await list({ mine: true })).total).toBe(0);
    expect((await list({ mine: false })).total).toBe(visits.length);
  });

  it('sorts by deadline, day drawn and state, either way, and refuses another field', async () => {
    const byState = (await list({}, coordinator, { field: 'state', order: 'ASC' })).items.map((i) => i.state);
    expect(byState).toEqual([...byState].sort());
    const desc = (await list({}, coordinator, { field: 'state', order: 'DESC' })).items.map((i) => i.state);
    expect(desc).toEqual([...byState].reverse());
    for (const field of ['deadline', 'drawnOn', 'createdAt', 'inspectedOn', 'publishedAt']) {
      const sorted = await list({}, coordinator, { field, order: 'ASC' });
      expect(sorted.total, field).toBe(visits.length);
    }
    const bad = await t.gql(LIST, { s: { field: 'target', order: 'ASC' } }, coordinator);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/deadline/);
  });

  it("totals a long list from the visits' summary, as many as the rows its filter selects", async () => {
    const filters: Record<string, unknown>[] = [
      {},
      { states: ['PENDING_REVIEW'] },
      { states: ['PENDING_ENTRY', 'PENDING_REVIEW'], overdue: false },
      { overdue: true },
      { drawnFrom: TODAY, drawnTo: TODAY },
      { joint: false, problem: false },
    ];
    for (const f of filters) {
      const all = (await t.ok(LIST, { f, p: { page: 1, perPage: 500 } }, coordinator)).inspections;
      const { result, statements } = await countStatements(t.app.orm, () =>
        t.ok(LIST, { f, p: { page: 1, perPage: 1 } }, coordinator),
      );
      const total = (result.inspections as { total: number }).total;
      expect(total, JSON.stringify(f)).toBe((all.items as unknown[]).length);
      // A full page (when there are more rows than it holds) reads its total from the summary.
      if (total > 1) expect(statements.some((sql) => /^select sum\(c\.n\)/.test(sql))).toBe(true);
    }
    // A search is counted row by row.
    const { statements } = await countStatements(t.app.orm, () =>
      t.ok(LIST, { f: { q: '舞钢' }, p: { page: 1, perPage: 1 } }, coordinator),
    );
    expect(statements.some((sql) => /^select count\(/.test(sql))).toBe(true);
  });

  it('costs the same statements for a page of 1 and of 100 with the filters set', async () => {
    const counts: number[] = [];
    for (const perPage of [1, 100]) {
      const { statements } = await countStatements(t.app.orm, () =>
        t.ok(
          LIST,
          {
            f: { drawId, q: '舞钢', states: ['PENDING_ENTRY', 'PENDING_REVIEW'] },
            s: { field: 'deadline', order: 'ASC' },
            p: { page: 1, perPage },
          },
          coordinator,
        ),
      );
      counts.push(statements.filter((sql) => !isTotal(sql)).length);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it("shows each task's progress and its visits drawn, entered and published, a page in the same statements", async () => {
    const TASKS = `query($p: PageInput) { tasks(filter: { q: "日常工作任务" }, page: $p) {
      items { name progress visits { drawn entered published } } } }`;
    const { tasks } = await t.ok(TASKS, { p: { page: 1, perPage: 10 } }, coordinator);
    expect(tasks.items).toEqual([
      {
        name: '日常工作任务',
        progress: 'RUNNING',
        visits: { drawn: visits.length, entered: 5, published: 0 },
      },
    ]);
    const counts: number[] = [];
    for (const perPage of [1, 50]) {
      const { statements } = await countStatements(t.app.orm, () =>
        t.ok(
          '{ tasks(page: { page: 1, perPage: 50 }) { items { progress visits { drawn } } } }'.replace(
            '50',
            String(perPage),
          ),
          {},
          coordinator,
        ),
      );
      counts.push(statements.filter((sql) => !isTotal(sql)).length);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it('publishes several results at once; one that may not be refuses the batch and nothing is published', async () => {
    const PUBLISH = 'mutation($ids: [ID!]!) { publishResults(inspectionIds: $ids) { id state } }';
    const [a, b, c, d] = visits.slice(0, 4).map((v) => v.id);
    const pendingEntry = visits[6]!.id;
    // One not awaiting review: refused, saying which, and the others still await review.
    const refused = await t.gql(PUBLISH, { ids: [a, b, pendingEntry] }, coordinator);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/Entry 3/);
    expect(refused.errors?.[0]?.message).toContain(pendingEntry);
    expect((await list({ ids: [a, b], states: ['PENDING_REVIEW'] })).total).toBe(2);
    const admin = await t.login('admin');
    const publications = async (id: string) =>
      (
        (
          await t.ok(
            'query($id: ID!) { trail(filter: { entity: "Inspection", entityId: $id }) { items { after } } }',
            { id },
            admin,
          )
        ).trail.items as { after: unknown }[]
      ).filter((e) => JSON.stringify(e.after).includes('PUBLISHED')).length;
    // Nothing of the refused batch left in the trail.
    expect(await publications(a!)).toBe(0);
    expect(await publications(b!)).toBe(0);
    // Another department's coordinator may review none of them: refused, nothing published.
    const coordinator2 = await t.login('coordinator2');
    expect(errorCode(await t.gql(PUBLISH, { ids: [a] }, coordinator2))).toBe('FORBIDDEN');
    expect((await list({ ids: [a], states: ['PENDING_REVIEW'] })).total).toBe(1);
    // None, the same twice, or an inspector: refused too.
    expect(errorCode(await t.gql(PUBLISH, { ids: [] }, coordinator))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(PUBLISH, { ids: [a, a] }, coordinator))).toBe('BAD_USER_INPUT');
    const member = await t.signInAsInspector(visits[0]!.teamIds[0]!);
    expect(errorCode(await t.gql(PUBLISH, { ids: [a] }, member))).toBe('FORBIDDEN');
    // Three at once: all published, each with its own trail entry, as if reviewed alone.
    const done = (await t.ok(PUBLISH, { ids: [a, b, c] }, coordinator)).publishResults as { state: string }[];
    expect(done.map((r) => r.state)).toEqual(['PUBLISHED', 'PUBLISHED', 'PUBLISHED']);
    expect((await list({ ids: [a, b, c], states: ['PUBLISHED'] })).total).toBe(3);
    expect((await list({ ids: [d], states: ['PENDING_REVIEW'] })).total).toBe(1);
    // Each published once, with its own trail entry, as if reviewed alone.
    for (const id of [a, b, c]) expect(await publications(id!)).toBe(1);
    // Published ones cannot be published again.
    expect(errorCode(await t.gql(PUBLISH, { ids: [d, a] }, coordinator))).toBe('CONFLICT');
    expect((await list({ ids: [d], states: ['PENDING_REVIEW'] })).total).toBe(1);
  });
});
