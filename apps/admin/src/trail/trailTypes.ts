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
