/**
 * Merge proposals (合并建议): finding tasks of different departments in one quarter whose draws would visit
 * the same targets, the visits one joint task would save, proposing the merge, and — once every
 * department involved has accepted — merging the tasks into one joint task, in the same transaction.
 */
import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import {
  MAX_LENGTH,
  defaultRatios,
  YEAR_MAX,
  YEAR_MIN,
  canAccess,
  expectedVisits,
  highestRatios,
  quarterBounds,
  quarterOf,
  text,
  unionFilter,
  type PerClass,
  type RiskClass,
} from '@suiji/domain';
import { allOf, placeholders, type Clause } from '../../db/query.js';
import { selectRows, type SqlNumber } from '../../db/sql.js';
import type { Context } from '../../graphql/context.js';
import { BadInputError, ConflictError, NotFoundError } from '../../graphql/errors.js';
import { SortOrder } from '../../graphql/enums.js';
import { listEntities, type Page, type PageInput } from '../../graphql/list.js';
import { loaderOf, manyByKey } from '../../graphql/loaders.js';
import { assertRecordAccess, signedInActor } from '../../graphql/policy.js';
import { present } from '../../invariant.js';
import { Department } from '../department/department.entity.js';
import { Draw } from '../draw/draw.entity.js';
import { DEREGISTERED, poolScope } from '../target/target-pool.js';
import type { InspectionItem } from '../item/item.entity.js';
import { writeTaskDepartments } from '../statistics/visit-facts.js';
import { TaskAcceptance } from '../task/task-acceptance.entity.js';
import { Task } from '../task/task.entity.js';
import { checkedReason } from '../task/task.service.js';
import { MergeProposal, MergeResponse } from './merge.entity.js';

const NOUN = text('Merge proposal', '合并建议');

function liveItems(task: Task): InspectionItem[] {
  return task.items.getItems().filter((item) => !item.deletedAt);
}

/** The targets a task's draw may pick (its pool's scope, registered), before this year's exclusions. */
function poolOf(task: Task): Clause {
  return allOf([poolScope(task, liveItems(task)), { sql: `not (${DEREGISTERED.sql})`, params: [] }]);
}

/** The ratio a task's draw uses per risk class: the highest of its items'. */
function ratiosOf(task: Task): PerClass {
  return defaultRatios(liveItems(task));
}

interface Figures {
  targetCount: number;
  separateVisits: number;
  jointVisits: number;
}

/**
 * The overlap of the tasks' pools and the visits their draws are expected to make, apart and as one joint
 * task (the union of the pools, at the highest ratio per class), counted by the database in one pass.
 */
async function figuresOf(em: EntityManager, tasks: readonly Task[]): Promise<Figures> {
  const pools = tasks.map(poolOf);
  const flags = pools.map((p) => ({ sql: `case when ${p.sql} then 1 else 0 end`, params: p.params }));
  const sql = `select t.risk_class as risk_class, count(*) as joint,
      ${flags.map((f, i) => `sum(${f.sql}) as n${i}`).join(', ')},
      sum(case when ${flags.map((f) => f.sql).join(' + ')} >= 2 then 1 else 0 end) as overlap
    from target t where ${pools.map((p) => `(${p.sql})`).join(' or ')}
    group by t.risk_class`;
  const params = [
    ...flags.flatMap((f) => f.params),
    ...flags.flatMap((f) => f.params),
    ...pools.flatMap((p) => p.params),
  ];
  const rows = await selectRows<Record<string, SqlNumber> & { risk_class: RiskClass }>(em, sql, params);
  const joint: PerClass = {};
  const apart: PerClass[] = tasks.map(() => ({}));
  let targetCount = 0;
  for (const row of rows) {
    const c = row.risk_class;
    joint[c] = Number(row.joint);
    apart.forEach((pool, i) => (pool[c] = Number(row[`n${i}`])));
    targetCount += Number(row.overlap);
  }
  const ratios = tasks.map(ratiosOf);
  return {
    targetCount,
    separateVisits: apart.reduce((sum, pool, i) => sum + expectedVisits(pool, ratios[i] ?? {}), 0),
    jointVisits: expectedVisits(joint, highestRatios(ratios)),
  };
}

/** Tasks of different departments that do not already share one (a merge would join a department to itself). */
function apart(a: Task, b: Task): boolean {
  return !a.departmentIds.some((id) => b.departmentIds.includes(id));
}

const setKey = (ids: readonly string[]) => [...ids].sort().join(',');

/** Tasks of the quarter that may still be merged: not deleted, no draw scheduled, some item left. */
async function mergeableTasks(em: EntityManager, year: number, quarter: number): Promise<Task[]> {
  const [from, to] = quarterBounds(year, quarter);
  const tasks = await em.find(
    Task,
    { year, deletedAt: null, windowStart: { $gte: from }, windowEnd: { $lte: to } },
    { populate: ['items'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const drawn = new Set(
    (await em.find(Draw, { task: { $in: tasks.map((t) => t.id) } })).map((d) => d.task.id),
  );
  return tasks.filter((t) => !drawn.has(t.id) && liveItems(t).length > 0);
}

function checkedQuarter(year: number, quarter: number): void {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)
    throw new BadInputError(text('The quarter is 1, 2, 3 or 4.', '季度须为 1、2、3 或 4。'), 'quarter');
  if (year < YEAR_MIN || year > YEAR_MAX)
    throw new BadInputError(
      text(`The year must be from ${YEAR_MIN} to ${YEAR_MAX}.`, `年度须在 ${YEAR_MIN} 至 ${YEAR_MAX} 之间。`),
      'year',
    );
}

/**
 * The merge proposals of a quarter the actor may see: those proposed (open first, then answered ones),
 * and, for each pair of tasks that would visit the same targets and are not yet proposed, a suggestion
 * (not stored), the largest saving first.
 */
export async function mergeProposals(ctx: Context, year: number, quarter: number): Promise<MergeProposal[]> {
  checkedQuarter(year, quarter);
  const { em } = ctx;
  const stored = (
    await em.find(MergeProposal, { year, quarter }, { orderBy: { createdAt: 'desc', id: 'asc' } })
  ).filter((p) => canAccess(ctx.actor, 'list', 'merges', p));
  const busy = new Set(stored.filter((p) => p.state === 'OPEN').flatMap((p) => p.taskIds));
  const proposed = new Set(stored.map((p) => setKey(p.taskIds)));
  const tasks = (await mergeableTasks(em, year, quarter)).filter((t) => !busy.has(t.id));
  const suggestions: MergeProposal[] = [];
  for (const [i, a] of tasks.entries())
    for (const b of tasks.slice(i + 1)) {
      const departmentIds = [...a.departmentIds, ...b.departmentIds];
      if (!apart(a, b) || proposed.has(setKey([a.id, b.id]))) continue;
      if (!canAccess(ctx.actor, 'list', 'merges', { departmentIds })) continue;
      const figures = await figuresOf(em, [a, b]);
      if (figures.targetCount === 0 || figures.separateVisits <= figures.jointVisits) continue;
      suggestions.push(
        Object.assign(new MergeProposal(), {
          year,
          quarter,
          taskIds: [a.id, b.id],
          departmentIds,
          state: 'SUGGESTED',
          ...figures,
        }),
      );
    }
  suggestions.sort((x, y) => y.visitsSaved - x.visitsSaved);
  return [
    ...stored.filter((p) => p.state === 'OPEN'),
    ...suggestions,
    ...stored.filter((p) => p.state !== 'OPEN'),
  ];
}

/**
 * 待办: the proposals awaiting an answer from one of the actor's departments (still open, that department's
 * answer pending), oldest first. One statement for the page and one for the total, over the responses'
 * (proposal, department) index.
 */
export async function proposalsAwaiting(ctx: Context, page?: PageInput): Promise<Page<MergeProposal>> {
  const mine = [...(ctx.actor?.departmentIds ?? [])];
  if (mine.length === 0) return { items: [], total: 0 };
  // Fresh conditions for the page and for its count: a raw condition may be used once.
  const where = (): FilterQuery<MergeProposal> => ({
    state: 'OPEN',
    [raw(
      (alias: string) =>
        `exists (select 1 from merge_response r where r.proposal_id = ${alias}.id and r.state = 'PENDING' and r.department_id in (${placeholders(mine)}))`,
      mine,
    )]: [],
  });
  return listEntities(ctx.em, MergeProposal, {
    where,
    searchFields: [],
    sortable: ['createdAt'],
    sort: { field: 'createdAt', order: SortOrder.ASC },
    page,
    // Proposals are never deleted: a merged or declined one keeps its state.
    softDelete: false,
  });
}

/**
 * Each involved department's answer, in the proposal's order. A suggestion's are all pending and not
 * stored.
 A page of proposals' answers are read in one statement (the request's loader).
 */
export async function responsesOf(ctx: Context, proposal: MergeProposal): Promise<MergeResponse[]> {
  if (proposal.state === 'SUGGESTED') {
    const departments = await manyByKey(ctx, Department, proposal.departmentIds);
    return proposal.departmentIds.map((id) =>
      Object.assign(new MergeResponse(), {
        department: present(
          departments.find((d) => d.id === id),
          `department ${id}`,
        ),
      }),
    );
  }
  // The answers of a page of proposals, in one statement.
  const loader = loaderOf(ctx, 'mergeResponses', async (ids) => {
    const found = await ctx.em.find(
      MergeResponse,
      { proposal: { $in: [...ids] } },
      { populate: ['department', 'answeredBy'] },
    );
    const byProposal = new Map<string, MergeResponse[]>();
    for (const response of found) {
      const list = byProposal.get(response.proposal.id) ?? [];
      list.push(response);
      byProposal.set(response.proposal.id, list);
    }
    return byProposal;
  });
  const responses = (await loader.load(proposal.id)) ?? [];
  return proposal.departmentIds.map((id) =>
    present(
      responses.find((r) => r.department.id === id),
      `the response of department ${id}`,
    ),
  );
}

/** Throws unless none of the tasks has a draw: a scheduled draw has frozen its task. */
async function assertNotDrawn(em: EntityManager, tasks: readonly Task[]): Promise<void> {
  const draw = await em.findOne(Draw, { task: { $in: tasks.map((t) => t.id) } }, { populate: ['task'] });
  if (draw)
    throw new ConflictError(
      text(
        `A draw of the task "${draw.task.name}" has been scheduled: a drawn task can no longer be merged.`,
        `任务“${draw.task.name}”已安排摇号，已摇号的任务不能再合并。`,
      ),
      'taskIds',
    );
}

/**
 * Proposes to merge the tasks into one joint task; the first task's department will initiate it. The
 * proposer's department accepts by proposing; the other departments' coordinators answer.
 */
export async function proposeMerge(ctx: Context, taskIds: readonly string[]): Promise<MergeProposal> {
  const { em } = ctx;
  const ids = [...new Set(taskIds)];
  if (ids.length < 2 || ids.length > 10)
    throw new BadInputError(
      text('Name from two to ten tasks to merge.', '请选择 2 至 10 个要合并的任务。'),
      'taskIds',
    );
  const tasks: Task[] = [];
  for (const id of ids) {
    const task = await em.findOne(Task, { id, deletedAt: null }, { populate: ['items'] });
    if (!task) throw new NotFoundError(text('Task', '抽查任务'), id);
    tasks.push(task);
  }
  const departmentIds = [...new Set(tasks.flatMap((t) => t.departmentIds))];
  // Only a coordinator of a department involved proposes: nobody learns about other tasks by trying.
  assertRecordAccess(ctx, 'create', 'merges', { departmentIds });
  const first = present(tasks[0], 'the first task');
  // 0 when the first task spans quarters: then no task matches it, the first included.
  const quarter = quarterOf(first.windowStart, first.windowEnd) ?? 0;
  for (const task of tasks)
    if (task.year !== first.year || quarterOf(task.windowStart, task.windowEnd) !== quarter)
      throw new BadInputError(
        text(
          `Task "${task.name}" is not in the same quarter as "${first.name}": tasks are merged when their windows lie within one quarter.`,
          `任务“${task.name}”与“${first.name}”不在同一季度：只合并检查时间在同一季度内的任务。`,
        ),
        'taskIds',
      );
  for (const [i, a] of tasks.entries())
    for (const b of tasks.slice(i + 1))
      if (!apart(a, b))
        throw new BadInputError(
          text(
            `Tasks "${a.name}" and "${b.name}" share a department: a merge joins tasks of different departments (change a department's own tasks instead).`,
            `任务“${a.name}”与“${b.name}”有共同参与部门：合并只针对不同部门的任务（同一部门的任务请直接修改）。`,
          ),
          'taskIds',
        );
  await assertNotDrawn(em, tasks);
  const open = await em.find(MergeProposal, { state: 'OPEN' });
  const clash = open.find((p) => p.taskIds.some((id) => ids.includes(id)));
  if (clash)
    throw new ConflictError(
      text(
        'One of these tasks is already in an open merge proposal: answer that one first.',
        '其中有任务已在待响应的合并建议中：请先答复该建议。',
      ),
      'taskIds',
    );
  const figures = await figuresOf(em, tasks);
  if (figures.targetCount === 0)
    throw new BadInputError(
      text(
        'These tasks would visit no target in common, so merging them saves no visit.',
        '这些任务没有共同的检查对象，合并不能减少入户检查次数。',
      ),
      'taskIds',
    );
  const proposal = em.create(MergeProposal, {
    year: first.year,
    quarter,
    taskIds: ids,
    departmentIds,
    ...figures,
    proposedBy: ctx.user,
  });
  for (const departmentId of departmentIds) {
    const mine = signedInActor(ctx).departmentIds.includes(departmentId);
    em.create(MergeResponse, {
      proposal,
      department: em.getReference(Department, departmentId),
      ...(mine ? { state: 'ACCEPTED' as const, answeredBy: ctx.user, answeredAt: ctx.clock() } : {}),
    });
  }
  await em.flush();
  return proposal;
}

/**
 * A coordinator answers a proposal for their department. One decline closes it; the last acceptance
 * merges the tasks.
 */
export async function respondToMergeProposal(
  ctx: Context,
  id: string,
  accept: boolean,
  reason: string | null,
): Promise<MergeProposal> {
  const { em } = ctx;
  const proposal = await em.findOne(MergeProposal, { id });
  if (!proposal) throw new NotFoundError(NOUN, id);
  assertRecordAccess(ctx, 'accept', 'merges', proposal);
  if (proposal.state !== 'OPEN')
    throw new ConflictError(
      text(
        `This proposal is closed (${proposal.state === 'ACCEPTED' ? 'merged' : 'declined'}): its answers are final.`,
        `该合并建议已${proposal.state === 'ACCEPTED' ? '合并' : '被拒绝'}，答复不能再更改。`,
      ),
    );
  const trimmed = checkedReason(accept, reason);
  // Read afresh (not through the request's loader): these are the rows this mutation changes.
  const stored = await em.find(MergeResponse, { proposal }, { populate: ['department', 'answeredBy'] });
  const responses = proposal.departmentIds.map((id) =>
    present(
      stored.find((r) => r.department.id === id),
      `the response of department ${id}`,
    ),
  );
  const actor = signedInActor(ctx);
  const mine = present(
    responses.find((r) => actor.departmentIds.includes(r.department.id)),
    'the response of your department',
  );
  Object.assign(mine, {
    state: accept ? 'ACCEPTED' : 'DECLINED',
    answeredBy: ctx.user,
    answeredAt: ctx.clock(),
    reason: accept ? null : trimmed,
  });
  let joint: Task | null = null;
  if (!accept) proposal.state = 'DECLINED';
  else if (responses.every((r) => r.state === 'ACCEPTED'))
    joint = await merge(em, proposal, responses, ctx.clock());
  await em.flush();
  if (joint) await writeTaskDepartments(em, joint);
  return proposal;
}

/**
 * The tasks become one joint task: the first task's department initiates it and the others cooperate;
 * its items, filters and window cover every task's; its team is the largest asked for (and holds one
 * inspector per department). The departments accepted it by accepting the merge. The tasks themselves
 * are soft-deleted, as a deleted task is everywhere already (lists, draws); the proposal keeps which
 * tasks the joint one replaced.
 */
async function merge(
  em: EntityManager,
  proposal: MergeProposal,
  responses: MergeResponse[],
  now: Date,
): Promise<Task> {
  const tasks = await em.find(
    Task,
    { id: { $in: proposal.taskIds }, deletedAt: null },
    { populate: ['items'] },
  );
  if (tasks.length !== proposal.taskIds.length)
    throw new ConflictError(
      text(
        'A task of this proposal has been deleted or merged since it was proposed: decline it, and propose again.',
        '该建议中的任务在提出后已被删除或合并：请拒绝此建议后重新提出。',
      ),
    );
  await assertNotDrawn(em, tasks);
  tasks.sort((a, b) => proposal.taskIds.indexOf(a.id) - proposal.taskIds.indexOf(b.id));
  const first = present(tasks[0], 'the first task');
  const departmentIds = [...new Set(tasks.flatMap((t) => t.departmentIds))];
  // A task may have changed its departments since: only the departments that answered may be joined.
  if (departmentIds.some((id) => !responses.some((r) => r.department.id === id)))
    throw new ConflictError(
      text(
        'A task of this proposal has changed its departments since it was proposed: decline it, and propose again.',
        '该建议中的任务在提出后更改了参与部门：请拒绝此建议后重新提出。',
      ),
    );
  const cooperating = departmentIds.filter((id) => id !== first.department.id);
  const regions = unionFilter(tasks.map((t) => t.regions));
  const tags = unionFilter(tasks.map((t) => t.tags));
  const riskClasses = unionFilter(tasks.map((t) => t.riskClasses));
  const targetKinds = unionFilter(tasks.map((t) => t.targetKinds));
  const directed = regions.length + tags.length + riskClasses.length + targetKinds.length > 0;
  const name = `联合抽查：${tasks.map((t) => t.name).join(' + ')}`;
  const joint = em.create(Task, {
    name: name.length > MAX_LENGTH.name ? `${name.slice(0, MAX_LENGTH.name - 1)}…` : name,
    year: first.year,
    department: first.department,
    cooperatingDepartmentIds: cooperating,
    scope: directed ? 'DIRECTED' : 'UNDIRECTED',
    regions,
    tags,
    riskClasses,
    targetKinds,
    windowStart: present(tasks.map((t) => t.windowStart).sort()[0], 'the first window start'),
    windowEnd: present(
      tasks
        .map((t) => t.windowEnd)
        .sort()
        .at(-1),
      'the last window end',
    ),
    teamSize: Math.max(departmentIds.length, ...tasks.map((t) => t.teamSize)),
  });
  joint.items.set([...new Map(tasks.flatMap(liveItems).map((item) => [item.id, item])).values()]);
  for (const departmentId of cooperating) {
    const response = present(
      responses.find((r) => r.department.id === departmentId),
      `the response of department ${departmentId}`,
    );
    em.create(TaskAcceptance, {
      task: joint,
      department: response.department,
      state: 'ACCEPTED',
      answeredBy: response.answeredBy,
      answeredAt: response.answeredAt,
    });
  }
  for (const task of tasks) task.deletedAt = now;
  proposal.state = 'ACCEPTED';
  proposal.mergedTask = joint;
  return joint;
}
