/**
 * What every family's query receives and returns: the checked request with the caller's scope, and the
 * database's counts per group and over the whole filtered set (the 合计 row).
 */
import type { Period, StatDimension, StatisticsFilter } from '@suiji/domain';
import type { Context } from '../../../graphql/context.js';

export interface FamilyQuery {
  readonly ctx: Context;
  readonly period: Period;
  readonly groupBy: readonly StatDimension[];
  /** The filters, a department given as its top-level department (sub-units roll up into it). */
  readonly filter: StatisticsFilter;
  /**
   * The top-level departments whose records the caller may count — a record counts when one of them takes
   * part (a joint task counts for each of its departments) — or null for every department (administrators).
   */
  readonly scope: readonly string[] | null;
  /** The cut-off: states and deadlines are as of this moment. */
  readonly now: Date;
}

export interface FamilyRow {
  /** The group's key per grouped dimension, in the order of `groupBy`. */
  readonly keys: readonly string[];
  /** The counts of the family (`countsOf(family)` in the domain); a missing count is 0. */
  readonly counts: Readonly<Record<string, number | null>>;
}

export interface FamilyCounts {
  readonly rows: readonly FamilyRow[];
  readonly total: Readonly<Record<string, number | null>>;
}

export type FamilyComputer = (query: FamilyQuery) => Promise<FamilyCounts>;
