import type { Row } from '../../db/rows.js';
import { ATTACHMENT_TYPES, ATTACHMENTS_PER_INSPECTION_MAX } from '@suiji/domain';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Policy } from '../../graphql/policy.js';
import { Inspection } from '../inspection/inspection.entity.js';
import { Attachment } from './attachment.entity.js';
import * as attachments from './attachment.service.js';

@ObjectType({ description: 'What an attachment may be; uploads go to POST /inspections/{id}/attachments' })
class AttachmentRules {
  @Field(() => Int, { description: 'The largest file accepted, in bytes' })
  maxBytes!: number;

  @Field(() => Int, { description: 'The most attachments one inspection may have' })
  maxCount!: number;

  @Field(() => [String], { description: 'The accepted types, judged by content' })
  mimeTypes!: string[];
}

@Resolver(() => Attachment)
export class AttachmentResolver {
  @Policy('list', 'inspections')
  @Query(() => AttachmentRules)
  attachmentRules(@Ctx() ctx: Context): AttachmentRules {
    return {
      maxBytes: ctx.settings.attachmentMaxBytes,
      maxCount: ATTACHMENTS_PER_INSPECTION_MAX,
      mimeTypes: ATTACHMENT_TYPES.map((t) => t.mimeType),
    };
  }

  @Policy('enter', 'inspections')
  @Mutation(() => Attachment, {
    description: "Removes an attachment of one of your team's results while it can still be entered",
  })
  deleteAttachment(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return attachments.deleteAttachment(ctx, id);
  }
}

/** Adds the attachments to the inspection type, from this module (the inspection module need not know). */
@Resolver(() => Inspection)
export class InspectionAttachmentsResolver {
  @FieldResolver(() => [Attachment], {
    description:
      'Photos and PDF scans of the result, oldest first; empty for readers who may not see the inspection (the public)',
  })
  async attachments(@Root() inspection: Row<Inspection>, @Ctx() ctx: Context) {
    if (!(await attachments.mayShowInspection(ctx, inspection))) return [];
    return attachments.attachmentsOf(ctx, inspection.id);
  }
}
