/**
 * Attachments to an inspection's result: a member of its team adds or removes photos and PDF scans while
 * the result can still be entered (待录入 or 审核不通过); whoever may see the inspection downloads them.
 * The content is never written to the trail: the trail records name, type, size and SHA-256.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  attachmentCountProblem,
  ATTACHMENT_SNIFF_BYTES,
  canAccess,
  checkAttachment,
  text,
  type Action,
  type AttachmentProblem,
  type AttachmentProblemCode,
} from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from '../../graphql/errors.js';
import { assertRecordAccess, signedIn } from '../../graphql/policy.js';
import { Inspection } from '../inspection/inspection.entity.js';
import { scopedInspection } from '../inspection/inspection.scope.js';
import { appendTrail, trailActor } from '../trail/trail.service.js';
import { Attachment } from './attachment.entity.js';

const ATTACHMENT = text('Attachment', '附件');
const INSPECTION = text('Inspection', '检查');

/** The API error code of each refusal of the domain's attachment rules (HTTP: 400, 413, 415, 409). */
const CODE_OF_PROBLEM: Record<AttachmentProblemCode, string> = {
  BAD_NAME: 'BAD_USER_INPUT',
  EMPTY: 'BAD_USER_INPUT',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  TYPE_MISMATCH: 'UNSUPPORTED_MEDIA_TYPE',
  TOO_MANY: 'CONFLICT',
};

/** A file refused by the attachment rules; `extensions.reason` is the domain's problem code. */
export class AttachmentRejectedError extends AppError {
  constructor(problem: AttachmentProblem) {
    super(CODE_OF_PROBLEM[problem.code], problem.message);
    this.extensions.reason = problem.code;
  }
}

/** Refuses before looking at any record when the role may not do this to inspections at all. */
function assertRole(ctx: Context, action: Action): void {
  if (!canAccess(ctx.actor, action, 'inspections'))
    throw ctx.actor ? new ForbiddenError() : new UnauthenticatedError();
}

/**
 * The inspection whose attachments `ctx` is about to change: it exists, the actor is a member of its
 * team (the rule for entering its result), and its result can still be entered.
 */
export async function inspectionToAttachTo(ctx: Context, inspectionId: string): Promise<Inspection> {
  assertRole(ctx, 'enter');
  const inspection = await ctx.em.findOne(Inspection, { id: inspectionId });
  if (!inspection) throw new NotFoundError(INSPECTION, inspectionId);
  assertRecordAccess(ctx, 'enter', 'inspections', await scopedInspection(ctx, inspection));
  if (inspection.state === 'PUBLISHED')
    throw new ConflictError(
      text(
        'This result is published: its attachments can no longer change.',
        '该结果已公示，附件不能再修改。',
      ),
    );
  if (inspection.state === 'PENDING_REVIEW')
    throw new ConflictError(
      text(
        'This result awaits review: its attachments can change only if the reviewer rejects it.',
        '该结果正在审核，审核不通过后方可修改附件。',
      ),
    );
  return inspection;
}

/** What the trail keeps of an attachment: everything but the content. */
function trailFields(
  a: Pick<Attachment, 'fileName' | 'mimeType' | 'size' | 'sha256' | 'uploadedById'> & {
    inspection: { id: string };
  },
): Record<string, unknown> {
  return {
    inspection: a.inspection.id,
    fileName: a.fileName,
    mimeType: a.mimeType,
    size: a.size,
    sha256: a.sha256,
    uploadedById: a.uploadedById,
  };
}

/** Refuses an upload before its body is read: who may attach, in which state, and how many. */
export async function assertMayUpload(ctx: Context, inspectionId: string): Promise<void> {
  const inspection = await inspectionToAttachTo(ctx, inspectionId);
  const problem = attachmentCountProblem(await ctx.em.count(Attachment, { inspection }));
  if (problem) throw new AttachmentRejectedError(problem);
}

export interface Upload {
  fileName: string;
  /** The declared Content-Type; may be empty. */
  declaredType: string;
  content: Buffer;
}

/**
 * Checks an uploaded file against the rules and stores it with its trail entry, in one transaction:
 * when anything fails, nothing is written.
 */
export async function saveAttachment(
  ctx: Context,
  inspectionId: string,
  upload: Upload,
  maxBytes: number,
): Promise<Attachment> {
  const check = checkAttachment(
    {
      fileName: upload.fileName,
      declaredType: upload.declaredType,
      size: upload.content.length,
      head: upload.content.subarray(0, ATTACHMENT_SNIFF_BYTES),
    },
    maxBytes,
  );
  if (!check.ok) throw new AttachmentRejectedError(check.problem);
  const user = signedIn(ctx);
  return trailActor.run({ actorId: user.id }, () =>
    ctx.em.transactional(async (em) => {
      // Checked again inside the transaction: the result may have been entered meanwhile.
      const inspection = await inspectionToAttachTo({ ...ctx, em }, inspectionId);
      const now = new Date();
      const row = {
        id: randomUUID(),
        inspection,
        fileName: check.fileName,
        mimeType: check.type.mimeType,
        size: upload.content.length,
        sha256: createHash('sha256').update(upload.content).digest('hex'),
        uploadedById: user.id,
        createdAt: now,
        updatedAt: now,
      };
      await em.insert(Attachment, { ...row, content: upload.content });
      await appendTrail(em, [
        { action: 'create', entity: 'Attachment', entityId: row.id, before: null, after: trailFields(row) },
      ]);
      // Counted after the trail's append, which serialises writers, so two uploads at once cannot both
      // slip under the limit.
      const problem = attachmentCountProblem((await em.count(Attachment, { inspection })) - 1);
      if (problem) throw new AttachmentRejectedError(problem);
      return em.findOneOrFail(Attachment, row.id);
    }),
  );
}

/** Removes an attachment for good (a wrong photo may show someone it should not); the trail keeps its record. */
export async function deleteAttachment(ctx: Context, id: string): Promise<Attachment> {
  assertRole(ctx, 'enter');
  const attachment = await ctx.em.findOne(Attachment, { id });
  if (!attachment) throw new NotFoundError(ATTACHMENT, id);
  await inspectionToAttachTo(ctx, attachment.inspection.id);
  await ctx.em.nativeDelete(Attachment, { id });
  await appendTrail(ctx.em, [
    { action: 'delete', entity: 'Attachment', entityId: id, before: trailFields(attachment), after: null },
  ]);
  return attachment;
}

/** Whether `ctx` may see the inspection, and so its attachments. */
export async function mayShowInspection(ctx: Context, inspection: Inspection): Promise<boolean> {
  return (
    canAccess(ctx.actor, 'show', 'inspections') &&
    canAccess(ctx.actor, 'show', 'inspections', await scopedInspection(ctx, inspection))
  );
}

/** The attachments of an inspection, oldest first (without their content). */
export function attachmentsOf(ctx: Context, inspectionId: string): Promise<Attachment[]> {
  return ctx.em.find(Attachment, { inspection: inspectionId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

/**
 * An attachment with its content, for staff who may see its inspection. The public may not download
 * attachments, not even of published results: photos show people and premises, and PDF orders carry
 * names and ID numbers; 一公开 publishes the result itself, which the published fields already do.
 */
export async function attachmentToDownload(
  ctx: Context,
  id: string,
): Promise<{ attachment: Attachment; content: Buffer }> {
  assertRole(ctx, 'show');
  const attachment = await ctx.em.findOne(Attachment, { id });
  if (!attachment) throw new NotFoundError(ATTACHMENT, id);
  const inspection = await ctx.em.findOneOrFail(Inspection, attachment.inspection.id);
  assertRecordAccess(ctx, 'show', 'inspections', await scopedInspection(ctx, inspection));
  await ctx.em.populate(attachment, ['content']);
  // PostgreSQL's driver gives a Buffer; libsql an ArrayBuffer, which MikroORM 6 passes on unconverted.
  const stored: unknown = attachment.content;
  const content = Buffer.isBuffer(stored) ? stored : Buffer.from(stored as ArrayBuffer);
  return { attachment, content };
}
