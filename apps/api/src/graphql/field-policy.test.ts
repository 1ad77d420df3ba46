/**
 * What each caller can reach, field by field, beside the authorization test's root fields. From the
 * schema itself: (a) everything the public can reach from the operations it may run is on an explicit
 * list of public fields, and (b) every field that looks like personal data has a rule of the field policy
 * (personal.ts). A field added later fails here until it is listed or given a rule. Then real queries
 * show the public, an out-of-department coordinator and a team's inspector getting nulls where the
 * policy says so, and a list paying the same statements however many rows check their fields.
 */
import { canAccess } from '@suiji/domain';
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements, isTotal } from '../db/statements.js';
import { startTestApp, type TestApp, drandOutcome } from '../test/harness.js';
import { personalRule } from './personal.js';
import { operationRules } from './policy.js';
import { getSchema } from './schema.js';

/**
 * Operations the public may run whose types it still never reads: they answer with the caller's own
 * account, which the public does not have (`me` is null for it, asserted below; `login` needs a password).
 */
const OWN_ACCOUNT = new Set(['me', 'login']);

/** Every field the public may reach: the publication, and registries without personal data. */
const PUBLIC_FIELDS = new Set([
  ...['items', 'total'].flatMap((f) =>
    [
      'DepartmentPage',
      'InspectionItemPage',
      'ResultCategoryPage',
      'PublicDrawPage',
      'PublicResultPage',
      'PublicDrawnTargetPage',
      'PublicPlanPage',
      'PublicTaskPage',
    ].map((page) => `${page}.${f}`),
  ),
  ...['id', 'name', 'code', 'kind', 'parent', 'parentId', 'createdAt', 'updatedAt'].map(
    (f) => `Department.${f}`,
  ),
  ...[
    'id',
    'year',
    'department',
    'departmentId',
    'seq',
    'name',
    'legalBasis',
    'inspectingBody',
    'category',
    'targetType',
    'minRatioBp',
    'riskRatios',
    'timesPerYear',
    'methods',
    'remarks',
    'createdAt',
    'updatedAt',
  ].map((f) => `InspectionItem.${f}`),
  ...[
    'id',
    'code',
    'nameZh',
    'nameEn',
    'departmentId',
    'standard',
    'problem',
    'raisesRisk',
    'marksAbnormal',
    'createdAt',
    'updatedAt',
  ].map((f) => `ResultCategory.${f}`),
  'StratumRatio.riskClass',
  'StratumRatio.ratioBp',
  'FileDownload.filename',
  'FileDownload.mimeType',
  'FileDownload.contentBase64',
  'DrawVerification.ok',
  'DrawVerification.field',
  'DrawTeam.size',
  'DrawTeam.departments',
  ...[
    'id',
    'taskName',
    'year',
    'departments',
    'items',
    'status',
    'createdAt',
    'runAfter',
    'commitment',
    'poolDigest',
    'poolSize',
    'excludedCount',
    'rosterSize',
    'team',
    'ratios',
    'entropySource',
    'entropyIssue',
    'entropyPublishedAt',
    'ranAt',
    'publicEntropy',
    'nonce',
    'seed',
    'selectedCount',
    'poolUrl',
    'exclusionsUrl',
    'recordUrl',
  ].map((f) => `PublicDraw.${f}`),
  ...[
    'id',
    'drawId',
    'targetName',
    'creditCode',
    'region',
    'taskName',
    'year',
    'authorities',
    'inspectedOn',
    'publishedAt',
    'items',
    'inspectors',
  ].map((f) => `PublicResult.${f}`),
  ...['id', 'targetName', 'creditCode', 'region', 'items'].map((f) => `PublicDrawnTarget.${f}`),
  ...['name', 'creditCode', 'region', 'publishedCount'].map((f) => `PublicEntity.${f}`),
  ...['targetName', 'creditCode', 'inPool', 'excludedReason', 'drawn'].map((f) => `PublicPoolEntry.${f}`),
  ...['matches', 'more'].map((f) => `PublicDrawCheck.${f}`),
  ...['item', 'category', 'categoryNameZh', 'categoryNameEn', 'problem', 'marksAbnormal', 'followUp'].map(
    (f) => `PublicItemResult.${f}`,
  ),
  ...['fromYear', 'toYear', 'cutOff', 'rows', 'total'].map((f) => `PublicStatistics.${f}`),
  ...['PublicStatisticsFigures', 'PublicStatisticsRow'].flatMap((type) =>
    ['drawn', 'published', 'problems', 'problemRate', 'onTime', 'onTimeRate'].map((f) => `${type}.${f}`),
  ),
  ...['departmentId', 'departmentName', 'year'].map((f) => `PublicStatisticsRow.${f}`),
  ...['id', 'name', 'year', 'departments', 'lines', 'taskCount', 'selectedCount', 'createdAt'].map(
    (f) => `PublicPlan.${f}`,
  ),
  ...['item', 'ratioBp', 'timesPerYear', 'period'].map((f) => `PublicPlanLine.${f}`),
  ...[
    'id',
    'name',
    'year',
    'planId',
    'planName',
    'departments',
    'items',
    'scope',
    'regions',
    'tags',
    'targetKinds',
    'windowStart',
    'windowEnd',
    'drawId',
    'drawStatus',
    'selectedCount',
  ].map((f) => `PublicTask.${f}`),
]);

/** Names of fields that hold personal data (or point at a person's account) wherever they appear. */
const PERSONAL_NAMES = [
  /phone/i,
  /mobile/i,
  /email/i,
  /certificateNumber/i,
  /idNumber|idCard/i,
  /address/i,
  /legalRepresentative/i,
  /contact/i,
  /^userIds?$/,
  /ById$/,
  /ByName$/,
  /^actorIds?$/,
];

/**
 * The only fields that lead to a user account, whose fields (username, display name) are personal as a
 * whole: the caller's own (me, login) and the administrators' user operations.
 */
const USER_FIELDS = new Set([
  'Query.me',
  'Query.user',
  'UserPage.items',
  'AuthPayload.user',
  'Mutation.createUser',
  'Mutation.updateUser',
  'Mutation.deleteUser',
]);

/** `Type.field` of every field reachable from the root fields `roots`, to any depth. */
function reachable(schema: GraphQLSchema, roots: readonly string[]): Set<string> {
  const fields = new Set<string>();
  const seen = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields())) {
        fields.add(`${type.name}.${field.name}`);
        visit(getNamedType(field.type));
      }
    if (isUnionType(type)) for (const member of type.getTypes()) visit(member);
  };
  for (const root of roots) {
    const [parent, name] = root.split('.') as [string, string];
    const type = schema.getType(parent);
    if (isObjectType(type)) visit(getNamedType(type.getFields()[name]!.type));
  }
  return fields;
}

/** The operations the public may run: open ones and those the policy grants it. */
function publicOperations(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType()].flatMap((root) =>
    Object.keys(root?.getFields() ?? {})
      .filter((name) => {
        const rule = operationRules().get(name);
        return rule !== undefined && ('open' in rule || canAccess(null, rule.action, rule.resource));
      })
      .map((name) => `${root!.name}.${name}`),
  );
}

function allFields(schema: GraphQLSchema) {
  return Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__'))
    .filter(isObjectType)
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field })));
}

describe('the schema, field by field', () => {
  it('lets the public reach only the fields of the public list', async () => {
    const schema = await getSchema();
    const roots = publicOperations(schema);
    expect(roots).toContain('Query.publicResults');
    expect(roots).toContain('Query.me');
    const walked = reachable(
      schema,
      roots.filter((root) => !OWN_ACCOUNT.has(root.split('.')[1]!)),
    );
    expect([...walked].filter((f) => !PUBLIC_FIELDS.has(f)).sort(), 'reachable, not public').toEqual([]);
    expect([...PUBLIC_FIELDS].filter((f) => !walked.has(f)).sort(), 'listed, not reachable').toEqual([]);
  });

  it('has a field rule for every field of personal data, on every type', async () => {
    const schema = await getSchema();
    const unruled = allFields(schema)
      .filter(({ field }) => PERSONAL_NAMES.some((pattern) => pattern.test(field.name)))
      .filter(({ field }) => !personalRule(field))
      .map(({ type, field }) => `${type.name}.${field.name}`);
    expect(unruled, 'personal data without a field rule').toEqual([]);
    // And the rules are where the names say: none is lost in a rename.
    const ruled = allFields(schema)
      .filter(({ field }) => personalRule(field))
      .map(({ type, field }) => `${type.name}.${field.name}`);
    expect(ruled).toEqual(
      expect.arrayContaining([
        'Inspector.phone',
        'Inspector.certificateNumber',
        'Inspector.userId',
        'Target.legalRepresentative',
        'Target.address',
        'Target.contact',
        'Inspection.enteredById',
        'Inspection.reviewedById',
        'Attachment.uploadedById',
        'TrailEntry.actorId',
        'TaskAcceptance.answeredById',
        'MergeResponse.answeredByName',
        'ItemResult.closedById',
        'ItemResult.closedByName',
      ]),
    );
  });

  it('leads to user accounts only from the caller’s own account and the administrators’ operations', async () => {
    const schema = await getSchema();
    const toUsers = allFields(schema)
      .filter(({ field }) => getNamedType(field.type).name === 'User')
      .map(({ type, field }) => `${type.name}.${field.name}`);
    expect(toUsers.sort()).toEqual([...USER_FIELDS].sort());
  });
});

describe('real queries, field by field', () => {
  let t: TestApp;
  let admin: string;
  let bureau: string;
  let market: string;
  const YEAR = new Date().getUTCFullYear();
  const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  /** Marks planted in personal fields; none may reach a caller the policy keeps them from. */
  const MARK = {
    phone: '13800009999',
    contact: '联系人王五 13900008888',
    address: '幸福路 99 号',
    legal: '赵六',
  };

  const TEAM = 'team { id name departmentId phone certificateNumber userId }';
  const INSPECTION = `id enteredById reviewedById target { name address contact legalRepresentative } ${TEAM}`;

  interface Visit {
    id: string;
    itemIds: string[];
    targetId: string;
    team: { id: string; departmentId: string }[];
  }

  async function visitsOf(drawId: string): Promise<Visit[]> {
    return (
      await t.ok(
        'query($d: ID!) { inspections(filter: { drawId: $d }, page: { page: 1, perPage: 500 }) { items { id itemIds targetId team { id departmentId } } } }',
        { d: drawId },
        bureau,
      )
    ).inspections.items;
  }

  /** Plants the marks in a visit's target and team, then enters (by a member) and publishes its result. */
  const linked = new Set<string>();
  async function plantAndPublish(visit: Visit): Promise<string> {
    await t.ok(
      'mutation($id: ID!, $i: TargetUpdateInput!) { updateTarget(id: $id, input: $i) { id } }',
      {
        id: visit.targetId,
        i: { contact: MARK.contact, address: MARK.address, legalRepresentative: MARK.legal },
      },
      admin,
    );
    for (const member of visit.team)
      await t.ok(
        'mutation($id: ID!) { updateInspector(id: $id, input: { phone: "13800009999" }) { id } }',
        { id: member.id },
        admin,
      );
    // Signing in links the inspector to a new user: an inspector on both teams must not be relinked, or
    // the first visit's member would lose it (the draws pick teams at random).
    const free = visit.team.filter((m) => !linked.has(m.id));
    const bureauMember = free.find((m) => !marketUnits.includes(m.departmentId)) ?? free[0]!;
    linked.add(bureauMember.id);
    const member = await t.signInAsInspector(bureauMember.id);
    await t.ok(
      'mutation($i: ResultInput!) { enterResult(input: $i) { id } }',
      {
        i: {
          inspectionId: visit.id,
          items: visit.itemIds.map((itemId) => ({ itemId, category: 'NO_PROBLEM', findings: '无' })),
          methodsUsed: ['ON_SITE'],
          inspectedOn: TODAY,
        },
      },
      member,
    );
    await t.ok(
      'mutation($i: ReviewInput!) { reviewResult(input: $i) { id } }',
      { i: { inspectionId: visit.id, approve: true } },
      bureau,
    );
    return member;
  }

  let marketId: string;
  /** The market bureau and its units. */
  let marketUnits: string[];
  let single: Visit;
  let singleMember: string;
  let joint: Visit;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
    bureau = await t.login('coordinator');
    market = await t.login('coordinator2');
    const departments = (await t.ok('{ departments(filter: { kind: DEPARTMENT }) { items { id code } } }'))
      .departments.items as { id: string; code: string }[];
    marketId = departments.find((d) => d.code === 'WG-SCJG')!.id;
    marketUnits = (await t.ok('{ me { departmentIds } }', {}, market)).me.departmentIds;
    // A task of the bureau alone, and a joint one with the market bureau, each with one result published.
    single = (await visitsOf(await t.drawLandTask(bureau, '字段策略单独任务')))[0]!;
    singleMember = await plantAndPublish(single);
    const items = (
      await t.ok(
        'query($y: Int!) { items(filter: { year: $y }, page: { page: 1, perPage: 100 }) { items { id name } } }',
        {
          y: YEAR,
        },
      )
    ).items.items as { id: string; name: string }[];
    const taskId = (
      await t.ok(
        'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
        {
          i: {
            name: '字段策略联合任务',
            year: YEAR,
            cooperatingDepartmentIds: [marketId],
            itemIds: [
              items.find((i) => i.name.includes('土地使用情况'))!.id,
              items.find((i) => i.name.includes('企业公示信息'))!.id,
            ],
            scope: 'DIRECTED',
            regions: ['垭口街道'],
            windowStart: `${YEAR}-01-01`,
            windowEnd: `${YEAR}-12-31`,
          },
        },
        bureau,
      )
    ).createTask.id;
    await t.ok('mutation($id: ID!) { acceptTask(taskId: $id) { id } }', { id: taskId }, market);
    const drawId = (
      await t.ok(
        'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
        { i: { taskId, entropy: t.entropy() } },
        bureau,
      )
    ).scheduleDraw.id;
    t.runnable();
    await t.ok(
      'mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }',
      { i: { drawId, publicEntropy: drandOutcome(drawId) } },
      bureau,
    );
    joint = (await visitsOf(drawId))[0]!;
    await plantAndPublish(joint);
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => t?.close());

  it('shows the public the publication and nothing personal', async () => {
    expect((await t.ok('{ me { id } }')).me).toBeNull();
    const published = await t.ok(
      `{ publicResults(page: { page: 1, perPage: 100 }) { total items { id drawId targetName creditCode region taskName year authorities inspectedOn publishedAt inspectors
         items { item category categoryNameZh categoryNameEn problem marksAbnormal followUp } } }
         publicDraws(page: { page: 1, perPage: 100 }) { items { id taskName departments items nonce recordUrl } } }`,
    );
    expect(published.publicResults.items.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([single.id, joint.id]),
    );
    const jointResult = published.publicResults.items.find((r: { id: string }) => r.id === joint.id);
    expect(jointResult).toMatchObject({
      taskName: '字段策略联合任务',
      authorities: ['舞钢市自然资源和规划局', '舞钢市市场监督管理局'],
      inspectedOn: TODAY,
      inspectors: null,
      items: joint.itemIds.map(() =>
        expect.objectContaining({ category: 'NO_PROBLEM', categoryNameZh: '未发现问题', followUp: 'NONE' }),
      ),
    });
    const text = JSON.stringify(published);
    for (const mark of Object.values(MARK)) expect(text).not.toContain(mark);
    const team = (
      await t.ok(
        'query($id: ID!) { inspection(id: $id) { team { name certificateNumber userId } } }',
        { id: joint.id },
        admin,
      )
    ).inspection.team as { name: string; certificateNumber: string; userId: string | null }[];
    for (const member of team) {
      expect(text).not.toContain(member.name);
      expect(text).not.toContain(member.certificateNumber);
      if (member.userId) expect(text).not.toContain(member.userId);
    }
    for (const query of [
      '{ draws { total } }',
      `query { inspection(id: "${joint.id}") { id } }`,
      `query { inspector(id: "${joint.team[0]!.id}") { id } }`,
      `query { target(id: "${joint.targetId}") { id } }`,
    ]) {
      const refused = await t.gql(query);
      expect(refused.errors?.[0]?.extensions?.code, query).toBe('UNAUTHENTICATED');
    }
  });

  it("shows a joint task's coordinator of one department the other's team members, without their personal data", async () => {
    const asMarket = (
      await t.ok(`query($id: ID!) { inspection(id: $id) { ${INSPECTION} } }`, { id: joint.id }, market)
    ).inspection;
    const asBureau = (
      await t.ok(`query($id: ID!) { inspection(id: $id) { ${INSPECTION} } }`, { id: joint.id }, bureau)
    ).inspection;
    expect(asMarket.team.map((m: { name: string }) => m.name)).toEqual(
      asBureau.team.map((m: { name: string }) => m.name),
    );
    for (const member of asMarket.team as {
      departmentId: string;
      phone: string | null;
      certificateNumber: string | null;
    }[]) {
      const own = marketUnits.includes(member.departmentId);
      expect(member.phone, `phone of a ${own ? 'own' : 'bureau'} member`).toBe(own ? MARK.phone : null);
      expect(member.certificateNumber === null).toBe(!own);
    }
    for (const member of asBureau.team as { departmentId: string; phone: string | null }[])
      expect(member.phone).toBe(marketUnits.includes(member.departmentId) ? null : MARK.phone);
    // Both take part in the task, so both read who entered and who reviewed it, and the target's contacts.
    expect(asMarket.enteredById).toBeTruthy();
    expect(asMarket.reviewedById).toBe(asBureau.reviewedById);
    expect(asMarket.target).toMatchObject({
      contact: MARK.contact,
      address: MARK.address,
      legalRepresentative: MARK.legal,
    });
  });

  it("shows another department's coordinator a published result through the target's history, without personal data", async () => {
    const HISTORY = `query($id: ID!) { target(id: $id) { inspectionHistory { ${INSPECTION} } } }`;
    const find = async (token: string) =>
      (await t.ok(HISTORY, { id: single.targetId }, token)).target.inspectionHistory.find(
        (i: { id: string }) => i.id === single.id,
      );
    const outside = await find(market);
    expect(outside).toMatchObject({ enteredById: null, reviewedById: null });
    for (const member of outside.team)
      expect(member).toMatchObject({ phone: null, certificateNumber: null, userId: null });
    const inside = await find(bureau);
    expect(inside.enteredById).toBeTruthy();
    expect(inside.team.every((m: { phone: string | null }) => m.phone === MARK.phone)).toBe(true);
  });

  it("shows a team's inspector their visit and own entry, not the target's contacts or colleagues' phones", async () => {
    const seen = (
      await t.ok(`query($id: ID!) { inspection(id: $id) { ${INSPECTION} } }`, { id: single.id }, singleMember)
    ).inspection;
    expect(seen.target).toEqual({
      name: expect.any(String),
      address: null,
      contact: null,
      legalRepresentative: null,
    });
    const own = seen.team.filter((m: { userId: string | null }) => m.userId !== null);
    expect(own).toHaveLength(1);
    expect(own[0].phone).toBe(MARK.phone);
    for (const colleague of seen.team.filter((m: { userId: string | null }) => m.userId === null))
      expect(colleague).toMatchObject({ phone: null, certificateNumber: null });
  });

  it('costs the same statements for a page of personal fields whatever its size', async () => {
    const LIST = `query($n: Int!) { inspections(page: { page: 1, perPage: $n }) { items { ${INSPECTION} } } }`;
    for (const token of [bureau, market, singleMember]) {
      const counts: number[] = [];
      for (const n of [1, 20]) {
        const { statements } = await countStatements(t.app.orm, () => t.ok(LIST, { n }, token));
        // A page shorter than asked knows its total without counting: leave the count out.
        counts.push(statements.filter((sql) => !isTotal(sql)).length);
      }
      expect(counts[0]).toBe(counts[1]);
    }
  });
});
