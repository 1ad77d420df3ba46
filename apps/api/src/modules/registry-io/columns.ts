/**
 * The columns of each registry's import and export sheets. Headers are Chinese; English headers and
 * the code names are accepted on import too. Enum cells may hold the code (ENTERPRISE) or the label (企业).
 */
import {
  INSPECTOR_STATUSES,
  LABELS,
  RISK_CLASSES,
  TARGET_KINDS,
  TARGET_STATUSES,
  text,
  type Text,
} from '@suiji/domain';

export interface ColumnSpec<K extends string> {
  key: K;
  header: string;
  aliases: string[];
  required: boolean;
  hint: Text;
}

const zh = LABELS['zh-CN'];
const en = LABELS.en;

function list(values: readonly string[], labels: Record<string, string>): string {
  return values.map((v) => `${labels[v]} (${v})`).join('、');
}

const NONE = text('', '');
const SEVERAL = text('Separate several with 、 or ;.', '多个请用“、”或“;”分隔。');
const DATE = text('YYYY-MM-DD.', '格式为 YYYY-MM-DD。');

export type TargetColumn =
  | 'name'
  | 'creditCode'
  | 'kind'
  | 'legalRepresentative'
  | 'address'
  | 'region'
  | 'contact'
  | 'tags'
  | 'riskClass'
  | 'status'
  | 'targetTypes';

export const TARGET_COLUMNS: readonly ColumnSpec<TargetColumn>[] = [
  {
    key: 'name',
    header: '名称',
    aliases: ['name', '对象名称', '单位名称', '企业名称'],
    required: true,
    hint: text('The registered name.', '登记的名称。'),
  },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    aliases: ['creditCode', 'credit code', '信用代码'],
    required: true,
    hint: text('18 characters.', '18 位代码。'),
  },
  {
    key: 'kind',
    header: '对象类别',
    aliases: ['kind', '类别', '类型'],
    required: true,
    hint: text(
      `One of ${list(TARGET_KINDS, zh.targetKind)}.`,
      `应为 ${list(TARGET_KINDS, zh.targetKind)} 之一。`,
    ),
  },
  {
    key: 'legalRepresentative',
    header: '法定代表人',
    aliases: ['legalRepresentative', '负责人', '法定代表人（负责人）'],
    required: false,
    hint: NONE,
  },
  { key: 'address', header: '地址', aliases: ['address', '住所', '经营场所'], required: false, hint: NONE },
  {
    key: 'region',
    header: '所属区域',
    aliases: ['region', '乡镇/街道', '区域', '乡镇街道'],
    required: true,
    hint: text('The 乡镇 or 街道.', '所在乡镇或街道。'),
  },
  {
    key: 'contact',
    header: '联系方式',
    aliases: ['contact', '联系电话', '电话'],
    required: false,
    hint: NONE,
  },
  { key: 'tags', header: '标签', aliases: ['tags'], required: false, hint: SEVERAL },
  {
    key: 'riskClass',
    header: '信用风险分类',
    aliases: ['riskClass', '风险等级', '风险分类'],
    required: true,
    hint: text('A, B, C or D.', '应为 A、B、C 或 D。'),
  },
  {
    key: 'status',
    header: '状态',
    aliases: ['status', '经营状态'],
    required: false,
    hint: text(
      `One of ${list(TARGET_STATUSES, zh.targetStatus)}; empty means active.`,
      `应为 ${list(TARGET_STATUSES, zh.targetStatus)} 之一；留空即为存续。`,
    ),
  },
  {
    key: 'targetTypes',
    header: '检查对象类型',
    aliases: ['targetTypes', 'target types', '检查对象'],
    required: false,
    hint: text(
      'The 检查对象 of the item list; separate several with 、 or ;.',
      '抽查事项清单中的检查对象；多个请用“、”或“;”分隔。',
    ),
  },
];

export type InspectorColumn =
  | 'name'
  | 'department'
  | 'certificateNumber'
  | 'certificateValidFrom'
  | 'certificateValidUntil'
  | 'expertise'
  | 'status'
  | 'phone';

export const INSPECTOR_COLUMNS: readonly ColumnSpec<InspectorColumn>[] = [
  { key: 'name', header: '姓名', aliases: ['name'], required: true, hint: NONE },
  {
    key: 'department',
    header: '所属部门',
    aliases: ['department', '部门', '部门编码', '单位'],
    required: true,
    hint: text('The department’s code or exact name.', '部门编码或部门全称。'),
  },
  {
    key: 'certificateNumber',
    header: '执法证号',
    aliases: ['certificateNumber', '证件号', '执法证件号码'],
    required: true,
    hint: NONE,
  },
  {
    key: 'certificateValidFrom',
    header: '证件生效日期',
    aliases: ['certificateValidFrom', '发证日期', '有效期起'],
    required: true,
    hint: DATE,
  },
  {
    key: 'certificateValidUntil',
    header: '证件有效期至',
    aliases: ['certificateValidUntil', '有效期至', '有效期止'],
    required: true,
    hint: DATE,
  },
  { key: 'expertise', header: '业务专长', aliases: ['expertise', '专长'], required: false, hint: SEVERAL },
  {
    key: 'status',
    header: '状态',
    aliases: ['status', '在岗状态'],
    required: false,
    hint: text(
      `One of ${list(INSPECTOR_STATUSES, zh.inspectorStatus)}; empty means on duty.`,
      `应为 ${list(INSPECTOR_STATUSES, zh.inspectorStatus)} 之一；留空即为在岗。`,
    ),
  },
  { key: 'phone', header: '联系电话', aliases: ['phone', '电话'], required: false, hint: NONE },
];

const normaliseHeader = (text: string) => text.replace(/[\s*＊]/g, '').toLowerCase();

/** Maps each column key to its index in the header row; lists required columns that are missing. */
export function matchHeader<K extends string>(
  specs: readonly ColumnSpec<K>[],
  header: readonly string[],
): { index: Map<K, number>; missing: ColumnSpec<K>[] } {
  const positions = new Map(header.map((h, i) => [normaliseHeader(h), i]));
  const index = new Map<K, number>();
  for (const spec of specs) {
    for (const name of [spec.header, spec.key, ...spec.aliases]) {
      const at = positions.get(normaliseHeader(name));
      if (at !== undefined) {
        index.set(spec.key, at);
        break;
      }
    }
  }
  return { index, missing: specs.filter((s) => s.required && !index.has(s.key)) };
}

/** Reads an enum cell given as its code or its Chinese or English label; null when it is neither. */
export function enumValue<T extends string>(
  values: readonly T[],
  labels: keyof typeof zh,
  cell: string,
): T | null {
  const text = cell.trim();
  const upper = text.toUpperCase();
  const zhLabels = zh[labels] as Record<string, string>;
  const enLabels = en[labels] as Record<string, string>;
  for (const value of values) {
    const zhLabel = zhLabels[value] ?? '';
    if (
      upper === value ||
      text === zhLabel ||
      zhLabel.startsWith(`${text}（`) ||
      zhLabel.split('/').includes(text) ||
      text.toLowerCase() === (enLabels[value] ?? '').toLowerCase()
    )
      return value;
  }
  return null;
}

export { RISK_CLASSES, TARGET_KINDS, TARGET_STATUSES, INSPECTOR_STATUSES };

/** Dates typed as 2024/1/5, 2024.1.5 or 2024-01-05 become 2024-01-05; anything else is returned as is. */
export function normaliseDate(cell: string): string {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell.trim());
  if (!match) return cell.trim();
  // The three groups match whenever the expression does.
  const [, year = '', month = '', day = ''] = match;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
