/**
 * How each react-admin resource maps onto the GraphQL schema (apps/api/schema.graphql): the operation and
 * input type names, the fields to select, and which record fields the create and update inputs accept.
 */
import type { InspectionListFilter, Resource, TaskListFilter } from '@suiji/domain';
import type { TypedDocumentString } from '../graphql/generated/graphql';
import {
  CategoryFields,
  ConflictFields,
  DepartmentFields,
  DrawFields,
  InspectionFields,
  InspectorFields,
  ItemFields,
  PlanFields,
  PublicDrawFields,
  PublicDrawnTargetFields,
  PublicPlanFields,
  PublicResultFields,
  PublicTaskFields,
  TargetFields,
  TargetHistory,
  TaskFields,
  TrailFields,
  UserFields,
} from '../graphql/records';

/** A record type's fragment, as codegen types it. */
export type Fragment = TypedDocumentString<unknown, unknown>;

/**
 * A selection of fragments: their spreads, for the selection set, and their definitions (with the
 * fragments they spread), each once, for the end of the operation.
 */
export function selectionOf(...fragments: readonly (Fragment | undefined)[]): {
  set: string;
  definitions: string;
} {
  const spreads: string[] = [];
  const definitions = new Map<string, string>();
  for (const fragment of fragments) {
    if (!fragment) continue;
    // Codegen writes a fragment's own definition first, then those of the fragments it spreads.
    let own = true;
    for (const part of fragment.toString().split(/(?=\bfragment \w+ on )/)) {
      const definition = part.trim();
      const name = /^fragment (\w+) on /.exec(definition)?.[1];
      if (name === undefined) continue;
      if (own) spreads.push(`...${name}`);
      own = false;
      definitions.set(name, definition);
    }
  }
  return { set: spreads.join(' '), definitions: [...definitions.values()].join('\n') };
}

export interface ResourceSpec {
  /** Query returning `{ items, total }`. */
  list: string;
  /** Query returning one record or null; absent where the API reads records only as a list (the trail). */
  one?: string;
  /** Mutations; absent for resources that change only through their own actions (draws, inspections). */
  create?: string;
  update?: string;
  remove?: string;
  /** Query returning a `FileDownload` of the filtered list as .xlsx, when the API offers one. */
  exportQuery?: string;
  filterType: string;
  createInputType?: string;
  updateInputType?: string;
  /** Whether the list query takes a `sort` argument (draws and inspections come in the API's order). */
  sortable?: false;
  /** Whether an update sends the whole input (the API's update takes the create input) rather than the changes. */
  fullUpdate?: true;
  /** What is selected of a record: its fragment (src/graphql/records.ts). */
  fields: Fragment;
  /**
   * More fields selected for one record only (getOne and the mutations), never for a list: costly ones that
   * a list would ask once per row (a target's inspection history).
   */
  oneFields?: Fragment;
  /** Filter fields the API accepts, besides `q` and `ids`. */
  filters: readonly string[];
  createFields: readonly string[];
  updateFields: readonly string[];
  /** Input fields that accept null (an emptied optional input); other fields never receive null. */
  nullable: readonly string[];
}

/** Every field of a filter type, each once: a field added to the domain's filter must be listed to compile. */
const fieldsOf = <T>(fields: Record<keyof T, true>) => Object.keys(fields) as (keyof T & string)[];

/** The inspection list's filters of the statistics' drill-downs (`InspectionListFilter` in the domain). */
export const INSPECTION_LIST_FILTERS = fieldsOf<InspectionListFilter>({
  drawnFrom: true,
  drawnTo: true,
  departmentId: true,
  itemId: true,
  region: true,
  targetKind: true,
  riskClass: true,
  joint: true,
  category: true,
  followUp: true,
  states: true,
  problem: true,
  closed: true,
  onTime: true,
  overdue: true,
});

/** The task list's filters of the statistics' drill-downs (`TaskListFilter` in the domain). */
export const TASK_LIST_FILTERS = fieldsOf<TaskListFilter>({
  departmentId: true,
  itemId: true,
  windowFrom: true,
  windowTo: true,
  joint: true,
  fromPlan: true,
  progress: true,
});

/** `PlanInput`: the API's update takes the whole of it too, and replaces the lines. */
const PLAN_FIELDS = ['name', 'year', 'departmentId', 'cooperatingDepartmentIds', 'remarks', 'lines'] as const;

/** `TaskInput`: the API's update takes the whole of it too. */
const TASK_FIELDS = [
  'name',
  'year',
  'departmentId',
  'cooperatingDepartmentIds',
  'itemIds',
  'planId',
  'scope',
  'regions',
  'tags',
  'riskClasses',
  'targetKinds',
  'windowStart',
  'windowEnd',
  'teamSize',
] as const;

/**
 * The public pages' own resources (一公开): the API's projections of yearly plans, tasks, draws, their
 * 抽查名单 and published results, which anyone may read without signing in. The role policy names them
 * all `publication`.
 */
export type PublicResource =
  'publicPlans' | 'publicTasks' | 'publicDraws' | 'publicDrawTargets' | 'publicResults';

/** The input fields of a resource whose update takes the same ones as its create. */
const sameInput = (fields: readonly string[]) => ({ createFields: fields, updateFields: fields });

// Partial: the policy may name resources (such as the audit trail) the dashboard does not list as records.
export const RESOURCE_SPECS: Partial<Record<Resource | PublicResource, ResourceSpec>> = {
  departments: {
    list: 'departments',
    one: 'department',
    create: 'createDepartment',
    update: 'updateDepartment',
    remove: 'deleteDepartment',
    exportQuery: 'exportDepartments',
    filterType: 'DepartmentFilter',
    createInputType: 'DepartmentInput',
    updateInputType: 'DepartmentUpdateInput',
    fields: DepartmentFields,
    filters: ['kind', 'parentId'],
    ...sameInput(['name', 'code', 'kind', 'parentId']),
    nullable: ['parentId'],
  },
  items: {
    list: 'items',
    one: 'item',
    create: 'createItem',
    update: 'updateItem',
    remove: 'deleteItem',
    exportQuery: 'exportItems',
    filterType: 'ItemFilter',
    createInputType: 'ItemInput',
    updateInputType: 'ItemUpdateInput',
    fields: ItemFields,
    filters: ['year', 'departmentId', 'category'],
    ...sameInput([
      'year',
      'departmentId',
      'seq',
      'name',
      'legalBasis',
      'inspectingBody',
      'category',
      'targetType',
      'minRatioBp',
      'timesPerYear',
      'methods',
      'remarks',
    ]),
    nullable: ['remarks'],
  },
  targets: {
    list: 'targets',
    one: 'target',
    create: 'createTarget',
    update: 'updateTarget',
    remove: 'deleteTarget',
    exportQuery: 'exportTargets',
    filterType: 'TargetFilter',
    createInputType: 'TargetInput',
    updateInputType: 'TargetUpdateInput',
    fields: TargetFields,
    oneFields: TargetHistory,
    filters: ['kind', 'riskClass', 'status', 'region', 'targetType', 'tag', 'abnormal'],
    ...sameInput([
      'name',
      'creditCode',
      'kind',
      'legalRepresentative',
      'address',
      'region',
      'contact',
      'tags',
      'riskClass',
      'status',
      'targetTypes',
    ]),
    nullable: [],
  },
  inspectors: {
    list: 'inspectors',
    one: 'inspector',
    create: 'createInspector',
    update: 'updateInspector',
    remove: 'deleteInspector',
    exportQuery: 'exportInspectors',
    filterType: 'InspectorFilter',
    createInputType: 'InspectorInput',
    updateInputType: 'InspectorUpdateInput',
    fields: InspectorFields,
    filters: ['departmentId', 'status', 'expertise', 'certificateValid', 'certificateExpiring', 'hasAccount'],
    ...sameInput([
      'name',
      'departmentId',
      'certificateNumber',
      'certificateValidFrom',
      'certificateValidUntil',
      'expertise',
      'status',
      'phone',
      'userId',
    ]),
    nullable: ['phone', 'userId'],
  },
  conflicts: {
    list: 'conflicts',
    one: 'conflict',
    create: 'createConflict',
    update: 'updateConflict',
    remove: 'deleteConflict',
    exportQuery: 'exportConflicts',
    filterType: 'ConflictFilter',
    createInputType: 'ConflictInput',
    updateInputType: 'ConflictUpdateInput',
    fields: ConflictFields,
    filters: ['inspectorId', 'targetId'],
    createFields: ['inspectorId', 'targetId', 'reason'],
    updateFields: ['reason'],
    nullable: [],
  },
  users: {
    list: 'users',
    one: 'user',
    create: 'createUser',
    update: 'updateUser',
    remove: 'deleteUser',
    exportQuery: 'exportUsers',
    filterType: 'UserFilter',
    createInputType: 'UserInput',
    updateInputType: 'UserUpdateInput',
    fields: UserFields,
    filters: ['role', 'departmentId'],
    createFields: ['username', 'displayName', 'password', 'role', 'departmentId'],
    updateFields: ['displayName', 'role', 'departmentId', 'active', 'password'],
    nullable: [],
  },
  plans: {
    list: 'plans',
    one: 'plan',
    create: 'createPlan',
    update: 'updatePlan',
    remove: 'deletePlan',
    filterType: 'PlanFilter',
    createInputType: 'PlanInput',
    updateInputType: 'PlanInput',
    fullUpdate: true,
    fields: PlanFields,
    filters: ['year', 'departmentId'],
    ...sameInput([...PLAN_FIELDS]),
    nullable: ['remarks'],
  },
  tasks: {
    list: 'tasks',
    one: 'task',
    create: 'createTask',
    update: 'updateTask',
    remove: 'deleteTask',
    filterType: 'TaskFilter',
    createInputType: 'TaskInput',
    updateInputType: 'TaskInput',
    fullUpdate: true,
    fields: TaskFields,
    filters: ['year', 'planId', 'awaitingAnswer', ...TASK_LIST_FILTERS],
    ...sameInput([...TASK_FIELDS]),
    nullable: ['planId'],
  },
  draws: {
    list: 'draws',
    one: 'draw',
    filterType: 'DrawFilter',
    fields: DrawFields,
    filters: ['taskId', 'status', 'departmentId', 'year', 'runnable'],
    ...sameInput([]),
    nullable: [],
  },
  inspections: {
    list: 'inspections',
    one: 'inspection',
    filterType: 'InspectionFilter',
    fields: InspectionFields,
    filters: ['taskId', 'drawId', 'q', 'mine', ...INSPECTION_LIST_FILTERS],
    ...sameInput([]),
    nullable: [],
  },
  // The standard categories and departments' own; `id` is the code.
  categories: {
    list: 'resultCategories',
    one: 'resultCategory',
    create: 'createResultCategory',
    update: 'updateResultCategory',
    remove: 'deleteResultCategory',
    filterType: 'CategoryFilter',
    createInputType: 'CategoryInput',
    updateInputType: 'CategoryUpdateInput',
    fields: CategoryFields,
    filters: ['taskId', 'departmentId'],
    createFields: ['code', 'nameZh', 'nameEn', 'departmentId', 'problem', 'raisesRisk', 'marksAbnormal'],
    // A standard category's names cannot change: its form leaves them as they are, so they are never sent.
    updateFields: ['nameZh', 'nameEn', 'problem', 'raisesRisk', 'marksAbnormal'],
    nullable: ['departmentId'],
  },
  // 公示: yearly plans, sorted by createdAt (newest first), year or name.
  publicPlans: {
    list: 'publicPlans',
    one: 'publicPlan',
    filterType: 'PublicPlanFilter',
    fields: PublicPlanFields,
    filters: ['year', 'departmentId'],
    ...sameInput([]),
    nullable: [],
  },
  // 公示: tasks whose draw is scheduled, sorted by windowStart (latest first), year or name.
  publicTasks: {
    list: 'publicTasks',
    filterType: 'PublicTaskFilter',
    fields: PublicTaskFields,
    filters: ['year', 'departmentId', 'planId', 'scope'],
    ...sameInput([]),
    nullable: [],
  },
  // 公示: every draw as published, newest first (or by run time); `createdAt` is when it was scheduled.
  publicDraws: {
    list: 'publicDraws',
    one: 'publicDraw',
    filterType: 'PublicDrawFilter',
    fields: PublicDrawFields,
    filters: ['status', 'departmentId', 'year'],
    ...sameInput([]),
    nullable: [],
  },
  // 公示: published results as a citizen finds them, newest first.
  publicResults: {
    list: 'publicResults',
    filterType: 'PublicResultFilter',
    fields: PublicResultFields,
    filters: [
      'taskId',
      'departmentId',
      'year',
      'region',
      'itemId',
      'publishedFrom',
      'publishedTo',
      'creditCode',
    ],
    ...sameInput([]),
    nullable: [],
  },
  // A draw's 抽查名单, as published.
  publicDrawTargets: {
    list: 'publicDrawTargets',
    filterType: 'PublicDrawnTargetFilter!',
    fields: PublicDrawnTargetFields,
    filters: ['drawId', 'q'],
    ...sameInput([]),
    nullable: [],
  },
  // 全程留痕: read-only, newest first, and only as a list. An entry's key is its position in the chain.
  trail: {
    list: 'trail',
    filterType: 'TrailFilter',
    sortable: false,
    fields: TrailFields,
    filters: ['entity', 'entityId', 'actorId', 'action', 'from', 'to'],
    ...sameInput([]),
    nullable: [],
  },
};

export function specOf(resource: string): ResourceSpec {
  const spec = (RESOURCE_SPECS as Record<string, ResourceSpec | undefined>)[resource];
  if (!spec) throw new Error(`Unknown resource "${resource}"`);
  return spec;
}
