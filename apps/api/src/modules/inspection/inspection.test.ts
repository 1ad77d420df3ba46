import { chinaToday, chinaYear, publicationDeadline } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../../db/sql.js';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const YEAR = chinaYear();
const TODAY = chinaToday();
const ENTER =
  'mutation($i: ResultInput!) { enterResult(input: $i) { id state inspectedOn enteredById results { itemId category findings followUp } } }';
const REVIEW =
  'mutation($i: ReviewInput!) { reviewResult(input: $i) { id state reviewComment publishedAt } }';

interface Drawn {
  id: string;
  teamIds: string[];
  itemIds: string[];
  targetId: string;
}

describe('results', () => {
  let t: TestApp;
  let coordinator: string;
  let admin: string;
  let member: string;
  let outsider: string;
  let seq = 0;

  /** The first inspection of a newly drawn task. */
  async function drawnInspection(): Promise<Drawn> {
    const drawId = await t.drawLandTask(coordinator, `结果任务 ${++seq}`);
    return (
      await t.ok(
        'query($d: ID!) { inspections(filter: { drawId: $d }) { items { id teamIds itemIds targetId } } }',
        { d: drawId },
        coordinator,
      )
    ).inspections.items[0] as Drawn;
  }

  const signInAs = (inspectorId: string) => t.signInAsInspector(inspectorId);

  /** A result for every item of the visit; `category` and `over` change it. */
  const result = (inspection: Drawn, over: Record<string, unknown> = {}, category = 'PROBLEM_CORRECTED') => ({
    i: {
      inspectionId: inspection.id,
      items: inspection.itemIds.map((itemId) => ({
        itemId,
        category,
        findings: '未按批准用途使用土地，已责令改正',
        followUp: 'ORDERED_TO_CORRECT',
      })),
      methodsUsed: ['ON_SITE'],
      inspectedOn: TODAY,
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
    expect(errorCode(await t.gql(ENTER, result(inspection), outsider))).toBe('FORBIDDEN');
    const entered = (await t.ok(ENTER, result(inspection), member)).enterResult;
    expect(entered).toMatchObject({
      state: 'PENDING_REVIEW',
      inspectedOn: TODAY,
      results: [
        { itemId: inspection.itemIds[0], category: 'PROBLEM_CORRECTED', followUp: 'ORDERED_TO_CORRECT' },
      ],
    });
    expect(errorCode(await t.gql(ENTER, result(inspection), member))).toBe('CONFLICT');
    const replace = await t.gql(
      'mutation($i: ReplaceInspectorInput!) { replaceInspector(input: $i) { id } }',
      { i: { inspectionId: inspection.id, inspectorId: inspection.teamIds[1], reason: 'ILLNESS' } },
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
    const changed = await t.gql(ENTER, result(inspection, {}, 'NO_PROBLEM'), member);
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
    // Stored with its facts when drawn; without them (a record older than its facts), from its task.
    await execute(t.app.orm.em.fork(), 'update inspection set deadline = null where id = ?', [inspection.id]);
    const computed = await t.ok(
      'query($id: ID!) { inspection(id: $id) { publicationDeadline overdue } }',
      { id: inspection.id },
      coordinator,
    );
    expect(computed.inspection).toEqual(deadline.inspection);
    // The public reads the publication: the category and follow-up of each item, not the findings' text.
    const publicView = await t.ok(
      '{ publicResults { items { id targetName items { item category categoryNameZh followUp } inspectors } } }',
    );
    expect(publicView.publicResults.items).toEqual([
      {
        id: inspection.id,
        targetName: expect.any(String),
        items: [
          {
            item: expect.any(String),
            category: 'PROBLEM_CORRECTED',
            categoryNameZh: '发现问题经责令已改正',
            followUp: expect.any(String),
          },
        ],
        inspectors: null,
      },
    ]);
  });

  it('go back to the team when rejected, with the reason', async () => {
    const inspection = await drawnInspection();
    const token = await signInAs(inspection.teamIds[0]!);
    await t.ok(ENTER, result(inspection), token);
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
    // A form opened before the first entry (it saw no entry) cannot overwrite the entry sent back since.
    const stale = await t.gql(ENTER, result(inspection, { enteredAtSeen: null }), token);
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toMatch(/entered since you opened the form/);
    const { enteredAt } = (
      await t.ok('query($id: ID!) { inspection(id: $id) { enteredAt } }', { id: inspection.id }, token)
    ).inspection as { enteredAt: string };
    expect(
      (await t.ok(ENTER, result(inspection, { enteredAtSeen: enteredAt }), token)).enterResult.state,
    ).toBe('PENDING_REVIEW');
  });

  it('refuse a date before the draw, an unknown category, and a review submitted twice at once', async () => {
    const inspection = await drawnInspection();
    const token = await signInAs(inspection.teamIds[0]!);
    const early = await t.gql(ENTER, result(inspection, { inspectedOn: `${YEAR - 1}-01-01` }), token);
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors?.[0]?.message).toMatch(/cannot precede the draw/);
    const unknown = await t.gql(ENTER, result(inspection, {}, 'MADE_UP'), token);
    expect(unknown.errors?.[0]?.message).toMatch(/"MADE_UP" is not a result category this task may use/);
    const none = await t.gql(ENTER, result(inspection, { items: [] }), token);
    expect(none.errors?.[0]?.message).toMatch(
      /Give a result for every item of the visit; missing: 土地使用情况/,
    );
    const stranger = await t.gql(
      ENTER,
      result(inspection, { items: [{ itemId: 'not-an-item', category: 'NO_PROBLEM' }] }),
      token,
    );
    expect(stranger.errors?.[0]?.message).toMatch(/not covered by this inspection/);
    expect(
      (
        await t.ok(
          'query($id: ID!) { inspection(id: $id) { state results { id } } }',
          { id: inspection.id },
          token,
        )
      ).inspection,
    ).toEqual({ state: 'PENDING_ENTRY', results: [] });
    await t.ok(ENTER, result(inspection), token);
    const reviews = await Promise.all([
      t.gql(REVIEW, { i: { inspectionId: inspection.id, approve: true } }, coordinator),
      t.gql(REVIEW, { i: { inspectionId: inspection.id, approve: false, comment: '重复审核' } }, coordinator),
    ]);
    expect(reviews.filter((r) => !r.errors).length).toBe(1);
    expect(reviews.filter((r) => errorCode(r) === 'CONFLICT').length).toBe(1);
  });

  it("take a department's own categories, not another department's", async () => {
    const create = 'mutation($i: CategoryInput!) { createResultCategory(input: $i) { id code standard } }';
    const own = (
      await t.ok(
        create,
        { i: { code: `LAND_NOT_RECLAIMED_${++seq}`, nameZh: '未履行土地复垦义务', problem: true } },
        coordinator,
      )
    ).createResultCategory;
    expect(own.standard).toBe(false);
    const foreign = (
      await t.ok(
        create,
        { i: { code: `MARKET_ONLY_${++seq}`, nameZh: '市场部门自定义' } },
        await t.login('coordinator2'),
      )
    ).createResultCategory;
    const inspection = await drawnInspection();
    const token = await signInAs(inspection.teamIds[0]!);
    const refused = await t.gql(ENTER, result(inspection, {}, foreign.code), token);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    const entered = (await t.ok(ENTER, result(inspection, {}, own.code), token)).enterResult;
    expect(entered.results[0].category).toBe(own.code);
    const taken = await t.gql(create, { i: { code: own.code, nameZh: '重复' } }, coordinator);
    expect(errorCode(taken)).toBe('CONFLICT');
    const standard = await t.gql(create, { i: { code: 'FALSIFIED', nameZh: '重复' } }, coordinator);
    expect(standard.errors?.[0]?.message).toMatch(/standard category already/);
    const bad = await t.gql(create, { i: { code: 'bad code', nameZh: '坏代码' } }, coordinator);
    expect(bad.errors?.[0]?.message).toMatch(/not a valid code/);
  });

  it("feed the target's record when published: unreachable raises its risk class and lists it as abnormal", async () => {
    const inspection = await drawnInspection();
    const token = await signInAs(inspection.teamIds[0]!);
    const TARGET =
      'query($id: ID!) { target(id: $id) { riskClass abnormal abnormalReason problemCount inspectionHistory { id state } } }';
    const before = (await t.ok(TARGET, { id: inspection.targetId }, coordinator)).target;
    await t.ok(ENTER, result(inspection, {}, 'UNREACHABLE'), token);
    // Before publication the history shows it to the administrator and the task's coordinator only.
    for (const [who, sees] of [
      [admin, true],
      [coordinator, true],
      [await t.login('coordinator2'), false],
    ] as const)
      expect(
        (await t.ok(TARGET, { id: inspection.targetId }, who)).target.inspectionHistory.some(
          (i: { id: string }) => i.id === inspection.id,
        ),
      ).toBe(sees);
    expect((await t.ok(TARGET, { id: inspection.targetId }, coordinator)).target.riskClass).toBe(
      before.riskClass,
    );
    await t.ok(REVIEW, { i: { inspectionId: inspection.id, approve: true } }, coordinator);
    const after = (await t.ok(TARGET, { id: inspection.targetId }, coordinator)).target;
    const raised = { A: 'B', B: 'C', C: 'D', D: 'D' }[before.riskClass as 'A'];
    expect(after).toMatchObject({
      riskClass: raised,
      abnormal: true,
      problemCount: before.problemCount + 1,
    });
    expect(after.abnormalReason).toMatch(/无法联系/);
    expect(after.inspectionHistory).toContainEqual({ id: inspection.id, state: 'PUBLISHED' });
    const trail = await t.ok('{ verifyTrail { ok } }', {}, admin);
    expect(trail.verifyTrail.ok).toBe(true);
  });

  it('follow the rules an administrator sets: a category without consequences changes nothing', async () => {
    const categories = (
      await t.ok('{ resultCategories(filter: { q: "UNCOOPERATIVE" }) { items { id code raisesRisk } } }')
    ).resultCategories.items;
    const uncooperative = categories.find((c: { code: string }) => c.code === 'UNCOOPERATIVE');
    expect(uncooperative.raisesRisk).toBe(true);
    const UPDATE =
      'mutation($id: ID!, $i: CategoryUpdateInput!) { updateResultCategory(id: $id, input: $i) { raisesRisk marksAbnormal } }';
    expect(
      errorCode(await t.gql(UPDATE, { id: uncooperative.id, i: { raisesRisk: false } }, coordinator)),
    ).toBe('FORBIDDEN');
    const renamed = await t.gql(UPDATE, { id: uncooperative.id, i: { nameZh: '改名' } }, admin);
    expect(renamed.errors?.[0]?.message).toMatch(/names are set by the national rules/);
    await t.ok(UPDATE, { id: uncooperative.id, i: { raisesRisk: false } }, admin);
    const inspection = await drawnInspection();
    const token = await signInAs(inspection.teamIds[0]!);
    const TARGET = 'query($id: ID!) { target(id: $id) { riskClass abnormal } }';
    const before = (await t.ok(TARGET, { id: inspection.targetId }, coordinator)).target;
    await t.ok(ENTER, result(inspection, {}, 'UNCOOPERATIVE'), token);
    await t.ok(REVIEW, { i: { inspectionId: inspection.id, approve: true } }, coordinator);
    expect((await t.ok(TARGET, { id: inspection.targetId }, coordinator)).target).toEqual(before);
    await t.ok(UPDATE, { id: uncooperative.id, i: { raisesRisk: true } }, admin);
  });
});
