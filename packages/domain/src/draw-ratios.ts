/**
 * The ratios a task's draw is scheduled with (抽查比例). One draw serves every item of the task, so each
 * credit-risk class is drawn by default at the highest ratio any item asks for, and no ratio may be below
 * the highest item minimum (the list says "not lower than"). The API applies these rules when a draw is
 * scheduled and when merge proposals count visits; the dashboard's schedule form shows them before asking.
 */
import { RISK_CLASSES, type RiskClass } from './glossary.js';
import { formatRatioBp } from './limits.js';
import type { FieldProblem } from './registry-rules.js';
import { text } from './text.js';

/** What the ratio rules need to know of an inspection item. */
export interface RatioItem {
  readonly name: string;
  readonly minRatioBp: number;
  /** The ratio each class is drawn at by default; a class left out uses the minimum. */
  readonly riskRatios?: Readonly<Partial<Record<RiskClass, number>>>;
}

/** A ratio as entered for one class, in basis points. */
export interface ClassRatio {
  readonly riskClass: RiskClass;
  readonly ratioBp: number;
}

/** The ratio an item asks for a class: its own for that class, else its minimum. */
export function itemRatioFor(item: RatioItem, riskClass: RiskClass): number {
  return item.riskRatios?.[riskClass] ?? item.minRatioBp;
}

/** Per risk class, the highest of the items' ratios, in basis points (0 without items). */
export function defaultRatios(items: readonly RatioItem[]): Record<RiskClass, number> {
  const ratios = {} as Record<RiskClass, number>;
  for (const c of RISK_CLASSES) ratios[c] = Math.max(0, ...items.map((i) => itemRatioFor(i, c)));
  return ratios;
}

/** The lowest ratio the draw may take and the item that sets it: the highest item minimum. */
export function ratioFloor(items: readonly RatioItem[]): { ratioBp: number; item: string | null } {
  let top: RatioItem | null = null;
  for (const i of items) if (!top || i.minRatioBp > top.minRatioBp) top = i;
  return { ratioBp: top?.minRatioBp ?? 0, item: top?.name ?? null };
}

/**
 * The ratios a draw takes: the defaults when none are given, else the given ones, each class once and none
 * below the floor. Returns the ratios, or the first problem (field `ratios`).
 */
export function drawRatios(
  items: readonly RatioItem[],
  given: readonly ClassRatio[] | null | undefined,
): { ratios: Partial<Record<RiskClass, number>> } | { problem: FieldProblem } {
  if (!given) return { ratios: defaultRatios(items) };
  const floor = ratioFloor(items);
  const ratios: Partial<Record<RiskClass, number>> = {};
  for (const { riskClass, ratioBp } of given) {
    if (ratios[riskClass] !== undefined)
      return {
        problem: {
          field: 'ratios',
          message: text(`Risk class ${riskClass} has two ratios`, `${riskClass} 类设置了两个比例`),
          hint: text('Give one ratio per class.', '请只设一个。'),
        },
      };
    if (ratioBp < floor.ratioBp)
      return {
        problem: {
          field: 'ratios',
          message: text(
            `The ratio for class ${riskClass} (${formatRatioBp(ratioBp)}) is below the minimum of ${formatRatioBp(floor.ratioBp)} of "${floor.item ?? ''}"`,
            `${riskClass} 类的比例（${formatRatioBp(ratioBp)}）低于“${floor.item ?? ''}”的最低比例 ${formatRatioBp(floor.ratioBp)}`,
          ),
          hint: text('The list says "not lower than": raise the ratio.', '清单规定“不低于”：请提高比例。'),
        },
      };
    ratios[riskClass] = ratioBp;
  }
  return { ratios };
}

/**
 * The items of a task as the API lists them (`Task.items`, each with `riskRatios` as a list of
 * `{ riskClass, ratioBp }`), with the fields the ratio rules need; malformed entries are left out.
 */
export function ratioItemsOf(items: unknown): RatioItem[] {
  if (!Array.isArray(items)) return [];
  const result: RatioItem[] = [];
  for (const entry of items as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { name, minRatioBp, riskRatios } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || typeof minRatioBp !== 'number') continue;
    const ratios: Partial<Record<RiskClass, number>> = {};
    if (Array.isArray(riskRatios))
      for (const r of riskRatios as unknown[]) {
        if (typeof r !== 'object' || r === null) continue;
        const { riskClass, ratioBp } = r as Record<string, unknown>;
        if ((RISK_CLASSES as readonly unknown[]).includes(riskClass) && typeof ratioBp === 'number')
          ratios[riskClass as RiskClass] = ratioBp;
      }
    result.push({ name, minRatioBp, riskRatios: ratios });
  }
  return result;
}
