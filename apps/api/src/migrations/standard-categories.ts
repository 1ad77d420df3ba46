/**
 * The standard result categories as the migration that introduced categories wrote them, so that the
 * results of earlier versions keep a category to refer to. Frozen here, not read from the domain: a
 * migration must write the same rows whenever it runs, whatever the domain's names and rules have become
 * since (on every start the API adds any standard category missing since). Both dialects accept this SQL.
 */

/** code, Chinese name, English name, problem, raises risk, marks abnormal. */
const STANDARD_CATEGORIES: readonly (readonly [string, string, string, boolean, boolean, boolean])[] = [
  ['NO_PROBLEM', '未发现问题', 'No problem found', false, false, false],
  ['PROBLEM_PENDING', '发现问题待后续处理', 'Problem found, follow-up pending', true, false, false],
  ['PROBLEM_CORRECTED', '发现问题经责令已改正', 'Problem found and corrected on order', true, false, false],
  ['NOT_DISCLOSED', '未按规定公示应当公示的信息', 'Required information not disclosed', true, false, true],
  [
    'FALSIFIED',
    '公示信息隐瞒真实情况、弄虚作假',
    'Disclosed information concealed or falsified',
    true,
    true,
    true,
  ],
  [
    'UNREACHABLE',
    '通过登记的住所（经营场所）无法联系',
    'Unreachable at the registered address',
    true,
    true,
    true,
  ],
  [
    'NO_SUCH_ACTIVITY',
    '未发现开展本次抽查涉及的经营活动',
    'No activity of the inspected kind found',
    false,
    false,
    false,
  ],
  ['CLOSED', '已关闭停业或正在组织清算', 'Closed or in liquidation', false, false, false],
  ['UNCOOPERATIVE', '不配合检查情节严重', 'Seriously uncooperative', true, true, false],
  [
    'DEREGISTERED',
    '已注销、被吊销、被撤销或已迁出',
    'Deregistered, revoked, cancelled or moved away',
    false,
    false,
    false,
  ],
];

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

export function standardCategoriesSql(): string {
  const now = literal(new Date().toISOString());
  const rows = STANDARD_CATEGORIES.map(
    ([code, nameZh, nameEn, problem, raisesRisk, marksAbnormal]) =>
      `(${[literal(code), literal(nameZh), literal(nameEn), problem, raisesRisk, marksAbnormal, now, now].join(', ')})`,
  );
  return `insert into result_category (code, name_zh, name_en, problem, raises_risk, marks_abnormal, created_at, updated_at) values ${rows.join(', ')};`;
}
