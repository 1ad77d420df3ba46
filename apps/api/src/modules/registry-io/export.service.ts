/**
 * Export of each registry to .xlsx, with the same filters and the same department scope as its list.
 */
import { LABELS, chinaToday, formatRatioBp } from '@suiji/domain';
import type { Context } from '../../graphql/context.js';
import { listEntities, MAX_PER_PAGE, type Page } from '../../graphql/list.js';
import { present } from '../../invariant.js';
import { Conflict } from '../conflict/conflict.entity.js';
import type { ConflictFilter } from '../conflict/conflict.input.js';
import { conflictWhere } from '../conflict/conflict.service.js';
import { Department } from '../department/department.entity.js';
import type { DepartmentFilter } from '../department/department.input.js';
import { Inspector } from '../inspector/inspector.entity.js';
import type { InspectorFilter } from '../inspector/inspector.input.js';
import { inspectorWhere } from '../inspector/inspector.service.js';
import { InspectionItem } from '../item/item.entity.js';
import type { ItemFilter } from '../item/item.input.js';
import { Target } from '../target/target.entity.js';
import type { TargetFilter } from '../target/target.input.js';
import { targetWhere } from '../target/target.service.js';
import { User } from '../user/user.entity.js';
import type { UserFilter } from '../user/user.input.js';
import { INSPECTOR_COLUMNS, TARGET_COLUMNS } from './columns.js';
import type { FileDownload } from './registry-io.types.js';
import { MIME_TYPES, writeSheet, type Column } from './spreadsheet.js';

const zh = LABELS['zh-CN'];
const stamp = () => chinaToday();

/** Every matching row, read page by page so no single query is unbounded. */
async function all<T extends object>(read: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await read(page);
    rows.push(...items);
    if (items.length < MAX_PER_PAGE || rows.length >= total) return rows;
  }
}

async function download<T>(
  name: string,
  sheet: string,
  columns: readonly Column<T>[],
  rows: T[],
): Promise<FileDownload> {
  const content = await writeSheet(sheet, columns, rows);
  return {
    filename: `${name}-${stamp()}.xlsx`,
    mimeType: MIME_TYPES.xlsx,
    contentBase64: content.toString('base64'),
  };
}

const header = (specs: readonly { key: string; header: string }[], key: string) =>
  present(
    specs.find((s) => s.key === key),
    `the column ${key}`,
  ).header;

export async function exportDepartments(ctx: Context, filter: DepartmentFilter = {}) {
  const rows = await all((page) =>
    listEntities(ctx.em, Department, {
      where: {
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.parentId ? { parent: filter.parentId } : {}),
      },
      q: filter.q,
      ids: filter.ids,
      searchFields: ['name', 'code'],
      sortable: ['code'],
      page: { page, perPage: MAX_PER_PAGE },
      populate: ['parent'],
    }),
  );
  return download(
    'departments',
    '部门',
    [
      { header: '编码', value: (d: Department) => d.code },
      { header: '名称', width: 30, value: (d) => d.name },
      { header: '类别', value: (d) => zh.departmentKind[d.kind] },
      { header: '上级部门', width: 30, value: (d) => d.parent?.name ?? '' },
    ],
    rows,
  );
}

export async function exportItems(ctx: Context, filter: ItemFilter = {}) {
  const rows = await all((page) =>
    listEntities(ctx.em, InspectionItem, {
      where: {
        ...(filter.year ? { year: filter.year } : {}),
        ...(filter.departmentId ? { department: filter.departmentId } : {}),
        ...(filter.category ? { category: filter.category } : {}),
      },
      q: filter.q,
      ids: filter.ids,
      searchFields: ['name'],
      sortable: ['year'],
      page: { page, perPage: MAX_PER_PAGE },
      populate: ['department'],
    }),
  );
  rows.sort((a, b) => a.year - b.year || a.department.name.localeCompare(b.department.name) || a.seq - b.seq);
  return download(
    'inspection-items',
    '随机抽查事项清单',
    [
      { header: '年度', width: 8, value: (i: InspectionItem) => i.year },
      { header: '序号', width: 6, value: (i) => i.seq },
      { header: '部门名称', width: 26, value: (i) => i.department.name },
      { header: '抽查事项名称', width: 30, value: (i) => i.name },
      { header: '抽查依据', width: 40, value: (i) => i.legalBasis },
      { header: '检查主体', width: 26, value: (i) => i.inspectingBody },
      { header: '事项类别', value: (i) => zh.itemCategory[i.category] },
      { header: '检查对象', width: 30, value: (i) => i.targetType },
      { header: '抽查比例', value: (i) => `不低于 ${formatRatioBp(i.minRatioBp)}` },
      { header: '抽查频次/年', value: (i) => i.timesPerYear },
      {
        header: '检查方式',
        width: 24,
        value: (i) => i.methods.map((m) => zh.inspectionMethod[m]).join('、'),
      },
      { header: '备注', value: (i) => i.remarks ?? '' },
    ],
    rows,
  );
}

export async function exportTargets(ctx: Context, filter: TargetFilter = {}) {
  const rows = await all((page) =>
    listEntities(ctx.em, Target, {
      where: targetWhere(filter),
      q: filter.q,
      ids: filter.ids,
      searchFields: ['name', 'creditCode'],
      sortable: ['creditCode'],
      page: { page, perPage: MAX_PER_PAGE },
    }),
  );
  const h = (key: string) => header(TARGET_COLUMNS, key);
  return download(
    'targets',
    '检查对象名录库',
    [
      { header: h('name'), width: 36, value: (t: Target) => t.name },
      { header: h('creditCode'), width: 22, value: (t) => t.creditCode },
      { header: h('kind'), value: (t) => zh.targetKind[t.kind] },
      { header: h('legalRepresentative'), value: (t) => t.legalRepresentative },
      { header: h('address'), width: 36, value: (t) => t.address },
      { header: h('region'), value: (t) => t.region },
      { header: h('contact'), value: (t) => t.contact },
      { header: h('tags'), value: (t) => t.tags.join('、') },
      { header: h('riskClass'), value: (t) => t.riskClass },
      { header: h('status'), value: (t) => zh.targetStatus[t.status] },
      { header: h('targetTypes'), width: 40, value: (t) => t.targetTypes.join('、') },
    ],
    rows,
  );
}

export async function exportInspectors(ctx: Context, filter: InspectorFilter = {}) {
  const rows = await all((page) =>
    listEntities(ctx.em, Inspector, {
      where: inspectorWhere(ctx, filter, 'export'),
      q: filter.q,
      ids: filter.ids,
      searchFields: ['name', 'certificateNumber'],
      sortable: ['name'],
      page: { page, perPage: MAX_PER_PAGE },
      populate: ['department'],
    }),
  );
  const h = (key: string) => header(INSPECTOR_COLUMNS, key);
  return download(
    'inspectors',
    '执法检查人员名录库',
    [
      { header: h('name'), value: (i: Inspector) => i.name },
      { header: h('department'), width: 16, value: (i) => i.department.code },
      { header: '部门名称', width: 26, value: (i) => i.department.name },
      { header: h('certificateNumber'), width: 20, value: (i) => i.certificateNumber },
      { header: h('certificateValidFrom'), value: (i) => i.certificateValidFrom },
      { header: h('certificateValidUntil'), value: (i) => i.certificateValidUntil },
      { header: h('expertise'), width: 24, value: (i) => i.expertise.join('、') },
      { header: h('status'), value: (i) => zh.inspectorStatus[i.status] },
      { header: h('phone'), value: (i) => i.phone ?? '' },
    ],
    rows,
  );
}

export async function exportConflicts(ctx: Context, filter: ConflictFilter = {}) {
  const rows = await all((page) =>
    listEntities(ctx.em, Conflict, {
      where: conflictWhere(ctx, filter, 'export'),
      ids: filter.ids,
      searchFields: [],
      sortable: ['createdAt'],
      page: { page, perPage: MAX_PER_PAGE },
      populate: ['inspector', 'target'],
    }),
  );
  return download(
    'conflicts',
    '回避关系',
    [
      { header: '执法人员', value: (c: Conflict) => c.inspector.name },
      { header: '执法证号', width: 20, value: (c) => c.inspector.certificateNumber },
      { header: '检查对象', width: 36, value: (c) => c.target.name },
      { header: '统一社会信用代码', width: 22, value: (c) => c.target.creditCode },
      { header: '回避事由', width: 36, value: (c) => c.reason },
    ],
    rows,
  );
}

export async function exportUsers(ctx: Context, filter: UserFilter = {}) {
  const rows = await all((page) =>
    listEntities(ctx.em, User, {
      where: {
        ...(filter.role ? { role: filter.role } : {}),
        ...(filter.departmentId ? { department: filter.departmentId } : {}),
      },
      q: filter.q,
      ids: filter.ids,
      searchFields: ['username', 'displayName'],
      sortable: ['username'],
      page: { page, perPage: MAX_PER_PAGE },
      populate: ['department'],
    }),
  );
  return download(
    'users',
    '用户',
    [
      { header: '用户名', value: (u: User) => u.username },
      { header: '姓名', value: (u) => u.displayName },
      { header: '角色', value: (u) => zh.role[u.role] },
      { header: '部门', width: 26, value: (u) => u.department.name },
      { header: '启用', value: (u) => (u.active ? '是' : '否') },
    ],
    rows,
  );
}

/** An empty sheet with the import columns, to fill in. */
export async function importTemplate(registry: 'TARGETS' | 'INSPECTORS'): Promise<FileDownload> {
  const specs = registry === 'TARGETS' ? TARGET_COLUMNS : INSPECTOR_COLUMNS;
  return download(
    registry === 'TARGETS' ? 'targets-template' : 'inspectors-template',
    '导入模板',
    specs.map((s) => ({ header: s.required ? `${s.header}*` : s.header, width: 22, value: () => '' })),
    [],
  );
}
