/**
 * The ratios a task's draw is scheduled with. One draw serves every item of the task, so each credit-risk
 * class is drawn by default at the highest ratio any item asks for, and no ratio may be below the highest
 * item minimum (the list says "not lower than"): the rules the API applies, shown before it is asked.
 */
import { RISK_CLASSES, type RiskClass } from '@suiji/domain';

/** The fields of a task's item the ratios depend on (`InspectionItem`). */
export interface RatioItem {
  name: string;
  minRatioBp: number;
  /** The ratio each class is drawn at by default; a class left out uses the minimum. */
  riskRatios?: readonly { riskClass: string; ratioBp: number }[];
}

function ratioFor(item: RatioItem, riskClass: RiskClass): number {
  return item.riskRatios?.find((r) => r.riskClass === riskClass)?.ratioBp ?? item.minRatioBp;
}

/** Per risk class, the highest of the items' ratios, in basis points (0 without items). */
export function defaultRatios(items: readonly RatioItem[]): Record<RiskClass, number> {
  return Object.fromEntries(
    RISK_CLASSES.map((riskClass) => [riskClass, Math.max(0, ...items.map((i) => ratioFor(i, riskClass)))]),
  ) as Record<RiskClass, number>;
}

/** The lowest ratio the draw may take and the item that sets it: the highest item minimum. */
export function ratioFloor(items: readonly RatioItem[]): { ratioBp: number; item: string | null } {
  const top = items.reduce<RatioItem | null>(
    (best, i) => (!best || i.minRatioBp > best.minRatioBp ? i : best),
    null,
  );
  return { ratioBp: top?.minRatioBp ?? 0, item: top?.name ?? null };
}

/** The items of a task record (`Task.items`) with the fields the ratios need; others are left out. */
export function ratioItemsOf(items: unknown): RatioItem[] {
  if (!Array.isArray(items)) return [];
  return (items as (Partial<RatioItem> | null)[]).filter(
    (i): i is RatioItem => typeof i?.name === 'string' && typeof i.minRatioBp === 'number',
  );
}
