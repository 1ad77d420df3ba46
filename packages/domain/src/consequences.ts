/**
 * What a published result means for its target (信用约束): some categories count as a problem found,
 * some raise the target's credit-risk class (so it weighs more in later draws), some put it on the
 * abnormal list (经营异常名录). Each category carries these three flags; the standard categories start
 * with the defaults below and an administrator may change them, departments add categories of their own.
 */
import { RESULT_CATEGORIES, RISK_CLASSES, type ResultCategory, type RiskClass } from './glossary.js';

/** The consequences a result category carries. */
export interface CategoryRule {
  /** Counts as a problem found (问题发现率, the target's problem count). */
  readonly problem: boolean;
  /** Raises the target's risk class by one step (A → B → C → D). */
  readonly raisesRisk: boolean;
  /** Puts the target on the abnormal list (经营异常名录). */
  readonly marksAbnormal: boolean;
}

const rule = (problem: boolean, raisesRisk = false, marksAbnormal = false): CategoryRule => ({
  problem,
  raisesRisk,
  marksAbnormal,
});

/**
 * Defaults for the standard categories: the rules of 企业信息公示暂行条例 — an entity unreachable at its
 * registered address, or whose disclosures are false or missing, goes on the abnormal list; falsified
 * and unreachable ones also move up a risk class.
 */
export const DEFAULT_CATEGORY_RULES: Readonly<Record<ResultCategory, CategoryRule>> = {
  NO_PROBLEM: rule(false),
  PROBLEM_PENDING: rule(true),
  PROBLEM_CORRECTED: rule(true),
  NOT_DISCLOSED: rule(true, false, true),
  FALSIFIED: rule(true, true, true),
  UNREACHABLE: rule(true, true, true),
  NO_SUCH_ACTIVITY: rule(false),
  CLOSED: rule(false),
  UNCOOPERATIVE: rule(true, true, false),
  DEREGISTERED: rule(false),
};

/** Whether a code is one of the standard categories of the glossary. */
export function isStandardCategory(code: string): code is ResultCategory {
  return (RESULT_CATEGORIES as readonly string[]).includes(code);
}

/** A department's own category codes: upper-case letters, digits and underscores, 3–40 characters. */
export const CATEGORY_CODE = /^[A-Z][A-Z0-9_]{2,39}$/;

/** The next risk class up; D stays D. */
export function raisedRiskClass(riskClass: RiskClass): RiskClass {
  // The index is within the list by the min(); the fallback only satisfies the type.
  return RISK_CLASSES[Math.min(RISK_CLASSES.indexOf(riskClass) + 1, RISK_CLASSES.length - 1)] ?? riskClass;
}

/** What publishing results with these categories' rules does to a target. */
export interface Consequence {
  readonly riskClass: RiskClass;
  readonly abnormal: boolean;
  readonly problems: number;
}

/**
 * The target after one inspection's published results: its risk class goes up one step at most per
 * inspection (several items of one visit finding the same fault do not count as several), it is marked
 * abnormal if any result says so, and each problem result adds one to its problem count.
 */
export function consequenceOf(
  target: { readonly riskClass: RiskClass; readonly abnormal: boolean },
  rules: readonly CategoryRule[],
): Consequence {
  return {
    riskClass: rules.some((r) => r.raisesRisk) ? raisedRiskClass(target.riskClass) : target.riskClass,
    abnormal: target.abnormal || rules.some((r) => r.marksAbnormal),
    problems: rules.filter((r) => r.problem).length,
  };
}
