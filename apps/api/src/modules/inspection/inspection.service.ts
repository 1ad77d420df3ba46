/**
 * Results: a member of the inspection's team enters it (待录入 → 待审核), a coordinator of the task's
 * departments publishes or rejects it (→ 已公示 / 审核不通过, and a rejected one is entered again). A
 * published result never changes.
 */
import { isIsoDate, text } from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { BadInputError, ConflictError, NotFoundError } from '../../graphql/errors.js';
import { assertRecordAccess } from '../../graphql/policy.js';
import { Draw } from '../draw/draw.entity.js';
import { Inspector } from '../inspector/inspector.entity.js';
import { today } from '../inspector/inspector.service.js';
import { Task } from '../task/task.entity.js';
import { Inspection } from './inspection.entity.js';
import type { ResultInput, ReviewInput } from './inspection.input.js';

/** The inspection as the role policy sees it: its task's departments and its team members' users. */
export async function scopedInspection(ctx: Context, inspection: Inspection) {
  const task = await ctx.em.findOneOrFail(Task, inspection.task.id);
  const members = await ctx.em.find(
    Inspector,
    { id: { $in: inspection.teamIds } },
    { fields: ['id', 'user'] },
  );
  return { departmentIds: task.departmentIds, userIds: members.map((m) => m.user?.id ?? '').filter(Boolean) };
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
  const draw = await ctx.em.findOneOrFail(Draw, inspection.draw.id);
  const drawnOn = draw.ranAt!.toISOString().slice(0, 10);
  if (!isIsoDate(input.inspectedOn))
    throw new BadInputError(
      text(
        `"${input.inspectedOn}" is not a date: write YYYY-MM-DD.`,
        `“${input.inspectedOn}”不是有效日期：请按 YYYY-MM-DD 填写。`,
      ),
      'inspectedOn',
    );
  if (input.inspectedOn < drawnOn)
    throw new BadInputError(
      text(`The inspection cannot precede the draw of ${drawnOn}.`, `检查日期不能早于摇号日期 ${drawnOn}。`),
      'inspectedOn',
    );
  if (input.inspectedOn > today())
    throw new BadInputError(
      text('The inspection date is in the future.', '检查日期晚于今天。'),
      'inspectedOn',
    );
  if (input.methodsUsed.length === 0)
    throw new BadInputError(
      text('Choose the inspection methods used.', '请选择所用的检查方式。'),
      'methodsUsed',
    );
  const changed = await ctx.em.nativeUpdate(
    Inspection,
    { id: inspection.id, state: { $in: ['PENDING_ENTRY', 'REJECTED'] } },
    {
      state: 'PENDING_REVIEW',
      resultCategory: input.category,
      findings: input.findings.trim() || null,
      methodsUsed: [...new Set(input.methodsUsed)],
      inspectedOn: input.inspectedOn,
      followUp: input.followUp,
      enteredById: ctx.user!.id,
      enteredAt: new Date(),
      updatedAt: new Date(),
    },
  );
  if (changed === 0)
    throw new ConflictError(text('Someone entered this result at the same moment.', '该结果刚被他人录入。'));
  await ctx.em.refresh(inspection);
  return inspection;
}

export async function reviewResult(ctx: Context, input: ReviewInput): Promise<Inspection> {
  const inspection = await findInspection(ctx, input.inspectionId);
  assertRecordAccess(ctx, 'review', 'inspections', await scopedInspection(ctx, inspection));
  const comment = input.comment?.trim() || null;
  if (!input.approve && !comment)
    throw new BadInputError(
      text(
        'Say why the result is rejected, so the team can correct it.',
        '请说明不通过的理由，以便检查组修改。',
      ),
      'comment',
    );
  const now = new Date();
  // One review wins: the second of two simultaneous reviews finds nothing awaiting review.
  const changed = await ctx.em.nativeUpdate(
    Inspection,
    { id: inspection.id, state: 'PENDING_REVIEW' },
    {
      state: input.approve ? 'PUBLISHED' : 'REJECTED',
      reviewComment: comment,
      reviewedById: ctx.user!.id,
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
  await ctx.em.refresh(inspection);
  return inspection;
}
