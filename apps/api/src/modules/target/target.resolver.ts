import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInput, PageType, SortInput } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import { Target } from './target.entity.js';
import { TargetFilter, TargetInput, TargetUpdateInput } from './target.input.js';
import * as targets from './target.service.js';

const TargetPage = PageType(Target, 'TargetPage');

@Resolver(() => Target)
export class TargetResolver {
  @Policy('list', 'targets')
  @Query(() => TargetPage)
  targets(
    @Ctx() { em }: Context,
    @Arg('filter', () => TargetFilter, { nullable: true }) filter?: TargetFilter,
    @Arg('sort', () => SortInput, { nullable: true }) sort?: SortInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return targets.listTargets(em, filter, sort, page);
  }

  @Policy('show', 'targets')
  @Query(() => Target, { nullable: true })
  target(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return em.findOne(Target, { id, deletedAt: null });
  }

  @Policy('list', 'targets')
  @Query(() => [String], { description: 'The target types (检查对象) in use in the registry' })
  targetTypes(@Ctx() { em }: Context) {
    return targets.distinctValues(em, 'target_types');
  }

  @Policy('list', 'targets')
  @Query(() => [String], { description: 'The regions (乡镇/街道) in use in the registry' })
  regions(@Ctx() { em }: Context) {
    return targets.distinctValues(em, 'region');
  }

  @Policy('list', 'targets')
  @Query(() => [String], { description: 'The tags (标签) in use in the registry' })
  targetTags(@Ctx() { em }: Context) {
    return targets.tagsInUse(em);
  }

  @Policy('create', 'targets')
  @Mutation(() => Target)
  createTarget(@Ctx() { em }: Context, @Arg('input', () => TargetInput) input: TargetInput) {
    return targets.createTarget(em, input);
  }

  @Policy('edit', 'targets')
  @Mutation(() => Target)
  updateTarget(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TargetUpdateInput) input: TargetUpdateInput,
  ) {
    return targets.updateTarget(em, id, input);
  }

  @Policy('delete', 'targets')
  @Mutation(() => Target)
  deleteTarget(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return targets.deleteTarget(em, id);
  }
}
