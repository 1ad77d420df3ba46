/**
 * Bulk import of targets and inspectors: every row is checked first; if any is bad, nothing is written
 * and every problem is reported with its row, column and fix; otherwise all rows are inserted in one
 * transaction, with their trail entry.
 *
 * The file is read in a worker thread with a time and heap limit (import-parse.ts), before any
 * transaction opens: a slow or hostile file holds no database connection and leaves the event loop
 * free. At most IMPORTS_AT_ONCE imports run at once in a process; one more is refused as busy.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { EntityManager, EntityProperty } from '@mikro-orm/core';
import { IMPORT_FILE_MAX_BYTES, formatMegabytes, text, type Text } from '@suiji/domain';
import { BadInputError, BusyError } from '../../graphql/errors.js';
import { Department } from '../department/department.entity.js';
import { Inspector } from '../inspector/inspector.entity.js';
import type { InspectorFields } from '../inspector/inspector.input.js';
import { Target } from '../target/target.entity.js';
import type { TargetFields } from '../target/target.input.js';
import { appendTrail } from '../trail/trail.service.js';
import { StringListType } from '../../db/string-list.type.js';
import { TimestampType } from '../../db/timestamp.type.js';
import { bulkInsert } from '../../db/dialect.js';
import { selectRows } from '../../db/sql.js';
import { present } from '../../invariant.js';
import { INSPECTOR_COLUMNS, TARGET_COLUMNS } from './columns.js';
import {
  INSPECTOR_FIELDS,
  PROBLEMS_LISTED,
  Problems,
  TARGET_FIELDS,
  packedReader,
  type ParseJob,
  type ParseOutcome,
  type Parsed,
} from './import-parse.js';
import type { FileInput, ImportOutcome } from './registry-io.types.js';

const LOOKUP_CHUNK = 2_000;

/** Imports running at once in this process; each holds its file and a worker's heap. */
export const IMPORTS_AT_ONCE = 2;

export interface ParseLimits {
  /** The longest a worker may read a file. */
  timeoutMs: number;
  /** The worker's heap (V8 old generation), in megabytes. */
  heapMb: number;
}

/**
 * The benchmark's 100,000 rows are read in a few seconds within less than 100 MB of heap; the rest is
 * room for long cells and a slower machine.
 */
export const PARSE_LIMITS: ParseLimits = { timeoutMs: 60_000, heapMb: 256 };

// Under the tests the sources are TypeScript, which the worker loads through tsx (a worker does not
// take tsx's --import from execArgv in Node 20).
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = new URL(FROM_SOURCE ? './import-worker.ts' : './import-worker.js', import.meta.url);

let running = 0;

async function oneOfFew<T>(run: () => Promise<T>): Promise<T> {
  if (running >= IMPORTS_AT_ONCE)
    throw new BusyError(
      text(
        `${IMPORTS_AT_ONCE} imports are already running, the most the server runs at once: try again in a minute.`,
        `服务器已在同时处理 ${IMPORTS_AT_ONCE} 个导入（同时处理的上限）：请稍等一分钟后重试。`,
      ),
    );
  running++;
  try {
    return await run();
  } finally {
    running--;
  }
}

const refused = (message: Text) => new BadInputError(message, 'file');

/** Reads the file in a worker thread of its own, which is ended when it answers or overruns a limit. */
export function parseInWorker(job: ParseJob, limits: ParseLimits = PARSE_LIMITS): Promise<Parsed> {
  const options = { workerData: job, resourceLimits: { maxOldGenerationSizeMb: limits.heapMb } };
  const worker = FROM_SOURCE
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); })`,
        { ...options, eval: true },
      )
    : new Worker(WORKER, options);
  let timer: NodeJS.Timeout | undefined;
  return new Promise<Parsed>((resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          refused(
            text(
              `Reading ${job.filename} took longer than ${limits.timeoutMs / 1000} s, the most an import may take: split it into smaller files.`,
              `读取 ${job.filename} 超过了导入时限 ${limits.timeoutMs / 1000} 秒：请拆分为较小的文件。`,
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (outcome: ParseOutcome) =>
      outcome.ok ? resolve(outcome.parsed) : reject(refused(outcome.refused)),
    );
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
        reject(
          refused(
            text(
              `Reading ${job.filename} needs more memory than an import may use (${limits.heapMb} MB): remove other sheets and unused formatting, or split the file.`,
              `读取 ${job.filename} 所需内存超过导入上限（${limits.heapMb} MB）：请删除其他工作表和多余格式，或拆分文件。`,
            ),
          ),
        );
      else {
        // Not a refusal the reader foresaw: the file is still what failed, so say so, and log why.
        console.error(`import of ${job.filename}:`, error);
        reject(
          refused(
            text(
              `${job.filename} could not be read as a spreadsheet (${error.message}): open it in Excel, save it again as .xlsx and upload it again.`,
              `无法将 ${job.filename} 读取为表格（${error.message}）：请用 Excel 打开，另存为 .xlsx 后重新上传。`,
            ),
          ),
        );
      }
    });
    worker.once('exit', () =>
      reject(new Error(`the import worker for ${job.filename} ended without an answer`)),
    );
  }).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
}

function fileJob(
  registry: ParseJob['registry'],
  file: FileInput,
  departments: ParseJob['departments'],
): ParseJob {
  const bytes = Buffer.byteLength(file.contentBase64, 'base64');
  if (bytes > IMPORT_FILE_MAX_BYTES)
    throw refused(
      text(
        `${file.filename} is ${formatMegabytes(bytes)} MB, larger than the ${formatMegabytes(IMPORT_FILE_MAX_BYTES)} MB an import takes: split it into several files.`,
        `${file.filename} 大小为 ${formatMegabytes(bytes)} MB，超过导入上限 ${formatMegabytes(IMPORT_FILE_MAX_BYTES)} MB：请拆分为多个文件。`,
      ),
    );
  return { registry, filename: file.filename, contentBase64: file.contentBase64, departments };
}

function report(parsed: Parsed, more: Problems, imported: number): ImportOutcome {
  const errorCount = parsed.errorCount + more.count;
  const errors = [...parsed.errors, ...more.list].sort((a, b) => a.row - b.row).slice(0, PROBLEMS_LISTED);
  return {
    ok: errorCount === 0,
    imported: errorCount === 0 ? imported : 0,
    rows: parsed.rows,
    errors,
    errorCount,
  };
}

/** Which of `values` already exist in `column` of `table`. */
async function existing(
  em: EntityManager,
  table: string,
  column: string,
  values: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < values.length; i += LOOKUP_CHUNK) {
    const chunk = values.slice(i, i + LOOKUP_CHUNK);
    // Inside the mutation's transaction (as selectRows runs): on SQLite a second connection would wait for it forever.
    const rows = await selectRows<{ value: string }>(
      em,
      `select ${column} as value from ${table} where ${column} in (${chunk.map(() => '?').join(',')})`,
      chunk,
    );
    for (const r of rows) found.add(r.value);
  }
  return found;
}

/** Rows made from the packed records one chunk at a time, so that all of them never exist at once. */
interface LazyRows {
  length: number;
  slice(from: number, to: number): Record<string, unknown>[];
}

function lazyRows<T>(
  parsed: Parsed,
  fields: readonly (keyof T)[],
  toRow: (record: T) => Record<string, unknown>,
): LazyRows {
  const record = packedReader<T>(parsed.records, fields);
  const length = parsed.keys.length;
  return {
    length,
    slice: (from, to) => {
      const rows: Record<string, unknown>[] = [];
      for (let i = from; i < Math.min(to, length); i++) rows.push(toRow(record(i)));
      return rows;
    },
  };
}

/**
 * Inserts `rows` (keyed by entity property, values as stored) in the transaction of `em`, opening one
 * when there is none, so that it stays all or nothing: set-based statements (the dialect's bulk insert)
 * rather than em.insertMany, which spends most of its time building and quoting SQL.
 */
async function insertChunks(
  em: EntityManager,
  entity: typeof Target | typeof Inspector,
  rows: LazyRows,
): Promise<void> {
  if (rows.length === 0) return;
  if (!em.getTransactionContext()) return em.transactional((inner) => insertChunks(inner, entity, rows));
  const meta = em.getMetadata().get(entity.name);
  const platform = em.getPlatform();
  const keys = Object.keys(present(rows.slice(0, 1)[0], 'the first row'));
  const columns = keys.map((key) => {
    const prop = meta.properties[key as never] as EntityProperty | undefined;
    if (!prop || prop.fieldNames.length !== 1)
      throw new Error(`insertChunks: ${entity.name}.${key} is not a single column`);
    return {
      name: platform.quoteIdentifier(present(prop.fieldNames[0], `${prop.name}'s column`)),
      type: present(prop.columnTypes[0], `${prop.name}'s column type`),
    };
  });
  // Dates go through their property's type (ISO text on SQLite), as rows the ORM writes do.
  const timestamp = new TimestampType();
  const stored = (value: unknown) =>
    value instanceof Date ? timestamp.convertToDatabaseValue(value, platform) : value;
  await bulkInsert(em, platform.quoteIdentifier(meta.tableName), columns, {
    length: rows.length,
    slice: (from, to) => rows.slice(from, to).map((row) => keys.map((key) => stored(row[key]))),
  });
}

/** What an import needs to know of a registry: where its rows go, their key, and how a record is stored. */
interface RegistrySpec<T> {
  entity: typeof Target | typeof Inspector;
  fields: readonly (keyof T)[];
  table: string;
  /** The column of the key that must be new (a credit code, a certificate number). */
  column: string;
  /** The sheet's column of that key, named in the report. */
  header: string;
  /** Whether rows name departments (by code or name), which the reader then resolves. */
  departments: boolean;
  taken: (key: string) => { message: Text; hint: Text };
  toRow: (record: T, now: Date) => Record<string, unknown>;
}

const header = (specs: readonly { key: string; header: string }[], key: string) =>
  specs.find((s) => s.key === key)?.header ?? key;

const list = new StringListType();

const TARGETS: RegistrySpec<TargetFields> = {
  entity: Target,
  fields: TARGET_FIELDS,
  table: 'target',
  column: 'credit_code',
  header: header(TARGET_COLUMNS, 'creditCode'),
  departments: false,
  taken: (code) => ({
    message: text(`credit code ${code} is already in the registry`, `统一社会信用代码 ${code} 已在名录库中`),
    hint: text(
      'Remove the row, or edit the existing target instead.',
      '请删除该行，或直接编辑已有的检查对象。',
    ),
  }),
  toRow: (fields, now) => ({
    id: randomUUID(),
    ...fields,
    tags: list.convertToDatabaseValue(fields.tags),
    targetTypes: list.convertToDatabaseValue(fields.targetTypes),
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  }),
};

const INSPECTORS: RegistrySpec<InspectorFields> = {
  entity: Inspector,
  fields: INSPECTOR_FIELDS,
  table: 'inspector',
  column: 'certificate_number',
  header: header(INSPECTOR_COLUMNS, 'certificateNumber'),
  departments: true,
  taken: (number) => ({
    message: text(`certificate ${number} is already in the registry`, `执法证号 ${number} 已在名录库中`),
    hint: text(
      'Remove the row, or edit the existing inspector instead.',
      '请删除该行，或直接编辑已有的人员。',
    ),
  }),
  toRow: (fields, now) => ({
    id: randomUUID(),
    name: fields.name,
    department: fields.departmentId,
    certificateNumber: fields.certificateNumber,
    certificateValidFrom: fields.certificateValidFrom,
    certificateValidUntil: fields.certificateValidUntil,
    expertise: list.convertToDatabaseValue(fields.expertise),
    status: fields.status,
    phone: fields.phone,
    user: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  }),
};

/**
 * Reads the file in a worker, then, in one transaction: the keys already in the registry are reported;
 * otherwise every record is inserted and the trail records the import.
 */
async function importWith<T>(
  em: EntityManager,
  registry: ParseJob['registry'],
  spec: RegistrySpec<T>,
  file: FileInput,
): Promise<ImportOutcome> {
  const keys: ParseJob['departments'] = spec.departments
    ? (await em.find(Department, { deletedAt: null })).flatMap((d) => [
        [d.code.toUpperCase(), d.id],
        [d.name, d.id],
      ])
    : [];
  const parsed = await parseInWorker(fileJob(registry, file, keys));
  return em.transactional(async (trx) => {
    const found = await existing(trx, spec.table, spec.column, parsed.keys);
    const more = new Problems();
    parsed.keys.forEach((key, i) => {
      if (found.has(key)) more.add({ row: parsed.keyRows[i] ?? 0, column: spec.header, ...spec.taken(key) });
    });
    const outcome = report(parsed, more, parsed.keys.length);
    if (!outcome.ok) return outcome;
    const now = new Date();
    await insertChunks(
      trx,
      spec.entity,
      lazyRows(parsed, spec.fields, (record) => spec.toRow(record, now)),
    );
    await appendTrail(trx, [
      {
        action: 'import',
        entity: spec.entity.name,
        entityId: '*',
        before: null,
        after: { filename: file.filename, imported: outcome.imported },
      },
    ]);
    return outcome;
  });
}

/** Imports a registry's spreadsheet (检查对象名录库 or 执法检查人员名录库), all rows or none. */
export function importRegistry(
  em: EntityManager,
  registry: ParseJob['registry'],
  file: FileInput,
): Promise<ImportOutcome> {
  return oneOfFew(() =>
    registry === 'targets'
      ? importWith(em, registry, TARGETS, file)
      : importWith(em, registry, INSPECTORS, file),
  );
}
