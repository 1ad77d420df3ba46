/**
 * The draw's lifecycle, one draw per task for all its items (进一次门、查多项事): schedule (freeze the pool,
 * roster and conflicts; publish the commitment and the declared entropy source), run (after the entropy is
 * out: reveal the nonce, compute and store the record, create the inspections, once), replace an inspector
 * (drawn, recorded), and the record for download and verification.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import {
  DrawError,
  REPLACEMENT_REASONS,
  applyReplacement,
  canonicalEntropy,
  checkEntropyDeclaration,
  chinaDate,
  drawRatios,
  formatChinaTime,
  publicationDeadline,
  commitmentOf,
  drawFromFrozenPool,
  sha256 as portableSha256,
  text,
  verifyDrawRecord,
  type ConflictEntry,
  type DrawOptions,
  type DrawRecord,
  type FrozenDrawOutcome,
  type InspectorEntry,
  type PoolEntry,
  type RiskClass,
  type TeamSpec,
  type Text,
} from '@suiji/domain';
import { bulkInsert, dialectOf, SQLITE_MAX_VARIABLES } from '../../db/dialect.js';
import { placeholders, type Clause } from '../../db/query.js';
import { execute, selectOne, selectRows as rawRows, toNumber, type SqlNumber } from '../../db/sql.js';
import { LIKE } from '../../db/like.js';
import { StringListType } from '../../db/string-list.type.js';
import type { Context } from '../../graphql/context.js';
import { loaderOf } from '../../graphql/loaders.js';
import { BadInputError, ConflictError, NotFoundError, NOUNS, problemError } from '../../graphql/errors.js';
import { assertRecordAccess, signedIn } from '../../graphql/policy.js';
import { present } from '../../invariant.js';
import { departmentScope } from '../department/department.service.js';
import { Inspection } from '../inspection/inspection.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import { appliesTo, DEREGISTERED, poolScope } from '../target/target-pool.js';
import { Task } from '../task/task.entity.js';
import { assertReadyToDraw } from '../task/task.service.js';
import { refreshVisitFacts, VISIT_FACTS } from '../statistics/visit-facts.js';
import { appendTrail } from '../trail/trail.service.js';
import type { DrawTextName } from './draw-text.entity.js';
import { Draw } from './draw.entity.js';
import type { ReplaceInspectorInput, RunDrawInput, ScheduleDrawInput } from './draw.input.js';

const NOUN = NOUNS.draw;

/** Node's SHA-256 for the large pool digest, the portable one for the many short messages (it is faster there). */
const DRAW_OPTIONS: DrawOptions = {
  sha256: (message) =>
    message.length > 4096 ? createHash('sha256').update(message).digest() : portableSha256(message),
};

/** The spec's error codes in words people can act on. */
function drawErrorText(error: DrawError): Text {
  switch (error.code) {
    case 'INSUFFICIENT_INSPECTORS':
      return text(
        'Too few eligible inspectors to form every team (each needs one from every department taking part, without conflicts): add inspectors to the roster, or reduce the team size.',
        '符合条件的执法检查人员不足以组成全部检查组（每组须有各参与部门人员且无回避冲突）：请补充人员或减少每组人数。',
      );
    case 'NO_RATIO':
      return text(
        'A risk class in the pool has no ratio: give one for every class present.',
        '检查对象名录中有风险分类未设抽查比例：请为每个出现的分类设置比例。',
      );
    case 'NOT_IN_TEAM':
      return text('That inspector is not in this team.', '该人员不在此检查组中。');
    default:
      return text(`The draw's input is not valid (${error.code}).`, `摇号输入无效（${error.code}）。`);
  }
}

function asDrawError(error: unknown): never {
  if (error instanceof DrawError) {
    const message = drawErrorText(error);
    throw error.code === 'NOT_IN_TEAM'
      ? new BadInputError(message, 'inspectorId')
      : new ConflictError(message);
  }
  throw error;
}

/** Raw SQL in the request's transaction. */
const rows = <T extends object>(ctx: Context, sql: string, params: readonly unknown[] = []) =>
  rawRows<T>(ctx.em, sql, params);

function parsePool(content: string): PoolEntry[] {
  const pool: PoolEntry[] = [];
  let start = 0;
  while (start < content.length) {
    const tab = content.indexOf('\t', start);
    const end = content.indexOf('\n', tab);
    pool.push([content.slice(start, tab), content.slice(tab + 1, end)]);
    start = end + 1;
  }
  return pool;
}

async function taskForDraw(
  ctx: Context,
  taskId: string,
  action: 'schedule' | 'run' | 'replace',
): Promise<Task> {
  // Scheduling locks the task (PostgreSQL) so a department's answer or an edit cannot slip in between.
  const lock = dialectOf(ctx.em).forUpdate;
  if (action === 'schedule' && lock) await rows(ctx, `select id from task where id = ?${lock}`, [taskId]);
  const task = await ctx.em.findOne(Task, { id: taskId, deletedAt: null }, { populate: ['items'] });
  if (!task) throw new NotFoundError(text('Task', '抽查任务'), taskId);
  assertRecordAccess(ctx, action, 'draws', task);
  if (action === 'schedule') await assertReadyToDraw(ctx.em, task);
  return task;
}

/** Every department id under the given top-level departments. */
async function unitsOf(ctx: Context, departmentIds: readonly string[]): Promise<Map<string, string>> {
  const rootOf = new Map<string, string>();
  for (const root of departmentIds)
    for (const id of await departmentScope(ctx.em, root)) rootOf.set(id, root);
  return rootOf;
}

export async function scheduleDraw(ctx: Context, input: ScheduleDrawInput): Promise<Draw> {
  const { em } = ctx;
  const task = await taskForDraw(ctx, input.taskId, 'schedule');
  const items = task.items.getItems().filter((i) => !i.deletedAt);
  if (items.length === 0)
    throw new BadInputError(
      text('The task has no item to inspect: add items to it first.', '该任务没有抽查事项：请先添加事项。'),
      'taskId',
    );
  if (await em.findOne(Draw, { task }))
    throw new ConflictError(
      text(
        'The draw of this task is already scheduled; a draw is never made twice.',
        '该任务的摇号已安排，摇号不可重复进行。',
      ),
    );
  const now = ctx.clock();
  if (input.runAfter && input.runAfter.getTime() < now.getTime() - 60_000)
    throw new BadInputError(
      text(
        'The run time is in the past: choose now or later.',
        '摇号时间早于当前时间：请选择现在或之后的时间。',
      ),
      'runAfter',
    );
  // The public entropy source, declared before its outcome exists; the draw runs after the latest of its
  // publication, the minimum delay after scheduling, and the time asked for.
  const declared = checkEntropyDeclaration(
    {
      source: input.entropy.source,
      issue: input.entropy.issue,
      publishedAt: input.entropy.publishedAt ?? null,
    },
    now,
  );
  if (!declared.ok) throw new BadInputError(declared.message, 'entropy');
  const runAfter = new Date(
    Math.max(
      input.runAfter?.getTime() ?? now.getTime(),
      declared.value.publishedAt.getTime(),
      now.getTime() + ctx.settings.drawMinDelayMs,
    ),
  );

  const resolved = drawRatios(items, input.ratios);
  if ('problem' in resolved) throw problemError(resolved.problem);
  const { ratios } = resolved;
  const frozen = await freezePool(ctx, task, items);
  if (frozen.poolSize === 0)
    throw new BadInputError(
      text(
        `No target is eligible for this task (target types ${items.map((i) => `"${i.targetType}"`).join(', ')}, the task's filters, ${frozen.excludedCount} left out by the rules): check the registry and the filters.`,
        `没有符合该任务条件的检查对象（检查对象类型 ${items.map((i) => `“${i.targetType}”`).join('、')}、任务筛选条件，另有 ${frozen.excludedCount} 个按规则排除）：请检查名录库和筛选条件。`,
      ),
      'taskId',
    );
  for (const stratum of frozen.strata)
    if (ratios[stratum as RiskClass] === undefined)
      throw new BadInputError(
        text(
          `Risk class ${stratum} is in the pool but has no ratio: give a ratio for every class present.`,
          `名录中有 ${stratum} 类对象但未设抽查比例：请为每个出现的风险分类设置比例。`,
        ),
        'ratios',
      );

  const team: TeamSpec = { size: task.teamSize, departments: [...task.departmentIds].sort() };
  const inspectors = await roster(ctx, task, input.expertise);
  checkRosterSuffices(team, inspectors);
  const onRoster = new Set(inspectors.map(([id]) => id));
  const conflicts = frozen.conflicts.filter(([, inspector]) => onRoster.has(inspector));

  const nonce = randomBytes(32).toString('hex');
  const draw = em.create(Draw, {
    // Published as the time it was scheduled, by the clock its rules go by.
    createdAt: now,
    updatedAt: now,
    task,
    itemIds: items.map((i) => i.id),
    status: 'SCHEDULED',
    runAfter,
    scheduledBy: signedIn(ctx),
    nonce,
    commitment: commitmentOf(nonce, DRAW_OPTIONS),
    poolDigest: createHash('sha256').update(frozen.pool).digest('hex'),
    poolSize: frozen.poolSize,
    excludedCount: frozen.excludedCount,
    ratios: JSON.stringify(ratios),
    team: JSON.stringify(team),
    inspectors: JSON.stringify(inspectors),
    conflicts: JSON.stringify(conflicts),
    rosterSize: inspectors.length,
    entropySource: declared.value.source,
    entropyIssue: declared.value.issue,
    entropyPublishedAt: declared.value.publishedAt,
  });
  await em.flush();
  await writeDrawText(ctx.em, draw.id, 'pool', frozen.pool);
  await writeDrawText(ctx.em, draw.id, 'exclusions', frozen.exclusions);
  await rows(
    ctx,
    `insert into draw_item (draw_id, item_id, task_id, pool_size, min_ratio_bp) values ${items.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
    items.flatMap((item, i) => [
      draw.id,
      item.id,
      task.id,
      present(frozen.itemPools[i], `the pool of item ${item.id}`),
      item.minRatioBp,
    ]),
  );
  return draw;
}

/**
 * Whether a target, `t` in the SQL, was randomly inspected for an item this year: another draw's visit of
 * it covers that item. An item is on one year's list and a task takes the items of its year only, so
 * every visit covering the item is of that year.
 */
function inspectedFor(itemId: string, exceptDrawId = ''): Clause {
  return {
    sql: 'exists (select 1 from visit_item vi where vi.target_id = t.id and vi.item_id = ? and vi.draw_id <> ?)',
    params: [itemId, exceptDrawId],
  };
}

/** Targets (`t`) the item applies to and that were not inspected for it this year. */
function openFor(item: InspectionItem, exceptDrawId?: string): Clause {
  const applies = appliesTo(item);
  const inspected = inspectedFor(item.id, exceptDrawId);
  return {
    sql: `${applies.sql} and not ${inspected.sql}`,
    params: [...applies.params, ...inspected.params],
  };
}

const flag = (c: Clause): Clause => ({ sql: `case when ${c.sql} then 1 else 0 end`, params: c.params });

/**
 * The frozen pool, built by the database as the very text its digest hashes ("id TAB class LF", in
 * byte-wise id order), so a pool of a million targets never becomes a million JavaScript objects; with,
 * in the same scan, the targets the rules leave out (with reasons) and the base of each item; the strata
 * present; and the conflicts that touch the pool. A target of the task's scope belongs to the pool when
 * it is registered, at least one of the task's items applies to it and was not yet inspected there this
 * year, and it is not a low-risk (A) target already inspected this year.
 */
async function freezePool(ctx: Context, task: Task, items: readonly InspectionItem[]) {
  const d = dialectOf(ctx.em);
  const scope = poolScope(task, items);
  // Each rule evaluated once per target of the scope, as 0 or 1.
  const opens = items.map((item) => flag(openFor(item)));
  const lowRisk = flag({
    sql: "t.risk_class = 'A' and exists (select 1 from inspection i join task k on k.id = i.task_id where i.target_id = t.id and k.year = ?)",
    params: [task.year],
  });
  const deregistered = flag(DEREGISTERED);
  const facts: Clause = {
    sql: `select t.id, t.risk_class, ${deregistered.sql} as dereg, ${lowRisk.sql} as low,
        ${opens.map((o, i) => `${o.sql} as o${i}`).join(', ')}
      from target t where ${scope.sql}`,
    params: [...deregistered.params, ...lowRisk.params, ...opens.flatMap((o) => o.params), ...scope.params],
  };
  const open = opens.map((_, i) => `f.o${i}`).join(' + ');
  const eligible = `f.dereg = 0 and ${open} > 0 and f.low = 0`;
  const reason = `case when f.dereg = 1 then 'DEREGISTERED' when ${open} = 0 then 'INSPECTED_FOR_ITEM' else 'LOW_RISK_INSPECTED' end`;
  const [frozen] = await rows<Record<string, SqlNumber | string | null>>(
    ctx,
    `with f as materialized (${facts.sql})
      select ${d.concatInByteOrder(`case when ${eligible} then f.id || ${d.tab} || f.risk_class || ${d.lineFeed} end`, 'f.id')} as pool,
        ${d.concatInByteOrder(`case when not (${eligible}) then ',["' || f.id || '","' || ${reason} || '"]' end`, 'f.id')} as exclusions,
        sum(case when not (${eligible}) then 1 else 0 end) as excluded,
        ${items.map((_, i) => `sum(case when ${eligible} and f.o${i} = 1 then 1 else 0 end) as n${i}`).join(', ')}
      from f`,
    facts.params,
  );
  // The rules evaluated again only for the targets that have a conflict.
  const conflicted = 't.id in (select target_id from conflict where deleted_at is null)';
  const conflicts = await rows<{ target_id: string; inspector_id: string }>(
    ctx,
    `with f as materialized (${facts.sql} and ${conflicted})
      select c.target_id, c.inspector_id from conflict c join f on f.id = c.target_id
      where c.deleted_at is null and ${eligible} order by c.target_id, c.inspector_id`,
    facts.params,
  );
  const itemPools = items.map((_, i) => toNumber(frozen?.[`n${i}`]));
  const pool = String(frozen?.pool ?? '');
  // Count the strata from the text itself rather than asking the database to evaluate the rules again.
  const strata = new Map<string, number>();
  for (let tab = pool.indexOf('\t'); tab >= 0; tab = pool.indexOf('\t', tab + 1)) {
    const end = pool.indexOf('\n', tab);
    const stratum = pool.slice(tab + 1, end);
    strata.set(stratum, (strata.get(stratum) ?? 0) + 1);
    tab = end;
  }
  return {
    pool,
    poolSize: [...strata.values()].reduce((sum, n) => sum + n, 0),
    strata: [...strata.keys()],
    itemPools,
    conflicts: conflicts.map((c): ConflictEntry => [c.target_id, c.inspector_id]),
    // Stored as the JSON array of [id, reason] pairs it is published as.
    exclusions: `[${String(frozen?.exclusions ?? '').slice(1)}]`,
    excludedCount: toNumber(frozen?.excluded),
  };
}

/** Inspectors of the task's departments, on duty, certified on the first day, with the expertise asked for. */
async function roster(ctx: Context, task: Task, expertise: string | undefined): Promise<InspectorEntry[]> {
  const rootOf = await unitsOf(ctx, task.departmentIds);
  const day = task.windowStart;
  const params: unknown[] = [...rootOf.keys(), day, day];
  let sql = `select id, department_id from inspector where deleted_at is null and status = 'ON_DUTY' and department_id in (${[...rootOf.keys()].map(() => '?').join(',')}) and certificate_valid_from <= ? and certificate_valid_until >= ?`;
  if (expertise) {
    sql += ` and expertise ${LIKE}`;
    params.push(StringListType.containing(expertise));
  }
  const found = await rows<{ id: string; department_id: string }>(ctx, `${sql} order by id`, params);
  // Selected from the departments `rootOf` maps.
  return found.map((r): InspectorEntry => [
    r.id,
    present(rootOf.get(r.department_id), `the department of inspector ${r.id}`),
  ]);
}

function checkRosterSuffices(team: TeamSpec, inspectors: readonly InspectorEntry[]): void {
  const missing = team.departments.filter((d) => !inspectors.some(([, department]) => department === d));
  if (inspectors.length < team.size || missing.length > 0)
    throw new BadInputError(
      text(
        `Too few inspectors: ${inspectors.length} are eligible (on duty, certified on the first day of the task${missing.length ? `; none from ${missing.length} of the departments` : ''}) for teams of ${team.size}. Add or renew inspectors, or reduce the team size.`,
        `执法检查人员不足：符合条件（在岗、任务首日持有效证件${missing.length ? `；有 ${missing.length} 个部门无人` : ''}）的仅 ${inspectors.length} 人，每组需 ${team.size} 人。请补充人员、更新证件或减少每组人数。`,
      ),
      'taskId',
    );
}

/** The draw for the actor, to read (public) or to act on. */
export async function findDraw(ctx: Context, id: string): Promise<Draw> {
  const draw = await ctx.em.findOne(Draw, { id });
  if (!draw) throw new NotFoundError(NOUN, id);
  return draw;
}

const LAZY = ['nonce', 'inspectors', 'conflicts', 'initialLoad'] as const;

/** Why a scheduled draw may not run yet: its declared source is not out, or the minimum delay not over. */
function notYet(draw: Draw, now: Date): Text {
  const from = formatChinaTime(draw.runAfter, true);
  if (draw.entropyPublishedAt && draw.entropyPublishedAt.getTime() > now.getTime()) {
    const out = formatChinaTime(draw.entropyPublishedAt, true);
    return text(
      `This draw may run from ${from} (China), not before: its declared entropy source publishes its outcome at ${out}.`,
      `该摇号须在 ${from}（北京时间）之后进行：所声明随机源的结果于 ${out} 公布。`,
    );
  }
  return text(
    `This draw may run from ${from} (China), not before: a draw runs no sooner than the minimum delay after it was scheduled, nor before the time set when scheduling it.`,
    `该摇号须在 ${from}（北京时间）之后进行：摇号须在安排后经过最短间隔，且不早于安排时设定的时间。`,
  );
}

/**
 * The run's public entropy: the declared source's outcome in its canonical text. A draw scheduled before
 * sources were declared takes any text, but not none.
 */
function entropyOf(draw: Draw, given: string): string {
  if (draw.entropySource && draw.entropyIssue) {
    const canonical = canonicalEntropy(draw.entropySource, draw.entropyIssue, given);
    if (!canonical.ok) throw new BadInputError(canonical.message, 'publicEntropy');
    return canonical.value;
  }
  if (given.trim() === '')
    throw new BadInputError(
      text(
        'Enter the public entropy: the outcome of a public event that did not exist when the draw was scheduled.',
        '请填写公开随机数：安排摇号时尚未产生的公开事件的结果。',
      ),
      'publicEntropy',
    );
  return given.trim();
}

export async function runDraw(ctx: Context, input: RunDrawInput): Promise<Draw> {
  const { em } = ctx;
  const existing = await findDraw(ctx, input.drawId);
  const task = await taskForDraw(ctx, existing.task.id, 'run');
  const now = ctx.clock();
  // The one transition SCHEDULED → DRAWN: a second caller (another process, a double click) finds no
  // row to change, waiting on PostgreSQL's row lock until the first commits.
  const changed = await em.nativeUpdate(
    Draw,
    { id: existing.id, status: 'SCHEDULED', runAfter: { $lte: now } },
    { status: 'DRAWN', ranAt: now },
  );
  if (changed === 0) {
    await em.refresh(existing);
    if (existing.status === 'DRAWN')
      throw new ConflictError(
        text(
          'This draw has already run: a draw runs once and is never re-drawn.',
          '该摇号已经进行：摇号只进行一次，不可重新摇号。',
        ),
      );
    throw new BadInputError(notYet(existing, now), 'drawId');
  }
  // Checked once the draw may run (a draw already run says so, whatever is typed); refused, the
  // transition above is rolled back with the rest.
  const publicEntropy = entropyOf(existing, input.publicEntropy);
  const draw = await em.findOneOrFail(Draw, existing.id, { populate: [...LAZY], refresh: true });
  const inspectors = JSON.parse(draw.inspectors) as InspectorEntry[];
  const initialLoad = await loadsOf(ctx, inspectors);
  // The pool as the system froze it, with the digest it took then: not parsed, checked or hashed again.
  const poolText = await poolOf(ctx.em, draw.id);
  let record: FrozenDrawOutcome;
  try {
    record = drawFromFrozenPool({
      drawId: draw.id,
      nonce: draw.nonce,
      publicEntropy,
      ratios: JSON.parse(draw.ratios) as Record<string, number>,
      poolText,
      poolDigest: draw.poolDigest,
      team: JSON.parse(draw.team) as TeamSpec,
      inspectors,
      conflicts: JSON.parse(draw.conflicts) as ConflictEntry[],
      initialLoad,
    });
  } catch (error) {
    asDrawError(error);
  }
  draw.status = 'DRAWN';
  draw.ranAt = now;
  draw.ranBy = signedIn(ctx);
  draw.publicEntropy = publicEntropy;
  draw.initialLoad = JSON.stringify(initialLoad);
  draw.seed = record.seed;
  draw.selectedCount = record.selected.length;
  draw.drawnOn = chinaDate(now);
  await em.flush();
  await writeDrawText(
    ctx.em,
    draw.id,
    'outcome',
    JSON.stringify({ selected: record.selected, assignments: record.assignments, replacements: [] }),
  );
  // The items frozen when the draw was scheduled (a draw scheduled before they were recorded: the task's).
  const items =
    draw.itemIds.length > 0
      ? await em.find(InspectionItem, { id: { $in: draw.itemIds } })
      : task.items.getItems().filter((i) => !i.deletedAt);
  // With one item every visit covers it, written with the row; with several, each is added where it applies.
  const only = items.length === 1 ? items[0] : undefined;
  await insertInspections(ctx, task, draw, record, now, only ? `,${only.id},` : '');
  if (only) await coverItem(ctx, draw, only, null);
  else for (const item of items) await coverItem(ctx, draw, item, openFor(item, draw.id));
  await refreshVisitFacts(em, { drawId: draw.id, fresh: { exact: only !== undefined } });
  await appendTrail(em, [
    {
      action: 'create',
      entity: 'Inspection',
      entityId: draw.id,
      before: null,
      after: { draw: draw.id, inspections: record.assignments.length },
    },
  ]);
  return draw;
}

/**
 * One inspection per selected target, and its team as rows beside the list: set-based inserts, each row
 * written with the facts the statistics read (as `refreshVisitFacts` computes them; its statements then
 * find nothing to change), the target's own read in the same statement.
 */
async function insertInspections(
  ctx: Context,
  task: Task,
  draw: Draw,
  record: FrozenDrawOutcome,
  now: Date,
  itemIds: string,
): Promise<void> {
  const at = now.toISOString();
  const list = new StringListType();
  const drawnOn = present(draw.drawnOn, 'the day the draw ran');
  const cooperating = task.cooperatingDepartmentIds.filter((id) => id !== task.department.id);
  // A visit covering several items or departments stands for the visits it saves: exact here for a task
  // of one item; with several, the refresh raises it where a visit's items outnumber the departments.
  const saved = cooperating.length;
  const deadline = publicationDeadline(task.windowEnd);
  const visits = record.assignments.map(([targetId, team]) => ({ id: randomUUID(), targetId, team }));
  await bulkInsert(
    ctx.em,
    'inspection',
    INSPECTION_COLUMNS,
    visits.map(({ id, targetId, team }) => [
      id,
      draw.id,
      task.id,
      targetId,
      list.convertToDatabaseValue([...team]),
      itemIds,
      'PENDING_ENTRY',
      at,
      at,
      drawnOn,
      task.department.id,
      cooperating.length > 0,
      deadline,
      'PENDING_ENTRY',
      saved,
    ]),
    {
      columns: ['region', 'target_kind', 'risk_class'],
      values: () => ['t.region', 't.kind', 't.risk_class'],
      // A left join: a visit of a target that is not there is refused by the foreign key, not dropped.
      join: (value) => `left join target t on t.id = ${value('target_id')}`,
    },
  );
  await bulkInsert(
    ctx.em,
    'inspection_member',
    MEMBER_COLUMNS,
    visits.flatMap(({ id, team }) => team.map((inspectorId) => [id, inspectorId, task.id, drawnOn])),
  );
}

const INSPECTION_COLUMNS = [
  { name: 'id', type: 'varchar' },
  { name: 'draw_id', type: 'varchar' },
  { name: 'task_id', type: 'varchar' },
  { name: 'target_id', type: 'varchar' },
  { name: 'team_ids', type: 'text' },
  { name: 'item_ids', type: 'text' },
  { name: 'state', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
  { name: 'drawn_on', type: 'varchar' },
  { name: 'initiating_department_id', type: 'varchar' },
  { name: 'joint', type: 'boolean' },
  { name: 'deadline', type: 'varchar' },
  { name: 'counted_state', type: 'text' },
  { name: 'saved', type: 'integer' },
] as const;

const MEMBER_COLUMNS = [
  { name: 'inspection_id', type: 'varchar' },
  { name: 'inspector_id', type: 'varchar' },
  { name: 'task_id', type: 'varchar' },
  { name: 'drawn_on', type: 'varchar' },
] as const;

/**
 * The visits of a draw that cover an item: all of them (`open` null, a task of one item), or, with several
 * items, each visit whose target the item applies to and was not yet inspected for this year (进一次门、
 * 查多项事) — as rows, and in the inspection's list, item order kept.
 */
async function coverItem(ctx: Context, draw: Draw, item: InspectionItem, open: Clause | null): Promise<void> {
  const where = open
    ? {
        sql: `draw_id = ? and exists (select 1 from target t where t.id = inspection.target_id and ${open.sql})`,
        params: [draw.id, ...open.params],
      }
    : { sql: 'draw_id = ?', params: [draw.id] };
  // With the visit's facts, as `refreshVisitFacts` copies them.
  const facts = VISIT_FACTS.join(', ');
  await rows(
    ctx,
    `insert into visit_item (inspection_id, item_id, draw_id, task_id, target_id, ${facts}, visit_problem, visit_closed)
      select id, ?, draw_id, task_id, target_id, ${facts}, problem, closed from inspection where ${where.sql}`,
    [item.id, ...where.params],
  );
  if (open)
    await rows(
      ctx,
      `update inspection set item_ids = case when item_ids = '' then ? else item_ids || ? end
        where draw_id = ? and exists (select 1 from visit_item vi where vi.inspection_id = inspection.id and vi.item_id = ?)`,
      [`,${item.id},`, `${item.id},`, draw.id, item.id],
    );
}

/** Assignments each inspector already holds: inspections still awaiting their result. */
async function loadsOf(ctx: Context, inspectors: readonly InspectorEntry[]): Promise<Record<string, number>> {
  const ids = [...new Set(inspectors.map(([id]) => id))];
  const load: Record<string, number> = {};
  const CHUNK = SQLITE_MAX_VARIABLES - 1;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const counted = await rows<{ inspector_id: string; n: number | string }>(
      ctx,
      `select m.inspector_id, count(*) as n from inspection_member m join inspection i on i.id = m.inspection_id
        where i.state = 'PENDING_ENTRY' and m.inspector_id in (${part.map(() => '?').join(', ')})
        group by m.inspector_id`,
      part,
    );
    for (const { inspector_id, n } of counted) load[inspector_id] = Number(n);
  }
  return load;
}

/** The record of a draw that has run (spec §6), replacements included. */
export async function recordOf(ctx: Context, draw: Draw): Promise<DrawRecord> {
  if (draw.status !== 'DRAWN')
    throw new ConflictError(
      text('This draw has not run yet: its record exists once it runs.', '该摇号尚未进行：摇号后才有记录。'),
    );
  await ctx.em.populate(draw, [...LAZY]);
  // A drawn draw has its outcome and seed.
  const outcome = JSON.parse(
    present(await drawText(ctx.em, draw.id, 'outcome'), `the outcome of draw ${draw.id}`),
  ) as Pick<DrawRecord, 'selected' | 'assignments' | 'replacements'>;
  return {
    format: 'suiji-draw/1',
    drawId: draw.id,
    commitment: draw.commitment,
    nonce: draw.nonce,
    publicEntropy: draw.publicEntropy ?? '',
    ratios: JSON.parse(draw.ratios) as Record<string, number>,
    pool: parsePool(await poolOf(ctx.em, draw.id)),
    poolDigest: draw.poolDigest,
    seed: present(draw.seed, `the seed of draw ${draw.id}`),
    selected: outcome.selected,
    team: JSON.parse(draw.team) as TeamSpec,
    inspectors: JSON.parse(draw.inspectors) as InspectorEntry[],
    conflicts: JSON.parse(draw.conflicts) as ConflictEntry[],
    initialLoad: JSON.parse(draw.initialLoad ?? '{}') as Record<string, number>,
    assignments: outcome.assignments,
    replacements: outcome.replacements,
  };
}

/**
 * The record as published (record.json): the same, but a replacement's reason is only ever one of the
 * codes. Replacements recorded before reasons were codes carried free text, published as OTHER; the
 * reason plays no part in the draw, so the record verifies all the same.
 */
export function publishedRecord(record: DrawRecord): DrawRecord {
  const codes: readonly string[] = REPLACEMENT_REASONS;
  return {
    ...record,
    replacements: record.replacements.map((r) => ({
      ...r,
      reason: codes.includes(r.reason) ? r.reason : 'OTHER',
    })),
  };
}

export async function verifyDraw(ctx: Context, id: string): Promise<{ ok: boolean; field: string | null }> {
  const result = verifyDrawRecord(await recordOf(ctx, await findDraw(ctx, id)), DRAW_OPTIONS);
  return result.ok ? { ok: true, field: null } : { ok: false, field: result.field };
}

export async function replaceInspector(ctx: Context, input: ReplaceInspectorInput): Promise<Inspection> {
  const { em } = ctx;
  const inspection = await em.findOne(Inspection, { id: input.inspectionId });
  if (!inspection) throw new NotFoundError(text('Inspection', '检查'), input.inspectionId);
  await taskForDraw(ctx, inspection.task.id, 'replace');
  // Replacements of one draw go one at a time: each is drawn from the record with the earlier ones.
  const draw = await em.findOneOrFail(Draw, inspection.draw.id, dialectOf(ctx.em).lockRows);
  await em.refresh(inspection);
  if (inspection.state !== 'PENDING_ENTRY')
    throw new ConflictError(
      text(
        'The result of this inspection has been entered: its team can no longer change.',
        '该检查的结果已录入，检查组不能再更换。',
      ),
    );
  const record = await recordOf(ctx, draw);
  let next: DrawRecord;
  try {
    next = applyReplacement(
      record,
      { target: inspection.target.id, out: input.inspectorId, reason: input.reason },
      DRAW_OPTIONS,
    );
  } catch (error) {
    asDrawError(error);
  }
  const added = present(next.replacements[next.replacements.length - 1], 'the replacement just made');
  inspection.teamIds = inspection.teamIds.map((id) => (id === added.out ? added.in : id));
  await em.flush();
  // The team place changes between the summaries' taking the visit out and putting it back.
  await refreshVisitFacts(em, { inspectionIds: [inspection.id] }, async () => {
    await rows(
      ctx,
      'update inspection_member set inspector_id = ? where inspection_id = ? and inspector_id = ?',
      [added.in, inspection.id, added.out],
    );
  });
  await writeDrawText(
    ctx.em,
    draw.id,
    'outcome',
    JSON.stringify({
      selected: next.selected,
      assignments: next.assignments,
      replacements: next.replacements,
    }),
  );
  await rows(ctx, 'update draw set updated_at = ? where id = ?', [ctx.clock().toISOString(), draw.id]);
  // The record says why by its code; the coordinator's words, which may concern a person, stay in the trail.
  await appendTrail(em, [
    {
      action: 'replace',
      entity: 'Draw',
      entityId: draw.id,
      before: null,
      after: { ...added, note: input.note.trim() },
    },
  ]);
  return inspection;
}

/** The revealed nonce of the request's run draws, a page's in one statement (the column is lazy). */
export async function nonceOf(ctx: Context, draw: Draw): Promise<string | null> {
  const loader = loaderOf(ctx, 'drawNonce', async (ids) => {
    const found = await rows<{ id: string; nonce: string }>(
      ctx,
      `select id, nonce from draw where status = 'DRAWN' and id in (${placeholders(ids)})`,
      ids,
    );
    return new Map(found.map((row) => [row.id, row.nonce]));
  });
  return (await loader.load(draw.id)) ?? null;
}

/** A large text of a draw, or null when it has none (yet). */
export async function drawText(
  em: EntityManager,
  drawId: string,
  name: DrawTextName,
): Promise<string | null> {
  const row = await selectOne<{ content: string }>(
    em,
    'select content from draw_text where draw_id = ? and name = ?',
    [drawId, name],
  );
  return row?.content ?? null;
}

/** The frozen pool of a scheduled draw. */
async function poolOf(em: EntityManager, drawId: string): Promise<string> {
  return present(await drawText(em, drawId, 'pool'), `the pool of draw ${drawId}`);
}

/** Writes (or replaces) a large text of a draw, as a parameter (the ORM would quote it into the SQL). */
async function writeDrawText(em: EntityManager, drawId: string, name: DrawTextName, content: string) {
  await execute(
    em,
    'insert into draw_text (draw_id, name, content) values (?, ?, ?) on conflict (draw_id, name) do update set content = excluded.content',
    [drawId, name, content],
  );
}
