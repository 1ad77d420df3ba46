import { TimestampType } from '../../db/timestamp.type.js';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Personal } from '../../graphql/personal.js';

/**
 * 全程留痕: one change — who, when, what, before and after — in an append-only log. Each entry commits
 * to the previous one: `hash = SHA-256(prevHash LF seq LF at LF actorId LF action LF entity LF entityId LF before LF after)`,
 * so changing, removing or reordering any entry breaks the chain from there on.
 */
@ObjectType({ simpleResolvers: true, description: '留痕记录' })
@Entity({ tableName: 'trail_entry' })
export class TrailEntry {
  @Field(() => Int, { description: 'Position in the chain, from 1' })
  @PrimaryKey({ type: 'integer', autoincrement: false })
  seq!: number;

  @Field(() => Date)
  @Property({ type: TimestampType })
  at!: Date;

  @Field(() => ID, { nullable: true, description: 'The user who made the change (null: the system)' })
  @Personal('trail', () => ({}))
  @Index()
  @Property({ type: 'string', length: 36, nullable: true })
  actorId!: string | null;

  @Field(() => String, { description: 'create, update or delete, or an operation such as import or run' })
  @Property({ type: 'string', length: 32 })
  action!: string;

  @Field(() => String)
  @Index()
  @Property({ type: 'string', length: 64 })
  entity!: string;

  @Field(() => String)
  @Index()
  @Property({ type: 'string', length: 64 })
  entityId!: string;

  @Field(() => String, { nullable: true, description: 'The changed fields before, as canonical JSON' })
  @Property({ type: 'text', nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The changed fields after, as canonical JSON' })
  @Property({ type: 'text', nullable: true })
  after!: string | null;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 64 })
  hash!: string;
}
