/**
 * Results: a member of the inspection's team enters it, one category per item of the visit (待录入 →
 * 待审核); a coordinator of the task's departments publishes or rejects it (→ 已公示 / 审核不通过, and a
 * rejected one is entered again). A published result never changes; publishing it applies its
 * categories' consequences to the target (risk class, abnormal list).
 */
import {
  BATCH_REVIEW_MAX,
  chinaDate,
  chinaToday,
  closableFollowUp,
  consequenceOf,
  ENTERABLE_STATES,
  missingItems,
  resultEntryProblems,
  reviewProblem,
  text,
} from '@suiji/domain';
import { dialectOf } from '../../db/dialect.js';
import type { Context } from '../../graphql/context.js';
import {
  AppError,
  BadInputError,
  BatchEntryError,
  ConflictError,
  NotFoundError,
} from '../../graphql/errors.js';
import { assertRecordAccess, signedIn } from '../../graphql/policy.js';
import { present } from '../../invariant.js';
import { Category } from '../category/category.entity.js';
import { categoriesForTask } from '../category/category.service.js';
import { Draw } from '../draw/draw.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import { refreshVisitFacts } from '../statistics/visit-facts.js';
import { Target } from '../target/target.entity.js';
import { Task } from '../task/task.entity.js';
import { appendTrail, lockWrites } from '../trail/trail.service.js';
import { Inspection } from './inspection.entity.js';
import { ItemResult } from './item-result.entity.js';
import { scopedInspection } from './inspection.scope.js';
import type { CloseFollowUpInput, ResultInput, ReviewInput } from './inspection.input.js';

/** The fields a result's transitions change, for the trail (the conditional updates bypass the unit of work). */
function resultFields(inspection: Inspection): Record<string, unknown> {
  return {
    state: inspection.state,
    methodsUsed: inspection.methodsUsed,
    inspectedOn: inspection.inspectedOn,
    enteredById: inspection.enteredById,
    reviewComment: inspection.reviewComment,
    reviewedById: inspection.reviewedById,
    publishedAt: inspection.publishedAt?.toISOString() ?? null,
  };
}

async function trailTransition(ctx: Context, inspection: Inspection, before: Record<string, unknown>) {
  await ctx.em.refresh(inspection);
  await appendTrail(ctx.em, [
    {
      action: 'update',
      entity: 'Inspection',
      entityId: inspection.id,
      before,
      after: resultFields(inspection),
    },
  ]);
}

async function findInspection(ctx: Context, id: string): Promise<Inspection> {
  const inspection = await ctx.em.findOne(Inspection, { id });
  if (!inspection) throw new NotFoundError(text('Inspection', '检查'), id);
  return inspection;
}

export async function enterResult(ctx: Context, input: ResultInput): Promise<Inspection> {
  const inspection = await findInspection(ctx, input.inspectionId);
  assertRecordAccess(ctx, 'enter', 'inspections', await scopedInspection(ctx, inspection));
  if (inspection.state === 'PUBLISHED' || inspection.state === 'PENDING_REVIEW')
    throw new ConflictError(
      inspection.state === 'PUBLISHED'
        ? text('This result is published and can no longer change.', '该结果已公示，不能再修改。')
        : text(
            'This result awaits review: it can change only if the reviewer rejects it.',
            '该结果正在审核，审核不通过后方可修改。',
          ),
    );
  await checkEntry(ctx, inspection, input);
  // The write lock first: the facts' refresh below updates the target's other visits, and a row
  // locked here before the lock was taken could hold up the transaction holding it.
  await lockWrites(ctx.em);
  const before = resultFields(inspection);
  const changed = await ctx.em.nativeUpdate(
    Inspection,
    {
      id: inspection.id,
      state: { $in: [...ENTERABLE_STATES] },
      // What the form was typed against: not a result entered (and sent back) since it was opened.
      ...(input.enteredAtSeen !== undefined ? { enteredAt: input.enteredAtSeen } : {}),
    },
    {
      state: 'PENDING_REVIEW',
      methodsUsed: [...new Set(input.methodsUsed)],
      inspectedOn: input.inspectedOn,
      enteredById: signedIn(ctx).id,
      enteredAt: ctx.clock(),
      updatedAt: ctx.clock(),
    },
  );
  if (changed === 0)
    throw new ConflictError(
      input.enteredAtSeen !== undefined
        ? text(
            'This result was entered since you opened the form (by a teammate, or by you elsewhere): reload the inspection to see what it holds now, then correct it if it needs it.',
            '打开表单后该结果已被录入（由同组人员或您在其他设备上录入）：请刷新查看当前内容，如需修改再更正。',
          )
        : text('Someone entered this result at the same moment.', '该结果刚被他人录入。'),
    );
  await trailTransition(ctx, inspection, before);
  // A rejected result is corrected in place: one row per item, kept.
  const existing = new Map(
    (await ctx.em.find(ItemResult, { inspection })).map((result) => [result.item.id, result]),
  );
  for (const entry of input.items) {
    const fields = {
      category: ctx.em.getReference(Category, entry.category),
      findings: entry.findings.trim() || null,
      followUp: entry.followUp,
    };
    const result = existing.get(entry.itemId);
    if (result) Object.assign(result, fields);
    else
      ctx.em.create(ItemResult, {
        inspection,
        item: ctx.em.getReference(InspectionItem, entry.itemId),
        ...fields,
      });
  }
  await ctx.em.flush();
  await refreshVisitFacts(ctx.em, { inspectionIds: [inspection.id] });
  return inspection;
}

/**
 * The domain's rules of an entry (`resultEntryProblems`), against the visit: the day of its draw, its items
 * (one result each) and the categories the task's departments may use.
 */
async function checkEntry(ctx: Context, inspection: Inspection, input: ResultInput): Promise<void> {
  if (inspection.itemIds.length === 0)
    throw new ConflictError(
      text(
        'This inspection covers no item (its items were removed from the list after the draw): ask the coordinator.',
        '该检查不涉及任何抽查事项（摇号后其事项已被删除）：请联系股室负责人。',
      ),
    );
  const draw = await ctx.em.findOneOrFail(Draw, inspection.draw.id);
  const task = await ctx.em.findOneOrFail(Task, inspection.task.id);
  const context = {
    today: chinaToday(ctx.clock()),
    // Both days in China: a draw at 00:30 in Beijing ran on that day, not on the UTC day before.
    drawnOn: draw.ranAt ? chinaDate(draw.ranAt) : undefined,
    itemIds: inspection.itemIds,
    categories: new Set((await categoriesForTask(ctx.em, task)).map((c) => c.code)),
  };
  const missing = missingItems(input, inspection.itemIds);
  // Named in the message: the items' names, read only when some are missing.
  const names = new Map(
    missing.length === 0
      ? []
      : (await ctx.em.find(InspectionItem, { id: { $in: missing } })).map((i) => [i.id, i.name]),
  );
  const [first] = resultEntryProblems(input, context, (id) => names.get(id) ?? id);
  if (first) throw new BadInputError(first.message, first.field);
}

/** Publishing: the target's record takes the consequences its categories carry. */
async function applyConsequences(ctx: Context, inspection: Inspection): Promise<void> {
  const { em } = ctx;
  const results = await em.find(ItemResult, { inspection });
  const categories = await em.find(Category, { code: { $in: results.map((r) => r.category.code) } });
  // Locked on PostgreSQL: two results of one target published at once must both raise its class.
  const target = await em.findOneOrFail(Target, inspection.target.id, {
    ...dialectOf(em).lockRows,
    refresh: true,
  });
  const next = consequenceOf(target, categories);
  target.riskClass = next.riskClass;
  if (next.abnormal && !target.abnormal) {
    target.abnormal = true;
    // An abnormal consequence comes of a category that marks the target abnormal.
    const reason = present(
      categories.find((c) => c.marksAbnormal),
      'the category that marks the target abnormal',
    );
    target.abnormalReason = `${reason.nameZh} (${inspection.inspectedOn ?? ''})`;
  }
  await em.flush();
}

export async function reviewResult(ctx: Context, input: ReviewInput): Promise<Inspection> {
  const inspection = await findInspection(ctx, input.inspectionId);
  assertRecordAccess(ctx, 'review', 'inspections', await scopedInspection(ctx, inspection));
  const comment = input.comment?.trim() || null;
  const problem = reviewProblem(input.approve, comment);
  if (problem) throw new BadInputError(problem.message, problem.field);
  // The write lock first: the facts' refresh below updates the target's other visits, and a row
  // locked here before the lock was taken could hold up the transaction holding it.
  await lockWrites(ctx.em);
  const before = resultFields(inspection);
  const now = ctx.clock();
  // One review wins: the second of two simultaneous reviews finds nothing awaiting review.
  const changed = await ctx.em.nativeUpdate(
    Inspection,
    { id: inspection.id, state: 'PENDING_REVIEW' },
    {
      state: input.approve ? 'PUBLISHED' : 'REJECTED',
      reviewComment: comment,
      reviewedById: signedIn(ctx).id,
      publishedAt: input.approve ? now : null,
      updatedAt: now,
    },
  );
  if (changed === 0)
    throw new ConflictError(
      text(
        'This result is not awaiting review (already reviewed, or not yet entered).',
        '该结果不在待审核状态（已审核或尚未录入）。',
      ),
    );
  await trailTransition(ctx, inspection, before);
  if (input.approve) await applyConsequences(ctx, inspection);
  await refreshVisitFacts(ctx.em, { inspectionIds: [inspection.id] });
  return inspection;
}

/**
 * Publishes several results awaiting review (批量审核通过), each checked as if it were reviewed alone, in the
 * mutation's one transaction: one that may not be published refuses the whole batch, and nothing is.
 */
export async function publishResults(ctx: Context, inspectionIds: readonly string[]): Promise<Inspection[]> {
  const ids = [...new Set(inspectionIds)];
  if (ids.length === 0 || ids.length !== inspectionIds.length || ids.length > BATCH_REVIEW_MAX)
    throw new BadInputError(
      text(
        `Choose between 1 and ${BATCH_REVIEW_MAX} different results to publish.`,
        `请选择 1 至 ${BATCH_REVIEW_MAX} 条不同的结果进行公示。`,
      ),
      'inspectionIds',
    );
  const published: Inspection[] = [];
  for (const [n, inspectionId] of ids.entries()) {
    try {
      published.push(await reviewResult(ctx, { inspectionId, approve: true }));
    } catch (error) {
      if (error instanceof AppError) throw new BatchEntryError(n + 1, inspectionId, error);
      throw error;
    }
  }
  return published;
}

/** The fields a closure sets, for the trail. */
function closureFields(result: ItemResult): Record<string, unknown> {
  return {
    closedOn: result.closedOn,
    closureOutcome: result.closureOutcome,
    closureNote: result.closureNote,
    closedById: result.closedById,
    closedAt: result.closedAt?.toISOString() ?? null,
  };
}

/**
 * Records how the follow-up of one item's problem ended (后续处置完结): by a coordinator of the task's
 * departments, once, after publication.
 */
export async function closeFollowUp(
  ctx: Context,
  inspectionId: string,
  itemId: string,
  input: CloseFollowUpInput,
): Promise<Inspection> {
  const inspection = await findInspection(ctx, inspectionId);
  assertRecordAccess(ctx, 'close', 'inspections', await scopedInspection(ctx, inspection));
  if (!inspection.itemIds.includes(itemId))
    throw new NotFoundError(text('Item of this inspection', '本次检查的抽查事项'), itemId);
  const result = await ctx.em.findOne(ItemResult, { inspection, item: itemId }, { populate: ['category'] });
  const problem = closableFollowUp(
    {
      state: inspection.state,
      problem: result?.category.problem ?? false,
      inspectedOn: inspection.inspectedOn,
      closedOn: result?.closedOn ?? null,
    },
    input,
    ctx.clock(),
  );
  if (problem)
    throw problem.field
      ? new BadInputError(problem.message, problem.field)
      : new ConflictError(problem.message);
  // A published result has one row per item: only an item removed from the list after the draw lacks one.
  if (!result) throw new NotFoundError(text('Result of item', '事项结果'), itemId);
  // The write lock first: the facts' refresh below updates the target's other visits, and a row
  // locked here before the lock was taken could hold up the transaction holding it.
  await lockWrites(ctx.em);
  const before = closureFields(result);
  const now = ctx.clock();
  // One closure wins: the second of two at once finds the follow-up closed.
  const changed = await ctx.em.nativeUpdate(
    ItemResult,
    { id: result.id, closedOn: null },
    {
      closedOn: input.closedOn,
      closureOutcome: input.outcome,
      closureNote: input.note?.trim() || null,
      closedById: signedIn(ctx).id,
      closedAt: now,
      updatedAt: now,
    },
  );
  if (changed === 0)
    throw new ConflictError(
      text('Someone closed this follow-up at the same moment.', '该后续处置刚被他人登记完结。'),
    );
  await ctx.em.refresh(result);
  await refreshVisitFacts(ctx.em, { inspectionIds: [inspection.id] });
  await appendTrail(ctx.em, [
    { action: 'update', entity: 'ItemResult', entityId: result.id, before, after: closureFields(result) },
  ]);
  return inspection;
}
