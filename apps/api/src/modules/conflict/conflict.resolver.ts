import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInput, PageType, SortInput } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import { Inspector } from '../inspector/inspector.entity.js';
import { Target } from '../target/target.entity.js';
import { Conflict } from './conflict.entity.js';
import { ConflictFilter, ConflictInput, ConflictUpdateInput } from './conflict.input.js';
import * as conflicts from './conflict.service.js';

const ConflictPage = PageType(Conflict, 'ConflictPage');

@Resolver(() => Conflict)
export class ConflictResolver {
  @Policy('list', 'conflicts')
  @Query(() => ConflictPage)
  conflicts(
    @Ctx() ctx: Context,
    @Arg('filter', () => ConflictFilter, { nullable: true }) filter?: ConflictFilter,
    @Arg('sort', () => SortInput, { nullable: true }) sort?: SortInput,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return conflicts.listConflicts(ctx, filter, sort, page);
  }

  @Policy('show', 'conflicts')
  @Query(() => Conflict, { nullable: true })
  conflict(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return conflicts.showConflict(ctx, id);
  }

  @Policy('create', 'conflicts')
  @Mutation(() => Conflict)
  createConflict(@Ctx() ctx: Context, @Arg('input', () => ConflictInput) input: ConflictInput) {
    return conflicts.createConflict(ctx, input);
  }

  @Policy('edit', 'conflicts')
  @Mutation(() => Conflict)
  updateConflict(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ConflictUpdateInput) input: ConflictUpdateInput,
  ) {
    return conflicts.updateConflict(ctx, id, input);
  }

  @Policy('delete', 'conflicts')
  @Mutation(() => Conflict)
  deleteConflict(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return conflicts.deleteConflict(ctx, id);
  }

  @FieldResolver(() => Inspector)
  inspector(@Root() conflict: Conflict, @Ctx() { em }: Context) {
    return em.findOneOrFail(Inspector, conflict.inspector.id);
  }

  @FieldResolver(() => Target)
  target(@Root() conflict: Conflict, @Ctx() { em }: Context) {
    return em.findOneOrFail(Target, conflict.target.id);
  }
}
