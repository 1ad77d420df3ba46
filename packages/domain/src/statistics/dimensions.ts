/**
 * What a statistics table can be grouped by (at most two at once) and filtered by, and which families
 * each dimension applies to. A record counts in every group it belongs to — a joint task's visit under
 * each of its departments, a visit under each item it covers, each category among its results — so a
 * table's 合计 row is computed over the whole filtered set, not summed from its rows.
 */
import { text, type Text } from '../text.js';
import type { StatFamily } from './figures.js';

export const STAT_DIMENSIONS = [
  'DEPARTMENT',
  'ITEM',
  'REGION',
  'TARGET_KIND',
  'RISK_CLASS',
  'MONTH',
  'QUARTER',
  'JOINT',
  'ORIGIN',
  'CATEGORY',
  'FOLLOW_UP',
  'TARGET_STATUS',
  'INSPECTOR_STATUS',
  'EXPERTISE',
] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

export const MAX_GROUP_BY = 2;

export interface DimensionDefinition {
  readonly code: StatDimension;
  readonly label: Text;
  /** How a group's key reads, for people reading an export or a tooltip. */
  readonly meaning: Text;
}

export const DIMENSIONS: Readonly<Record<StatDimension, DimensionDefinition>> = {
  DEPARTMENT: {
    code: 'DEPARTMENT',
    label: text('Department', '部门'),
    meaning: text(
      'The departments taking part (sub-units roll up into their department; a joint task counts for each)',
      '参与部门（股室、所计入其所属部门；联合任务计入每个参与部门）',
    ),
  },
  ITEM: {
    code: 'ITEM',
    label: text('Item', '抽查事项'),
    meaning: text(
      'The items covered (a visit counts under each item it covers)',
      '覆盖的抽查事项（一次检查计入其覆盖的每个事项）',
    ),
  },
  REGION: {
    code: 'REGION',
    label: text('Town or street', '乡镇/街道'),
    meaning: text('The target’s region', '检查对象所在乡镇/街道'),
  },
  TARGET_KIND: {
    code: 'TARGET_KIND',
    label: text('Target kind', '对象类型'),
    meaning: text('The target’s kind', '检查对象类型'),
  },
  RISK_CLASS: {
    code: 'RISK_CLASS',
    label: text('Risk class', '风险分类'),
    meaning: text('The target’s credit-risk class', '检查对象信用风险分类'),
  },
  MONTH: {
    code: 'MONTH',
    label: text('Month', '月份'),
    meaning: text('The month (China time), YYYY-MM', '月份（北京时间），YYYY-MM'),
  },
  QUARTER: {
    code: 'QUARTER',
    label: text('Quarter', '季度'),
    meaning: text('The quarter, YYYY-Qn', '季度，YYYY-Qn'),
  },
  JOINT: {
    code: 'JOINT',
    label: text('Own or joint', '本部门/跨部门'),
    meaning: text('OWN or JOINT', '本部门或跨部门（联合）'),
  },
  ORIGIN: {
    code: 'ORIGIN',
    label: text('Origin', '来源'),
    meaning: text('PLAN (a round of a yearly plan) or AD_HOC', '年度计划或临时'),
  },
  CATEGORY: {
    code: 'CATEGORY',
    label: text('Result category', '检查结果类别'),
    meaning: text('The categories among a published result’s items', '已公示结果各事项的结果类别'),
  },
  FOLLOW_UP: {
    code: 'FOLLOW_UP',
    label: text('Follow-up', '后续处置'),
    meaning: text('The follow-ups among a published result’s items', '已公示结果各事项的后续处置'),
  },
  TARGET_STATUS: {
    code: 'TARGET_STATUS',
    label: text('Status', '经营状态'),
    meaning: text('The target’s status', '检查对象状态'),
  },
  INSPECTOR_STATUS: {
    code: 'INSPECTOR_STATUS',
    label: text('Status', '人员状态'),
    meaning: text('The inspector’s status', '执法检查人员状态'),
  },
  EXPERTISE: {
    code: 'EXPERTISE',
    label: text('Expertise', '业务专长'),
    meaning: text('Each expertise tag of an inspector', '执法检查人员的各项业务专长'),
  },
};

/** The dimensions each family may be grouped by. Filters (department, item, region, kind, risk class) apply where the dimension does. */
export const FAMILY_DIMENSIONS: Readonly<Record<StatFamily, readonly StatDimension[]>> = {
  PLANS: ['DEPARTMENT', 'JOINT'],
  TASKS: ['DEPARTMENT', 'ITEM', 'MONTH', 'QUARTER', 'JOINT', 'ORIGIN'],
  VISITS: [
    'DEPARTMENT',
    'ITEM',
    'REGION',
    'TARGET_KIND',
    'RISK_CLASS',
    'MONTH',
    'QUARTER',
    'JOINT',
    'CATEGORY',
    'FOLLOW_UP',
  ],
  RATIOS: ['ITEM', 'DEPARTMENT'],
  COVERAGE: ['DEPARTMENT', 'ITEM', 'REGION', 'TARGET_KIND', 'RISK_CLASS', 'MONTH', 'QUARTER'],
  BURDEN: ['ITEM', 'REGION', 'TARGET_KIND', 'RISK_CLASS'],
  INSPECTORS: ['DEPARTMENT', 'MONTH', 'QUARTER'],
  TARGET_REGISTRY: ['TARGET_KIND', 'RISK_CLASS', 'REGION', 'TARGET_STATUS'],
  INSPECTOR_REGISTRY: ['DEPARTMENT', 'EXPERTISE', 'INSPECTOR_STATUS'],
};
