/**
 * Registry import benchmark (issue requirement): `importTargets` of 100,000 targets from one .xlsx,
 * through the full GraphQL path (base64 decode, streaming parse, validation, duplicate checks, insert),
 * into SQLite (a file database) and into PostgreSQL (a fresh database, dropped afterwards).
 * Targets: at least 20,000 rows/s and a peak RSS under 500 MB.
 *
 * Baselines measured in the same run on the same file and the same kind of database:
 *   parse  — exceljs streaming read of the same file with the importer's reader options, nothing else;
 *   insert — one transaction of raw multi-row INSERTs of the same 100,000 rows through the ORM's knex,
 *            as large as the database's bound-parameter limit allows.
 * The import's ratio to each baseline (and to their sum) is printed.
 *
 * Every measurement runs in a child process of its own. The coordinator exits 0 when a target is
 * missed (this is a report) and non-zero only when something actually fails.
 *
 * Options: SUIJI_BENCH_ROWS (default 100000), SUIJI_BENCH_DBS (default "sqlite,postgresql"),
 * SUIJI_BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres), SUIJI_BENCH_KEEP=1 keeps
 * the temp folder with the .xlsx and the SQLite files, SUIJI_BENCH_CPU_PROF=1 writes CPU profiles of
 * the import workers into it, SUIJI_BENCH_IMPORT_NODE_ARGS adds Node options to the import workers
 * (e.g. "--max-old-space-size=256").
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { completeCreditCode } from '@suiji/domain';
import {
  fmtInt,
  fmtMb,
  fmtRatio,
  fmtSec,
  mb,
  measure,
  runWorker,
  serveWorker,
  table,
  workerTask,
  type Measurement,
  freshDatabase,
  type Database,
  type DbKind,
} from './lib.js';
import { benchSetting } from './env.js';
import { present } from '../dist/invariant.js';

const SELF = fileURLToPath(import.meta.url);
const ROWS = Number(benchSetting('SUIJI_BENCH_ROWS') ?? 100_000);
const TARGET_ROWS_PER_SECOND = 20_000;
const TARGET_PEAK_MB = 500;
const JWT_SECRET = 'bench-secret-of-enough-length';

type Task =
  | { kind: 'generate'; file: string; rows: number }
  | { kind: 'parse'; file: string; rows: number }
  | { kind: 'insert'; database: Database; rows: number }
  | { kind: 'import'; database: Database; file: string; rows: number };

// ---------------------------------------------------------------------------------------------
// The data: row i of the sheet, deterministic, all valid, credit codes unique (and unlike the demo's,
// whose organisation code starts with a digit).

const HEADER = [
  '名称',
  '统一社会信用代码',
  '对象类别',
  '法定代表人',
  '地址',
  '所属区域',
  '联系方式',
  '标签',
  '信用风险分类',
  '状态',
  '检查对象类型',
];
const REGIONS = [
  '垭口街道',
  '寺坡街道',
  '院岭街道',
  '矿建街道',
  '朱兰街道',
  '尚店镇',
  '八台镇',
  '尹集镇',
  '枣林镇',
  '武功乡',
  '杨庄乡',
  '庙街乡',
  '铁山乡',
];
const WORDS = [
  '钢城',
  '龙泉',
  '石漫滩',
  '灯台架',
  '九头崖',
  '祥龙',
  '金山',
  '豫龙',
  '华兴',
  '天成',
  '宏达',
  '鑫源',
];
const TRADES = ['商贸', '建材', '物流', '机械', '食品', '科技', '餐饮', '建筑'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰'];
const KINDS = ['企业', '企业', '企业', '单位', '个人', '项目'];
const KIND_CODES = ['ENTERPRISE', 'ENTERPRISE', 'ENTERPRISE', 'UNIT', 'INDIVIDUAL', 'PROJECT'] as const;
const RISKS = ['A', 'B', 'B', 'C', 'D'];
const STATUSES = ['', '', '', '存续', '停业'];
const STATUS_CODES = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED'] as const;
const TAGS = ['', '', '重点监管', '投诉举报、新设立', '规上企业'];
const TYPES = [
  '企业',
  '企业、办理建设工程规划许可证的单位和个人',
  '办理建设工程规划许可证的单位和个人',
  '舞钢市行政区域内的测绘资质单位',
];

const pick = <T>(list: readonly T[], i: number, salt: number): T =>
  present(list[(i * 7 + salt * 13 + ((i / list.length) | 0)) % list.length], 'an entry of a non-empty list');

function creditCode(i: number): string {
  return completeCreditCode(`91410481B${String(i).padStart(8, '0')}`);
}

/** The cells of data row i (0-based), in HEADER order. */
function sheetRow(i: number): string[] {
  const region = pick(REGIONS, i, 1);
  return [
    `舞钢市${pick(WORDS, i, 2)}${pick(TRADES, i, 3)}有限公司第${i + 1}分公司`,
    creditCode(i),
    pick(KINDS, i, 4),
    `${pick(SURNAMES, i, 5)}${pick(GIVEN, i, 6)}${pick(GIVEN, i, 7)}`,
    `舞钢市${region}${pick(WORDS, i, 8)}路${1 + (i % 300)}号`,
    region,
    `13${String(900_000_000 + i).padStart(9, '0')}`,
    pick(TAGS, i, 9),
    pick(RISKS, i, 10),
    pick(STATUSES, i, 11),
    pick(TYPES, i, 12),
  ];
}

const list = (cell: string) => (cell === '' ? '' : `,${cell.split('、').join(',')},`);

/** Row i as the importer stores it (for the raw-insert baseline). */
function dbRow(i: number, now: unknown): Record<string, unknown> {
  const c = sheetRow(i);
  const k = KINDS.indexOf(present(c[2], 'c[2]'));
  const s = STATUSES.indexOf(present(c[9], 'c[9]'));
  return {
    id: randomUUID(),
    created_at: now,
    updated_at: now,
    deleted_at: null,
    name: c[0],
    credit_code: c[1],
    kind: KIND_CODES[k],
    legal_representative: c[3],
    address: c[4],
    region: c[5],
    contact: c[6],
    tags: list(present(c[7], 'c[7]')),
    risk_class: c[8],
    status: STATUS_CODES[s],
    target_types: list(present(c[10], 'c[10]')),
  };
}

// ---------------------------------------------------------------------------------------------
// Workers.

async function generate(file: string, rows: number): Promise<Measurement> {
  return measure('generate .xlsx', rows, async () => {
    // Shared strings, written after the sheet, as Excel itself writes them.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: true,
      useStyles: false,
    });
    const sheet = workbook.addWorksheet('检查对象');
    sheet.addRow(HEADER).commit();
    for (let i = 0; i < rows; i++) sheet.addRow(sheetRow(i)).commit();
    sheet.commit();
    await workbook.commit();
    return { bytes: statSync(file).size };
  });
}

/** Baseline: stream-parse the same file with the importer's reader options; only read the cells. */
async function parseOnly(file: string, rows: number): Promise<Measurement> {
  const content = readFileSync(file);
  return measure('exceljs stream parse only', rows, async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'emit',
    });
    let seen = 0;
    let chars = 0;
    for await (const worksheet of reader) {
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        for (let c = 1; c < values.length; c++) chars += JSON.stringify(values[c] ?? '').length;
        seen++;
      }
      break;
    }
    if (seen !== rows + 1) throw new Error(`parse: read ${seen} rows, expected ${rows + 1}`);
    return { chars };
  });
}

async function countTargets(orm: {
  em: { getConnection(): { execute(sql: string): Promise<unknown[]> } };
}): Promise<number> {
  const [row] = (await orm.em.getConnection().execute('select count(*) as n from target')) as {
    n: number | string;
  }[];
  return Number(present(row, 'row').n);
}

/** Baseline: the same rows, raw multi-row INSERTs in one transaction, chunks at the parameter limit. */
async function rawInsert(database: Database, rows: number): Promise<Measurement> {
  const { openDatabase } = await import('../dist/db/orm.js');
  const orm = await openDatabase(database, { logger: () => {} });
  try {
    const em = orm.em.fork() as unknown as import('@mikro-orm/knex').SqlEntityManager;
    const now = em.getPlatform().processDateProperty(new Date());
    const data = Array.from({ length: rows }, (_, i) => dbRow(i, now));
    const columns = Object.keys(present(data[0], 'data[0]')).length;
    // SQLite allows 32,766 bound variables per statement, PostgreSQL 65,535.
    const chunk = Math.floor((database.kind === 'sqlite' ? 32_766 : 65_535) / columns);
    const before = await countTargets(orm);
    const result = await measure('raw multi-row INSERT, 1 tx', rows, async () => {
      const knex = em.getKnex();
      const names = Object.keys(present(data[0], 'data[0]'));
      const q = (name: string) => (database.kind === 'sqlite' ? `\`${name}\`` : `"${name}"`);
      const tuple = `(${names.map(() => '?').join(',')})`;
      await knex.transaction(async (trx) => {
        for (let i = 0; i < data.length; i += chunk) {
          const part = data.slice(i, i + chunk);
          const bindings: unknown[] = [];
          for (const row of part) for (const name of names) bindings.push(row[name]);
          await trx.raw(
            `insert into ${q('target')} (${names.map(q).join(',')}) values ${part.map(() => tuple).join(',')}`,
            bindings as never,
          );
        }
      });
      return { chunk };
    });
    const after = await countTargets(orm);
    if (after - before !== rows) throw new Error(`insert: count grew by ${after - before}, expected ${rows}`);
    return result;
  } finally {
    await orm.close(true);
  }
}

const IMPORT =
  'mutation($f: FileInput!) { importTargets(file: $f) { ok imported rows errors { row column message hint } } }';

async function importTargets(database: Database, file: string, rows: number): Promise<Measurement> {
  const { createApp } = await import('../dist/server.js');
  // A registry as in production: the first administrator only, no demo data loaded in this process.
  const app = await createApp({
    database,
    jwtSecret: JWT_SECRET,
    demo: false,
    adminPassword: 'bench-admin-password',
    log: () => {},
  });
  try {
    const login = (await app.execute({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: 'admin', p: 'bench-admin-password' },
    })) as { data?: { login: { token: string } }; errors?: unknown[] };
    if (!login.data?.login.token) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
    const authorization = `Bearer ${login.data.login.token}`;
    // The client's part: reading the file and encoding it, as the dashboard does before sending.
    const contentBase64 = readFileSync(file).toString('base64');
    const before = await countTargets(app.orm);
    if (benchSetting('SUIJI_BENCH_MEMORY_DETAIL') === '1')
      console.log(
        `  before the import: rss ${fmtMb(process.memoryUsage.rss())}, maxRSS so far ${fmtMb(process.resourceUsage().maxRSS * 1024)}`,
      );
    let report: { ok: boolean; imported: number; rows: number; errors: unknown[] } | undefined;
    const result = await measure('importTargets (GraphQL, full path)', rows, async () => {
      const response = (await app.execute(
        { query: IMPORT, variables: { f: { filename: 'targets.xlsx', contentBase64 } } },
        authorization,
      )) as {
        data?: { importTargets: typeof report };
        errors?: unknown[];
      };
      if (response.errors?.length)
        throw new Error(`import: GraphQL errors ${JSON.stringify(response.errors).slice(0, 2000)}`);
      report = present(response.data, 'response.data').importTargets;
    });
    if (!present(report, 'report').ok || present(report, 'report').imported !== rows)
      throw new Error(
        `import: ok=${present(report, 'report').ok} imported=${present(report, 'report').imported} rows=${present(report, 'report').rows}; first errors ${JSON.stringify(present(report, 'report').errors.slice(0, 5))}`,
      );
    const after = await countTargets(app.orm);
    if (after - before !== rows) throw new Error(`import: count grew by ${after - before}, expected ${rows}`);
    result.extra = { base64Bytes: contentBase64.length, countBefore: before, countAfter: after };
    return result;
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Coordinator.

async function main(): Promise<void> {
  const dbs = (benchSetting('SUIJI_BENCH_DBS') ?? 'sqlite,postgresql')
    .split(',')
    .map((s) => s.trim()) as DbKind[];
  const keep = benchSetting('SUIJI_BENCH_KEEP') === '1';
  const cpuProf = benchSetting('SUIJI_BENCH_CPU_PROF') === '1';
  const nodeArgs = (benchSetting('SUIJI_BENCH_IMPORT_NODE_ARGS') ?? '').split(' ').filter(Boolean);
  const dir = mkdtempSync(join(tmpdir(), 'suiji-bench-'));
  const file = join(dir, `targets-${ROWS}.xlsx`);
  console.log(`\n== Registry import: ${fmtInt(ROWS)} targets from .xlsx (${dbs.join(', ')}) ==`);
  console.log(`temp folder: ${dir}${keep ? ' (kept)' : ''}`);
  try {
    const gen = await runWorker<Task>(SELF, { kind: 'generate', file, rows: ROWS });
    console.log(
      `generated ${file}: ${(mb(Number(gen.extra?.bytes)) || 0).toFixed(1)} MB in ${fmtSec(gen.ms)}`,
    );

    const parse = await runWorker<Task>(SELF, { kind: 'parse', file, rows: ROWS });
    const results: { db: DbKind; insert: Measurement; imported: Measurement }[] = [];
    for (const kind of dbs) {
      const insertDb = await freshDatabase(kind, dir, 'insert');
      let insert: Measurement;
      try {
        insert = await runWorker<Task>(SELF, { kind: 'insert', database: insertDb.database, rows: ROWS });
      } finally {
        await insertDb.drop();
      }
      const importDb = await freshDatabase(kind, dir, 'import');
      let imported: Measurement;
      try {
        imported = await runWorker<Task>(
          SELF,
          { kind: 'import', database: importDb.database, file, rows: ROWS },
          { nodeArgs: [...nodeArgs, ...(cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [])] },
        );
      } finally {
        if (!keep || kind === 'postgresql') await importDb.drop();
      }
      results.push({ db: kind, insert, imported });
      console.log(`  ${kind}: import ${fmtSec(imported.ms)}, raw insert ${fmtSec(insert.ms)}`);
    }

    const rate = (m: Measurement) => (m.rows * 1000) / m.ms;
    const rows: string[][] = [['database', 'measurement', 'time', 'rows/s', 'peak RSS', 'import ÷ this']];
    rows.push([
      '-',
      `baseline: ${parse.name}`,
      fmtSec(parse.ms),
      fmtInt(rate(parse)),
      fmtMb(parse.peakRss),
      '',
    ]);
    for (const { db, insert, imported } of results) {
      rows.push([
        db,
        `baseline: ${insert.name} (${String(insert.extra?.chunk)} rows/stmt)`,
        fmtSec(insert.ms),
        fmtInt(rate(insert)),
        fmtMb(insert.peakRss),
        fmtRatio(imported.ms / insert.ms),
      ]);
      rows.push([
        db,
        'baseline: parse + insert (sum)',
        fmtSec(parse.ms + insert.ms),
        fmtInt((ROWS * 1000) / (parse.ms + insert.ms)),
        '',
        fmtRatio(imported.ms / (parse.ms + insert.ms)),
      ]);
      rows.push([
        db,
        imported.name,
        fmtSec(imported.ms),
        fmtInt(rate(imported)),
        fmtMb(imported.peakRss),
        '',
      ]);
    }
    console.log();
    console.log(table(rows));
    console.log(
      `\n"import ÷ this" is the import's time over the baseline's; import vs parse-only: ${results.map((r) => `${r.db} ${fmtRatio(r.imported.ms / parse.ms)}`).join(', ')}.`,
    );
    console.log(
      `Peak RSS is the whole worker process (the import worker includes the API, started on an empty registry; RSS before the import: ${results.map((r) => `${r.db} ${fmtMb(r.imported.rssBefore)}`).join(', ')}).`,
    );
    console.log();
    for (const { db, imported } of results) {
      const fast = rate(imported) >= TARGET_ROWS_PER_SECOND;
      const small = mb(imported.peakRss) < TARGET_PEAK_MB;
      console.log(
        `${fast ? 'PASS' : 'FAIL'}  ${db}: ${fmtInt(rate(imported))} rows/s (target ≥ ${fmtInt(TARGET_ROWS_PER_SECOND)})`,
      );
      console.log(
        `${small ? 'PASS' : 'FAIL'}  ${db}: peak ${fmtMb(imported.peakRss)} (target < ${TARGET_PEAK_MB} MB)`,
      );
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

const task = workerTask<Task>();
if (task) {
  await serveWorker(async () => {
    switch (task.kind) {
      case 'generate':
        return generate(task.file, task.rows);
      case 'parse':
        return parseOnly(task.file, task.rows);
      case 'insert':
        return rawInsert(task.database, task.rows);
      case 'import':
        return importTargets(task.database, task.file, task.rows);
    }
  });
} else {
  await main();
}
