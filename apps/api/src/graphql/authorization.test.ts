/**
 * Every query and mutation of the schema, run anonymously and as each role, by a user inside and a user
 * outside the record's department, against the domain's role policy. The list of operations comes from
 * the schema itself: an operation added without a case here (or without a rule) fails this test.
 */
import {
  canAccess,
  chinaToday,
  chinaYear,
  completeCreditCode,
  type Actor,
  type Role,
  type ScopedRecord,
} from '@suiji/domain';
import { createHash, randomUUID } from 'node:crypto';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drandOutcome, errorCode, startTestApp, type TestApp } from '../test/harness.js';
import { Attachment } from '../modules/attachment/attachment.entity.js';
import { operationRules } from './policy.js';
import { getSchema } from './schema.js';

interface Case {
  /** The operation, with its selection; variables come from `prepare`. */
  query: string;
  /** Makes what the call acts on (as an administrator) and returns the variables and the record. */
  prepare: () => Promise<{ variables: Record<string, unknown>; record?: ScopedRecord; id?: string }>;
  /** For lists: the record must be listed exactly when the actor may `show` it. */
  listsRecord?: boolean;
  /**
   * For operations on the caller's own sign-in (signing out, changing the password), which would spend
   * the caller's shared token: run as a new user of the caller's role and department, signed in for it.
   */
  ownSignIn?: boolean;
}

let t: TestApp;
let adminToken: string;
let seq = 0;
const ids = {
  bureau: '',
  enforcement: '',
  market: '',
  inspectorA: '',
  inspectorUserId: '',
  targetId: '',
  item: '',
  marketItem: '',
};

const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;
const creditCode = () => completeCreditCode(`91410481${String(100000000 + seq++ * 7919).slice(-9)}`);
const asAdmin = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables, adminToken);

async function newDepartment() {
  const code = `T-${uniq()}`;
  const d = await asAdmin('mutation($i: DepartmentInput!) { createDepartment(input: $i) { id } }', {
    i: { name: `测试股 ${code}`, code, kind: 'SECTION', parentId: ids.bureau },
  });
  return d.createDepartment.id as string;
}
async function newItem() {
  const d = await asAdmin('mutation($i: ItemInput!) { createItem(input: $i) { id departmentId } }', {
    i: itemInput(),
  });
  return d.createItem as { id: string; departmentId: string };
}
function itemInput() {
  return {
    year: 2026,
    departmentId: ids.bureau,
    name: `事项 ${uniq()}`,
    legalBasis: '依据',
    inspectingBody: '舞钢市自然资源和规划局',
    category: 'GENERAL',
    targetType: '企业',
    minRatioBp: 1000,
    timesPerYear: 1,
    methods: ['ON_SITE'],
  };
}
function targetInput() {
  return {
    name: `对象 ${uniq()}`,
    creditCode: creditCode(),
    kind: 'ENTERPRISE',
    region: '尚店镇',
    riskClass: 'B',
  };
}
async function newTarget() {
  const d = await asAdmin('mutation($i: TargetInput!) { createTarget(input: $i) { id } }', {
    i: targetInput(),
  });
  return d.createTarget.id as string;
}
function inspectorInput() {
  return {
    name: `检查员${uniq()}`,
    departmentId: ids.enforcement,
    certificateNumber: `C-${uniq()}`,
    certificateValidFrom: '2024-01-01',
    certificateValidUntil: '2030-12-31',
  };
}
async function newInspector() {
  const d = await asAdmin(
    'mutation($i: InspectorInput!) { createInspector(input: $i) { id departmentId } }',
    { i: inspectorInput() },
  );
  return d.createInspector as { id: string; departmentId: string };
}
async function newConflict() {
  const inspector = await newInspector();
  const targetId = await newTarget();
  const d = await asAdmin('mutation($i: ConflictInput!) { createConflict(input: $i) { id departmentId } }', {
    i: { inspectorId: inspector.id, targetId, reason: '近亲属' },
  });
  return d.createConflict as { id: string; departmentId: string };
}
function categoryInput() {
  return { code: `OWN_${uniq().toUpperCase()}`, nameZh: '自定义类别', departmentId: ids.bureau };
}
async function newCategory() {
  const d = await asAdmin(
    'mutation($i: CategoryInput!) { createResultCategory(input: $i) { id departmentId } }',
    { i: categoryInput() },
  );
  return d.createResultCategory as { id: string; departmentId: string };
}
function userInput() {
  return {
    username: `u${uniq()}`,
    displayName: '测试用户',
    password: 'password-123',
    role: 'INSPECTOR',
    departmentId: ids.enforcement,
  };
}
async function newUser() {
  const d = await asAdmin('mutation($i: UserInput!) { createUser(input: $i) { id departmentId } }', {
    i: userInput(),
  });
  return d.createUser as { id: string; departmentId: string };
}
let coordinatorToken: string;
let coordinator2Token: string;
const YEAR = chinaYear();
const asCoordinator = (query: string, variables?: Record<string, unknown>) =>
  t.ok(query, variables, coordinatorToken);
function taskInput() {
  return {
    name: `任务 ${uniq()}`,
    year: YEAR,
    departmentId: ids.bureau,
    itemIds: [ids.item],
    windowStart: `${YEAR}-12-01`,
    windowEnd: `${YEAR}-12-31`,
  };
}
async function newTask() {
  const d = await asCoordinator('mutation($i: TaskInput!) { createTask(input: $i) { id } }', {
    i: taskInput(),
  });
  return d.createTask.id as string;
}
function planInput() {
  return {
    name: `计划 ${uniq()}`,
    year: YEAR,
    departmentId: ids.bureau,
    lines: [{ itemId: ids.item, ratioBp: 1000, timesPerYear: 2 }],
  };
}
async function newPlan() {
  const d = await asCoordinator('mutation($i: PlanInput!) { createPlan(input: $i) { id } }', {
    i: planInput(),
  });
  return d.createPlan.id as string;
}
const taskRecord = () => ({ departmentId: ids.bureau, departmentIds: [ids.bureau] });
/** A task of the bureau joint with the market bureau, whose coordinators answer for it. */
async function newJointTask() {
  const d = await asCoordinator('mutation($i: TaskInput!) { createTask(input: $i) { id } }', {
    i: { ...taskInput(), cooperatingDepartmentIds: [ids.market] },
  });
  return {
    id: d.createTask.id as string,
    record: {
      departmentId: ids.bureau,
      departmentIds: [ids.bureau, ids.market],
      cooperatingDepartmentIds: [ids.market],
    },
  };
}
/** A task of the bureau and one of the market bureau that would visit the same targets in one quarter. */
async function mergeablePair() {
  const theirs = await t.ok(
    'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
    { i: { ...taskInput(), departmentId: ids.market, itemIds: [ids.marketItem] } },
    coordinator2Token,
  );
  return [await newTask(), theirs.createTask.id as string];
}
const mergeRecord = () => ({ departmentIds: [ids.bureau, ids.market] });
async function scheduledDraw() {
  const taskId = await newTask();
  const d = await asCoordinator('mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }', {
    i: { taskId, entropy: t.entropy() },
  });
  return d.scheduleDraw.id as string;
}
async function drawnDraw() {
  const id = await scheduledDraw();
  t.runnable();
  await asCoordinator('mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }', {
    i: { drawId: id, publicEntropy: drandOutcome(id) },
  });
  return id;
}
let sharedDrawn: string | undefined;
let sharedInspection: { id: string; teamIds: string[]; itemIds: string[]; record: ScopedRecord } | undefined;
/** The first inspection of a freshly drawn draw. */
async function freshInspection(): Promise<{
  id: string;
  teamIds: string[];
  itemIds: string[];
  team: { userId: string | null }[];
}> {
  const d = await asCoordinator(
    'query($d: ID!) { inspections(filter: { drawId: $d }) { items { id teamIds itemIds team { userId } } } }',
    { d: await drawnDraw() },
  );
  return d.inspections.items[0];
}
async function anInspection() {
  if (sharedInspection) return sharedInspection;
  const first = await freshInspection();
  sharedInspection = {
    id: first.id,
    teamIds: first.teamIds,
    itemIds: first.itemIds,
    record: {
      ...taskRecord(),
      userIds: first.team.map((m) => m.userId).filter((id): id is string => id !== null),
    },
  };
  return sharedInspection;
}
/** An attachment stored straight into the database (uploads go over HTTP, tested in their module). */
async function newAttachment(inspectionId: string): Promise<string> {
  const em = t.app.orm.em.fork();
  const content = Buffer.from('%PDF-1.4\n');
  const attachment = em.create(Attachment, {
    inspection: inspectionId,
    fileName: 'notice.pdf',
    mimeType: 'application/pdf',
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    uploadedById: randomUUID(),
    content,
  });
  await em.flush();
  return attachment.id;
}
const resultInput = (inspection: { id: string; itemIds: string[] }, category = 'NO_PROBLEM') => ({
  inspectionId: inspection.id,
  items: inspection.itemIds.map((itemId) => ({ itemId, category })),
  methodsUsed: ['ON_SITE'],
  inspectedOn: chinaToday(),
});
/** A fresh inspection whose result a member of its team has entered, awaiting review. */
async function enteredInspection(category?: string) {
  const first = await freshInspection();
  const username = `member-${uniq()}`;
  const user = await asAdmin('mutation($i: UserInput!) { createUser(input: $i) { id } }', {
    i: {
      username,
      displayName: username,
      password: 'password-123',
      role: 'INSPECTOR',
      departmentId: ids.enforcement,
    },
  });
  await asAdmin('mutation($id: ID!, $u: ID!) { updateInspector(id: $id, input: { userId: $u }) { id } }', {
    id: first.teamIds[0],
    u: user.createUser.id,
  });
  await t.ok(
    'mutation($i: ResultInput!) { enterResult(input: $i) { id } }',
    { i: resultInput(first, category) },
    await t.login(username, 'password-123'),
  );
  return first;
}
const file = (csv: string, name = 'rows.csv') => ({
  filename: name,
  contentBase64: Buffer.from(csv).toString('base64'),
});

const CASES: Record<string, Case> = {
  login: {
    query: 'mutation { login(username: "manager", password: "manager12345") { token } }',
    prepare: async () => ({ variables: {} }),
  },
  me: { query: '{ me { id } }', prepare: async () => ({ variables: {} }) },
  logout: { query: 'mutation { logout }', ownSignIn: true, prepare: async () => ({ variables: {} }) },
  changeMyPassword: {
    query:
      'mutation { changeMyPassword(currentPassword: "password-123", newPassword: "another-secret-9") { token } }',
    ownSignIn: true,
    prepare: async () => ({ variables: {} }),
  },

  departments: {
    query: 'query($id: ID!) { departments(filter: { ids: [$id] }) { items { id } } }',
    listsRecord: true,
    prepare: async () => ({
      variables: { id: ids.enforcement },
      record: { departmentId: ids.enforcement },
      id: ids.enforcement,
    }),
  },
  department: {
    query: 'query($id: ID!) { department(id: $id) { id } }',
    prepare: async () => ({ variables: { id: ids.enforcement }, record: { departmentId: ids.enforcement } }),
  },
  createDepartment: {
    query: 'mutation($i: DepartmentInput!) { createDepartment(input: $i) { id } }',
    prepare: async () => ({
      variables: { i: { name: '新股室', code: `N-${uniq()}`, kind: 'SECTION', parentId: ids.bureau } },
      record: { departmentId: ids.bureau },
    }),
  },
  updateDepartment: {
    query: 'mutation($id: ID!) { updateDepartment(id: $id, input: { name: "改名" }) { id } }',
    prepare: async () => {
      const id = await newDepartment();
      return { variables: { id }, record: { departmentId: id } };
    },
  },
  deleteDepartment: {
    query: 'mutation($id: ID!) { deleteDepartment(id: $id) { id } }',
    prepare: async () => {
      const id = await newDepartment();
      return { variables: { id }, record: { departmentId: id } };
    },
  },
  exportDepartments: {
    query: '{ exportDepartments { filename } }',
    prepare: async () => ({ variables: {} }),
  },

  items: {
    query: 'query($id: ID!) { items(filter: { ids: [$id] }) { items { id } } }',
    listsRecord: true,
    prepare: async () => {
      const i = await newItem();
      return { variables: { id: i.id }, record: { departmentId: i.departmentId }, id: i.id };
    },
  },
  item: {
    query: 'query($id: ID!) { item(id: $id) { id } }',
    prepare: async () => {
      const i = await newItem();
      return { variables: { id: i.id }, record: { departmentId: i.departmentId } };
    },
  },
  createItem: {
    query: 'mutation($i: ItemInput!) { createItem(input: $i) { id } }',
    prepare: async () => ({ variables: { i: itemInput() }, record: { departmentId: ids.bureau } }),
  },
  updateItem: {
    query: 'mutation($id: ID!) { updateItem(id: $id, input: { minRatioBp: 2000 }) { id } }',
    prepare: async () => {
      const i = await newItem();
      return { variables: { id: i.id }, record: { departmentId: i.departmentId } };
    },
  },
  deleteItem: {
    query: 'mutation($id: ID!) { deleteItem(id: $id) { id } }',
    prepare: async () => {
      const i = await newItem();
      return { variables: { id: i.id }, record: { departmentId: i.departmentId } };
    },
  },
  exportItems: { query: '{ exportItems { filename } }', prepare: async () => ({ variables: {} }) },

  targets: {
    query: 'query($id: ID!) { targets(filter: { ids: [$id] }) { items { id } } }',
    listsRecord: true,
    prepare: async () => ({ variables: { id: ids.targetId }, record: {}, id: ids.targetId }),
  },
  target: {
    query: 'query($id: ID!) { target(id: $id) { id } }',
    prepare: async () => ({ variables: { id: ids.targetId }, record: {} }),
  },
  targetTypes: { query: '{ targetTypes }', prepare: async () => ({ variables: {} }) },
  regions: { query: '{ regions }', prepare: async () => ({ variables: {} }) },
  targetTags: { query: '{ targetTags }', prepare: async () => ({ variables: {} }) },
  createTarget: {
    query: 'mutation($i: TargetInput!) { createTarget(input: $i) { id } }',
    prepare: async () => ({ variables: { i: targetInput() }, record: {} }),
  },
  updateTarget: {
    query: 'mutation($id: ID!) { updateTarget(id: $id, input: { riskClass: C }) { id } }',
    prepare: async () => ({ variables: { id: await newTarget() }, record: {} }),
  },
  deleteTarget: {
    query: 'mutation($id: ID!) { deleteTarget(id: $id) { id } }',
    prepare: async () => ({ variables: { id: await newTarget() }, record: {} }),
  },
  exportTargets: {
    query: '{ exportTargets(filter: { region: "不存在" }) { filename } }',
    prepare: async () => ({ variables: {} }),
  },
  importTargets: {
    query: 'mutation($f: FileInput!) { importTargets(file: $f) { ok } }',
    prepare: async () => ({
      variables: {
        f: file(
          `名称,统一社会信用代码,对象类别,所属区域,信用风险分类\n导入对象,${creditCode()},企业,尚店镇,B\n`,
        ),
      },
    }),
  },
  importTemplate: {
    query: '{ importTemplate(registry: TARGETS) { filename } }',
    prepare: async () => ({ variables: {} }),
  },

  inspectors: {
    query: 'query($id: ID!) { inspectors(filter: { ids: [$id] }) { items { id } } }',
    listsRecord: true,
    prepare: async () => ({
      variables: { id: ids.inspectorA },
      record: { departmentId: ids.enforcement, userId: null },
      id: ids.inspectorA,
    }),
  },
  inspector: {
    query: 'query($id: ID!) { inspector(id: $id) { id } }',
    prepare: async () => ({
      variables: { id: ids.inspectorA },
      record: { departmentId: ids.enforcement, userId: null },
    }),
  },
  createInspector: {
    query: 'mutation($i: InspectorInput!) { createInspector(input: $i) { id } }',
    prepare: async () => ({ variables: { i: inspectorInput() }, record: { departmentId: ids.enforcement } }),
  },
  updateInspector: {
    query: 'mutation($id: ID!) { updateInspector(id: $id, input: { status: ON_LEAVE }) { id } }',
    prepare: async () => {
      const i = await newInspector();
      return { variables: { id: i.id }, record: { departmentId: i.departmentId } };
    },
  },
  deleteInspector: {
    query: 'mutation($id: ID!) { deleteInspector(id: $id) { id } }',
    prepare: async () => {
      const i = await newInspector();
      return { variables: { id: i.id }, record: { departmentId: i.departmentId } };
    },
  },
  exportInspectors: { query: '{ exportInspectors { filename } }', prepare: async () => ({ variables: {} }) },
  importInspectors: {
    query: 'mutation($f: FileInput!) { importInspectors(file: $f) { ok } }',
    prepare: async () => ({
      variables: {
        f: file(
          `姓名,所属部门,执法证号,证件生效日期,证件有效期至\n李四,WG-ZRZY-ZFJC,IMP-${uniq()},2024-01-01,2030-12-31\n`,
        ),
      },
    }),
  },

  conflicts: {
    query: 'query($id: ID!) { conflicts(filter: { ids: [$id] }) { items { id } } }',
    listsRecord: true,
    prepare: async () => {
      const c = await newConflict();
      return { variables: { id: c.id }, record: { departmentId: c.departmentId }, id: c.id };
    },
  },
  conflict: {
    query: 'query($id: ID!) { conflict(id: $id) { id } }',
    prepare: async () => {
      const c = await newConflict();
      return { variables: { id: c.id }, record: { departmentId: c.departmentId } };
    },
  },
  createConflict: {
    query: 'mutation($i: ConflictInput!) { createConflict(input: $i) { id } }',
    prepare: async () => {
      const i = await newInspector();
      return {
        variables: { i: { inspectorId: i.id, targetId: await newTarget(), reason: '曾在该单位工作' } },
        record: { departmentId: i.departmentId },
      };
    },
  },
  updateConflict: {
    query: 'mutation($id: ID!) { updateConflict(id: $id, input: { reason: "新事由" }) { id } }',
    prepare: async () => {
      const c = await newConflict();
      return { variables: { id: c.id }, record: { departmentId: c.departmentId } };
    },
  },
  deleteConflict: {
    query: 'mutation($id: ID!) { deleteConflict(id: $id) { id } }',
    prepare: async () => {
      const c = await newConflict();
      return { variables: { id: c.id }, record: { departmentId: c.departmentId } };
    },
  },
  exportConflicts: { query: '{ exportConflicts { filename } }', prepare: async () => ({ variables: {} }) },

  plans: {
    query: 'query($id: ID!) { plans(filter: { ids: [$id] }) { items { id } } }',
    listsRecord: true,
    prepare: async () => {
      const id = await newPlan();
      return { variables: { id }, record: taskRecord(), id };
    },
  },
  plan: {
    query: 'query($id: ID!) { plan(id: $id) { id lines { roundsDone } } }',
    prepare: async () => ({ variables: { id: await newPlan() }, record: taskRecord() }),
  },
  createPlan: {
    query: 'mutation($i: PlanInput!) { createPlan(input: $i) { id } }',
    prepare: async () => ({ variables: { i: planInput() }, record: taskRecord() }),
  },
  updatePlan: {
    query: 'mutation($id: ID!, $i: PlanInput!) { updatePlan(id: $id, input: $i) { id } }',
    prepare: async () => ({ variables: { id: await newPlan(), i: planInput() }, record: taskRecord() }),
  },
  deletePlan: {
    query: 'mutation($id: ID!) { deletePlan(id: $id) { id } }',
    prepare: async () => ({ variables: { id: await newPlan() }, record: taskRecord() }),
  },

  tasks: {
    query: 'query($id: ID!) { tasks(filter: { ids: [$id] }) { items { id } } }',
    listsRecord: true,
    prepare: async () => {
      const id = await newTask();
      return { variables: { id }, record: taskRecord(), id };
    },
  },
  task: {
    query: 'query($id: ID!) { task(id: $id) { id } }',
    prepare: async () => ({ variables: { id: await newTask() }, record: taskRecord() }),
  },
  createTask: {
    query: 'mutation($i: TaskInput!) { createTask(input: $i) { id } }',
    prepare: async () => ({ variables: { i: taskInput() }, record: taskRecord() }),
  },
  updateTask: {
    query: 'mutation($id: ID!, $i: TaskInput!) { updateTask(id: $id, input: $i) { id } }',
    prepare: async () => ({ variables: { id: await newTask(), i: taskInput() }, record: taskRecord() }),
  },
  deleteTask: {
    query: 'mutation($id: ID!) { deleteTask(id: $id) { id } }',
    prepare: async () => ({ variables: { id: await newTask() }, record: taskRecord() }),
  },

  acceptTask: {
    query: 'mutation($id: ID!) { acceptTask(taskId: $id) { id } }',
    prepare: async () => {
      const task = await newJointTask();
      return { variables: { id: task.id }, record: task.record };
    },
  },
  declineTask: {
    query: 'mutation($id: ID!) { declineTask(taskId: $id, reason: "人手不足") { id } }',
    prepare: async () => {
      const task = await newJointTask();
      return { variables: { id: task.id }, record: task.record };
    },
  },

  mergeProposals: {
    // The first quarter holds no task here, so the answer is quick; finding proposals is the merge test's.
    query: 'query($y: Int!) { mergeProposals(year: $y, quarter: 1) { taskIds } }',
    prepare: async () => ({ variables: { y: YEAR } }),
  },
  mergeProposalsAwaiting: {
    query: '{ mergeProposalsAwaiting { total } }',
    prepare: async () => ({ variables: {} }),
  },
  proposeMerge: {
    query: 'mutation($ids: [ID!]!) { proposeMerge(taskIds: $ids) { id } }',
    prepare: async () => ({ variables: { ids: await mergeablePair() }, record: mergeRecord() }),
  },
  respondToMergeProposal: {
    query:
      'mutation($id: ID!) { respondToMergeProposal(id: $id, accept: false, reason: "本季度已安排") { id } }',
    prepare: async () => {
      const d = await asCoordinator('mutation($ids: [ID!]!) { proposeMerge(taskIds: $ids) { id } }', {
        ids: await mergeablePair(),
      });
      return { variables: { id: d.proposeMerge.id }, record: mergeRecord() };
    },
  },

  draws: { query: '{ draws { total } }', prepare: async () => ({ variables: {} }) },
  draw: {
    query: 'query($id: ID!) { draw(id: $id) { id commitment } }',
    prepare: async () => ({ variables: { id: await scheduledDraw() }, record: taskRecord() }),
  },
  verifyDraw: {
    query: 'query($id: ID!) { verifyDraw(id: $id) { ok } }',
    prepare: async () => ({
      variables: { id: sharedDrawn ?? (sharedDrawn = await drawnDraw()) },
      record: taskRecord(),
    }),
  },
  scheduleDraw: {
    query: 'mutation($i: ScheduleDrawInput!) { scheduleDraw(input: $i) { id } }',
    prepare: async () => ({
      variables: { i: { taskId: await newTask(), entropy: t.entropy() } },
      record: taskRecord(),
    }),
  },
  runDraw: {
    query: 'mutation($i: RunDrawInput!) { runDraw(input: $i) { id } }',
    prepare: async () => {
      const drawId = await scheduledDraw();
      t.runnable();
      return { variables: { i: { drawId, publicEntropy: drandOutcome(drawId) } }, record: taskRecord() };
    },
  },
  replaceInspector: {
    query: 'mutation($i: ReplaceInspectorInput!) { replaceInspector(input: $i) { id } }',
    prepare: async () => {
      const first = await freshInspection();
      return {
        variables: { i: { inspectionId: first.id, inspectorId: first.teamIds[0], reason: 'LEAVE' } },
        record: taskRecord(),
      };
    },
  },
  enterResult: {
    query: 'mutation($i: ResultInput!) { enterResult(input: $i) { id } }',
    prepare: async () => {
      const i = await anInspection();
      return { variables: { i: resultInput(i) }, record: i.record };
    },
  },
  reviewResult: {
    query: 'mutation($i: ReviewInput!) { reviewResult(input: $i) { id } }',
    prepare: async () => {
      const first = await enteredInspection();
      return { variables: { i: { inspectionId: first.id, approve: true } }, record: taskRecord() };
    },
  },
  publishResults: {
    query: 'mutation($ids: [ID!]!) { publishResults(inspectionIds: $ids) { id } }',
    prepare: async () => {
      const first = await enteredInspection();
      return { variables: { ids: [first.id] }, record: taskRecord() };
    },
  },
  closeFollowUp: {
    query:
      'mutation($id: ID!, $item: ID!, $i: CloseFollowUpInput!) { closeFollowUp(inspectionId: $id, itemId: $item, input: $i) { id } }',
    prepare: async () => {
      const first = await enteredInspection('PROBLEM_PENDING');
      await asCoordinator('mutation($i: ReviewInput!) { reviewResult(input: $i) { id } }', {
        i: { inspectionId: first.id, approve: true },
      });
      return {
        variables: {
          id: first.id,
          item: first.itemIds[0],
          i: { closedOn: chinaToday(), outcome: 'CORRECTED' },
        },
        record: taskRecord(),
      };
    },
  },
  attachmentRules: { query: '{ attachmentRules { maxBytes } }', prepare: async () => ({ variables: {} }) },
  deleteAttachment: {
    query: 'mutation($id: ID!) { deleteAttachment(id: $id) { id } }',
    prepare: async () => {
      const i = await anInspection();
      return { variables: { id: await newAttachment(i.id) }, record: i.record };
    },
  },
  publicResults: { query: '{ publicResults { total } }', prepare: async () => ({ variables: {} }) },
  publicDraws: { query: '{ publicDraws { total } }', prepare: async () => ({ variables: {} }) },
  publicDrawTargets: {
    query: 'query($d: ID!) { publicDrawTargets(filter: { drawId: $d }) { total items { targetName } } }',
    prepare: async () => ({ variables: { d: sharedDrawn ?? (sharedDrawn = await drawnDraw()) } }),
  },
  publicDraw: {
    query: 'query($id: ID!) { publicDraw(id: $id) { id commitment } }',
    prepare: async () => ({ variables: { id: await scheduledDraw() } }),
  },
  publicEntity: {
    query: 'query($c: String!) { publicEntity(creditCode: $c) { name } }',
    prepare: async () => ({ variables: { c: '91410000000000000X' } }),
  },
  publicDrawCheck: {
    query: 'query($id: ID!) { publicDrawCheck(drawId: $id, q: "舞钢") { more matches { inPool } } }',
    prepare: async () => ({ variables: { id: await scheduledDraw() } }),
  },
  publicStatistics: {
    query: 'query($y: Int!) { publicStatistics(filter: { year: $y }) { rows { drawn } total { drawn } } }',
    prepare: async () => ({ variables: { y: YEAR } }),
  },
  publicPlans: { query: '{ publicPlans { total } }', prepare: async () => ({ variables: {} }) },
  publicPlan: {
    query: 'query($id: ID!) { publicPlan(id: $id) { id name } }',
    prepare: async () => ({ variables: { id: await newPlan() } }),
  },
  publicTasks: { query: '{ publicTasks { total } }', prepare: async () => ({ variables: {} }) },
  inspections: {
    query: 'query($id: ID!) { inspections(filter: { ids: [$id] }) { items { id } } }',
    listsRecord: true,
    prepare: async () => {
      const i = await anInspection();
      return { variables: { id: i.id }, record: i.record, id: i.id };
    },
  },
  // 统计分析 of department A: its managers and coordinators, and administrators; not another department's.
  statistics: {
    query:
      'query($p: PeriodInput!, $d: ID!) { statistics(family: VISITS, period: $p, groupBy: [ITEM], filter: { departmentId: $d }) { total { values } } }',
    prepare: async () => ({
      variables: { p: { kind: 'YEAR', year: YEAR }, d: ids.bureau },
      record: { departmentId: ids.bureau },
    }),
  },
  statisticsSummary: {
    query:
      'query($p: PeriodInput!, $d: ID!) { statisticsSummary(period: $p, filter: { departmentId: $d }) { kpis { figure value } } }',
    prepare: async () => ({
      variables: { p: { kind: 'QUARTER', year: YEAR, quarter: 1 }, d: ids.bureau },
      record: { departmentId: ids.bureau },
    }),
  },
  inspection: {
    query: 'query($id: ID!) { inspection(id: $id) { id } }',
    prepare: async () => {
      const i = await anInspection();
      return { variables: { id: i.id }, record: i.record };
    },
  },

  resultCategories: {
    query: 'query($id: ID!) { resultCategories(filter: { ids: [$id] }) { items { id } } }',
    listsRecord: true,
    prepare: async () => {
      const c = await newCategory();
      return { variables: { id: c.id }, record: { departmentId: c.departmentId }, id: c.id };
    },
  },
  resultCategory: {
    query: 'query($id: ID!) { resultCategory(id: $id) { id } }',
    prepare: async () => {
      const c = await newCategory();
      return { variables: { id: c.id }, record: { departmentId: c.departmentId } };
    },
  },
  createResultCategory: {
    query: 'mutation($i: CategoryInput!) { createResultCategory(input: $i) { id } }',
    prepare: async () => ({ variables: { i: categoryInput() }, record: { departmentId: ids.bureau } }),
  },
  updateResultCategory: {
    query: 'mutation($id: ID!) { updateResultCategory(id: $id, input: { nameZh: "新名称" }) { id } }',
    prepare: async () => {
      const c = await newCategory();
      return { variables: { id: c.id }, record: { departmentId: c.departmentId } };
    },
  },
  deleteResultCategory: {
    query: 'mutation($id: ID!) { deleteResultCategory(id: $id) { id } }',
    prepare: async () => {
      const c = await newCategory();
      return { variables: { id: c.id }, record: { departmentId: c.departmentId } };
    },
  },

  exportStatistics: {
    query: `{ exportStatistics(family: INSPECTOR_REGISTRY, period: { kind: YEAR, year: ${YEAR} }, groupBy: [EXPERTISE]) { filename } }`,
    prepare: async () => ({ variables: {} }),
  },

  trail: {
    query: '{ trail(page: { page: 1, perPage: 1 }) { total } }',
    prepare: async () => ({ variables: {} }),
  },
  verifyTrail: { query: '{ verifyTrail { ok } }', prepare: async () => ({ variables: {} }) },

  users: {
    query: 'query($id: ID!) { users(filter: { ids: [$id] }) { items { id } } }',
    listsRecord: true,
    prepare: async () => {
      const u = await newUser();
      return { variables: { id: u.id }, record: { departmentId: u.departmentId, userId: u.id }, id: u.id };
    },
  },
  user: {
    query: 'query($id: ID!) { user(id: $id) { id } }',
    prepare: async () => {
      const u = await newUser();
      return { variables: { id: u.id }, record: { departmentId: u.departmentId, userId: u.id } };
    },
  },
  createUser: {
    query: 'mutation($i: UserInput!) { createUser(input: $i) { id } }',
    prepare: async () => ({ variables: { i: userInput() }, record: { departmentId: ids.enforcement } }),
  },
  updateUser: {
    query: 'mutation($id: ID!) { updateUser(id: $id, input: { displayName: "改名" }) { id } }',
    prepare: async () => {
      const u = await newUser();
      return { variables: { id: u.id }, record: { departmentId: u.departmentId, userId: u.id } };
    },
  },
  deleteUser: {
    query: 'mutation($id: ID!) { deleteUser(id: $id) { id } }',
    prepare: async () => {
      const u = await newUser();
      return { variables: { id: u.id }, record: { departmentId: u.departmentId, userId: u.id } };
    },
  },
  exportUsers: { query: '{ exportUsers { filename } }', prepare: async () => ({ variables: {} }) },
};

interface Caller {
  label: string;
  token?: string;
  actor: Actor | null;
  departmentId?: string;
}

/** A new user of the caller's role and department, signed in: a token of its own, for `ownSignIn` cases. */
async function ownSignIn(caller: Caller): Promise<{ token?: string; actor: Actor | null }> {
  if (!caller.actor) return { actor: null };
  const username = `own-${uniq()}`;
  await asAdmin('mutation($i: UserInput!) { createUser(input: $i) { id } }', {
    i: {
      username,
      displayName: username,
      password: 'password-123',
      role: caller.actor.role,
      departmentId: caller.departmentId,
    },
  });
  const token = await t.login(username, 'password-123');
  const me = await t.ok('{ me { id } }', {}, token);
  return { token, actor: { ...caller.actor, id: me.me.id } };
}
const callers: Caller[] = [];

beforeAll(async () => {
  t = await startTestApp();
  adminToken = await t.login('admin');
  const departments = await asAdmin('{ departments(page: { page: 1, perPage: 100 }) { items { id code } } }');
  const byCode = new Map<string, string>(
    departments.departments.items.map((d: { id: string; code: string }) => [d.code, d.id]),
  );
  ids.bureau = byCode.get('WG-ZRZY')!;
  ids.enforcement = byCode.get('WG-ZRZY-ZFJC')!;
  ids.market = byCode.get('WG-SCJG')!;
  ids.inspectorA = (await newInspector()).id;
  coordinatorToken = await t.login('coordinator');
  coordinator2Token = await t.login('coordinator2');
  ids.marketItem = (
    await t.ok('query($y: Int!) { items(filter: { year: $y, q: "企业公示信息" }) { items { id } } }', {
      y: YEAR,
    })
  ).items.items[0].id;
  ids.item = (
    await t.ok('query($y: Int!) { items(filter: { year: $y, q: "土地使用情况" }) { items { id } } }', {
      y: YEAR,
    })
  ).items.items[0].id;
  ids.targetId = await newTarget();
  callers.push({ label: 'the public', actor: null });
  // One user of every role inside department A (the bureau) and one outside (the market bureau).
  for (const role of ['ADMIN', 'COORDINATOR', 'INSPECTOR', 'MANAGER'] as Role[]) {
    for (const [place, departmentId] of [
      ['inside', ids.enforcement],
      ['outside', ids.market],
    ] as const) {
      const username = `${role.toLowerCase()}-${place}`;
      await asAdmin('mutation($i: UserInput!) { createUser(input: $i) { id } }', {
        i: { username, displayName: username, password: 'password-123', role, departmentId },
      });
      const token = await t.login(username, 'password-123');
      const me = await t.ok('{ me { id role departmentIds } }', {}, token);
      callers.push({
        label: `${role} ${place}`,
        token,
        actor: { id: me.me.id, role, departmentIds: me.me.departmentIds },
        departmentId,
      });
    }
  }
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  await t?.close();
});

describe('authorization', () => {
  it('has a case and a rule for every query and mutation of the schema', async () => {
    const schema = await getSchema();
    const operations = ['Query', 'Mutation'].flatMap((name) => {
      const type = schema.getType(name);
      return isObjectType(type) ? Object.keys(type.getFields()) : [];
    });
    expect(
      operations.filter((op) => !CASES[op]),
      'operations without an authorization case',
    ).toEqual([]);
    expect(
      operations.filter((op) => !operationRules().has(op)),
      'operations without a rule',
    ).toEqual([]);
    expect(
      Object.keys(CASES).filter((op) => !operations.includes(op)),
      'cases of removed operations',
    ).toEqual([]);
  });

  it('allows or denies every operation for every caller exactly as the role policy says', async () => {
    const mismatches: string[] = [];
    for (const [operation, testCase] of Object.entries(CASES)) {
      const rule = operationRules().get(operation);
      if (!rule) continue;
      for (const caller of callers) {
        const { variables, record } = await testCase.prepare();
        const { token, actor } = testCase.ownSignIn ? await ownSignIn(caller) : caller;
        const result = await t.gql(testCase.query, variables, token);
        const code = errorCode(result);
        // A list is allowed or denied as a whole; which records it shows is checked below.
        const allowed =
          'open' in rule ||
          canAccess(actor, rule.action, rule.resource, testCase.listsRecord ? undefined : record);
        if (allowed && result.errors?.length) {
          mismatches.push(
            `${operation} as ${caller.label}: expected success, got ${code}: ${result.errors[0]!.message}`,
          );
        } else if (!allowed) {
          const expected = actor ? 'FORBIDDEN' : 'UNAUTHENTICATED';
          if (code !== expected)
            mismatches.push(
              `${operation} as ${caller.label}: expected ${expected}, got ${code ?? 'success'}`,
            );
        }
        if (allowed && testCase.listsRecord && !('open' in rule)) {
          const listed = Object.values(result.data ?? {})[0] as { items: unknown[] } | undefined;
          const visible = canAccess(actor, 'show', rule.resource, record);
          if ((listed?.items.length ?? 0) !== (visible ? 1 : 0))
            mismatches.push(
              `${operation} as ${caller.label}: record ${visible ? 'missing from' : 'leaked into'} the list`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every operation times every caller, each with its own fresh record: minutes, not seconds.
  }, 600_000);
});
