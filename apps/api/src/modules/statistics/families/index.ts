import type { StatFamily } from '@suiji/domain';
import type { FamilyComputer } from './family.js';

/** The query of each family. */
export const FAMILIES: Partial<Record<StatFamily, FamilyComputer>> = {};
