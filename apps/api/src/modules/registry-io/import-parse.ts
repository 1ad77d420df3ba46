/**
 * The part of an import that needs no database: reading the sheet and checking every row against the
 * registry's rules. It runs in a worker thread (import-worker.ts), so it loads no ORM or GraphQL, and
 * hands back the valid records packed in one buffer, which moves to the API's thread without a copy.
 */
import { present } from '../../invariant.js';
import {
  IMPORT_CELL_MAX_CHARS,
  IMPORT_ROWS_MAX,
  splitLabels,
  text,
  type FieldProblem,
  type Text,
} from '@suiji/domain';
import type { InspectorFields } from '../inspector/inspector.input.js';
import { inspectorProblems } from '../inspector/inspector.rules.js';
import type { TargetFields } from '../target/target.input.js';
import { normaliseTarget, targetProblems } from '../target/target.rules.js';
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
import type { RowProblem } from './registry-io.types.js';
import {
  BadSheetError,
  cellHasControl,
  cellTooLong,
  controlIn,
  readSheet,
  sheetFormat,
  type SheetRow,
} from './spreadsheet.js';

/** The most problems a report lists; beyond them it gives only their number. */
export const PROBLEMS_LISTED = 1_000;

/** What a worker is asked to read. */
export interface ParseJob {
  registry: 'targets' | 'inspectors';
  filename: string;
  contentBase64: string;
  /** For inspectors: each department's upper-case code and its name, with its id. */
  departments: [key: string, id: string][];
}

/** The rows read, the problems found, and the valid records. */
export interface Parsed {
  rows: number;
  /** The first PROBLEMS_LISTED problems, in row order. */
  errors: RowProblem[];
  errorCount: number;
  /** The unique key of each valid record (credit code, certificate number), with its row. */
  keys: string[];
  keyRows: number[];
  /** The valid records, in the order of `keys`, packed (see packedReader). */
  records: Uint8Array[];
}

export type ParseOutcome = { ok: true; parsed: Parsed } | { ok: false; refused: Text };

/** Problems in row order, listing only the first PROBLEMS_LISTED. */
export class Problems {
  readonly list: RowProblem[] = [];
  count = 0;
  add(problem: RowProblem): void {
    this.count++;
    if (this.list.length < PROBLEMS_LISTED) this.list.push(problem);
  }
}

/** Valid records per part of the packed records. */
const RECORDS_PER_PART = 1_000;

/**
 * Records packed as JSON, RECORDS_PER_PART to a buffer, each an array of its fields in `fields` order.
 * Each buffer owns its memory, so that the worker can transfer them to the API's thread, not copy them.
 */
class Packer<T> {
  readonly parts: Uint8Array[] = [];
  private pending: unknown[][] = [];
  constructor(private readonly fields: readonly (keyof T)[]) {}
  add(record: T): void {
    this.pending.push(this.fields.map((field) => record[field]));
    if (this.pending.length === RECORDS_PER_PART) this.flush();
  }
  flush(): void {
    if (this.pending.length === 0) return;
    const part = Buffer.from(JSON.stringify(this.pending));
    // A short part may sit in Node's shared buffer pool, which cannot be transferred: copy it.
    this.parts.push(part.byteLength === part.buffer.byteLength ? part : new Uint8Array(part));
    this.pending = [];
  }
}

/** Reads packed records by index, decoding one part at a time (reads are expected in order). */
export function packedReader<T>(
  parts: readonly Uint8Array[],
  fields: readonly (keyof T)[],
): (index: number) => T {
  let at = -1;
  let records: unknown[][] = [];
  return (index) => {
    const part = Math.floor(index / RECORDS_PER_PART);
    if (part !== at) {
      const bytes = present(parts[part], `packed part ${part}`);
      records = JSON.parse(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
      ) as unknown[][];
      at = part;
    }
    const values = present(records[index % RECORDS_PER_PART], `packed record ${index}`);
    const record = {} as Record<keyof T, unknown>;
    fields.forEach((field, i) => (record[field] = values[i]));
    return record as T;
  };
}

/** The fields of a packed target, in order. */
export const TARGET_FIELDS = [
  'name',
  'creditCode',
  'kind',
  'legalRepresentative',
  'address',
  'region',
  'contact',
  'tags',
  'riskClass',
  'status',
  'targetTypes',
] as const satisfies readonly (keyof TargetFields)[];

/** The fields of a packed inspector, in order. */
export const INSPECTOR_FIELDS = [
  'name',
  'departmentId',
  'certificateNumber',
  'certificateValidFrom',
  'certificateValidUntil',
  'expertise',
  'status',
  'phone',
] as const satisfies readonly (keyof InspectorFields)[];

/** How one registry turns a row into a record. */
interface Registry<K extends string, T> {
  specs: readonly ColumnSpec<K>[];
  fields: readonly (keyof T)[];
  /** The record of a row, or null after reporting its problems. */
  build(cell: (key: K) => string, problem: (key: K, message: Text, hint?: Text) => void): T | null;
  problems(record: T): FieldProblem[];
  normalise(record: T): T;
  /** The column that must be unique, its value, and the message when a row repeats an earlier one. */
  key: K;
  keyOf(record: T): string;
  repeated(key: string, first: number): { message: Text; hint: Text };
  noRecords: Text;
}

const targets: Registry<(typeof TARGET_COLUMNS)[number]['key'], TargetFields> = {
  specs: TARGET_COLUMNS,
  fields: TARGET_FIELDS,
  build(cell, problem) {
    const kind = enumValue(TARGET_KINDS, 'targetKind', cell('kind'));
    const riskClass = enumValue(RISK_CLASSES, 'riskClass', cell('riskClass'));
    const status =
      cell('status') === '' ? 'ACTIVE' : enumValue(TARGET_STATUSES, 'targetStatus', cell('status'));
    if (!kind)
      problem('kind', text(`"${cell('kind')}" is not a target kind`, `“${cell('kind')}”不是有效的对象类别`));
    if (!riskClass)
      problem(
        'riskClass',
        text(`"${cell('riskClass')}" is not a risk class`, `“${cell('riskClass')}”不是有效的信用风险分类`),
      );
    if (!status)
      problem('status', text(`"${cell('status')}" is not a status`, `“${cell('status')}”不是有效的状态`));
    if (!kind || !riskClass || !status) return null;
    return {
      name: cell('name'),
      creditCode: cell('creditCode'),
      kind,
      legalRepresentative: cell('legalRepresentative'),
      address: cell('address'),
      region: cell('region'),
      contact: cell('contact'),
      tags: splitLabels(cell('tags')),
      riskClass,
      status,
      targetTypes: splitLabels(cell('targetTypes')),
    };
  },
  problems: targetProblems,
  normalise: normaliseTarget,
  key: 'creditCode',
  keyOf: (fields) => fields.creditCode,
  repeated: (code, first) => ({
    message: text(
      `credit code ${code} is also in row ${first}`,
      `统一社会信用代码 ${code} 与第 ${first} 行重复`,
    ),
    hint: text('Keep one row per target.', '每个检查对象只保留一行。'),
  }),
  noRecords: text('Fill in one target per row below the header.', '请在标题行下每行填写一个检查对象。'),
};

function inspectors(
  departments: ReadonlyMap<string, string>,
): Registry<(typeof INSPECTOR_COLUMNS)[number]['key'], InspectorFields> {
  return {
    specs: INSPECTOR_COLUMNS,
    fields: INSPECTOR_FIELDS,
    build(cell, problem) {
      const department =
        departments.get(cell('department').trim()) ??
        departments.get(cell('department').trim().toUpperCase());
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
      return {
        name: cell('name'),
        departmentId: department,
        certificateNumber: cell('certificateNumber'),
        certificateValidFrom: normaliseDate(cell('certificateValidFrom')),
        certificateValidUntil: normaliseDate(cell('certificateValidUntil')),
        expertise: splitLabels(cell('expertise')),
        status,
        phone: cell('phone') || null,
      };
    },
    problems: inspectorProblems,
    normalise: (fields) => ({
      ...fields,
      name: fields.name.trim(),
      certificateNumber: fields.certificateNumber.trim(),
      expertise: fields.expertise.map((e) => e.trim()),
      phone: fields.phone?.trim() || null,
    }),
    key: 'certificateNumber',
    keyOf: (fields) => fields.certificateNumber,
    repeated: (number, first) => ({
      message: text(
        `certificate ${number} is also in row ${first}`,
        `执法证号 ${number} 与第 ${first} 行重复`,
      ),
      hint: text('Keep one row per inspector.', '每名人员只保留一行。'),
    }),
    noRecords: text('Fill in one inspector per row below the header.', '请在标题行下每行填写一名人员。'),
  };
}

/** Decodes the upload and checks that it is a sheet. */
async function* rowsOf(filename: string, contentBase64: string): AsyncGenerator<SheetRow> {
  const content = Buffer.from(contentBase64, 'base64');
  if (content.length === 0)
    throw new BadSheetError(
      text(`${filename} is empty: choose the filled-in sheet.`, `${filename} 是空文件：请选择已填写的表格。`),
    );
  yield* readSheet(sheetFormat(filename, content), content);
}

const tooManyRows = () =>
  new BadSheetError(
    text(
      `The sheet has more than ${IMPORT_ROWS_MAX.toLocaleString('en')} records, the most one import takes: split it into files of at most ${IMPORT_ROWS_MAX.toLocaleString('en')} rows and import them one after another.`,
      `表格超过单次导入上限 ${IMPORT_ROWS_MAX} 条记录：请拆分为每个不超过 ${IMPORT_ROWS_MAX} 行的文件，逐个导入。`,
    ),
  );

/**
 * Reads the header and the non-empty rows, checks each row, and packs the valid ones. Missing columns
 * are row-1 problems; a file that cannot be a registry sheet throws BadSheetError.
 */
async function readRegistry<K extends string, T>(job: ParseJob, registry: Registry<K, T>): Promise<Parsed> {
  const { specs } = registry;
  const problems = new Problems();
  const packer = new Packer<T>(registry.fields);
  const keys: string[] = [];
  const keyRows: number[] = [];
  const firstRowOf = new Map<string, number>();
  let rows = 0;
  let index: Map<K, number> | null = null;
  let header: string[] = [];
  /** A field's column as the report names it: the file's own heading, else the template's (a missing column). */
  const headerOf = (key: string) => {
    const at = index?.get(key as K);
    return (at === undefined ? undefined : header[at]) ?? specs.find((s) => s.key === key)?.header ?? key;
  };
  const hintOf = (key: string) => specs.find((s) => s.key === key)?.hint ?? null;
  const done = (): Parsed => {
    packer.flush();
    return {
      rows,
      errors: problems.list.sort((a, b) => a.row - b.row),
      errorCount: problems.count,
      keys,
      keyRows,
      records: packer.parts,
    };
  };

  for await (const { row, cells } of rowsOf(job.filename, job.contentBase64)) {
    for (const [i, cell] of cells.entries()) {
      if (cell.length > IMPORT_CELL_MAX_CHARS) throw cellTooLong(row, header[i] || undefined, cell.length);
      const control = controlIn(cell);
      if (control >= 0) throw cellHasControl(row, header[i] || undefined, control);
    }
    if (index === null) {
      header = cells;
      const match = matchHeader(specs, cells);
      for (const spec of match.missing)
        problems.add({
          row,
          column: spec.header,
          message: text(`The column "${spec.header}" is missing`, `缺少“${spec.header}”列`),
          hint: text(
            `Add a column headed "${spec.header}". ${spec.hint.en}`.trim(),
            `请添加标题为“${spec.header}”的列。${spec.hint['zh-CN']}`,
          ),
        });
      if (match.missing.length > 0) return done();
      index = match.index;
      continue;
    }
    if (cells.every((c) => c === '')) continue;
    if (++rows > IMPORT_ROWS_MAX) throw tooManyRows();
    const at = index;
    const cell = (key: K) => cells[at.get(key) ?? -1] ?? '';
    const built = registry.build(cell, (key, message, hint) =>
      problems.add({ row, column: headerOf(key), message, hint: hint ?? hintOf(key) }),
    );
    if (built === null) continue;
    const found = registry.problems(built);
    if (found.length > 0) {
      for (const p of found)
        problems.add({ row, column: headerOf(p.field), message: p.message, hint: p.hint });
      continue;
    }
    const record = registry.normalise(built);
    const key = registry.keyOf(record);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      problems.add({ row, column: headerOf(registry.key), ...registry.repeated(key, first) });
      continue;
    }
    firstRowOf.set(key, row);
    keys.push(key);
    keyRows.push(row);
    packer.add(record);
  }
  if (index === null)
    problems.add({
      row: 1,
      column: null,
      message: text('The sheet is empty', '表格为空'),
      hint: text(
        'Put the header in row 1 and one record per row below it.',
        '请在第 1 行填写标题，其下每行一条记录。',
      ),
    });
  else if (rows === 0)
    problems.add({
      row: 2,
      column: null,
      message: text('The sheet has no records', '表格中没有记录'),
      hint: registry.noRecords,
    });
  return done();
}

/** Reads an import's file; a file that cannot be a registry sheet is refused with the reason. */
export async function parseImport(job: ParseJob): Promise<ParseOutcome> {
  try {
    const registry = job.registry === 'targets' ? targets : inspectors(new Map(job.departments));
    return { ok: true, parsed: await readRegistry(job, registry as Registry<string, unknown>) };
  } catch (error) {
    if (error instanceof BadSheetError) return { ok: false, refused: error.text };
    throw error;
  }
}
