import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInput, SortInput } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import {
  PublicDraw,
  PublicDrawCheck,
  PublicEntity,
  PublicDrawFilter,
  PublicDrawnTargetFilter,
  PublicDrawnTargetPage,
  PublicDrawPage,
  PublicResultFilter,
  PublicResultPage,
} from './publication.types.js';
import * as publication from './publication.service.js';

@Resolver()
export class PublicationResolver {
  @Policy('list', 'publication')
  @Query(() => PublicResultPage, { description: 'Published results (公示), for everyone, newest first' })
  publicResults(
    @Ctx() ctx: Context,
    @Arg('filter', () => PublicResultFilter, { nullable: true }) filter?: PublicResultFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
    @Arg('sort', () => SortInput, {
      nullable: true,
      description: 'By publishedAt (the default, newest first) or inspectedOn',
    })
    sort?: SortInput,
  ) {
    return publication.listPublicResults(ctx, filter, page, sort);
  }

  @Policy('list', 'publication')
  @Query(() => PublicDrawPage, {
    description: 'Every draw, for everyone: its commitment before it runs, its record after; newest first',
  })
  publicDraws(
    @Ctx() ctx: Context,
    @Arg('filter', () => PublicDrawFilter, { nullable: true }) filter?: PublicDrawFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
    @Arg('sort', () => SortInput, {
      nullable: true,
      description: 'By createdAt (the default, newest first), runAfter or ranAt',
    })
    sort?: SortInput,
  ) {
    return publication.listPublicDraws(ctx, filter, page, sort);
  }

  @Policy('show', 'publication')
  @Query(() => PublicDraw, { nullable: true })
  publicDraw(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return publication.showPublicDraw(ctx, id);
  }

  @Policy('list', 'publication')
  @Query(() => PublicDrawnTargetPage, {
    description:
      "A draw's 抽查名单: the targets it selected, by name, credit code and region, with each visit's items",
  })
  publicDrawTargets(
    @Ctx() ctx: Context,
    @Arg('filter', () => PublicDrawnTargetFilter) filter: PublicDrawnTargetFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
    @Arg('sort', () => SortInput, {
      nullable: true,
      description: 'By createdAt (the default: as drawn) or region',
    })
    sort?: SortInput,
  ) {
    return publication.listPublicDrawnTargets(ctx, filter, page, sort);
  }

  @Policy('show', 'publication')
  @Query(() => PublicEntity, {
    nullable: true,
    description: "An entity's public page by its credit code; null unless it has a published result",
  })
  publicEntity(@Ctx() ctx: Context, @Arg('creditCode', () => String) creditCode: string) {
    return publication.showPublicEntity(ctx, creditCode);
  }

  @Policy('show', 'publication')
  @Query(() => PublicDrawCheck, {
    description:
      'Whether a draw considered an entity (by its credit code or full name): in its pool, or left out by the rules and why, and whether it was drawn; never its stratum (a risk class)',
  })
  publicDrawCheck(
    @Ctx() ctx: Context,
    @Arg('drawId', () => ID) drawId: string,
    @Arg('q', () => String, {
      description: "The entity's unified social credit code or full name",
    })
    q: string,
  ) {
    return publication.checkPublicDraw(ctx, drawId, q);
  }
}
