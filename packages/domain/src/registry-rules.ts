/**
 * Rules for registry records, shared by the API's forms, its bulk import and the dashboard: each
 * returns the problems found, each naming the field, what is wrong and how to fix it, in both languages.
 */
import { checkCreditCode } from './credit-code.js';
import { MAX_LENGTH, RATIO_MAX_BP, TIMES_PER_YEAR_MAX, YEAR_MAX, YEAR_MIN } from './limits.js';
import { text, type Text } from './text.js';

export interface FieldProblem {
  field: string;
  message: Text;
  hint: Text;
}

/** Names of the registry fields for people, used in problems. */
export const FIELD_NAMES: Readonly<Record<string, Text>> = {
  name: text('name', '名称'),
  code: text('code', '编码'),
  creditCode: text('credit code', '统一社会信用代码'),
  legalRepresentative: text('legal representative', '法定代表人'),
  address: text('address', '地址'),
  region: text('region', '所属区域'),
  contact: text('contact', '联系方式'),
  tags: text('tags', '标签'),
  targetTypes: text('target types', '检查对象类型'),
  expertise: text('expertise', '业务专长'),
  certificateNumber: text('certificate number', '执法证号'),
  certificateValidFrom: text('certificate start date', '证件生效日期'),
  certificateValidUntil: text('certificate end date', '证件有效期至'),
  phone: text('phone', '联系电话'),
  year: text('year', '年度'),
  minRatioBp: text('minimum ratio', '抽查比例'),
  timesPerYear: text('times per year', '抽查频次'),
  department: text('department', '所属部门'),
  departmentId: text('department', '部门'),
  status: text('status', '状态'),
  kind: text('kind', '类别'),
  riskClass: text('risk class', '信用风险分类'),
  password: text('password', '密码'),
  username: text('username', '用户名'),
  displayName: text('display name', '姓名'),
  legalBasis: text('legal basis', '抽查依据'),
  inspectingBody: text('inspecting body', '检查主体'),
  targetType: text('target type', '检查对象'),
  methods: text('inspection methods', '检查方式'),
  remarks: text('remarks', '备注'),
  reason: text('reason', '事由'),
};

/** A field's name in both languages (the code name when it has none). */
export function fieldName(field: string): Text {
  return FIELD_NAMES[field] ?? text(field, field);
}

/** Checks a required or optional text field's presence and length. */
export function checkText(
  field: string,
  value: string | null | undefined,
  max: number,
  required: boolean,
): FieldProblem | null {
  const label = fieldName(field);
  const content = value?.trim() ?? '';
  if (required && content === '')
    return {
      field,
      message: text(`${label.en} is empty`, `${label['zh-CN']}为空`),
      hint: text(`Fill in the ${label.en}.`, `请填写${label['zh-CN']}。`),
    };
  if (content.length > max)
    return {
      field,
      message: text(
        `${label.en} has ${content.length} characters, more than ${max}`,
        `${label['zh-CN']}有 ${content.length} 个字符，超过 ${max} 个`,
      ),
      hint: text(
        `Shorten the ${label.en} to at most ${max} characters.`,
        `请把${label['zh-CN']}缩短到 ${max} 个字符以内。`,
      ),
    };
  return null;
}

/** Checks a list of short labels (tags, target types, expertise). */
export function checkLabelList(field: string, values: readonly string[]): FieldProblem | null {
  const label = fieldName(field);
  if (values.length > MAX_LENGTH.tags)
    return {
      field,
      message: text(
        `${label.en} has ${values.length} entries, more than ${MAX_LENGTH.tags}`,
        `${label['zh-CN']}有 ${values.length} 项，超过 ${MAX_LENGTH.tags} 项`,
      ),
      hint: text(`Keep at most ${MAX_LENGTH.tags}.`, `最多保留 ${MAX_LENGTH.tags} 项。`),
    };
  for (const value of values) {
    if (value.trim() === '')
      return {
        field,
        message: text(`${label.en} has an empty entry`, `${label['zh-CN']}中有空项`),
        hint: text('Remove the empty entry.', '请删除空项。'),
      };
    if (value.includes(',') || value.includes('，'))
      return {
        field,
        message: text(
          `"${value}" in ${label.en} contains a comma`,
          `${label['zh-CN']}中的“${value}”含有逗号`,
        ),
        hint: text('Give each entry separately, without commas.', '请逐项填写，不要用逗号连接。'),
      };
    if (value.length > MAX_LENGTH.tag)
      return {
        field,
        message: text(
          `"${value.slice(0, 20)}…" in ${label.en} is longer than ${MAX_LENGTH.tag} characters`,
          `${label['zh-CN']}中的“${value.slice(0, 20)}…”超过 ${MAX_LENGTH.tag} 个字符`,
        ),
        hint: text('Shorten the entry.', '请缩短该项。'),
      };
  }
  return null;
}

/** Splits "a, b；c" style text (as typed in a spreadsheet cell) into a list of trimmed labels. */
export function splitLabels(content: string | null | undefined): string[] {
  return (content ?? '')
    .split(/[,，;；、|\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Whether `content` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(content: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(content)) return false;
  const date = new Date(`${content}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(content);
}

export function checkCreditCodeField(field: string, value: string): FieldProblem | null {
  const result = checkCreditCode(value);
  return result.ok
    ? null
    : {
        field,
        message: result.message,
        hint: text(
          'Copy the 18-character code from the business licence.',
          '请按营业执照上的 18 位代码填写。',
        ),
      };
}

export function checkYear(field: string, year: number): FieldProblem | null {
  return Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX
    ? null
    : {
        field,
        message: text(`year ${year} is out of range`, `年度 ${year} 超出范围`),
        hint: text(
          `Use a year from ${YEAR_MIN} to ${YEAR_MAX}.`,
          `请填写 ${YEAR_MIN} 至 ${YEAR_MAX} 之间的年度。`,
        ),
      };
}

export function checkRatioBp(field: string, bp: number): FieldProblem | null {
  return Number.isInteger(bp) && bp >= 0 && bp <= RATIO_MAX_BP
    ? null
    : {
        field,
        message: text(`the ratio ${bp / 100}% is outside 0%–100%`, `抽查比例 ${bp / 100}% 不在 0%–100% 之间`),
        hint: text(
          `Give a ratio from 0 to ${RATIO_MAX_BP} basis points (0%–100%); 10% is 1000.`,
          `请填写 0 至 ${RATIO_MAX_BP} 个基点（0%–100%），10% 即 1000。`,
        ),
      };
}

export function checkTimesPerYear(field: string, times: number): FieldProblem | null {
  return Number.isInteger(times) && times >= 1 && times <= 12
    ? null
    : {
        field,
        message: text(`${times} times per year is out of range`, `每年 ${times} 次超出范围`),
        hint: text(
          `Use a whole number from 1 to ${TIMES_PER_YEAR_MAX}.`,
          `请填写 1 至 ${TIMES_PER_YEAR_MAX} 之间的整数。`,
        ),
      };
}

/** Checks a certificate's validity period. */
export function checkCertificateDates(from: string, until: string): FieldProblem | null {
  if (!isIsoDate(from))
    return {
      field: 'certificateValidFrom',
      message: text(`"${from}" is not a date`, `“${from}”不是有效日期`),
      hint: text(
        'Write the date as YYYY-MM-DD, e.g. 2024-01-31.',
        '请按 YYYY-MM-DD 格式填写，例如 2024-01-31。',
      ),
    };
  if (!isIsoDate(until))
    return {
      field: 'certificateValidUntil',
      message: text(`"${until}" is not a date`, `“${until}”不是有效日期`),
      hint: text(
        'Write the date as YYYY-MM-DD, e.g. 2027-12-31.',
        '请按 YYYY-MM-DD 格式填写，例如 2027-12-31。',
      ),
    };
  if (until < from)
    return {
      field: 'certificateValidUntil',
      message: text('the certificate expires before it starts', '证件有效期截止日早于生效日'),
      hint: text(
        'Check the two dates: the end must not be before the start.',
        '请核对两个日期：截止日不能早于生效日。',
      ),
    };
  return null;
}

/** Whether a certificate valid from `from` to `until` (inclusive) is valid on `day` (all YYYY-MM-DD). */
export function certificateValidOn(from: string, until: string, day: string): boolean {
  return from <= day && day <= until;
}

/** Keeps the problems that were found. */
export function problems(...checks: (FieldProblem | null)[]): FieldProblem[] {
  return checks.filter((check): check is FieldProblem => check !== null);
}
