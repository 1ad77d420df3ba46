/**
 * Spreadsheets made to hurt the server, generated here: each is refused with a clear error within
 * seconds, writes nothing (no target, no trail entry), and the server answers other requests while it
 * is being read, holding no transaction open meanwhile.
 */
import { randomBytes } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import {
  IMPORT_CELL_MAX_CHARS,
  IMPORT_FILE_MAX_BYTES,
  IMPORT_ROWS_MAX,
  completeCreditCode,
} from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type GqlResult, type TestApp } from '../../test/harness.js';
import { IMPORTS_AT_ONCE, parseInWorker } from './import.service.js';
import { writeZip } from './zip-writer.js';

const IMPORT_TARGETS =
  'mutation($f: FileInput!) { importTargets(file: $f) { ok imported rows errorCount errors { row column message } } }';
const IMPORT_INSPECTORS =
  'mutation($f: FileInput!) { importInspectors(file: $f) { ok imported rows errorCount } }';
const HEADER = ['名称', '统一社会信用代码', '对象类别', '所属区域', '信用风险分类'];
const code = (n: number) => completeCreditCode(`91410481MA${String(1000000 + n).slice(-7)}`);

// ---------------------------------------------------------------------------------------------------
// Building files by hand, so that they can be exactly as broken as intended.

/** Deflated data that inflates to `size` bytes. */
interface Deflated {
  deflated: Buffer;
  size: number;
}

/** A zip of deflated entries; `declared` overrides the uncompressed size its directory states. */
function zip(entries: { name: string; data: string | Deflated; declared?: number }[]): Buffer {
  return writeZip(
    entries.map((entry) => {
      const plain = typeof entry.data === 'string' ? Buffer.from(entry.data) : null;
      return {
        name: entry.name,
        data: plain ? deflateRawSync(plain) : (entry.data as Deflated).deflated,
        method: 8,
        size: entry.declared ?? (plain ? plain.length : (entry.data as Deflated).size),
        // A bomb's checksum would take inflating it to compute; nothing the import does reads it.
        crc: plain ? crc32(plain) : 0,
      };
    }),
  );
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;
const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The header row, from shared strings 0..HEADER.length-1. */
const headerRow = `<row r="1">${HEADER.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`;
const sheetStart = `<worksheet xmlns="${SHEET_NS}"><sheetData>${headerRow}`;
const sheetEnd = '</sheetData></worksheet>';

/** A minimal workbook as Excel lays it out: the shared strings and relationships before the sheet. */
function workbook(
  sheet: string | Deflated,
  declared?: number,
  strings: string[] = HEADER,
  stringsDeclared?: number,
): Buffer {
  return zip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${SHEET_NS}" xmlns:r="${REL_NS}"><workbookPr/><sheets><sheet name="检查对象" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/sharedStrings.xml',
      data: xml(
        `<sst xmlns="${SHEET_NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escape(s)}</t></si>`).join('')}</sst>`,
      ),
      declared: stringsDeclared,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declared },
  ]);
}

/**
 * A sheet with `mebibytes` MiB of `filler` in row 2, deflated in about 1 KB per MiB: by default one
 * cell of "A"s; with `tags`, elements a reader skips, so that only the size can stop it.
 */
function bombSheet(mebibytes: number, tags = false): Deflated {
  const flushed = (data: string | Buffer, last = false) =>
    deflateRawSync(data, { finishFlush: last ? constants.Z_FINISH : constants.Z_FULL_FLUSH });
  const start = `${xml(sheetStart)}<row r="2"><c r="A2" t="inlineStr"><is><t>`;
  const end = `</t></is></c></row>${sheetEnd}`;
  // Blocks flushed in full do not refer to earlier data, so one deflated MiB can be repeated.
  const mebibyte = flushed(Buffer.alloc(1 << 20, tags ? '<x/>' : 'A'));
  return {
    deflated: Buffer.concat([flushed(start), ...Array<Buffer>(mebibytes).fill(mebibyte), flushed(end, true)]),
    size: Buffer.byteLength(start) + mebibytes * (1 << 20) + Buffer.byteLength(end),
  };
}

async function excelFile(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('检查对象');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));
const goodRow = (n: number) => [`导入公司${n}`, code(n), '企业', '尚店镇', 'B'].join(',');

// ---------------------------------------------------------------------------------------------------

describe('hostile spreadsheets', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const count = async (table: string) => {
    const [row] = await t.app.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number | string }[]>(`select count(*) as n from ${table}`);
    return Number(row!.n);
  };
  const written = async () => ({
    targets: await count('target'),
    inspectors: await count('inspector'),
    trail: await count('trail_entry'),
  });
  /** Connections of this database left idle inside a transaction (PostgreSQL only). */
  const idleInTransaction = async () =>
    t.kind === 'postgresql'
      ? Number(
          (
            await t.app.orm.em
              .fork()
              .getConnection()
              .execute<{ n: string }[]>(
                "select count(*) as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'",
              )
          )[0]!.n,
        )
      : 0;

  /**
   * Imports `content` while another client asks `{ me { id } }` every 20 ms (and, on PostgreSQL,
   * whether a connection sits idle in a transaction), until the import settles.
   */
  async function whileImporting(filename: string, content: Buffer, mutation = IMPORT_TARGETS) {
    const started = Date.now();
    let settled = false;
    const importing = t
      .gql(mutation, { f: { filename, contentBase64: content.toString('base64') } }, admin)
      .finally(() => (settled = true));
    const answers: { during: boolean; ms: number; id: unknown; idle: number }[] = [];
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the promise's callback
    while (!settled) {
      const asked = Date.now();
      const me = await t.gql<{ me: { id: string } }>('{ me { id } }', {}, admin);
      const idle = await idleInTransaction();
      answers.push({ during: !settled, ms: Date.now() - asked, id: me.data?.me.id, idle });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { result: await importing, ms: Date.now() - started, answers };
  }

  /** The import is refused with a message matching `message`, within seconds, and writes nothing. */
  async function refused(
    filename: string,
    content: Buffer,
    message: RegExp,
    options: { mutation?: string; slow?: boolean } = {},
  ): Promise<GqlResult> {
    const before = await written();
    const { result, ms, answers } = await whileImporting(filename, content, options.mutation);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(ms).toBeLessThan(30_000);
    expect(answers.every((a) => typeof a.id === 'string' && a.ms < 5_000)).toBe(true);
    // While the file is read no transaction is open, so nothing waits on one.
    expect(answers.every((a) => a.idle === 0)).toBe(true);
    // A file that takes a while to refuse shows the server answering before the import ended.
    if (options.slow) expect(answers.filter((a) => a.during).length).toBeGreaterThan(0);
    expect(await written()).toEqual(before);
    expect(await idleInTransaction()).toBe(0);
    return result;
  }

  it('refuses a truncated .xlsx as damaged, and answers the next request', async () => {
    const full = await excelFile([HEADER, ...Array.from({ length: 50 }, (_, i) => goodRow(i).split(','))]);
    const truncated = full.subarray(0, Math.min(3_500, full.length - 200));
    await refused('targets.xlsx', truncated, /damaged or incomplete.*zip directory is missing/);
    await refused('inspectors.xlsx', truncated, /damaged or incomplete/, { mutation: IMPORT_INSPECTORS });
    const { me } = await t.ok('{ me { id } }', {}, admin);
    expect(me.id).toBeTruthy();
  });

  it('refuses a 1 MB zip bomb holding a 1 GiB cell from its directory, before inflating', async () => {
    const bomb = bombSheet(1024);
    const file = workbook(bomb);
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
    await refused('bomb.xlsx', file, /compressed 1,0\d\d to 1 .*looks built to exhaust the server/);
  });

  it('refuses shared strings too large to read whole, though compressed no more than a real sheet', async () => {
    // 60 MB of shared strings at under 100 to 1: the ratio lets it through, the size of the part must not
    // (read whole, 200 MB of them exhausted the reading worker's heap and took the process down).
    const strings = [...HEADER, ...Array.from({ length: 1000 }, () => randomBytes(750).toString('base64'))];
    const file = workbook(xml(`${sheetStart}${sheetEnd}`), undefined, strings, 60 * 1024 * 1024);
    await refused(
      'strings.xlsx',
      file,
      /xl\/sharedStrings.xml in the .xlsx file unpacks to 60 MB, more than the 48 MB/,
    );
  });

  it('refuses a cell holding a NUL or another control character, naming its row and column', async () => {
    const nul = workbook(
      xml(
        `${sheetStart}<row r="2"><c r="A2" t="inlineStr"><is><t>公司\u0000名</t></is></c></row>${sheetEnd}`,
      ),
    );
    await refused('nul.xlsx', nul, /row 2, column 名称 a cell holds the control character U\+0000/);
    const bell = workbook(
      xml(`${sheetStart}<row r="2"><c r="A2" t="s"><v>${HEADER.length}</v></c></row>${sheetEnd}`),
      undefined,
      [...HEADER, '公司\u0007名'],
    );
    await refused('bell.xlsx', bell, /control character U\+0007/);
  });

  it('refuses a zip bomb whose directory understates its size, while inflating', async () => {
    // Claimed 20 MB unpacked, a ratio a real sheet may have: the inflating itself must stop it.
    const file = workbook(bombSheet(1024, true), 20 * 1024 * 1024);
    await refused('liar.xlsx', file, /unpacks to more than its zip directory states/);
  });

  it('refuses a CSV of a million junk rows at the row limit', async () => {
    const content = csv([HEADER.join(','), ...Array<string>(1_000_000).fill('x')]);
    expect(content.length).toBeLessThan(3 * 1024 * 1024);
    await refused(
      'million.csv',
      content,
      new RegExp(`more than ${IMPORT_ROWS_MAX.toLocaleString('en')} records`),
      {
        slow: true,
      },
    );
  });

  it('refuses an .xlsx of a million rows at the row limit', async () => {
    const rows: string[] = [];
    for (let r = 2; r <= 1_000_001; r++)
      rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>${HEADER.length}</v></c></row>`);
    const sheet = Buffer.from(xml(`${sheetStart}${rows.join('')}${sheetEnd}`));
    const file = workbook({ deflated: deflateRawSync(sheet, { level: 1 }), size: sheet.length }, undefined, [
      ...HEADER,
      'x',
    ]);
    await refused('million.xlsx', file, /more than 100,000 records/, { slow: true });
  });

  it('refuses a giant cell, naming its row, in .xlsx and in .csv', async () => {
    // Random text compresses about 2 to 1, so the ratio check lets it through to the cell limit.
    const giant = randomBytes(2_500_000).toString('hex');
    const sheet = Buffer.from(
      xml(`${sheetStart}<row r="2"><c r="A2" t="inlineStr"><is><t>${giant}</t></is></c></row>${sheetEnd}`),
    );
    await refused(
      'giant.xlsx',
      workbook({ deflated: deflateRawSync(sheet), size: sheet.length }),
      new RegExp(
        `row 2, column A a cell holds more than the ${IMPORT_CELL_MAX_CHARS.toLocaleString('en')} characters`,
      ),
    );
    await refused(
      'giant.csv',
      csv([HEADER.join(','), `${giant},${code(1)}`]),
      /row 2, column A a cell holds more than the 2,000 characters/,
    );
    // Just over the limit, in a sheet Excel could have written: the column is named by its header.
    const long = await excelFile([
      HEADER,
      ['名'.repeat(IMPORT_CELL_MAX_CHARS + 1), code(2), '企业', '尚店镇', 'B'],
    ]);
    await refused('long.xlsx', long, /row 2, column 名称 a cell holds 2,001 characters/);
  });

  it('refuses a file over the size limit, saying its size', async () => {
    const big = Buffer.alloc(IMPORT_FILE_MAX_BYTES + 1024 * 1024, 'x');
    await refused('big.csv', big, /big\.csv is 31 MB, larger than the 30 MB an import takes/);
  });

  it('refuses garbage bytes and wrong extensions, saying what the file is', async () => {
    const garbage = randomBytes(64 * 1024);
    garbage[0] = 0x50; // not by chance a zip
    await refused('targets.xlsx', garbage, /not a real \.xlsx file/);
    await refused('targets.csv', garbage, /not UTF-8 text/);
    const zipped = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(64 * 1024)]);
    await refused('targets.xlsx', zipped, /damaged or incomplete/);
    const real = await excelFile([HEADER, goodRow(3).split(',')]);
    await refused('targets.csv', real, /is a spreadsheet workbook, not CSV/);
    await refused('targets.pdf', Buffer.from('%PDF-1.7\n'), /neither \.xlsx nor \.csv/);
    await refused('targets.xls', real, /neither \.xlsx nor \.csv/);
  });

  it('stores formula cells as text and exports them as text, never as formulas', async () => {
    const injected = ['=HYPERLINK("http://example.invalid","点击")', '+1+1', '-2+3', '@SUM(1)', '\t=1+2'];
    const fromCsv = csv([
      HEADER.join(','),
      ...injected.slice(1).map((name, i) => [`"${name}"`, code(20 + i), '企业', '尚店镇', 'B'].join(',')),
    ]);
    expect(
      (
        await t.ok(
          IMPORT_TARGETS,
          { f: { filename: 'f.csv', contentBase64: fromCsv.toString('base64') } },
          admin,
        )
      ).importTargets,
    ).toMatchObject({ ok: true, imported: 4 });
    // In .xlsx: a formula Excel has not computed keeps its text; a computed one gives its value.
    const fromXlsx = await excelFile([
      HEADER,
      [{ formula: 'HYPERLINK("http://example.invalid","点击")' }, code(30), '企业', '尚店镇', 'B'],
      [{ formula: 'CONCAT("计算","公司")', result: '计算公司' }, code(31), '企业', '尚店镇', 'B'],
    ]);
    expect(
      (
        await t.ok(
          IMPORT_TARGETS,
          { f: { filename: 'f.xlsx', contentBase64: fromXlsx.toString('base64') } },
          admin,
        )
      ).importTargets,
    ).toMatchObject({ ok: true, imported: 2 });
    const stored = async (n: number) =>
      (
        await t.ok(
          'query($q: String!) { targets(filter: { q: $q }) { items { name } } }',
          { q: code(n) },
          admin,
        )
      ).targets.items[0]?.name;
    expect(await stored(30)).toBe(injected[0]);
    expect(await stored(31)).toBe('计算公司');
    expect(await Promise.all([20, 21, 22, 23].map(stored))).toEqual(injected.slice(1).map((s) => s.trim()));

    const { exportTargets } = await t.ok('{ exportTargets { contentBase64 } }', {}, admin);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exportTargets.contentBase64, 'base64') as never);
    const cells = new Map<string, ExcelJS.Cell>();
    book.worksheets[0]!.eachRow((row) => cells.set(row.getCell(2).text, row.getCell(1)));
    for (const [n, name] of [
      [30, injected[0]!],
      ...[20, 21, 22, 23].map((m, i) => [m, injected[i + 1]!.trim()] as const),
    ] as const) {
      const cell = cells.get(code(n))!;
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
    }
  });

  it(`runs ${IMPORTS_AT_ONCE} imports at once and refuses one more as busy, leaving no transaction open`, async () => {
    const before = await written();
    const sheet = (from: number) =>
      csv([
        HEADER.join(','),
        ...Array.from({ length: 3_000 }, (_, i) => goodRow(10_000 + from + i)),
      ]).toString('base64');
    const results = await Promise.all(
      Array.from({ length: IMPORTS_AT_ONCE + 1 }, (_, i) =>
        t.gql(IMPORT_TARGETS, { f: { filename: `batch${i}.csv`, contentBase64: sheet(i * 3_000) } }, admin),
      ),
    );
    const busy = results.filter((r) => errorCode(r) === 'BUSY');
    expect(busy).toHaveLength(1);
    expect(busy[0]!.errors?.[0]?.message).toMatch(/imports are already running.*try again in a minute/);
    const done = results.filter((r) => (r.data as any)?.importTargets?.ok === true);
    expect(done).toHaveLength(IMPORTS_AT_ONCE);
    const after = await written();
    expect(after.targets - before.targets).toBe(IMPORTS_AT_ONCE * 3_000);
    // Each import is one transaction that writes its trail entry.
    expect(after.trail - before.trail).toBe(IMPORTS_AT_ONCE);
    expect(await idleInTransaction()).toBe(0);
    // Once they are done, the next import runs.
    const next = await t.ok(
      IMPORT_TARGETS,
      { f: { filename: 'next.csv', contentBase64: sheet(99_000) } },
      admin,
    );
    expect(next.importTargets).toMatchObject({ ok: true, imported: 3_000 });
  });

  it('reads an unusual but honest workbook with exceljs, from a checked copy of it', async () => {
    // A comment is something the fast reader leaves to exceljs, which then reads the stored copy.
    const sheet = xml(
      `<!-- written by hand -->${sheetStart}<row r="2">${['导入公司40', code(40), '企业', '尚店镇', 'B']
        .map((v, i) => `<c r="${String.fromCharCode(65 + i)}2" t="inlineStr"><is><t>${v}</t></is></c>`)
        .join('')}</row>${sheetEnd}`,
    );
    const { importTargets: report } = await t.ok(
      IMPORT_TARGETS,
      { f: { filename: 'unusual.xlsx', contentBase64: workbook(sheet).toString('base64') } },
      admin,
    );
    expect(report).toMatchObject({ ok: true, imported: 1 });
  });

  it('lists the first problems of a sheet full of them, and counts them all', async () => {
    const content = csv([
      HEADER.join(','),
      ...Array.from({ length: 5_000 }, (_, i) => `公司${i},bad,企业,尚店镇,Q`),
    ]);
    const { importTargets: report } = await t.ok(
      IMPORT_TARGETS,
      { f: { filename: 'bad.csv', contentBase64: content.toString('base64') } },
      admin,
    );
    expect(report).toMatchObject({ ok: false, imported: 0, rows: 5_000, errorCount: 5_000 });
    expect(report.errors).toHaveLength(1_000);
    expect(report.errors[999].row).toBe(1_001);
  });
});

describe('the worker that reads a file', () => {
  const job = (rows: number) => ({
    registry: 'targets' as const,
    filename: 'many.csv',
    contentBase64: csv([HEADER.join(','), ...Array.from({ length: rows }, (_, i) => goodRow(i))]).toString(
      'base64',
    ),
    departments: [],
  });

  it('is stopped at its time limit, with an error that says so', async () => {
    const started = Date.now();
    await expect(parseInWorker(job(50_000), { timeoutMs: 200, heapMb: 256 })).rejects.toThrow(
      /took longer than 0.2 s, the most an import may take/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('is stopped at its heap limit, with an error that says so', async () => {
    await expect(parseInWorker(job(100_000), { timeoutMs: 60_000, heapMb: 8 })).rejects.toThrow(
      /needs more memory than an import may use \(8 MB\)/,
    );
  });

  it('reads a sheet within its limits', async () => {
    const parsed = await parseInWorker(job(1_000));
    expect(parsed).toMatchObject({ rows: 1_000, errorCount: 0 });
    expect(parsed.keys).toHaveLength(1_000);
  });
});
