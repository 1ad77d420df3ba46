/**
 * The words of GLOSSARY.md as code: every enum the registries, tasks and results use.
 * Each is a readonly tuple plus its union type, so both the API (GraphQL enums, validation)
 * and the dashboard (choices) enumerate the same values.
 */

/** Roles of GLOSSARY.md §Roles. The public is the absence of a user, not a role. */
export const ROLES = ['ADMIN', 'COORDINATOR', 'INSPECTOR', 'MANAGER'] as const;
export type Role = (typeof ROLES)[number];

/** 部门 / 股室 / 所: a department, or one of its sub-units. */
export const DEPARTMENT_KINDS = ['DEPARTMENT', 'SECTION', 'STATION'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** 一般检查事项 / 重点检查事项. */
export const ITEM_CATEGORIES = ['GENERAL', 'KEY'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/** 检查方式: how an item is inspected. */
export const INSPECTION_METHODS = ['ON_SITE', 'DOCUMENT', 'ONLINE', 'SAMPLING'] as const;
export type InspectionMethod = (typeof INSPECTION_METHODS)[number];

/** Kinds of entity in the target registry (检查对象名录库). */
export const TARGET_KINDS = ['ENTERPRISE', 'UNIT', 'INDIVIDUAL', 'PROJECT'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** 信用风险分类, low (A) to high (D) credit risk. */
export const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** A target's standing: in business, suspended (停业), or gone (注销/吊销/撤销/迁出). */
export const TARGET_STATUSES = ['ACTIVE', 'SUSPENDED', 'DEREGISTERED'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** 在岗 / 休假 / 调离. */
export const INSPECTOR_STATUSES = ['ON_DUTY', 'ON_LEAVE', 'TRANSFERRED'] as const;
export type InspectorStatus = (typeof INSPECTOR_STATUSES)[number];

/**
 * How far a task has got: its draw has not run (待执行), a visit it drew is not yet published (执行中), every
 * one is (已完成).
 */
export const TASK_PROGRESSES = ['PENDING', 'RUNNING', 'DONE'] as const;
export type TaskProgress = (typeof TASK_PROGRESSES)[number];

/** 定向 / 不定向 tasks. */
export const TASK_SCOPES = ['DIRECTED', 'UNDIRECTED'] as const;
export type TaskScope = (typeof TASK_SCOPES)[number];

/** A cooperating department's answer to a joint task (联合抽查), or to a proposal to merge tasks: 待确认 / 已接受 / 已拒绝. */
export const ACCEPTANCE_STATES = ['PENDING', 'ACCEPTED', 'DECLINED'] as const;
export type AcceptanceState = (typeof ACCEPTANCE_STATES)[number];

/**
 * A proposal to merge several departments' tasks into one joint task: suggested (found, not yet proposed),
 * open (proposed, awaiting the departments), accepted (merged) or declined.
 */
export const MERGE_STATES = ['SUGGESTED', 'OPEN', 'ACCEPTED', 'DECLINED'] as const;
export type MergeState = (typeof MERGE_STATES)[number];

/** 检查结果: the standard result categories; departments may add their own. */
export const RESULT_CATEGORIES = [
  'NO_PROBLEM',
  'PROBLEM_PENDING',
  'PROBLEM_CORRECTED',
  'NOT_DISCLOSED',
  'FALSIFIED',
  'UNREACHABLE',
  'NO_SUCH_ACTIVITY',
  'CLOSED',
  'UNCOOPERATIVE',
  'DEREGISTERED',
] as const;
export type ResultCategory = (typeof RESULT_CATEGORIES)[number];

/** 后续处置. */
export const FOLLOW_UPS = ['NONE', 'ORDERED_TO_CORRECT', 'CASE_FILED', 'TRANSFERRED', 'COPIED'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

/**
 * How a follow-up ended (后续处置完结): corrected (已整改到位), penalised (已依法处罚), transferred and
 * concluded by the receiving authority (已移送并办结), found on checking not to be a violation (经核查不构成
 * 违法), or otherwise (其他, said in the note).
 */
export const CLOSURE_OUTCOMES = ['CORRECTED', 'PENALIZED', 'TRANSFERRED', 'NO_VIOLATION', 'OTHER'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

/** Why the rules leave a target out of a draw's pool (published with the pool as exclusions.json). */
export const EXCLUSION_REASONS = ['DEREGISTERED', 'INSPECTED_FOR_ITEM', 'LOW_RISK_INSPECTED'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/**
 * The same reasons as a named entity's check tells them (一公开): "low risk and inspected this year" would
 * tell the entity's risk class, which is not public, so both inspected-this-year reasons read as one.
 */
export const PUBLIC_EXCLUSION_REASONS = ['DEREGISTERED', 'INSPECTED_THIS_YEAR'] as const;
export type PublicExclusionReason = (typeof PUBLIC_EXCLUSION_REASONS)[number];

export function publicExclusionReason(reason: ExclusionReason): PublicExclusionReason {
  return reason === 'DEREGISTERED' ? 'DEREGISTERED' : 'INSPECTED_THIS_YEAR';
}

/** 公开随机源: the public events a draw's entropy may come from (see `entropy.ts`). */
export const ENTROPY_SOURCES = ['SSQ', 'DLT', 'FC3D', 'DRAND'] as const;
export type EntropySource = (typeof ENTROPY_SOURCES)[number];

/**
 * Why an inspector leaves a team after the draw (更换原因). The draw's record publishes only this code; the
 * coordinator's own words stay in the trail, as they may name a person's illness or relatives.
 */
export const REPLACEMENT_REASONS = ['LEAVE', 'ILLNESS', 'CONFLICT', 'REASSIGNED', 'OTHER'] as const;
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];

/** A draw (摇号) is scheduled (its pool frozen and its commitment published), then run, once. */
export const DRAW_STATUSES = ['SCHEDULED', 'DRAWN'] as const;
export type DrawStatus = (typeof DRAW_STATUSES)[number];

/** 待录入 → 待审核 → 审核不通过 / 已公示. */
export const RESULT_STATES = ['PENDING_ENTRY', 'PENDING_REVIEW', 'REJECTED', 'PUBLISHED'] as const;
export type ResultState = (typeof RESULT_STATES)[number];
