/**
 * Choices for the domain's enums. Their names are translation keys (`enums.<group>.<value>`) built from the
 * domain's LABELS, so react-admin shows them in the current language.
 */
import {
  CLOSURE_OUTCOMES,
  DRAW_STATUSES,
  DEPARTMENT_KINDS,
  FOLLOW_UPS,
  INSPECTION_METHODS,
  INSPECTOR_STATUSES,
  ITEM_CATEGORIES,
  RISK_CLASSES,
  RESULT_STATES,
  ROLES,
  TARGET_KINDS,
  TARGET_STATUSES,
  TASK_SCOPES,
  figure,
  type DomainLabels,
  type Locale,
  type TaskListFilter,
} from '@suiji/domain';

export interface Choice {
  id: string;
  name: string;
}

export function enumChoices(group: keyof DomainLabels, values: readonly string[]): Choice[] {
  return values.map((id) => ({ id, name: `enums.${group}.${id}` }));
}

export const roleChoices = enumChoices('role', ROLES);
export const departmentKindChoices = enumChoices('departmentKind', DEPARTMENT_KINDS);
export const itemCategoryChoices = enumChoices('itemCategory', ITEM_CATEGORIES);
export const inspectionMethodChoices = enumChoices('inspectionMethod', INSPECTION_METHODS);
export const targetKindChoices = enumChoices('targetKind', TARGET_KINDS);
export const riskClassChoices = enumChoices('riskClass', RISK_CLASSES);
export const targetStatusChoices = enumChoices('targetStatus', TARGET_STATUSES);
export const inspectorStatusChoices = enumChoices('inspectorStatus', INSPECTOR_STATUSES);

/** Plain strings (regions, target types) as choices that are shown as they are. */
export function stringChoices(values: readonly string[]): Choice[] {
  return values.map((value) => ({ id: value, name: value }));
}

export const taskScopeChoices = enumChoices('taskScope', TASK_SCOPES);
export const resultStateChoices = enumChoices('resultState', RESULT_STATES);
export const followUpChoices = enumChoices('followUp', FOLLOW_UPS);
export const closureOutcomeChoices = enumChoices('closureOutcome', CLOSURE_OUTCOMES);

export const drawStatusChoices = enumChoices('drawStatus', DRAW_STATUSES);

type TaskProgress = NonNullable<TaskListFilter['progress']>;

/** A task's progress as 统计分析 counts it, named as the domain names those counts (待执行 / 执行中 / 已完成). */
const TASK_PROGRESS_FIGURES: Record<TaskProgress, string> = {
  PENDING: 'tasksPending',
  RUNNING: 'tasksRunning',
  DONE: 'tasksDone',
};

export const taskProgressChoices: Choice[] = Object.keys(TASK_PROGRESS_FIGURES).map((id) => ({
  id,
  name: `suiji.task.progress.${id}`,
}));

/** The names of the task progress choices in one language, for the translations. */
export function taskProgressNames(locale: Locale): Record<TaskProgress, string> {
  const name = (progress: TaskProgress) => figure(TASK_PROGRESS_FIGURES[progress])?.label[locale] ?? progress;
  return { PENDING: name('PENDING'), RUNNING: name('RUNNING'), DONE: name('DONE') };
}
