/**
 * Bulk import of targets and inspectors: every row is checked first; if any is bad, nothing is written
 * and every problem is reported with its row, column and fix; otherwise all rows are inserted in the
 * mutation's one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager, EntityProperty } from '@mikro-orm/core';
import { PostgreSqlPlatform, type Knex } from '@mikro-orm/postgresql';
import { splitLabels, text, type FieldProblem, type Text } from '@suiji/domain';
import { BadInputError } from '../../graphql/errors.js';
import { Department } from '../department/department.entity.js';
import { Inspector } from '../inspector/inspector.entity.js';
import { inspectorProblems } from '../inspector/inspector.rules.js';
import type { InspectorFields } from '../inspector/inspector.input.js';
import { Target } from '../target/target.entity.js';
import type { TargetFields } from '../target/target.input.js';
import { normaliseTarget, targetProblems } from '../target/target.rules.js';
import { StringListType } from '../../db/string-list.type.js';
import { TimestampType } from '../../db/timestamp.type.js';
import { SQLITE_MAX_VARIABLES } from '../../db/platform.js';
import {
  INSPECTOR_COLUMNS,
  INSPECTOR_STATUSES,
  RISK_CLASSES,
  TARGET_COLUMNS,
  TARGET_KINDS,
  TARGET_STATUSES,
  enumValue,
  matchHeader,
  normaliseDate,
  type ColumnSpec,
} from './columns.js';
import type { ImportOutcome, RowProblem } from './registry-io.types.js';
import { readSheet, sheetFormat, type SheetRow } from './spreadsheet.js';

const INSERT_CHUNK_PG = 5_000;
const LOOKUP_CHUNK = 2_000;

/** Decodes the upload and checks that it is a sheet with the needed header. */
async function* rowsOf(filename: string, contentBase64: string): AsyncGenerator<SheetRow> {
  const content = Buffer.from(contentBase64, 'base64');
  if (content.length === 0)
    throw new BadInputError(
      text(`${filename} is empty: choose the filled-in sheet.`, `${filename} 是空文件：请选择已填写的表格。`),
      'file',
    );
  yield* readSheet(sheetFormat(filename, content), content);
}

interface Parsed<T> {
  row: number;
  fields: T;
}

/** Reads the header and the non-empty rows; reports missing columns as row-1 errors. */
async function parse<K extends string, T>(
  filename: string,
  contentBase64: string,
  specs: readonly ColumnSpec<K>[],
  build: (cell: (key: K) => string, problem: (key: K, message: Text, hint?: Text) => void) => T | null,
  errors: RowProblem[],
): Promise<{ parsed: Parsed<T>[]; rows: number }> {
  const parsed: Parsed<T>[] = [];
  let rows = 0;
  let index: Map<K, number> | null = null;
  let header: string[] = [];
  for await (const { row, cells } of rowsOf(filename, contentBase64)) {
    if (index === null) {
      header = cells;
      const match = matchHeader(specs, cells);
      for (const spec of match.missing)
        errors.push({
          row,
          column: spec.header,
          message: text(`The column "${spec.header}" is missing`, `缺少“${spec.header}”列`),
          hint: text(
            `Add a column headed "${spec.header}". ${spec.hint.en}`.trim(),
            `请添加标题为“${spec.header}”的列。${spec.hint['zh-CN']}`,
          ),
        });
      if (match.missing.length > 0) return { parsed, rows };
      index = match.index;
      continue;
    }
    if (cells.every((c) => c === '')) continue;
    rows++;
    const at = index;
    const cell = (key: K) => cells[at.get(key) ?? -1] ?? '';
    const problem = (key: K, message: Text, hint?: Text) =>
      errors.push({
        row,
        column: header[at.get(key) ?? -1] ?? specs.find((s) => s.key === key)?.header ?? key,
        message,
        hint: hint ?? specs.find((s) => s.key === key)?.hint ?? null,
      });
    const fields = build(cell, problem);
    if (fields !== null) parsed.push({ row, fields });
  }
  if (index === null)
    errors.push({
      row: 1,
      column: null,
      message: text('The sheet is empty', '表格为空'),
      hint: text(
        'Put the header in row 1 and one record per row below it.',
        '请在第 1 行填写标题，其下每行一条记录。',
      ),
    });
  return { parsed, rows };
}

function reportProblems<K extends string>(
  row: number,
  problems: FieldProblem[],
  specs: readonly ColumnSpec<K>[],
  errors: RowProblem[],
  headerOf: (key: string) => string,
): void {
  for (const p of problems)
    errors.push({
      row,
      column: headerOf(p.field) ?? specs.find((s) => s.key === p.field)?.header ?? p.field,
      message: p.message,
      hint: p.hint,
    });
}

function report(errors: RowProblem[], rows: number, imported: number): ImportOutcome {
  errors.sort((a, b) => a.row - b.row);
  return { ok: errors.length === 0, imported: errors.length === 0 ? imported : 0, rows, errors };
}

function headerOf<K extends string>(specs: readonly ColumnSpec<K>[]) {
  return (key: string) => specs.find((s) => s.key === key)?.header ?? key;
}

/** Which of `values` already exist in `column` of `table`. */
async function existing(
  em: EntityManager,
  table: string,
  column: string,
  values: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  const connection = em.getConnection();
  for (let i = 0; i < values.length; i += LOOKUP_CHUNK) {
    const chunk = values.slice(i, i + LOOKUP_CHUNK);
    const rows: { value: string }[] = await connection.execute(
      `select ${column} as value from ${table} where ${column} in (${chunk.map(() => '?').join(',')})`,
      chunk,
      'all',
      // Inside the mutation's transaction: on SQLite a second connection would wait for it forever.
      em.getTransactionContext(),
    );
    for (const r of rows) found.add(r.value);
  }
  return found;
}

/**
 * Inserts `rows` (keyed by entity property, values as stored) in the transaction of `em`, opening one
 * when there is none, so that it stays all or nothing. The statements are written here rather than by
 * em.insertMany, which spends most of its time building and quoting SQL: on PostgreSQL one statement
 * per INSERT_CHUNK_PG rows passes each column as one array (unnest), so the 65,535-parameter limit
 * does not apply; on SQLite each statement binds as many rows as its 32,766-variable limit allows.
 */
/** Rows made from `records` one chunk at a time, so that all of them never exist at once. */
interface LazyRows {
  length: number;
  slice(from: number, to: number): Record<string, unknown>[];
}

function lazyRows<T>(records: readonly T[], toRow: (record: T) => Record<string, unknown>): LazyRows {
  return { length: records.length, slice: (from, to) => records.slice(from, to).map(toRow) };
}

async function insertChunks(
  em: EntityManager,
  entity: typeof Target | typeof Inspector,
  rows: LazyRows,
): Promise<void> {
  if (rows.length === 0) return;
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (!trx) return em.transactional((inner) => insertChunks(inner, entity, rows));
  const meta = em.getMetadata().get(entity.name);
  const platform = em.getPlatform();
  const keys = Object.keys(rows.slice(0, 1)[0]!);
  const props = keys.map((key) => {
    const prop = meta.properties[key as never] as EntityProperty | undefined;
    if (!prop || prop.fieldNames?.length !== 1)
      throw new Error(`insertChunks: ${entity.name}.${key} is not a single column`);
    return prop;
  });
  const columns = props.map((prop) => platform.quoteIdentifier(prop.fieldNames[0]!)).join(', ');
  const into = `insert into ${platform.quoteIdentifier(meta.tableName)} (${columns})`;
  // Dates go through their property's type (ISO text on SQLite), as rows the ORM writes do.
  const timestamp = new TimestampType();
  const stored = (value: unknown) =>
    value instanceof Date ? timestamp.convertToDatabaseValue(value, platform) : value;
  try {
    if (platform instanceof PostgreSqlPlatform) {
      const arrays = props.map((prop) => `?::${prop.columnTypes[0]}[]`).join(', ');
      for (let i = 0; i < rows.length; i += INSERT_CHUNK_PG) {
        const chunk = rows.slice(i, i + INSERT_CHUNK_PG);
        await trx.raw(
          `${into} select * from unnest(${arrays})`,
          keys.map((key) => chunk.map((row) => stored(row[key]))) as never,
        );
      }
      return;
    }
    const perStatement = Math.max(1, Math.floor(SQLITE_MAX_VARIABLES / keys.length));
    const tuple = `(${keys.map(() => '?').join(', ')})`;
    const sql = (count: number) => `${into} values ${Array(count).fill(tuple).join(', ')}`;
    // The transaction's own libsql connection: one prepared statement serves every full chunk (knex
    // would prepare, and leave to the garbage collector, a large statement per chunk).
    const connection = (await trx.client.acquireConnection()) as {
      prepare?: (sql: string) => { run(params: unknown[]): unknown };
    };
    let statement: { run(params: unknown[]): unknown } | null = null;
    let statementRows = 0;
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      const bindings: unknown[] = [];
      for (const row of chunk) for (const key of keys) bindings.push(stored(row[key]));
      if (typeof connection.prepare !== 'function') {
        await trx.raw(sql(chunk.length), bindings as never);
        continue;
      }
      if (!statement || statementRows !== chunk.length) {
        statement = connection.prepare(sql(chunk.length));
        statementRows = chunk.length;
      }
      await statement.run(bindings);
    }
  } catch (error) {
    // As em.insertMany would report it (a unique code taken meanwhile becomes a conflict).
    throw em.getDriver().convertException(error as Error);
  }
}

export async function importTargets(
  em: EntityManager,
  filename: string,
  contentBase64: string,
): Promise<ImportOutcome> {
  const errors: RowProblem[] = [];
  const header = headerOf(TARGET_COLUMNS);
  const { parsed, rows } = await parse(
    filename,
    contentBase64,
    TARGET_COLUMNS,
    (cell, problem) => {
      const kind = enumValue(TARGET_KINDS, 'targetKind', cell('kind'));
      const riskClass = enumValue(RISK_CLASSES, 'riskClass', cell('riskClass'));
      const status =
        cell('status') === '' ? 'ACTIVE' : enumValue(TARGET_STATUSES, 'targetStatus', cell('status'));
      if (!kind)
        problem(
          'kind',
          text(`"${cell('kind')}" is not a target kind`, `“${cell('kind')}”不是有效的对象类别`),
        );
      if (!riskClass)
        problem(
          'riskClass',
          text(`"${cell('riskClass')}" is not a risk class`, `“${cell('riskClass')}”不是有效的信用风险分类`),
        );
      if (!status)
        problem('status', text(`"${cell('status')}" is not a status`, `“${cell('status')}”不是有效的状态`));
      const fields: TargetFields = {
        name: cell('name'),
        creditCode: cell('creditCode'),
        kind: kind ?? 'ENTERPRISE',
        legalRepresentative: cell('legalRepresentative'),
        address: cell('address'),
        region: cell('region'),
        contact: cell('contact'),
        tags: splitLabels(cell('tags')),
        riskClass: riskClass ?? 'B',
        status: status ?? 'ACTIVE',
        targetTypes: splitLabels(cell('targetTypes')),
      };
      return kind && riskClass && status ? fields : null;
    },
    errors,
  );

  const firstRowOf = new Map<string, number>();
  const valid: Parsed<TargetFields>[] = [];
  for (const { row, fields } of parsed) {
    const problems = targetProblems(fields);
    if (problems.length > 0) {
      reportProblems(row, problems, TARGET_COLUMNS, errors, header);
      continue;
    }
    const normal = normaliseTarget(fields);
    const first = firstRowOf.get(normal.creditCode);
    if (first !== undefined) {
      errors.push({
        row,
        column: header('creditCode'),
        message: text(
          `credit code ${normal.creditCode} is also in row ${first}`,
          `统一社会信用代码 ${normal.creditCode} 与第 ${first} 行重复`,
        ),
        hint: text('Keep one row per target.', '每个检查对象只保留一行。'),
      });
      continue;
    }
    firstRowOf.set(normal.creditCode, row);
    valid.push({ row, fields: normal });
  }
  parsed.length = 0; // validated: only `valid` is needed from here on
  const taken = await existing(em, 'target', 'credit_code', [...firstRowOf.keys()]);
  for (const { row, fields } of valid)
    if (taken.has(fields.creditCode))
      errors.push({
        row,
        column: header('creditCode'),
        message: text(
          `credit code ${fields.creditCode} is already in the registry`,
          `统一社会信用代码 ${fields.creditCode} 已在名录库中`,
        ),
        hint: text(
          'Remove the row, or edit the existing target instead.',
          '请删除该行，或直接编辑已有的检查对象。',
        ),
      });
  if (errors.length > 0 || valid.length === 0) {
    if (errors.length === 0)
      errors.push({
        row: 2,
        column: null,
        message: text('The sheet has no records', '表格中没有记录'),
        hint: text('Fill in one target per row below the header.', '请在标题行下每行填写一个检查对象。'),
      });
    return report(errors, rows, 0);
  }
  const now = new Date();
  const list = new StringListType();
  await insertChunks(
    em,
    Target,
    lazyRows(valid, ({ fields }) => ({
      id: randomUUID(),
      ...fields,
      tags: list.convertToDatabaseValue(fields.tags),
      targetTypes: list.convertToDatabaseValue(fields.targetTypes),
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    })),
  );
  return report(errors, rows, valid.length);
}

export async function importInspectors(
  em: EntityManager,
  filename: string,
  contentBase64: string,
): Promise<ImportOutcome> {
  const errors: RowProblem[] = [];
  const header = headerOf(INSPECTOR_COLUMNS);
  const departments = await em.find(Department, { deletedAt: null });
  const departmentByKey = new Map<string, Department>();
  for (const d of departments) {
    departmentByKey.set(d.code.toUpperCase(), d);
    departmentByKey.set(d.name, d);
  }
  const { parsed, rows } = await parse(
    filename,
    contentBase64,
    INSPECTOR_COLUMNS,
    (cell, problem) => {
      const department =
        departmentByKey.get(cell('department').trim()) ??
        departmentByKey.get(cell('department').trim().toUpperCase());
      const status =
        cell('status') === '' ? 'ON_DUTY' : enumValue(INSPECTOR_STATUSES, 'inspectorStatus', cell('status'));
      if (!department)
        problem(
          'department',
          text(`"${cell('department')}" is not a department`, `“${cell('department')}”不是已登记的部门`),
          text(
            'Give the department’s code or its exact name, as on the departments page.',
            '请填写部门页面上的部门编码或部门全称。',
          ),
        );
      if (!status)
        problem(
          'status',
          text(`"${cell('status')}" is not an inspector status`, `“${cell('status')}”不是有效的在岗状态`),
        );
      if (!department || !status) return null;
      const fields: InspectorFields = {
        name: cell('name'),
        departmentId: department.id,
        certificateNumber: cell('certificateNumber'),
        certificateValidFrom: normaliseDate(cell('certificateValidFrom')),
        certificateValidUntil: normaliseDate(cell('certificateValidUntil')),
        expertise: splitLabels(cell('expertise')),
        status,
        phone: cell('phone') || null,
      };
      return fields;
    },
    errors,
  );

  const firstRowOf = new Map<string, number>();
  const valid: Parsed<InspectorFields>[] = [];
  for (const { row, fields } of parsed) {
    const problems = inspectorProblems(fields);
    if (problems.length > 0) {
      reportProblems(row, problems, INSPECTOR_COLUMNS, errors, header);
      continue;
    }
    const number = fields.certificateNumber.trim();
    const first = firstRowOf.get(number);
    if (first !== undefined) {
      errors.push({
        row,
        column: header('certificateNumber'),
        message: text(
          `certificate ${number} is also in row ${first}`,
          `执法证号 ${number} 与第 ${first} 行重复`,
        ),
        hint: text('Keep one row per inspector.', '每名人员只保留一行。'),
      });
      continue;
    }
    firstRowOf.set(number, row);
    valid.push({ row, fields });
  }
  parsed.length = 0; // validated: only `valid` is needed from here on
  const taken = await existing(em, 'inspector', 'certificate_number', [...firstRowOf.keys()]);
  for (const { row, fields } of valid)
    if (taken.has(fields.certificateNumber.trim()))
      errors.push({
        row,
        column: header('certificateNumber'),
        message: text(
          `certificate ${fields.certificateNumber} is already in the registry`,
          `执法证号 ${fields.certificateNumber} 已在名录库中`,
        ),
        hint: text(
          'Remove the row, or edit the existing inspector instead.',
          '请删除该行，或直接编辑已有的人员。',
        ),
      });
  if (errors.length > 0 || valid.length === 0) {
    if (errors.length === 0)
      errors.push({
        row: 2,
        column: null,
        message: text('The sheet has no records', '表格中没有记录'),
        hint: text('Fill in one inspector per row below the header.', '请在标题行下每行填写一名人员。'),
      });
    return report(errors, rows, 0);
  }
  const now = new Date();
  const list = new StringListType();
  await insertChunks(
    em,
    Inspector,
    lazyRows(valid, ({ fields }) => ({
      id: randomUUID(),
      name: fields.name.trim(),
      department: fields.departmentId,
      certificateNumber: fields.certificateNumber.trim(),
      certificateValidFrom: fields.certificateValidFrom,
      certificateValidUntil: fields.certificateValidUntil,
      expertise: list.convertToDatabaseValue(fields.expertise.map((e) => e.trim())),
      status: fields.status,
      phone: fields.phone?.trim() || null,
      user: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    })),
  );
  return report(errors, rows, valid.length);
}
