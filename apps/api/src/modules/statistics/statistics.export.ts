/**
 * 统计分析 as a spreadsheet: the table exactly as the page shows it — its title, period, filters and
 * cut-off, the header, every row by its names, and the 合计 row — in the reader's language, rates as
 * percentages Excel can compute with.
 */
import { present } from '../../invariant.js';
import {
  DIMENSIONS,
  FAMILY_LABELS,
  LABELS,
  chinaDateTime,
  chinaToday,
  figure,
  type Locale,
  type StatisticsFilter,
} from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { Department } from '../department/department.entity.js';
import { InspectionItem } from '../item/item.entity.js';
import type { FileDownload } from '../registry-io/registry-io.types.js';
import { MIME_TYPES } from '../registry-io/spreadsheet.js';
import { statisticsTable, type TableRequest } from './statistics.service.js';

/** What a cell shows where a rate has nothing to divide by, as on the page. */
export const NO_VALUE = '—';
export const PERCENT_FORMAT = '0.0%';

const WORDS = {
  'zh-CN': {
    title: (family: string) => `统计分析：${family}`,
    period: (label: string) => `统计期间：${label}`,
    filters: (words: string) => `筛选条件：${words || '无'}`,
    cutOff: (at: string) => `截至 ${at}（北京时间）`,
    item: (name: string, year: number) => `${name}（${year}）`,
    total: '合计',
    separator: '；',
    colon: '：',
  },
  en: {
    title: (family: string) => `Statistics: ${family}`,
    period: (label: string) => `Period: ${label}`,
    filters: (words: string) => `Filters: ${words || 'none'}`,
    cutOff: (at: string) => `As of ${at} (China time)`,
    item: (name: string, year: number) => `${name} (${year})`,
    total: 'Total',
    separator: '; ',
    colon: ': ',
  },
} as const;

/** The filters in words: each one's dimension and the name of its value. */
async function filterWords(ctx: Context, filter: StatisticsFilter, locale: Locale): Promise<string> {
  const words = WORDS[locale];
  const labels = LABELS[locale];
  const parts: string[] = [];
  const part = (dimension: keyof typeof DIMENSIONS, value: string) =>
    parts.push(`${DIMENSIONS[dimension].label[locale]}${words.colon}${value}`);
  if (filter.departmentId) {
    const department = await ctx.em.findOne(Department, filter.departmentId, { fields: ['name'] });
    part('DEPARTMENT', department?.name ?? filter.departmentId);
  }
  if (filter.itemId) {
    const item = await ctx.em.findOne(InspectionItem, filter.itemId, { fields: ['name', 'year'] });
    part('ITEM', item ? words.item(item.name, item.year) : filter.itemId);
  }
  if (filter.region) part('REGION', filter.region);
  if (filter.targetKind) part('TARGET_KIND', labels.targetKind[filter.targetKind]);
  if (filter.riskClass) part('RISK_CLASS', labels.riskClass[filter.riskClass]);
  return parts.join(words.separator);
}

export async function exportStatistics(ctx: Context, request: TableRequest): Promise<FileDownload> {
  const table = await statisticsTable(ctx, request);
  const locale = ctx.locale;
  const words = WORDS[locale];
  const familyName = FAMILY_LABELS[request.family][locale];
  const defs = table.figures.map((code) => present(figure(code), `figure ${code}`));
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'suiji';
  const sheet = workbook.addWorksheet(familyName.slice(0, 31));
  // A table grouped by nothing still names its one row: 合计.
  const labelColumns = Math.max(table.groupBy.length, 1);
  const width = labelColumns + defs.length;

  const note = (value: string, bold = false) => {
    const row = sheet.addRow([value]);
    if (bold) row.font = { bold: true, size: 14 };
    sheet.mergeCells(row.number, 1, row.number, width);
  };
  note(words.title(familyName), true);
  note(words.period(table.period.label));
  note(words.filters(await filterWords(ctx, request.filter ?? {}, locale)));
  note(words.cutOff(chinaDateTime(table.cutOff).replace('T', ' ')));
  sheet.addRow([]);

  const header = sheet.addRow([
    ...(table.groupBy.length ? table.groupBy.map((dim) => DIMENSIONS[dim].label[locale]) : ['']),
    ...defs.map((f) => f.label[locale]),
  ]);
  header.font = { bold: true };
  const write = (labels: readonly string[], values: readonly (number | null)[], bold = false) => {
    const row = sheet.addRow([...labels, ...values.map((v) => v ?? NO_VALUE)]);
    defs.forEach((f, i) => {
      if (f.kind === 'rate' && values[i] != null) row.getCell(labelColumns + i + 1).numFmt = PERCENT_FORMAT;
    });
    if (bold) row.font = { bold: true };
  };
  for (const row of table.rows) write(row.labels, row.values);
  write([words.total, ...Array<string>(labelColumns - 1).fill('')], table.total.values, true);
  sheet.columns.forEach((column, i) => {
    column.width = i < labelColumns ? 24 : 14;
  });

  return {
    filename: `statistics-${request.family.toLowerCase()}-${chinaToday(table.cutOff)}.xlsx`,
    mimeType: MIME_TYPES.xlsx,
    contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
  };
}
