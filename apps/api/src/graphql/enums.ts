/**
 * The domain's enums registered as GraphQL enums, each value described by its Chinese name from the
 * domain's LABELS (the names the dashboard shows); `enums.test.ts` checks that every enum of the schema is
 * described so.
 */
import { registerEnumType } from 'type-graphql';
import {
  ACCEPTANCE_STATES,
  CLOSURE_OUTCOMES,
  DEPARTMENT_KINDS,
  DRAW_STATUSES,
  ENTROPY_SOURCES,
  EXCLUSION_REASONS,
  PUBLIC_EXCLUSION_REASONS,
  INSPECTION_METHODS,
  INSPECTOR_STATUSES,
  ITEM_CATEGORIES,
  LABELS,
  MERGE_STATES,
  RISK_CLASSES,
  RESULT_STATES,
  FOLLOW_UPS,
  REPLACEMENT_REASONS,
  ROLES,
  TASK_PROGRESSES,
  TASK_SCOPES,
  TARGET_KINDS,
  TARGET_STATUSES,
  type DomainLabels,
} from '@suiji/domain';

/** Registers a domain enum with GraphQL, each value described by its name in `labels`. */
export function graphqlEnum<T extends string>(
  name: string,
  values: readonly T[],
  labels: Record<T, string>,
  description?: string,
): Record<T, T> {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.fromEntries(values.map((value) => [value, { description: labels[value] }])) as never,
  });
  return enumObject;
}

/** The names the schema describes values by: the dashboard's default language. */
export const zh: DomainLabels = LABELS['zh-CN'];

export const RoleEnum = graphqlEnum('Role', ROLES, zh.role);
export const DepartmentKindEnum = graphqlEnum('DepartmentKind', DEPARTMENT_KINDS, zh.departmentKind);
export const ItemCategoryEnum = graphqlEnum('ItemCategory', ITEM_CATEGORIES, zh.itemCategory);
export const InspectionMethodEnum = graphqlEnum('InspectionMethod', INSPECTION_METHODS, zh.inspectionMethod);
export const TargetKindEnum = graphqlEnum('TargetKind', TARGET_KINDS, zh.targetKind);
export const RiskClassEnum = graphqlEnum('RiskClass', RISK_CLASSES, zh.riskClass);
export const TargetStatusEnum = graphqlEnum('TargetStatus', TARGET_STATUSES, zh.targetStatus);
export const InspectorStatusEnum = graphqlEnum('InspectorStatus', INSPECTOR_STATUSES, zh.inspectorStatus);

export const DrawStatusEnum = graphqlEnum('DrawStatus', DRAW_STATUSES, zh.drawStatus);
export const TaskScopeEnum = graphqlEnum('TaskScope', TASK_SCOPES, zh.taskScope);
export const TaskProgressEnum = graphqlEnum('TaskProgress', TASK_PROGRESSES, zh.taskProgress);
export const ResultStateEnum = graphqlEnum('ResultState', RESULT_STATES, zh.resultState);
export const FollowUpEnum = graphqlEnum('FollowUp', FOLLOW_UPS, zh.followUp);
export const EntropySourceEnum = graphqlEnum('EntropySource', ENTROPY_SOURCES, zh.entropySource);

export const ReplacementReasonEnum = graphqlEnum(
  'ReplacementReason',
  REPLACEMENT_REASONS,
  zh.replacementReason,
);

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });
export const AcceptanceStateEnum = graphqlEnum('AcceptanceState', ACCEPTANCE_STATES, zh.acceptanceState);
export const MergeStateEnum = graphqlEnum('MergeState', MERGE_STATES, zh.mergeState);
export const ClosureOutcomeEnum = graphqlEnum('ClosureOutcome', CLOSURE_OUTCOMES, zh.closureOutcome);
export const ExclusionReasonEnum = graphqlEnum('ExclusionReason', EXCLUSION_REASONS, zh.exclusionReason);
export const PublicExclusionReasonEnum = graphqlEnum(
  'PublicExclusionReason',
  PUBLIC_EXCLUSION_REASONS,
  zh.publicExclusionReason,
);
