import { Entity, Index, ManyToOne, Property, type Opt, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity.js';
import { related } from '../../graphql/loaders.js';
import { Personal } from '../../graphql/personal.js';
import { Inspection } from '../inspection/inspection.entity.js';
import { scopedInspection } from '../inspection/inspection.scope.js';

/**
 * A photo or PDF scan attached to an inspection's result by a member of its team. The content is read
 * only to be downloaded (lazy), never serialised (hidden); `sha256` lets anyone check a copy against the
 * trail, which records the upload without the content.
 */
@ObjectType({ simpleResolvers: true, description: '检查结果附件（照片、PDF）' })
@Entity()
// Listing an inspection's attachments in order (SQLite also indexes the foreign key alone; PostgreSQL does not).
@Index({ properties: ['inspection', 'createdAt'] })
export class Attachment extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => Inspection)
  inspection!: Rel<Inspection>;

  @Field(() => ID)
  get inspectionId(): Opt<string> {
    return this.inspection.id;
  }

  @Field(() => String, { description: 'The name the file was uploaded with' })
  @Property({ type: 'string', length: 200 })
  fileName!: string;

  @Field(() => String, {
    description: 'The type its content shows (image/jpeg, image/png, image/webp, application/pdf)',
  })
  @Property({ type: 'string', length: 100 })
  mimeType!: string;

  @Field(() => Int, { description: 'Bytes' })
  @Property({ type: 'integer' })
  size!: number;

  @Field(() => String, { description: 'hex(SHA-256(content))' })
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Field(() => ID, { nullable: true })
  @Personal<Attachment>('inspections', async (attachment, ctx) =>
    scopedInspection(ctx, await related(ctx, Inspection, attachment.inspection, attachment.inspection.id)),
  )
  @Property({ type: 'string', length: 36 })
  uploadedById!: string;

  @Property({ type: 'blob', lazy: true, hidden: true })
  content!: Buffer;

  @Field(() => String, { description: 'Where a signed-in reader downloads it (GET, with the login token)' })
  get url(): Opt<string> {
    return `/attachments/${this.id}`;
  }

  @Field(() => Date)
  declare createdAt: Opt<Date>;
}
