import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { listEntities, PageInput, PageType } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import { TrailEntry } from './trail.entity.js';
import { verifyTrail } from './trail.verify.js';

@InputType()
class TrailFilter {
  @Field(() => String, { nullable: true })
  entity?: string;

  @Field(() => ID, { nullable: true })
  entityId?: string;

  @Field(() => ID, { nullable: true })
  actorId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'create, update, delete, or an operation such as replace',
  })
  action?: string;

  @Field(() => Date, { nullable: true, description: 'Changes at or after this time' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Changes before this time' })
  to?: Date;
}

@ObjectType()
class TrailVerification {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => Int, { description: 'Entries found intact before the first broken one' })
  checked!: number;

  @Field(() => Int, { nullable: true, description: 'The first entry that does not hold' })
  brokenSeq!: number | null;

  @Field(() => String, { nullable: true })
  problem!: string | null;
}

const TrailPage = PageType(TrailEntry, 'TrailPage');

@Resolver()
export class TrailResolver {
  @Policy('list', 'trail')
  @Query(() => TrailPage, { description: 'The trail, newest first' })
  trail(
    @Ctx() { em }: Context,
    @Arg('filter', () => TrailFilter, { nullable: true }) filter: TrailFilter = {},
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    const where: FilterQuery<TrailEntry> = {};
    if (filter.entity) where.entity = filter.entity;
    if (filter.entityId) where.entityId = filter.entityId;
    if (filter.actorId) where.actorId = filter.actorId;
    if (filter.action) where.action = filter.action;
    if (filter.from || filter.to)
      where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    return listEntities(em, TrailEntry, {
      where,
      searchFields: [],
      sortable: ['seq'],
      sort: { field: 'seq', order: 'DESC' as never },
      page,
      softDelete: false,
    });
  }

  @Policy('show', 'trail')
  @Query(() => TrailVerification, {
    description: 'Recomputes the whole chain and names the first broken entry',
  })
  verifyTrail(@Ctx() { em }: Context) {
    return verifyTrail(em);
  }
}
