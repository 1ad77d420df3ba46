import type { StatFamily } from '@suiji/domain';
import type { FamilyComputer } from './family.js';
import { inspectorsFamily } from './inspectors.js';
import { plansFamily } from './plans.js';
import { inspectorRegistryFamily, targetRegistryFamily } from './registry.js';
import { tasksFamily } from './tasks.js';
import { VISIT_FAMILIES } from './visit-families.js';

/** The query of each family. */
export const FAMILIES: Partial<Record<StatFamily, FamilyComputer>> = {
  ...VISIT_FAMILIES,
  PLANS: plansFamily,
  TASKS: tasksFamily,
  INSPECTORS: inspectorsFamily,
  TARGET_REGISTRY: targetRegistryFamily,
  INSPECTOR_REGISTRY: inspectorRegistryFamily,
};
