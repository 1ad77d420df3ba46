import { publicationDeadline } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const YEAR = new Date().getUTCFullYear();
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const ENTER =
  'mutation($i: ResultInput!) { enterResult(input: $i) { id state resultCategory inspectedOn enteredById } }';
const REVIEW =
  'mutation($i: ReviewInput!) { reviewResult(input: $i) { id state reviewComment publishedAt } }';

describe('results', () => {
  let t: TestApp;
  let coordinator: string;
  let admin: string;
  let member: string;
  let outsider: string;
  let seq = 0;

  /** A drawn inspection and a signed-in member of its team. */
  async function drawnInspection() {
    const itemId = (
      await t.ok('query($y: Int!) { items(filter: { year: $y, q: "土地使用情况" }) { items { id } } }', {
        y: YEAR,
      })
    ).items.items[0].id;
    const taskId = (
      await t.ok(
        'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
        {
          i: {
            name: `结果任务 ${++seq}`,
            year: YEAR,
            itemIds: [itemId],
            windowStart: `${YEAR}-01-01`,
            windowEnd: `${YEAR}-12-31`,
          },
        },
        coordinator,
      )
    ).createTask.id;
    const drawId = (
      await t.ok(
        'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
        { i: { taskId, itemId } },
        coordinator,
      )
    ).scheduleDraw.id;
    await t.ok(
      'mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }',
      { i: { drawId, publicEntropy: 'x' } },
      coordinator,
    );
    const inspection = (
      await t.ok(
        'query($d: ID!) { inspections(filter: { drawId: $d }) { items { id teamIds } } }',
        { d: drawId },
        coordinator,
      )
    ).inspections.items[0];
    return inspection as { id: string; teamIds: string[] };
  }

  /** Signs in as a user linked to the given inspector. */
  async function signInAs(inspectorId: string): Promise<string> {
    const unit = (await t.ok('{ departments(filter: { q: "WG-ZRZY-ZFJC" }) { items { id } } }')).departments
      .items[0].id;
    const username = `member${++seq}`;
    const userId = (
      await t.ok(
        'mutation($i: UserInput!) { createUser(input: $i) { id } }',
        {
          i: {
            username,
            displayName: username,
            password: 'member-password',
            role: 'INSPECTOR',
            departmentId: unit,
          },
        },
        admin,
      )
    ).createUser.id;
    await t.ok(
      'mutation($id: ID!, $u: ID!) { updateInspector(id: $id, input: { userId: $u }) { id } }',
      { id: inspectorId, u: userId },
      admin,
    );
    return t.login(username, 'member-password');
  }

  const result = (inspectionId: string, over: Record<string, unknown> = {}) => ({
    i: {
      inspectionId,
      category: 'PROBLEM_CORRECTED',
      findings: '未按批准用途使用土地，已责令改正',
      methodsUsed: ['ON_SITE'],
      inspectedOn: TODAY,
      followUp: 'ORDERED_TO_CORRECT',
      ...over,
    },
  });

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.login('coordinator');
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('are entered by a team member, reviewed and published, then never change', async () => {
    const inspection = await drawnInspection();
    member = await signInAs(inspection.teamIds[0]!);
    // An inspector of the same unit who is not in this team (the demo's "inspector" may be drawn into it).
    const outsiderInspector = (
      await t.ok(
        'mutation($i: InspectorInput!) { createInspector(input: $i) { id } }',
        {
          i: {
            name: '局外人',
            departmentId: (await t.ok('{ departments(filter: { q: "WG-ZRZY-ZFJC" }) { items { id } } }'))
              .departments.items[0].id,
            certificateNumber: `OUT-${++seq}`,
            certificateValidFrom: '2024-01-01',
            certificateValidUntil: '2030-12-31',
          },
        },
        admin,
      )
    ).createInspector.id;
    outsider = await signInAs(outsiderInspector);
    expect(errorCode(await t.gql(ENTER, result(inspection.id), outsider))).toBe('FORBIDDEN');
    const entered = (await t.ok(ENTER, result(inspection.id), member)).enterResult;
    expect(entered).toMatchObject({
      state: 'PENDING_REVIEW',
      resultCategory: 'PROBLEM_CORRECTED',
      inspectedOn: TODAY,
    });
    expect(errorCode(await t.gql(ENTER, result(inspection.id), member))).toBe('CONFLICT');
    const replace = await t.gql(
      'mutation($i: ReplaceInspectorInput!) { replaceInspector(input: $i) { id } }',
      { i: { inspectionId: inspection.id, inspectorId: inspection.teamIds[1], reason: '病假' } },
      coordinator,
    );
    expect(errorCode(replace)).toBe('CONFLICT');
    expect(
      errorCode(await t.gql(REVIEW, { i: { inspectionId: inspection.id, approve: true } }, member)),
    ).toBe('FORBIDDEN');
    const published = (await t.ok(REVIEW, { i: { inspectionId: inspection.id, approve: true } }, coordinator))
      .reviewResult;
    expect(published.state).toBe('PUBLISHED');
    expect(published.publishedAt).toBeTruthy();
    const changed = await t.gql(ENTER, result(inspection.id, { category: 'NO_PROBLEM' }), member);
    expect(errorCode(changed)).toBe('CONFLICT');
    expect(changed.errors?.[0]?.message).toMatch(/published and can no longer change/);
    const deadline = await t.ok(
      'query($id: ID!) { inspection(id: $id) { publicationDeadline overdue } }',
      { id: inspection.id },
      coordinator,
    );
    expect(deadline.inspection).toEqual({
      publicationDeadline: publicationDeadline(`${YEAR}-12-31`),
      overdue: false,
    });
    const publicView = await t.ok(
      '{ publishedResults { items { id resultCategory findings target { name } } } }',
    );
    expect(publicView.publishedResults.items).toEqual([
      expect.objectContaining({
        id: inspection.id,
        resultCategory: 'PROBLEM_CORRECTED',
        target: { name: expect.any(String) },
      }),
    ]);
  });

  it('go back to the team when rejected, with the reason', async () => {
    const inspection = await drawnInspection();
    const token = await signInAs(inspection.teamIds[0]!);
    await t.ok(ENTER, result(inspection.id), token);
    const noReason = await t.gql(REVIEW, { i: { inspectionId: inspection.id, approve: false } }, coordinator);
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    const rejected = (
      await t.ok(
        REVIEW,
        { i: { inspectionId: inspection.id, approve: false, comment: '缺少现场照片' } },
        coordinator,
      )
    ).reviewResult;
    expect(rejected).toMatchObject({ state: 'REJECTED', reviewComment: '缺少现场照片', publishedAt: null });
    expect((await t.ok(ENTER, result(inspection.id), token)).enterResult.state).toBe('PENDING_REVIEW');
  });

  it('refuse a date before the draw, an unknown category, and a review submitted twice at once', async () => {
    const inspection = await drawnInspection();
    const token = await signInAs(inspection.teamIds[0]!);
    const early = await t.gql(ENTER, result(inspection.id, { inspectedOn: `${YEAR - 1}-01-01` }), token);
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toMatch(/cannot precede the draw/);
    const unknown = await t.gql(ENTER, result(inspection.id, { category: 'MADE_UP' }), token);
    expect(unknown.errors?.[0]?.message).toMatch(/MADE_UP/);
    await t.ok(ENTER, result(inspection.id), token);
    const reviews = await Promise.all([
      t.gql(REVIEW, { i: { inspectionId: inspection.id, approve: true } }, coordinator),
      t.gql(REVIEW, { i: { inspectionId: inspection.id, approve: false, comment: '重复审核' } }, coordinator),
    ]);
    expect(reviews.filter((r) => !r.errors).length).toBe(1);
    expect(reviews.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(1);
  });
});
