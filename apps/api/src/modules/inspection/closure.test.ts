import { chinaToday } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const TODAY = chinaToday();
const dayFrom = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const CLOSURE = 'closedOn closureOutcome closureNote closedById closedByName closedAt';
const CLOSE = `mutation($id: ID!, $item: ID!, $i: CloseFollowUpInput!) {
  closeFollowUp(inspectionId: $id, itemId: $item, input: $i) { id state results { itemId category followUp ${CLOSURE} } }
}`;

interface Drawn {
  id: string;
  teamIds: string[];
  itemIds: string[];
  targetId: string;
}

describe('closing a follow-up (后续处置完结)', () => {
  let t: TestApp;
  let coordinator: string;
  let admin: string;
  let seq = 0;

  /** The first inspection of a newly drawn task, entered by a team member with `category`. */
  async function entered(category: string): Promise<Drawn & { member: string }> {
    const drawId = await t.drawLandTask(coordinator, `完结任务 ${++seq}`);
    const inspection = (
      await t.ok(
        'query($d: ID!) { inspections(filter: { drawId: $d }) { items { id teamIds itemIds targetId } } }',
        { d: drawId },
        coordinator,
      )
    ).inspections.items[0] as Drawn;
    const member = await t.signInAsInspector(inspection.teamIds[0]!);
    await t.ok(
      'mutation($i: ResultInput!) { enterResult(input: $i) { id } }',
      {
        i: {
          inspectionId: inspection.id,
          items: inspection.itemIds.map((itemId) => ({
            itemId,
            category,
            findings: '未经批准占用耕地建设厂房',
            followUp: 'ORDERED_TO_CORRECT',
          })),
          methodsUsed: ['ON_SITE'],
          inspectedOn: TODAY,
        },
      },
      member,
    );
    return { ...inspection, member };
  }

  async function published(category: string) {
    const inspection = await entered(category);
    await t.ok(
      'mutation($i: ReviewInput!) { reviewResult(input: $i) { id } }',
      { i: { inspectionId: inspection.id, approve: true } },
      coordinator,
    );
    return inspection;
  }

  const close = (inspection: Drawn, over: Record<string, unknown> = {}, token = coordinator) =>
    t.gql(
      CLOSE,
      {
        id: inspection.id,
        item: inspection.itemIds[0],
        i: { closedOn: TODAY, outcome: 'CORRECTED', note: '已恢复土地原状', ...over },
      },
      token,
    );

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.login('coordinator');
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('records the day, outcome, note and coordinator once, with a trail entry, and shows it in the target’s record', async () => {
    const inspection = await published('PROBLEM_PENDING');
    const closed = await close(inspection);
    expect(closed.errors).toBeUndefined();
    const me = (await t.ok('{ me { id displayName } }', {}, coordinator)).me;
    expect(closed.data!.closeFollowUp.results).toEqual([
      {
        itemId: inspection.itemIds[0],
        category: 'PROBLEM_PENDING',
        followUp: 'ORDERED_TO_CORRECT',
        closedOn: TODAY,
        closureOutcome: 'CORRECTED',
        closureNote: '已恢复土地原状',
        closedById: me.id,
        closedByName: me.displayName,
        closedAt: expect.any(String),
      },
    ]);

    const again = await close(inspection, { outcome: 'PENALIZED' });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toMatch(`already closed on ${TODAY}`);

    const resultId = (
      await t.ok('query($id: ID!) { inspection(id: $id) { results { id } } }', { id: inspection.id }, admin)
    ).inspection.results[0].id;
    const trail = (
      await t.ok(
        'query($id: ID!) { trail(filter: { entity: "ItemResult", entityId: $id }) { items { actorId action before after } } }',
        { id: resultId },
        admin,
      )
    ).trail.items;
    // Newest first: the closure, after the result's creation when it was entered.
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(trail[0].actorId).toBe(me.id);
    expect(JSON.parse(trail[0].before)).toMatchObject({ closedOn: null, closureOutcome: null });
    expect(JSON.parse(trail[0].after)).toMatchObject({
      closedOn: TODAY,
      closureOutcome: 'CORRECTED',
      closureNote: '已恢复土地原状',
      closedById: me.id,
    });
    expect((await t.ok('{ verifyTrail { ok } }', {}, admin)).verifyTrail.ok).toBe(true);

    // The target's record shows the closure; another department reads it without who closed it.
    const HISTORY = `query($id: ID!) { target(id: $id) { inspectionHistory { id results { ${CLOSURE} } } } }`;
    const seen = async (token: string) =>
      (await t.ok(HISTORY, { id: inspection.targetId }, token)).target.inspectionHistory.find(
        (i: { id: string }) => i.id === inspection.id,
      ).results[0];
    expect(await seen(coordinator)).toMatchObject({ closedOn: TODAY, closedById: me.id });
    expect(await seen(await t.login('coordinator2'))).toMatchObject({
      closedOn: TODAY,
      closureOutcome: 'CORRECTED',
      closedById: null,
      closedByName: null,
    });
  });

  it('is refused before publication, where no problem was found, and for an item or inspection that is not there', async () => {
    const awaiting = await entered('PROBLEM_PENDING');
    const early = await close(awaiting);
    expect(errorCode(early)).toBe('CONFLICT');
    expect(early.errors?.[0]?.message).toMatch(/not published yet/);

    const fine = await published('NO_PROBLEM');
    const none = await close(fine);
    expect(errorCode(none)).toBe('CONFLICT');
    expect(none.errors?.[0]?.message).toMatch(/found no problem/);

    const stranger = await t.gql(
      CLOSE,
      {
        id: fine.id,
        item: '00000000-0000-4000-8000-000000000000',
        i: { closedOn: TODAY, outcome: 'CORRECTED' },
      },
      coordinator,
    );
    expect(errorCode(stranger)).toBe('NOT_FOUND');
    const nowhere = await t.gql(
      CLOSE,
      {
        id: '00000000-0000-4000-8000-000000000000',
        item: fine.itemIds[0],
        i: { closedOn: TODAY, outcome: 'CORRECTED' },
      },
      coordinator,
    );
    expect(errorCode(nowhere)).toBe('NOT_FOUND');
  });

  it('refuses a day that is no date, before the inspection or after today, and "other" without a note', async () => {
    const inspection = await published('FALSIFIED');
    for (const [over, pattern] of [
      [{ closedOn: `${TODAY.slice(0, 4)}-02-30` }, /is not a date/],
      [{ closedOn: 'yesterday' }, /is not a date/],
      [{ closedOn: dayFrom(TODAY, -1) }, /cannot close before the inspection/],
      [{ closedOn: dayFrom(TODAY, 1) }, /after today/],
      [{ outcome: 'OTHER', note: ' ' }, /Say in the note/],
    ] as const) {
      const refused = await close(inspection, over);
      expect(errorCode(refused), JSON.stringify(over)).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toMatch(pattern);
    }
    const unknown = await close(inspection, { outcome: 'SETTLED' });
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    // Nothing was recorded by the refusals: it still closes, once.
    const closed = await close(inspection, { outcome: 'OTHER', note: '企业已注销，终止处置' });
    expect(closed.data?.closeFollowUp.results[0]).toMatchObject({ closureOutcome: 'OTHER' });
  });

  it("is for coordinators of the task's departments only: not its inspector, a manager or another department", async () => {
    const inspection = await published('UNCOOPERATIVE');
    for (const token of [inspection.member, await t.login('manager'), admin, await t.login('coordinator2')])
      expect(errorCode(await close(inspection, {}, token))).toBe('FORBIDDEN');
    expect(errorCode(await close(inspection, {}))).toBeNull();
  });
});
