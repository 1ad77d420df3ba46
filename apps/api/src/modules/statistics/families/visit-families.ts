import type { StatFamily } from '@suiji/domain';
import { burden } from './burden.js';
import { coverage } from './coverage.js';
import type { FamilyComputer } from './family.js';
import { ratios } from './ratios.js';
import { visits } from './visits.js';

/** The families counted over the visit facts (see `refreshVisitFacts`). */
export const VISIT_FAMILIES: Partial<Record<StatFamily, FamilyComputer>> = {
  VISITS: visits,
  COVERAGE: coverage,
  BURDEN: burden,
  RATIOS: ratios,
};
