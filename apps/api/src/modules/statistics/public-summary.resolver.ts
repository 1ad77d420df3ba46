import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Policy } from '../../graphql/policy.js';
import { publicStatistics } from './public-summary.js';
import { PublicStatistics, PublicStatisticsFilter } from './public-summary.types.js';

@Resolver()
export class PublicStatisticsResolver {
  @Policy('list', 'publication')
  @Query(() => PublicStatistics, {
    description:
      '一公开, for everyone: visits drawn, results published and the problem rate, by department and year, with the 合计 row and the cut-off (截至)',
  })
  publicStatistics(
    @Ctx() ctx: Context,
    @Arg('filter', () => PublicStatisticsFilter, { nullable: true }) filter?: PublicStatisticsFilter,
  ) {
    return publicStatistics(ctx, filter ?? null);
  }
}
