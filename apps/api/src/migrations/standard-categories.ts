/**
 * The standard result categories as the migration that introduced categories wrote them, so that the
 * results of earlier versions keep a category to refer to. (On every start the API adds any standard
 * category missing since.) Both dialects accept this SQL.
 */
import { DEFAULT_CATEGORY_RULES, LABELS, RESULT_CATEGORIES } from '@suiji/domain';

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

export function standardCategoriesSql(): string {
  const now = literal(new Date().toISOString());
  const rows = RESULT_CATEGORIES.map((code) => {
    const rule = DEFAULT_CATEGORY_RULES[code];
    return `(${[
      literal(code),
      literal(LABELS['zh-CN'].resultCategory[code]),
      literal(LABELS.en.resultCategory[code]),
      rule.problem,
      rule.raisesRisk,
      rule.marksAbnormal,
      now,
      now,
    ].join(', ')})`;
  });
  return `insert into result_category (code, name_zh, name_en, problem, raises_risk, marks_abnormal, created_at, updated_at) values ${rows.join(', ')};`;
}
