/**
 * A statistics request — a family, up to two dimensions to group by, a period and filters — checked the
 * same way by the API (which refuses a bad one) and the dashboard (which only offers good ones), and the
 * list behind each number (钻取): the filtered list of the records a figure counts, so that the list shows
 * the same count.
 */
import {
  FOLLOW_UPS,
  RESULT_STATES,
  RISK_CLASSES,
  TARGET_KINDS,
  type FollowUp,
  type ResultState,
  type RiskClass,
  type TargetKind,
  type TaskProgress,
} from '../glossary.js';
import { text, type Text } from '../text.js';
import {
  DIMENSIONS,
  FAMILY_DIMENSIONS,
  MAX_GROUP_BY,
  STAT_DIMENSIONS,
  type StatDimension,
} from './dimensions.js';
import { figure, STAT_FAMILIES, type StatFamily } from './figures.js';
import { resolvePeriod, type Period, type PeriodInput } from './period.js';

/** Narrows a table to one department (with its sub-units), item, region, target kind or risk class. */
export interface StatisticsFilter {
  readonly departmentId?: string | null;
  readonly itemId?: string | null;
  readonly region?: string | null;
  readonly targetKind?: TargetKind | null;
  readonly riskClass?: RiskClass | null;
}

/** Which dimension each filter narrows: a filter applies to a family when the family has its dimension. */
export const FILTER_DIMENSIONS: Readonly<Record<keyof StatisticsFilter, StatDimension>> = {
  departmentId: 'DEPARTMENT',
  itemId: 'ITEM',
  region: 'REGION',
  targetKind: 'TARGET_KIND',
  riskClass: 'RISK_CLASS',
};

export interface StatisticsRequest {
  readonly family: StatFamily;
  readonly groupBy: readonly StatDimension[];
  readonly period: PeriodInput;
  readonly filter?: StatisticsFilter | null;
}

export type CheckedRequest =
  | { readonly ok: true; readonly period: Period; readonly filter: StatisticsFilter }
  | { readonly ok: false; readonly field: string; readonly message: Text };

/** The filters of a page that apply to a family, the others dropped: what the dashboard sends each table. */
export function applicableFilter(family: StatFamily, filter: StatisticsFilter): StatisticsFilter {
  const dims = FAMILY_DIMENSIONS[family];
  const out: Record<string, unknown> = {};
  for (const [key, dim] of Object.entries(FILTER_DIMENSIONS))
    if (dims.includes(dim) && filter[key as keyof StatisticsFilter] != null)
      out[key] = filter[key as keyof StatisticsFilter];
  return out;
}

/** A request's period and filters, or what is wrong with it, in words that say how to fix it. */
export function checkStatisticsRequest(request: StatisticsRequest): CheckedRequest {
  const { family, groupBy } = request;
  if (!(STAT_FAMILIES as readonly string[]).includes(family))
    return {
      ok: false,
      field: 'family',
      message: text(
        `Unknown family ${family}: use one of ${STAT_FAMILIES.join(', ')}.`,
        `未知统计类别 ${family}：请使用 ${STAT_FAMILIES.join('、')} 之一。`,
      ),
    };
  if (groupBy.length > MAX_GROUP_BY)
    return {
      ok: false,
      field: 'groupBy',
      message: text(`Group by at most ${MAX_GROUP_BY} dimensions.`, `最多按 ${MAX_GROUP_BY} 个维度分组。`),
    };
  if (new Set(groupBy).size !== groupBy.length)
    return {
      ok: false,
      field: 'groupBy',
      message: text('Group by each dimension once.', '每个维度只能分组一次。'),
    };
  const allowed = FAMILY_DIMENSIONS[family];
  for (const dim of groupBy) {
    if (!(STAT_DIMENSIONS as readonly string[]).includes(dim))
      return { ok: false, field: 'groupBy', message: text(`Unknown dimension ${dim}.`, `未知维度 ${dim}。`) };
    if (!allowed.includes(dim))
      return {
        ok: false,
        field: 'groupBy',
        message: text(
          `${family} cannot be grouped by ${dim} (${DIMENSIONS[dim].label.en}): use ${allowed.join(', ')}.`,
          `${family} 不能按“${DIMENSIONS[dim].label['zh-CN']}”分组：可用 ${allowed.map((d) => DIMENSIONS[d].label['zh-CN']).join('、')}。`,
        ),
      };
  }
  const filter = request.filter ?? {};
  for (const [key, dim] of Object.entries(FILTER_DIMENSIONS)) {
    const value = filter[key as keyof StatisticsFilter];
    if (value == null) continue;
    if (!allowed.includes(dim))
      return {
        ok: false,
        field: key,
        message: text(
          `${family} cannot be filtered by ${DIMENSIONS[dim].label.en.toLowerCase()}: remove the ${key} filter.`,
          `${family} 不能按“${DIMENSIONS[dim].label['zh-CN']}”筛选：请去掉该筛选条件。`,
        ),
      };
    if (typeof value !== 'string' || value.length === 0 || value.length > 200)
      return {
        ok: false,
        field: key,
        message: text(
          `The ${key} filter must be a non-empty text of at most 200 characters.`,
          `筛选条件 ${key} 须为 1 至 200 个字符。`,
        ),
      };
  }
  if (filter.targetKind != null && !(TARGET_KINDS as readonly string[]).includes(filter.targetKind))
    return {
      ok: false,
      field: 'targetKind',
      message: text(`Unknown target kind ${filter.targetKind}.`, `未知对象类型 ${filter.targetKind}。`),
    };
  if (filter.riskClass != null && !(RISK_CLASSES as readonly string[]).includes(filter.riskClass))
    return {
      ok: false,
      field: 'riskClass',
      message: text(`Unknown risk class ${filter.riskClass}.`, `未知风险分类 ${filter.riskClass}。`),
    };
  const period = resolvePeriod(request.period);
  if (!period.ok) return period;
  return { ok: true, period: period.period, filter };
}

/**
 * The inspection list's filters, as the API's inspection list takes them: each narrows to the visits a
 * figure counts. The period is the day the visit's draw ran.
 */
export interface InspectionListFilter {
  drawnFrom?: string;
  drawnTo?: string;
  departmentId?: string;
  itemId?: string;
  region?: string;
  targetKind?: TargetKind;
  riskClass?: RiskClass;
  /** Of a joint task (true) or of one department's (false). */
  joint?: boolean;
  /**
   * The category and follow-up of an item of the published result — of the given item, when one is given;
   * both together: of the same item.
   */
  category?: string;
  followUp?: FollowUp;
  states?: ResultState[];
  /** Published with a problem (for the item, when one is given); false: published without one. */
  problem?: boolean;
  /** With a problem, every follow-up closed (for the item, when one is given); false: one still open. */
  closed?: boolean;
  /** Published within the deadline (true) or after it (false). */
  onTime?: boolean;
  /** Past the deadline and not published (true), or not (false). */
  overdue?: boolean;
}

export interface TargetListFilter {
  status?: string;
  region?: string;
  kind?: TargetKind;
  riskClass?: RiskClass;
  targetType?: string;
}

export interface TaskListFilter {
  departmentId?: string;
  itemId?: string;
  /** The first day of the task's window (windowStart) on or after this day … */
  windowFrom?: string;
  /** … and on or before this one. */
  windowTo?: string;
  joint?: boolean;
  fromPlan?: boolean;
  progress?: TaskProgress;
}

export type DrillDown =
  | { readonly resource: 'inspections'; readonly filter: InspectionListFilter }
  | { readonly resource: 'targets'; readonly filter: TargetListFilter }
  | { readonly resource: 'tasks'; readonly filter: TaskListFilter }
  | { readonly resource: 'inspectors'; readonly filter: Record<string, string> };

/** A row's group: its key for each dimension it is grouped by (the 合计 row has none). */
export type RowKeys = Partial<Record<StatDimension, string>>;

/**
 * What each VISITS count counts, as the inspection list's filter: the API computes the figure with the
 * very predicate the list applies for this filter, so the list behind a number shows that number.
 */
const VISIT_FIGURE_FILTERS: Readonly<Record<string, InspectionListFilter>> = {
  due: {},
  pendingEntry: { states: ['PENDING_ENTRY'] },
  inEntry: { states: ['PENDING_REVIEW', 'REJECTED'] },
  published: { states: ['PUBLISHED'] },
  problem: { problem: true },
  closed: { problem: true, closed: true },
  onTime: { onTime: true },
  overdue: { overdue: true },
  jointVisits: { joint: true },
};

/** The inspection list's filter that a VISITS count is the size of (without period or group), if it has one. */
export function visitFigureFilter(code: string): InspectionListFilter | undefined {
  return VISIT_FIGURE_FILTERS[code];
}

const TASK_FIGURE_FILTERS: Readonly<Record<string, TaskListFilter>> = {
  tasks: {},
  ownTasks: { joint: false },
  jointTasks: { joint: true },
  planTasks: { fromPlan: true },
  adHocTasks: { fromPlan: false },
  tasksPending: { progress: 'PENDING' },
  tasksRunning: { progress: 'RUNNING' },
  tasksDone: { progress: 'DONE' },
};

/** The days of a month or quarter key inside a period. */
function daysOf(key: string, period: Period): [string, string] {
  let from: string;
  let to: string;
  if (/^\d{4}-Q[1-4]$/.test(key)) {
    const first = (Number(key.slice(6)) - 1) * 3 + 1;
    from = `${key.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
    to = new Date(Date.UTC(Number(key.slice(0, 4)), first + 2, 0)).toISOString().slice(0, 10);
  } else {
    from = `${key}-01`;
    to = new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)), 0)).toISOString().slice(0, 10);
  }
  return [from > period.from ? from : period.from, to < period.to ? to : period.to];
}

/**
 * The list behind a number: the figure of a row (keys) of a table over a period and filter. Null for
 * figures no list shows one record per unit of (rates, medians, distinct counts of another record).
 */
export function drillDown(
  code: string,
  period: Period,
  filter: StatisticsFilter,
  keys: RowKeys = {},
): DrillDown | null {
  const def = figure(code);
  if (!def || def.kind !== 'count') return null;
  const dims = { ...groupFilter(filter), ...keys };
  if (def.family === 'VISITS' || (def.family === 'RATIOS' && code === 'drawn')) {
    const base = VISIT_FIGURE_FILTERS[code === 'drawn' ? 'due' : code];
    if (!base) return null;
    let [drawnFrom, drawnTo] = [period.from, period.to];
    if (dims.MONTH) [drawnFrom, drawnTo] = daysOf(dims.MONTH, period);
    if (dims.QUARTER) [drawnFrom, drawnTo] = daysOf(dims.QUARTER, period);
    const out: InspectionListFilter = { ...base, drawnFrom, drawnTo };
    if (dims.DEPARTMENT) out.departmentId = dims.DEPARTMENT;
    if (dims.ITEM) out.itemId = dims.ITEM;
    if (dims.REGION) out.region = dims.REGION;
    if (dims.TARGET_KIND) out.targetKind = dims.TARGET_KIND as TargetKind;
    if (dims.RISK_CLASS) out.riskClass = dims.RISK_CLASS as RiskClass;
    if (dims.JOINT) {
      // Joint visits of the OWN row: none, and no list.
      if (base.joint !== undefined && base.joint !== (dims.JOINT === 'JOINT')) return null;
      out.joint = dims.JOINT === 'JOINT';
    }
    if (dims.CATEGORY) out.category = dims.CATEGORY;
    if (dims.FOLLOW_UP && (FOLLOW_UPS as readonly string[]).includes(dims.FOLLOW_UP))
      out.followUp = dims.FOLLOW_UP as FollowUp;
    if (out.states?.some((s) => !(RESULT_STATES as readonly string[]).includes(s))) return null;
    return { resource: 'inspections', filter: out };
  }
  if (def.family === 'TASKS') {
    const base = TASK_FIGURE_FILTERS[code];
    if (!base) return null;
    let [windowFrom, windowTo] = [period.from, period.to];
    if (dims.MONTH) [windowFrom, windowTo] = daysOf(dims.MONTH, period);
    if (dims.QUARTER) [windowFrom, windowTo] = daysOf(dims.QUARTER, period);
    const out: TaskListFilter = { ...base, windowFrom, windowTo };
    if (dims.DEPARTMENT) out.departmentId = dims.DEPARTMENT;
    if (dims.ITEM) out.itemId = dims.ITEM;
    const joint = dims.JOINT ? dims.JOINT === 'JOINT' : undefined;
    const fromPlan = dims.ORIGIN ? dims.ORIGIN === 'PLAN' : undefined;
    // A row that contradicts the figure (joint tasks in the row of own ones) counts none: no list to show.
    if (
      (joint !== undefined && base.joint !== undefined && joint !== base.joint) ||
      (fromPlan !== undefined && base.fromPlan !== undefined && fromPlan !== base.fromPlan)
    )
      return null;
    if (joint !== undefined) out.joint = joint;
    if (fromPlan !== undefined) out.fromPlan = fromPlan;
    return { resource: 'tasks', filter: out };
  }
  if ((def.family === 'COVERAGE' && code === 'activeTargets') || def.family === 'TARGET_REGISTRY') {
    const out: TargetListFilter = def.family === 'COVERAGE' ? { status: 'ACTIVE' } : {};
    if (dims.REGION) out.region = dims.REGION;
    if (dims.TARGET_KIND) out.kind = dims.TARGET_KIND as TargetKind;
    if (dims.RISK_CLASS) out.riskClass = dims.RISK_CLASS as RiskClass;
    if (dims.TARGET_STATUS) out.status = dims.TARGET_STATUS;
    if (dims.ITEM && def.family === 'COVERAGE') return null;
    return { resource: 'targets', filter: out };
  }
  if (def.family === 'INSPECTOR_REGISTRY') {
    const out: Record<string, string> = {};
    if (dims.DEPARTMENT) out.departmentId = dims.DEPARTMENT;
    if (dims.EXPERTISE) out.expertise = dims.EXPERTISE;
    if (dims.INSPECTOR_STATUS) out.status = dims.INSPECTOR_STATUS;
    return { resource: 'inspectors', filter: out };
  }
  return null;
}

function groupFilter(filter: StatisticsFilter): RowKeys {
  const keys: RowKeys = {};
  for (const [key, dim] of Object.entries(FILTER_DIMENSIONS)) {
    const value = filter[key as keyof StatisticsFilter];
    if (value != null) keys[dim] = value;
  }
  return keys;
}
