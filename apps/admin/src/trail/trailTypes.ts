/** A trail entry as the dashboard reads it (`TrailEntry`, with its position in the chain as `id`). */
export interface TrailEntryRecord {
  id: number;
  seq: number;
  /** ISO date-time. */
  at: string;
  /** The user who made the change; null: the system. */
  actorId: string | null;
  action: string;
  /** The API's entity class, e.g. `Target`, `Category`. */
  entity: string;
  /** The changed record's key; `*` for a bulk operation such as an import. */
  entityId: string;
  /** The changed fields before and after, as canonical JSON. */
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}

/**
 * The entities the API records, as it names them (its entity classes), in the order of the work: the
 * inspection item list, plans and tasks, draws and results, then the registries and the accounts.
 */
export const TRAIL_ENTITIES = [
  'InspectionItem',
  'Plan',
  'PlanItem',
  'Task',
  'TaskAcceptance',
  'MergeProposal',
  'MergeResponse',
  'Draw',
  'Inspection',
  'ItemResult',
  'Attachment',
  'Category',
  'Target',
  'Inspector',
  'Conflict',
  'Department',
  'User',
] as const;

export const entityChoices = TRAIL_ENTITIES.map((id) => ({ id, name: `suiji.trail.entities.${id}` }));

/** The actions the API records: changes of records, and bulk operations summarised in one entry. */
export const TRAIL_ACTIONS = ['create', 'update', 'delete', 'import', 'replace'] as const;

export const actionChoices = TRAIL_ACTIONS.map((id) => ({ id, name: `suiji.trail.actions.${id}` }));

/** The dashboard's resource of each entity that has pages of its own; the others show their key. */
export const ENTITY_RESOURCES: Partial<Record<(typeof TRAIL_ENTITIES)[number], string>> = {
  InspectionItem: 'items',
  Plan: 'plans',
  Task: 'tasks',
  Draw: 'draws',
  Inspection: 'inspections',
  Category: 'categories',
  Target: 'targets',
  Inspector: 'inspectors',
  Conflict: 'conflicts',
  Department: 'departments',
  User: 'users',
};

/**
 * The keys of a before or after that hold another record's key (a relation as the API records it, or a
 * list of keys), and that record's resource: shown as its name, linked.
 */
const REFERENCE_KEYS: Record<string, string> = {
  department: 'departments',
  departmentId: 'departments',
  departmentIds: 'departments',
  cooperatingDepartmentIds: 'departments',
  plan: 'plans',
  planId: 'plans',
  planIds: 'plans',
  task: 'tasks',
  taskId: 'tasks',
  taskIds: 'tasks',
  draw: 'draws',
  drawId: 'draws',
  inspection: 'inspections',
  inspectionId: 'inspections',
  inspectionIds: 'inspections',
  item: 'items',
  itemId: 'items',
  itemIds: 'items',
  target: 'targets',
  targetId: 'targets',
  inspector: 'inspectors',
  inspectorId: 'inspectors',
  teamIds: 'inspectors',
  user: 'users',
  userId: 'users',
};

/** The resource whose key a before/after key holds, if any (`parent` is a department's own kind). */
export function referenceOf(entity: string, key: string): string | undefined {
  if (key === 'parent' || key === 'parentId')
    return ENTITY_RESOURCES[entity as keyof typeof ENTITY_RESOURCES];
  return Object.hasOwn(REFERENCE_KEYS, key) ? REFERENCE_KEYS[key] : undefined;
}
