/**
 * Names of the domain's values for people, in Simplified Chinese (the default) and English.
 * The dashboard shows these; exports use them for column headers.
 */
import type {
  AcceptanceState,
  DrawStatus,
  ClosureOutcome,
  DepartmentKind,
  EntropySource,
  ExclusionReason,
  PublicExclusionReason,
  FollowUp,
  InspectionMethod,
  InspectorStatus,
  ItemCategory,
  MergeState,
  ResultCategory,
  ReplacementReason,
  ResultState,
  RiskClass,
  Role,
  TargetKind,
  TargetStatus,
  TaskProgress,
  TaskScope,
} from './glossary.js';
import { DIMENSIONS, STAT_DIMENSIONS, type StatDimension } from './statistics/dimensions.js';
import { FAMILY_LABELS, STAT_FAMILIES, type StatFamily } from './statistics/figures.js';
import type { PeriodKind } from './statistics/period.js';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

type Names<T extends string> = Record<T, string>;

export interface DomainLabels {
  role: Names<Role>;
  departmentKind: Names<DepartmentKind>;
  itemCategory: Names<ItemCategory>;
  inspectionMethod: Names<InspectionMethod>;
  targetKind: Names<TargetKind>;
  riskClass: Names<RiskClass>;
  targetStatus: Names<TargetStatus>;
  inspectorStatus: Names<InspectorStatus>;
  taskScope: Names<TaskScope>;
  resultCategory: Names<ResultCategory>;
  followUp: Names<FollowUp>;
  closureOutcome: Names<ClosureOutcome>;
  replacementReason: Names<ReplacementReason>;
  entropySource: Names<EntropySource>;
  exclusionReason: Names<ExclusionReason>;
  publicExclusionReason: Names<PublicExclusionReason>;
  resultState: Names<ResultState>;
  acceptanceState: Names<AcceptanceState>;
  mergeState: Names<MergeState>;
  taskProgress: Names<TaskProgress>;
  drawStatus: Names<DrawStatus>;
  statFamily: Names<StatFamily>;
  statDimension: Names<StatDimension>;
  periodKind: Names<PeriodKind>;
}

/** The statistics' own names (defined with their families and dimensions), in one language. */
function statisticsNames(locale: 'zh-CN' | 'en') {
  return {
    statFamily: Object.fromEntries(
      STAT_FAMILIES.map((f) => [f, FAMILY_LABELS[f][locale]]),
    ) as Names<StatFamily>,
    statDimension: Object.fromEntries(
      STAT_DIMENSIONS.map((d) => [d, DIMENSIONS[d].label[locale]]),
    ) as Names<StatDimension>,
  };
}

export const LABELS: Record<Locale, DomainLabels> = {
  'zh-CN': {
    role: { ADMIN: '系统管理员', COORDINATOR: '股室负责人', INSPECTOR: '执法检查人员', MANAGER: '局领导' },
    departmentKind: { DEPARTMENT: '部门', SECTION: '股室', STATION: '所' },
    itemCategory: { GENERAL: '一般检查事项', KEY: '重点检查事项' },
    inspectionMethod: { ON_SITE: '实地核查', DOCUMENT: '资料核查', ONLINE: '网络监测', SAMPLING: '抽样检测' },
    targetKind: { ENTERPRISE: '企业', UNIT: '单位', INDIVIDUAL: '个人', PROJECT: '项目' },
    riskClass: { A: 'A 类（低风险）', B: 'B 类（中风险）', C: 'C 类（较高风险）', D: 'D 类（高风险）' },
    targetStatus: { ACTIVE: '存续', SUSPENDED: '停业', DEREGISTERED: '注销/吊销' },
    inspectorStatus: { ON_DUTY: '在岗', ON_LEAVE: '休假', TRANSFERRED: '调离' },
    taskScope: { DIRECTED: '定向', UNDIRECTED: '不定向' },
    resultCategory: {
      NO_PROBLEM: '未发现问题',
      PROBLEM_PENDING: '发现问题待后续处理',
      PROBLEM_CORRECTED: '发现问题经责令已改正',
      NOT_DISCLOSED: '未按规定公示应当公示的信息',
      FALSIFIED: '公示信息隐瞒真实情况、弄虚作假',
      UNREACHABLE: '通过登记的住所（经营场所）无法联系',
      NO_SUCH_ACTIVITY: '未发现开展本次抽查涉及的经营活动',
      CLOSED: '已关闭停业或正在组织清算',
      UNCOOPERATIVE: '不配合检查情节严重',
      DEREGISTERED: '已注销、被吊销、被撤销或已迁出',
    },
    followUp: {
      NONE: '无',
      ORDERED_TO_CORRECT: '责令改正',
      CASE_FILED: '立案查处',
      TRANSFERRED: '移送',
      COPIED: '抄告',
    },
    closureOutcome: {
      CORRECTED: '已整改到位',
      PENALIZED: '已依法处罚',
      TRANSFERRED: '已移送并办结',
      NO_VIOLATION: '经核查不构成违法',
      OTHER: '其他',
    },
    replacementReason: {
      LEAVE: '休假',
      ILLNESS: '因病',
      CONFLICT: '发现应回避情形',
      REASSIGNED: '岗位调整',
      OTHER: '其他原因',
    },
    entropySource: {
      SSQ: '中国福利彩票“双色球”',
      DLT: '中国体育彩票“超级大乐透”',
      FC3D: '中国福利彩票“福彩3D”',
      DRAND: 'drand 公共随机信标（quicknet）',
    },
    exclusionReason: {
      DEREGISTERED: '已注销、吊销或迁出',
      INSPECTED_FOR_ITEM: '本年度已就本任务所涉全部适用事项被随机抽查',
      LOW_RISK_INSPECTED: '低风险（A 类）且本年度已被抽查',
    },
    publicExclusionReason: {
      DEREGISTERED: '已注销、吊销或迁出',
      INSPECTED_THIS_YEAR: '本年度已被随机抽查',
    },

    resultState: {
      PENDING_ENTRY: '待录入',
      PENDING_REVIEW: '待审核',
      REJECTED: '审核不通过',
      PUBLISHED: '已公示',
    },
    acceptanceState: { PENDING: '待确认', ACCEPTED: '已接受', DECLINED: '已拒绝' },
    mergeState: { SUGGESTED: '建议', OPEN: '待响应', ACCEPTED: '已合并', DECLINED: '已拒绝' },
    taskProgress: { PENDING: '待执行', RUNNING: '执行中', DONE: '已完成' },
    drawStatus: { SCHEDULED: '已安排', DRAWN: '已摇号' },
    periodKind: { YEAR: '年度', QUARTER: '季度', MONTH: '月份', RANGE: '自定义' },
    ...statisticsNames('zh-CN'),
  },
  en: {
    role: { ADMIN: 'Administrator', COORDINATOR: 'Coordinator', INSPECTOR: 'Inspector', MANAGER: 'Manager' },
    departmentKind: { DEPARTMENT: 'Department', SECTION: 'Section', STATION: 'Station' },
    itemCategory: { GENERAL: 'General item', KEY: 'Key item' },
    inspectionMethod: {
      ON_SITE: 'On-site check',
      DOCUMENT: 'Document check',
      ONLINE: 'Online monitoring',
      SAMPLING: 'Sampling',
    },
    targetKind: { ENTERPRISE: 'Enterprise', UNIT: 'Unit', INDIVIDUAL: 'Individual', PROJECT: 'Project' },
    riskClass: { A: 'A (low risk)', B: 'B (medium risk)', C: 'C (medium-high risk)', D: 'D (high risk)' },
    targetStatus: { ACTIVE: 'Active', SUSPENDED: 'Suspended', DEREGISTERED: 'Deregistered' },
    inspectorStatus: { ON_DUTY: 'On duty', ON_LEAVE: 'On leave', TRANSFERRED: 'Transferred' },
    taskScope: { DIRECTED: 'Directed', UNDIRECTED: 'Undirected' },
    resultCategory: {
      NO_PROBLEM: 'No problem found',
      PROBLEM_PENDING: 'Problem found, follow-up pending',
      PROBLEM_CORRECTED: 'Problem found and corrected on order',
      NOT_DISCLOSED: 'Required information not disclosed',
      FALSIFIED: 'Disclosed information concealed or falsified',
      UNREACHABLE: 'Unreachable at the registered address',
      NO_SUCH_ACTIVITY: 'No activity of the inspected kind found',
      CLOSED: 'Closed or in liquidation',
      UNCOOPERATIVE: 'Seriously uncooperative',
      DEREGISTERED: 'Deregistered, revoked, cancelled or moved away',
    },
    followUp: {
      NONE: 'None',
      ORDERED_TO_CORRECT: 'Ordered to correct',
      CASE_FILED: 'Case filed',
      TRANSFERRED: 'Transferred',
      COPIED: 'Copied to another department',
    },
    closureOutcome: {
      CORRECTED: 'Corrected',
      PENALIZED: 'Penalised according to law',
      TRANSFERRED: 'Transferred and concluded',
      NO_VIOLATION: 'No violation on checking',
      OTHER: 'Other',
    },
    replacementReason: {
      LEAVE: 'On leave',
      ILLNESS: 'Illness',
      CONFLICT: 'A conflict of interest found later',
      REASSIGNED: 'Reassigned',
      OTHER: 'Other reason',
    },
    entropySource: {
      SSQ: 'China Welfare Lottery Double Color Ball (双色球)',
      DLT: 'China Sports Lottery Super Lotto (超级大乐透)',
      FC3D: 'China Welfare Lottery 3D (福彩3D)',
      DRAND: 'drand randomness beacon (quicknet)',
    },
    exclusionReason: {
      DEREGISTERED: 'deregistered, revoked or moved away',
      INSPECTED_FOR_ITEM:
        "already randomly inspected this year for each of the task's items that apply to it",
      LOW_RISK_INSPECTED: 'low risk (A) and already inspected this year',
    },
    publicExclusionReason: {
      DEREGISTERED: 'deregistered, revoked or moved away',
      INSPECTED_THIS_YEAR: 'already randomly inspected this year',
    },

    resultState: {
      PENDING_ENTRY: 'Awaiting entry',
      PENDING_REVIEW: 'Awaiting review',
      REJECTED: 'Rejected',
      PUBLISHED: 'Published',
    },
    acceptanceState: { PENDING: 'Awaiting answer', ACCEPTED: 'Accepted', DECLINED: 'Declined' },
    mergeState: {
      SUGGESTED: 'Suggested',
      OPEN: 'Awaiting answers',
      ACCEPTED: 'Merged',
      DECLINED: 'Declined',
    },
    taskProgress: { PENDING: 'Not started', RUNNING: 'In progress', DONE: 'Completed' },
    drawStatus: { SCHEDULED: 'Scheduled', DRAWN: 'Drawn' },
    periodKind: { YEAR: 'Year', QUARTER: 'Quarter', MONTH: 'Month', RANGE: 'Custom range' },
    ...statisticsNames('en'),
  },
};
