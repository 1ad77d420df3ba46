/** The fields of the API's `Draw` and `Inspection` the pages read (see the selections in providers/resources.ts). */
import type { RaRecord } from 'react-admin';

export interface DrawRecordFields extends RaRecord {
  taskId: string;
  itemId: string;
  /** The departments taking part in the draw's task (initiating and cooperating). */
  departmentIds?: string[];
  status: 'SCHEDULED' | 'DRAWN';
  runAfter: string;
  commitment: string;
  poolDigest: string;
  poolSize: number;
  excludedCount: number;
  rosterSize: number;
  ratios: { riskClass: string; ratioBp: number }[];
  team: { size: number; departments: string[] };
  ranAt: string | null;
  publicEntropy: string | null;
  seed: string | null;
  nonce: string | null;
  selectedCount: number | null;
  poolUrl: string;
  /** The targets the rules left out, with their reasons (JSON). */
  exclusionsUrl: string;
  recordUrl: string | null;
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
  resultCategory?: string | null;
  findings?: string | null;
  methodsUsed?: string[];
  /** YYYY-MM-DD */
  inspectedOn?: string | null;
  followUp?: string | null;
  enteredAt?: string | null;
  reviewComment?: string | null;
  publishedAt?: string | null;
  /** YYYY-MM-DD, the last day to publish the result. */
  publicationDeadline?: string;
  overdue?: boolean;
}
