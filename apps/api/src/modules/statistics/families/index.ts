import type { StatFamily } from '@suiji/domain';
import type { FamilyComputer } from './family.js';
import { VISIT_FAMILIES } from './visit-families.js';

/** The query of each family. */
export const FAMILIES: Partial<Record<StatFamily, FamilyComputer>> = {
  ...VISIT_FAMILIES,
};
