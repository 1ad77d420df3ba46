/**
 * The fields of the API's `Draw`, `PublicDraw`, `Inspection` and `ResultCategory` the pages read (see the
 * selections in providers/resources.ts). Personal data (a member's account) is null to readers the API's
 * field policy keeps it from.
 */
import type { EntropySource } from '@suiji/domain';
import type { RaRecord } from 'react-admin';

/** What is published of a draw: the fields the API's `Draw` and `PublicDraw` share. */
export interface PublishedDrawFields extends RaRecord {
  status: 'SCHEDULED' | 'DRAWN';
  /** When it was scheduled: its commitment published. */
  createdAt: string;
  runAfter: string;
  /** The public entropy source declared when it was scheduled; null for draws scheduled before. */
  entropySource: EntropySource | null;
  entropyIssue: string | null;
  entropyPublishedAt: string | null;
  commitment: string;
  poolDigest: string;
  poolSize: number;
  excludedCount: number;
  rosterSize: number;
  ratios: { riskClass: string; ratioBp: number }[];
  team: { size: number };
  ranAt: string | null;
  publicEntropy: string | null;
  seed: string | null;
  nonce: string | null;
  selectedCount: number | null;
  poolUrl: string;
  /** The targets the rules left out, with their reason codes (JSON). */
  exclusionsUrl: string;
  recordUrl: string | null;
}

/** A draw as staff read it (`Draw`). */
export interface DrawRecordFields extends PublishedDrawFields {
  taskId: string;
  /** The departments taking part in the draw's task (initiating and cooperating). */
  departmentIds?: string[];
  team: { size: number; departments: string[] };
}

/** A draw as the public reads it (`PublicDraw`): names instead of references. */
export interface PublicDrawRecordFields extends PublishedDrawFields {
  taskName: string;
  year: number;
  /** The departments taking part, the initiating one first. */
  departments: string[];
  /** The items the draw covers, by name. */
  items: string[];
}

export interface TeamMember {
  id: string;
  name: string;
  departmentId: string;
  userId: string | null;
}

export interface InspectionRecordFields extends RaRecord {
  taskId: string;
  drawId: string;
  target: { id: string; name: string; creditCode: string };
  teamIds: string[];
  team: TeamMember[];
  state: string;
  /** The task's items this visit covers. */
  itemIds: string[];
  items: { id: string; name: string }[];
  methodsUsed?: string[];
  /** YYYY-MM-DD */
  inspectedOn?: string | null;
  /** One per item, once entered. */
  results?: ItemResultFields[];
  enteredAt?: string | null;
  reviewComment?: string | null;
  publishedAt?: string | null;
  /** YYYY-MM-DD, the last day to publish the result. */
  publicationDeadline?: string;
  overdue?: boolean;
}

/** A result category: a standard one (no department) or a department's own; `id` is its code. */
export interface CategoryInfo {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  departmentId: string | null;
  standard: boolean;
  /** Counts as a problem found. */
  problem: boolean;
  /** Publishing it raises the target's risk class one step. */
  raisesRisk: boolean;
  /** Publishing it puts the target on the abnormal list (经营异常名录). */
  marksAbnormal: boolean;
}

export interface CategoryRecordFields extends RaRecord, CategoryInfo {
  id: string;
}

/** The result for one item of an inspection. */
export interface ItemResultFields {
  id: string;
  itemId: string;
  item: { id: string; name: string };
  category: string;
  categoryInfo: CategoryInfo;
  findings: string | null;
  followUp: string;
  /** How the follow-up ended, once a coordinator closed it (后续处置完结). */
  closedOn?: string | null;
  closureOutcome?: string | null;
  closureNote?: string | null;
  /** Null for readers who may not see who closed it. */
  closedByName?: string | null;
  closedAt?: string | null;
}

/** A draw's short number, as in its address: the first characters of its id. */
export const drawNumber = (draw: Pick<RaRecord, 'id'>) => `#${String(draw.id).slice(0, 8)}`;
