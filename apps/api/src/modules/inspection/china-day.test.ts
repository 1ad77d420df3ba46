import { chinaYear, publicationDeadline } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const YEAR = chinaYear();
const ENTER = 'mutation($i: ResultInput!) { enterResult(input: $i) { id state inspectedOn } }';

/**
 * The day of every date rule is China's (UTC+8): 23:30 in Beijing is 15:30 UTC the same day, 00:30 in
 * Beijing is 16:30 UTC the day before. The app's clock is set to those instants.
 */
describe('the day in China', () => {
  let t: TestApp;
  let coordinator: string;
  let admin: string;
  let now = new Date();
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    coordinator = await t.login('coordinator');
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  /** The inspections of a task drawn at the clock's time, with a team member signed in for each. */
  async function drawNow(): Promise<{ id: string; itemIds: string[]; member: string }[]> {
    const drawId = await t.drawLandTask(coordinator, `北京时间任务 ${++seq}`);
    const { items } = (
      await t.ok(
        'query($d: ID!) { inspections(filter: { drawId: $d }) { items { id teamIds itemIds } } }',
        { d: drawId },
        coordinator,
      )
    ).inspections;
    // One account per inspector: two visits may share their first member, whom a second account would
    // take over.
    const accounts = new Map<string, string>();
    const visits: { id: string; itemIds: string[]; member: string }[] = [];
    for (const i of (items as { id: string; teamIds: string[]; itemIds: string[] }[]).slice(0, 2)) {
      const inspector = i.teamIds[0]!;
      if (!accounts.has(inspector)) accounts.set(inspector, await t.signInAsInspector(inspector));
      visits.push({ ...i, member: accounts.get(inspector)! });
    }
    return visits;
  }

  const enter = (inspection: { id: string; itemIds: string[]; member: string }, inspectedOn: string) =>
    t.gql(
      ENTER,
      {
        i: {
          inspectionId: inspection.id,
          items: inspection.itemIds.map((itemId) => ({ itemId, category: 'NO_PROBLEM' })),
          methodsUsed: ['ON_SITE'],
          inspectedOn,
        },
      },
      inspection.member,
    );

  it('dates a draw at 00:30 in Beijing on that day, not on the UTC day before', async () => {
    now = new Date(`${YEAR}-06-10T16:30:00Z`);
    const [inspection] = await drawNow();
    const early = await enter(inspection!, `${YEAR}-06-10`);
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toContain(`cannot precede the draw of ${YEAR}-06-11`);
    expect(errorCode(await enter(inspection!, `${YEAR}-06-12`))).toBe('BAD_USER_INPUT');
    expect((await enter(inspection!, `${YEAR}-06-11`)).data?.enterResult).toMatchObject({
      state: 'PENDING_REVIEW',
      inspectedOn: `${YEAR}-06-11`,
    });
  });

  it('takes 23:30 in Beijing for today, and the next day from 00:00 in Beijing', async () => {
    now = new Date(`${YEAR}-06-20T15:30:00Z`);
    const [first, second] = await drawNow();
    const future = await enter(first!, `${YEAR}-06-21`);
    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    expect(future.errors?.[0]?.message).toMatch(/in the future/);
    expect(errorCode(await enter(first!, `${YEAR}-06-19`))).toBe('BAD_USER_INPUT');
    expect((await enter(first!, `${YEAR}-06-20`)).errors).toBeUndefined();
    now = new Date(`${YEAR}-06-20T16:30:00Z`);
    expect((await enter(second!, `${YEAR}-06-21`)).errors).toBeUndefined();
  });

  it('holds a certificate valid to the end of its last day in Beijing', async () => {
    const { id } = (
      await t.ok(
        'mutation($i: InspectorInput!) { createInspector(input: $i) { id } }',
        {
          i: {
            name: '证件到期人员',
            departmentId: (await t.ok('{ departments(filter: { q: "WG-ZRZY-ZFJC" }) { items { id } } }'))
              .departments.items[0].id,
            certificateNumber: 'CN-DAY-1',
            certificateValidFrom: `${YEAR}-01-01`,
            certificateValidUntil: `${YEAR}-06-20`,
          },
        },
        admin,
      )
    ).createInspector;
    const valid = async () => {
      const one = (await t.ok('query($id: ID!) { inspector(id: $id) { certificateValid } }', { id }, admin))
        .inspector.certificateValid as boolean;
      const listed = (
        await t.ok(
          'query($ids: [ID!]) { inspectors(filter: { ids: $ids, certificateValid: true }) { total } }',
          { ids: [id] },
          admin,
        )
      ).inspectors.total as number;
      return [one, listed];
    };
    now = new Date(`${YEAR}-06-20T15:59:00Z`);
    expect(await valid()).toEqual([true, 1]);
    now = new Date(`${YEAR}-06-20T16:00:00Z`);
    expect(await valid()).toEqual([false, 0]);
  });

  it('makes a result overdue once its deadline has ended in Beijing', async () => {
    now = new Date(`${YEAR}-06-25T04:00:00Z`);
    const [inspection] = await drawNow();
    const deadline = publicationDeadline(`${YEAR}-12-31`);
    const overdue = async () =>
      (
        await t.ok(
          'query($id: ID!) { inspection(id: $id) { publicationDeadline overdue } }',
          { id: inspection!.id },
          coordinator,
        )
      ).inspection;
    now = new Date(`${deadline}T15:59:00Z`);
    expect(await overdue()).toEqual({ publicationDeadline: deadline, overdue: false });
    now = new Date(`${deadline}T16:00:00Z`);
    expect(await overdue()).toEqual({ publicationDeadline: deadline, overdue: true });
  });
});
