import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { StatDimension, StatFamily } from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { Policy } from '../../graphql/policy.js';
import { FileDownload } from '../registry-io/registry-io.types.js';
import { exportStatistics } from './statistics.export.js';
import * as statistics from './statistics.service.js';
import {
  PeriodInput,
  StatDimensionEnum,
  StatFamilyEnum,
  StatisticsFilterInput,
  StatisticsSummary,
  StatisticsTable,
} from './statistics.types.js';

@Resolver()
export class StatisticsResolver {
  @Policy('list', 'statistics')
  @Query(() => StatisticsTable, {
    description:
      '统计分析: the figures of a family over a period, grouped by up to two dimensions, in your scope (your department and the joint tasks it takes part in)',
  })
  statistics(
    @Ctx() ctx: Context,
    @Arg('family', () => StatFamilyEnum) family: StatFamily,
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('groupBy', () => [StatDimensionEnum], { defaultValue: [] }) groupBy: StatDimension[],
    @Arg('filter', () => StatisticsFilterInput, { nullable: true }) filter?: StatisticsFilterInput,
  ) {
    return statistics.statisticsTable(ctx, { family, groupBy, period, filter: filter ?? null });
  }

  @Policy('list', 'statistics')
  @Query(() => StatisticsSummary, {
    description: 'The cards of 统计分析: each headline figure over the period, beside the previous period’s',
  })
  statisticsSummary(
    @Ctx() ctx: Context,
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('filter', () => StatisticsFilterInput, { nullable: true }) filter?: StatisticsFilterInput,
  ) {
    return statistics.statisticsSummary(ctx, period, filter ?? null);
  }

  @Policy('export', 'statistics')
  @Query(() => FileDownload, {
    description:
      'The statistics table as an .xlsx file, exactly as shown: title, period, filters, cut-off (截至), the rows and 合计',
  })
  exportStatistics(
    @Ctx() ctx: Context,
    @Arg('family', () => StatFamilyEnum) family: StatFamily,
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('groupBy', () => [StatDimensionEnum], { defaultValue: [] }) groupBy: StatDimension[],
    @Arg('filter', () => StatisticsFilterInput, { nullable: true }) filter?: StatisticsFilterInput,
  ) {
    return exportStatistics(ctx, { family, groupBy, period, filter: filter ?? null });
  }
}
