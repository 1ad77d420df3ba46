import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { PageInput } from '../../graphql/list.js';
import { Policy } from '../../graphql/policy.js';
import {
  PublicDraw,
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
  ) {
    return publication.listPublicResults(ctx, filter, page);
  }

  @Policy('list', 'publication')
  @Query(() => PublicDrawPage, {
    description: 'Every draw, for everyone: its commitment before it runs, its record after; newest first',
  })
  publicDraws(
    @Ctx() ctx: Context,
    @Arg('filter', () => PublicDrawFilter, { nullable: true }) filter?: PublicDrawFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return publication.listPublicDraws(ctx, filter, page);
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
  ) {
    return publication.listPublicDrawnTargets(ctx, filter, page);
  }
}
