/**
 * Reading and writing the registries' spreadsheets (.xlsx and .csv). Reading holds the file's bytes and
 * yields its rows one at a time (a reader of its own, exceljs's streaming reader for what it leaves), so a
 * 100,000-row file never becomes a 100,000-row object tree; it refuses what could exhaust the
 * process before it gets there: a damaged or truncated zip, an entry that unpacks to more than an
 * import may hold or is compressed like a zip bomb (checked in the zip directory, and again while
 * inflating, since the directory can lie), and a cell longer than any field. The import runs this in
 * a worker thread with a time and heap limit; exceljs is loaded only where it is used.
 */
import { present } from '../../invariant.js';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { IMPORT_CELL_MAX_CHARS, text, type Text } from '@suiji/domain';
import { writeZip } from './zip-writer.js';

export type SheetFormat = 'xlsx' | 'csv';

export const MIME_TYPES: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** A file the import refuses, with what is wrong and how to fix it. */
export class BadSheetError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** The worksheets of an .xlsx. */
const SHEET_PATH = /xl\/worksheets\/sheet\d+[.]xml/;

/** The parts an import reads (the XML ones); the others are never inflated. */
const READ_PART = /[.](xml|rels)$/i;

/** The most an .xlsx may unpack to, all its entries together; 100,000 registry rows are about 60 MB. */
const XLSX_UNPACKED_MAX_BYTES = 128 * 1024 * 1024;

/**
 * The most any entry but a worksheet may unpack to. The shared strings are read whole, as one text and
 * an array of strings: a larger part would not fit the reading worker's heap (which, overrun by one
 * growing array, can take the whole process down rather than just the worker).
 */
const XLSX_PART_MAX_BYTES = 48 * 1024 * 1024;

/**
 * The most an entry larger than ZIP_RATIO_GRACE_BYTES may be compressed (its size over its compressed
 * size): sheets stay far below it (about 8 to 1 for the registries' sheets), zip bombs reach 1,000 to 1.
 */
const ZIP_RATIO_MAX = 100;
const ZIP_RATIO_GRACE_BYTES = 1024 * 1024;

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en')} MB`;

/** Where a cell is, for a message: its row and column when known, in both languages. */
function cellPlace(row: number | undefined, column: string | undefined): Text {
  return text(
    `${row ? `row ${row}` : 'a row'}${column ? `, column ${column}` : ''}`,
    `${row ? `第 ${row} 行` : '某行'}${column ? `“${column}”列` : ''}`,
  );
}

/** The error for a cell longer than any field may be. */
export function cellTooLong(
  row: number | undefined,
  column: string | undefined,
  length?: number,
): BadSheetError {
  const { en: where, 'zh-CN': whereZh } = cellPlace(row, column);
  const size = length === undefined ? 'more than' : `${length.toLocaleString('en')} characters, more than`;
  return new BadSheetError(
    text(
      `In ${where} a cell holds ${size} the ${IMPORT_CELL_MAX_CHARS.toLocaleString('en')} characters a cell may hold: shorten it (no field is longer).`,
      `${whereZh}的单元格超过 ${IMPORT_CELL_MAX_CHARS} 个字符的上限${length === undefined ? '' : `（${length} 个字符）`}：请缩短内容（没有字段会更长）。`,
    ),
  );
}

/**
 * The error for a cell holding a control character that no text field may hold (NUL and the other C0
 * controls but tab and line ends): PostgreSQL refuses NUL in text, and none belongs in a registry.
 */
export function cellHasControl(
  row: number | undefined,
  column: string | undefined,
  code: number,
): BadSheetError {
  const { en: where, 'zh-CN': whereZh } = cellPlace(row, column);
  const char = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return new BadSheetError(
    text(
      `In ${where} a cell holds the control character ${char}, which no field may hold: delete it (it is invisible in Excel; retype the cell).`,
      `${whereZh}的单元格含有控制字符 ${char}，任何字段都不能包含：请删除（它在 Excel 中不可见，可重新输入该单元格）。`,
    ),
  );
}

// eslint-disable-next-line no-control-regex -- the characters refused are control characters
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** The first control character of `cell` that no field may hold, as a code point, or -1. */
export function controlIn(cell: string): number {
  const match = CONTROL.exec(cell);
  return match ? match[0].charCodeAt(0) : -1;
}

/** The format of an uploaded file, from its name and its first bytes. */
export function sheetFormat(filename: string, content: Buffer): SheetFormat {
  const lower = filename.toLowerCase();
  const zip = content.length >= 4 && content.readUInt32LE(0) === 0x04034b50;
  if (lower.endsWith('.xlsx')) {
    if (!zip)
      throw new BadSheetError(
        text(
          `${filename} is not a real .xlsx file: save it again as Excel Workbook (.xlsx), without a password.`,
          `${filename} 不是有效的 .xlsx 文件：请另存为 Excel 工作簿（.xlsx），不要设置密码。`,
        ),
      );
    return 'xlsx';
  }
  if (lower.endsWith('.csv')) {
    if (zip)
      throw new BadSheetError(
        text(
          `${filename} is a spreadsheet workbook, not CSV: rename it to .xlsx or save it as CSV.`,
          `${filename} 是 Excel 工作簿而不是 CSV：请改名为 .xlsx 或另存为 CSV。`,
        ),
      );
    return 'csv';
  }
  throw new BadSheetError(
    text(
      `${filename} is neither .xlsx nor .csv: save the sheet in one of those formats.`,
      `${filename} 既不是 .xlsx 也不是 .csv：请另存为其中一种格式。`,
    ),
  );
}

/** The text of a CSV file, which must be UTF-8 (Excel: "CSV UTF-8"). */
function csvText(content: Buffer): string {
  let decoded: string | null = null;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    // not UTF-8: refused below
  }
  if (decoded === null || decoded.includes('\0'))
    throw new BadSheetError(
      text(
        'The .csv file is not UTF-8 text: in Excel choose Save As, "CSV UTF-8 (Comma delimited)", or upload the .xlsx.',
        '该 .csv 文件不是 UTF-8 文本：请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 文件。',
      ),
    );
  return decoded;
}

/** Text of a cell as a person would read it; dates become YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value && value.result !== undefined) return cellText(value.result);
    // A formula Excel has not computed is kept as its text, never evaluated.
    if ('formula' in value && value.formula) return `=${value.formula}`;
    return '';
  }
  return String(value).trim();
}

/** A parsed row: its 1-based row number in the sheet and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** The rows of the first sheet, header first. */
export async function* readSheet(format: SheetFormat, content: Buffer): AsyncGenerator<SheetRow> {
  if (format === 'csv') {
    yield* readCsv(csvText(content));
    return;
  }
  const entries = zipEntries(content);
  checkSizes(entries);
  // The fast reader yields exactly what exceljs's streaming reader would; whatever it does not handle
  // (CDATA, unknown entities, odd cell references, no shared strings...) goes to exceljs, skipping the
  // rows already yielded.
  let yielded = 0;
  const fast = await openXlsx(content, entries);
  if (fast) {
    try {
      for await (const row of fast) {
        yield row;
        yielded++;
      }
      return;
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
    }
  }
  let skip = yielded;
  for await (const row of readSheetWithExcelJs(storedCopy(content, entries))) {
    if (skip > 0) skip--;
    else yield row;
  }
}

/** Reads with exceljs a zip whose entries are all stored, so that exceljs inflates nothing unchecked. */
async function* readSheetWithExcelJs(content: Buffer): AsyncGenerator<SheetRow> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      yield { row: row.number, cells };
    }
    return;
  }
}

// ---------------------------------------------------------------------------------------------------
// Fast .xlsx reading: the zip's central directory, zlib, and a small XML tokenizer that replays the
// events exceljs's streaming reader acts on, with the same rules (styles and workbook properties are
// parsed by exceljs's own classes). About ten times faster than the exceljs stream, far less garbage.

/** Thrown when the fast reader meets something it leaves to exceljs. */
class Unsupported extends Error {}

const require = createRequire(import.meta.url);
// exceljs's internals, so that number formats, dates and entity decoding follow exactly its rules.
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as new () => {
  init(): void;
  parseStream(stream: Readable): Promise<unknown>;
  getStyleModel(id: number): { numFmt?: string } | null;
};
const WorkbookXform = require('exceljs/lib/xlsx/xform/book/workbook-xform.js') as new () => {
  parseStream(stream: Readable): Promise<unknown>;
  map: { workbookPr?: { model?: { date1904?: boolean } } };
};
const excelUtils = require('exceljs/lib/utils/utils.js') as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(value: number, date1904: boolean | undefined): Date;
  xmlDecode(text: string): string;
};

interface ZipEntry {
  name: string;
  method: number;
  offset: number;
  compressedSize: number;
  /** As the zip directory states it; inflating never yields more. */
  size: number;
}

function damaged(detail: string, detailZh: string): BadSheetError {
  return new BadSheetError(
    text(
      `The .xlsx file is damaged or incomplete (${detail}); it may have been cut off while being copied or downloaded. Open it in Excel, save it again and upload the whole file.`,
      `该 .xlsx 文件已损坏或不完整（${detailZh}），可能在复制或下载时被截断。请用 Excel 打开并重新保存后，上传完整的文件。`,
    ),
  );
}

/** The entries of a zip held in memory, in file order, from its central directory. */
function zipEntries(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw damaged('its zip directory is missing', '缺少压缩包目录');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw unreadable('zip64', 'ZIP64');
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50)
      throw damaged('its zip directory is cut short', '压缩包目录不完整');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 1) throw unreadable('a password', '密码');
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
      throw unreadable('zip64', 'ZIP64');
    if (method !== 0 && method !== 8) throw unreadable(`compression method ${method}`, `压缩方式 ${method}`);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50)
      throw damaged(`${name} is missing`, `缺少 ${name}`);
    const offset = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (offset + compressedSize > zip.length) throw damaged(`${name} is cut short`, `${name} 不完整`);
    entries.push({ name, method, offset, compressedSize, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries.sort((a, b) => a.offset - b.offset);
}

function unreadable(feature: string, featureZh: string): BadSheetError {
  return new BadSheetError(
    text(
      `The .xlsx file uses ${feature}, which an import cannot read: save it again in Excel as Excel Workbook (.xlsx), without a password.`,
      `该 .xlsx 文件使用了${featureZh}，导入无法读取：请在 Excel 中另存为 Excel 工作簿（.xlsx），不要设置密码。`,
    ),
  );
}

/** Refuses, from the zip directory and before inflating anything, a file that unpacks to too much. */
function checkSizes(entries: readonly ZipEntry[]): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    // Pictures and embedded files are never read, only counted in the total.
    if (READ_PART.test(entry.name) && !SHEET_PATH.test(entry.name) && entry.size > XLSX_PART_MAX_BYTES)
      throw new BadSheetError(
        text(
          `${entry.name} in the .xlsx file unpacks to ${megabytes(entry.size)}, more than the ${megabytes(XLSX_PART_MAX_BYTES)} an import reads of any part but a sheet (100,000 registry rows need about 20 MB): save the sheet again from Excel with only the registry's rows, or split the file.`,
          `.xlsx 文件中的 ${entry.name} 解压后为 ${megabytes(entry.size)}，超过导入对工作表以外部分可读取的 ${megabytes(XLSX_PART_MAX_BYTES)}（10 万行名录数据约需 20 MB）：请用 Excel 重新保存，只保留名录数据行，或拆分文件。`,
        ),
      );
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > ZIP_RATIO_GRACE_BYTES && ratio > ZIP_RATIO_MAX)
      throw new BadSheetError(
        text(
          `${entry.name} in the .xlsx file is compressed ${Math.round(ratio).toLocaleString('en')} to 1 (${megabytes(entry.size)} unpacked), far more than any real sheet (at most ${ZIP_RATIO_MAX} to 1): the file looks built to exhaust the server, so it is refused. Save the sheet again from Excel with only the registry's rows.`,
          `.xlsx 文件中的 ${entry.name} 压缩比为 ${Math.round(ratio)} 比 1（解压后 ${megabytes(entry.size)}），远超正常表格（至多 ${ZIP_RATIO_MAX} 比 1）：该文件疑似用于耗尽服务器资源，已拒绝。请用 Excel 重新保存，只保留名录数据行。`,
        ),
      );
  }
  if (total > XLSX_UNPACKED_MAX_BYTES)
    throw new BadSheetError(
      text(
        `The .xlsx file unpacks to ${megabytes(total)}, more than the ${megabytes(XLSX_UNPACKED_MAX_BYTES)} an import may read (100,000 registry rows take about 60 MB): remove other sheets, pictures and unused formatted rows, or split the file.`,
        `该 .xlsx 文件解压后为 ${megabytes(total)}，超过导入可读取的 ${megabytes(XLSX_UNPACKED_MAX_BYTES)}（10 万行名录数据约 60 MB）：请删除其他工作表、图片和多余的带格式空行，或拆分文件。`,
      ),
    );
}

/** The directory lied about an entry's size: the inflated data is larger than stated. */
function largerThanStated(entry: ZipEntry): BadSheetError {
  return damaged(
    `${entry.name} unpacks to more than its zip directory states`,
    `${entry.name} 解压后大于压缩包目录所记载的大小`,
  );
}

/** An entry's data, inflated to at most the size its directory states. */
function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const data = zip.subarray(entry.offset, entry.offset + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > entry.size) throw largerThanStated(entry);
    return data;
  }
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw largerThanStated(entry);
    throw damaged(`${entry.name} cannot be unpacked`, `${entry.name} 无法解压`);
  }
}

/** An entry's text, inflated as it is read, to at most the size its directory states. */
async function* entryText(zip: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const data = zip.subarray(entry.offset, entry.offset + entry.compressedSize);
  const decoder = new StringDecoder('utf8');
  const chunks =
    entry.method === 0
      ? Readable.from([data])
      : Readable.from([data]).pipe(createInflateRaw({ chunkSize: 1 << 20 }));
  let bytes = 0;
  try {
    for await (const chunk of chunks) {
      bytes += (chunk as Buffer).length;
      if (bytes > entry.size) throw largerThanStated(entry);
      yield decoder.write(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof BadSheetError) throw error;
    throw damaged(`${entry.name} cannot be unpacked`, `${entry.name} 无法解压`);
  } finally {
    chunks.destroy();
  }
  yield decoder.end();
}

/**
 * The same workbook with every entry stored uncompressed, for exceljs: it inflates entries as their
 * local headers say, unchecked, so it gets only what the checked reads above produced.
 */
function storedCopy(zip: Buffer, all: readonly ZipEntry[]): Buffer {
  // exceljs reads the XML parts only: pictures and embedded files are neither inflated nor copied.
  const entries = all.filter((e) => READ_PART.test(e.name));
  return writeZip(
    entries.map((entry) => {
      const data = entryData(zip, entry);
      return { name: entry.name, data, method: 0, size: data.length, crc: crc32(data) };
    }),
  );
}

/** A reader of the first sheet that exceljs would emit, or null to leave the file to exceljs. */
async function openXlsx(zip: Buffer, entries: readonly ZipEntry[]): Promise<AsyncIterable<SheetRow> | null> {
  const find = (name: string) => entries.findIndex((e) => e.name === name);
  const sst = find('xl/sharedStrings.xml');
  const rels = find('xl/_rels/workbook.xml.rels');
  const book = find('xl/workbook.xml');
  const stylesAt = find('xl/styles.xml');
  if (sst < 0 || rels < 0 || book < 0) return null;
  const sheets = entries.map((e, i) => (SHEET_PATH.test(e.name) ? i : -1)).filter((i) => i >= 0);
  if (sheets.length === 0) return (async function* () {})();
  // exceljs reads a sheet at once when the shared strings and the relationships came before it, and
  // otherwise buffers it and reads it at the end; it emits the first sheet it reads, with the styles
  // and workbook properties it has seen by then.
  const direct = sheets.find((i) => i > sst && i > rels);
  const sheet = direct ?? present(sheets[0], 'a worksheet');
  const seen = (i: number) => i >= 0 && (direct === undefined || i < sheet);
  try {
    const styles = new StylesXform();
    if (seen(stylesAt))
      await styles.parseStream(Readable.from([entryData(zip, present(entries[stylesAt], 'the styles'))]));
    else styles.init();
    let date1904: boolean | undefined;
    let hasProperties = false;
    if (seen(book)) {
      const workbook = new WorkbookXform();
      await workbook.parseStream(Readable.from([entryData(zip, present(entries[book], 'the workbook'))]));
      hasProperties = workbook.map.workbookPr !== undefined;
      date1904 = workbook.map.workbookPr?.model?.date1904;
    }
    if (!hasProperties) return null;
    const strings = sharedStrings(
      entryData(zip, present(entries[sst], 'the shared strings')).toString('utf8'),
    );
    return sheetRows(entryText(zip, present(entries[sheet], 'the worksheet')), strings, styles, date1904);
  } catch (error) {
    if (error instanceof BadSheetError) throw error;
    // Whatever else fails here fails the same way (or not at all) in exceljs, which then reports it.
    return null;
  }
}

/** Text with the XML entities decoded and line ends normalised, as saxes reports it. */
function xmlText(raw: string): string {
  let text = raw;
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&([^;&]*);?/g, (match, name: string) => {
    if (!match.endsWith(';')) throw new Unsupported('bare ampersand');
    switch (name) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = name.startsWith('#x')
      ? parseInt(name.slice(2), 16)
      : name.startsWith('#')
        ? parseInt(name.slice(1), 10)
        : NaN;
    if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || !/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(name))
      throw new Unsupported(`entity &${name};`);
    return String.fromCodePoint(code);
  });
}

/** Calls `open`, `text` and `close` for the tags and texts of `xml` before `end`; returns where it stopped. */
function tokenize(
  xml: string,
  end: number,
  open: (name: string, xml: string, attributesAt: number, tagEnd: number) => void,
  text: (xml: string, from: number, to: number) => void,
  close: (name: string) => void,
): void {
  let at = 0;
  while (at < end) {
    const lt = xml.indexOf('<', at);
    if (lt < 0 || lt >= end) {
      if (at < end) text(xml, at, end);
      return;
    }
    if (lt > at) text(xml, at, lt);
    const first = xml.charCodeAt(lt + 1);
    if (first === 63 /* ? */) {
      const stop = xml.indexOf('?>', lt);
      if (stop < 0 || stop >= end) throw new Unsupported('processing instruction');
      at = stop + 2;
      continue;
    }
    if (first === 33 /* ! */) throw new Unsupported('comment, CDATA or doctype');
    const gt = xml.indexOf('>', lt);
    if (gt < 0 || gt >= end) throw new Unsupported('unterminated tag');
    if (first === 47 /* / */) {
      close(xml.slice(lt + 2, gt).trimEnd());
    } else {
      let nameEnd = lt + 1;
      for (;;) {
        const c = xml.charCodeAt(nameEnd);
        if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13) break;
        nameEnd++;
      }
      const name = xml.slice(lt + 1, nameEnd);
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      let quoted = false;
      for (let i = nameEnd; i < gt; i++) {
        const c = xml.charCodeAt(i);
        if (c === 34 || c === 39) {
          quoted = true;
          break;
        }
      }
      if (quoted) {
        // A quoted attribute value may hold '>': find the real end of the tag.
        const real = tagEnd(xml, nameEnd, end);
        open(name, xml, nameEnd, real);
        if (xml.charCodeAt(real - 1) === 47) close(name);
        at = real + 1;
        continue;
      }
      open(name, xml, nameEnd, gt);
      if (selfClosing) close(name);
    }
    at = gt + 1;
  }
}

function tagEnd(xml: string, from: number, end: number): number {
  let quote = 0;
  for (let i = from; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  throw new Unsupported('unterminated tag');
}

/** The value of attribute `name` of the tag whose attributes run from `from` to `to`, or undefined. */
function attribute(xml: string, from: number, to: number, name: string): string | undefined {
  let at = from;
  for (;;) {
    const found = xml.indexOf(name, at);
    if (found < 0 || found >= to) return undefined;
    const before = xml.charCodeAt(found - 1);
    let i = found + name.length;
    while (xml.charCodeAt(i) === 32) i++;
    if (
      (before === 32 || before === 9 || before === 10 || before === 13) &&
      xml.charCodeAt(i) === 61 /* = */
    ) {
      i++;
      while (xml.charCodeAt(i) === 32) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 34 && quote !== 39) throw new Unsupported('attribute');
      const close = xml.indexOf(String.fromCharCode(quote), i + 1);
      if (close < 0 || close > to) throw new Unsupported('attribute');
      return xmlText(xml.slice(i + 1, close)).replace(/[\t\n]/g, ' ');
    }
    at = found + name.length;
  }
}

/** The r, s and t attributes of a <c> tag, in one pass over its attributes. */
function cellTag(
  xml: string,
  from: number,
  to: number,
): { ref: string | undefined; s: number; t: string | undefined } {
  let ref: string | undefined;
  let s: string | undefined;
  let t: string | undefined;
  let i = from;
  while (i < to) {
    let c = xml.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < to && (c = xml.charCodeAt(i)) !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) i++;
    const nameEnd = i;
    while (i < to && xml.charCodeAt(i) !== 61) i++;
    i++;
    while (i < to && ((c = xml.charCodeAt(i)) === 32 || c === 9 || c === 10 || c === 13)) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== 34 && quote !== 39) throw new Unsupported('attribute');
    const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0 || close > to) throw new Unsupported('attribute');
    if (nameEnd - nameStart === 1) {
      const raw = xml.slice(i + 1, close);
      const value =
        raw.indexOf('&') < 0 && !/[\t\n\r]/.test(raw) ? raw : xmlText(raw).replace(/[\t\n]/g, ' ');
      const n = xml.charCodeAt(nameStart);
      if (n === 114 /* r */) ref = value;
      else if (n === 115 /* s */) s = value;
      else if (n === 116 /* t */) t = value;
    }
    i = close + 1;
  }
  return { ref, s: parseInt(s ?? '', 10), t };
}

type RichText = { richText: { text: string | null }[] };

/** The shared strings as exceljs caches them: text, or rich text of runs. */
function sharedStrings(xml: string): (string | null | RichText)[] {
  const strings: (string | null | RichText)[] = [];
  let text: string | null = null;
  let richText: { text: string | null }[] = [];
  tokenize(
    xml,
    xml.length,
    (name) => {
      if (name === 'si') {
        richText = [];
        text = null;
      } else if (name === 't') text = null;
      else if (name === 'rPh') throw new Unsupported('phonetic runs');
    },
    (xml, from, to) => {
      const value = xmlText(xml.slice(from, to));
      text = text ? text + value : value;
    },
    (name) => {
      if (name === 'r') {
        richText.push({ text });
        text = null;
      } else if (name === 'si') {
        strings.push(richText.length ? { richText } : text);
        richText = [];
        text = null;
      }
    },
  );
  return strings;
}

/** The column number of a cell reference, as exceljs's colCache.decodeAddress computes it. */
function columnOf(ref: string | undefined): number {
  if (ref === undefined) throw new Unsupported('cell without reference');
  let col = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (!hasRow && c >= 65 && c <= 90) {
      hasCol = true;
      col = col * 26 + c - 64;
    } else if (c >= 48 && c <= 57) hasRow = true;
    else if (hasRow && hasCol && c !== 36) break;
  }
  if (!hasCol || col > 16384) throw new Unsupported(`cell reference ${ref}`);
  return col;
}

type Styles = InstanceType<typeof StylesXform>;

/** More than a tag and a cell of IMPORT_CELL_MAX_CHARS characters, each written as an entity, can take. */
const PENDING_MAX_CHARS = 64 * 1024;

/** The rows of a sheet's XML, replaying exceljs's WorksheetReader on each tag and text. */
async function* sheetRows(
  chunks: AsyncIterable<string>,
  strings: (string | null | RichText)[],
  styles: Styles,
  date1904: boolean | undefined,
): AsyncGenerator<SheetRow> {
  let inRows = false;
  let row: { number: number; numFmt: string | undefined; values: ExcelJS.CellValue[] } | null = null;
  let c: {
    ref: string | undefined;
    s: number;
    t: string | undefined;
    f?: { text: string };
    v?: { text: string };
  } | null = null;
  let current: { text: string } | null = null;
  let done: SheetRow[] = [];
  const onOpen = (name: string, xml: string, from: number, to: number) => {
    switch (name) {
      case 'sheetData':
        inRows = true;
        break;
      case 'row':
        if (inRows) {
          const s = attribute(xml, from, to, 's');
          row = {
            number: parseInt(attribute(xml, from, to, 'r') ?? '', 10),
            numFmt: s ? styles.getStyleModel(parseInt(s, 10))?.numFmt : undefined,
            values: [],
          };
        }
        break;
      case 'c':
        if (row) c = cellTag(xml, from, to);
        break;
      case 'f':
        if (c) current = c.f = { text: '' };
        break;
      case 'v':
      case 'is':
      case 't':
        if (c) current = c.v = { text: '' };
        break;
    }
  };
  const tooLong = () => cellTooLong(row?.number, c?.ref?.replace(/[0-9$]/g, ''));
  const onText = (xml: string, from: number, to: number) => {
    if (!current) return;
    current.text += xmlText(xml.slice(from, to));
    if (current.text.length > IMPORT_CELL_MAX_CHARS) throw tooLong();
  };
  const onClose = (name: string) => {
    if (name === 'sheetData') inRows = false;
    else if (name === 'row') {
      if (!row) throw new Unsupported('row end without row');
      const values = row.values;
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      done.push({ row: row.number, cells });
      row = null;
    } else if (name === 'c' && row && c) {
      const col = columnOf(c.ref);
      let numFmt = row.numFmt;
      if (c.s) {
        const style = styles.getStyleModel(c.s);
        if (style) numFmt = style.numFmt;
      }
      let value: ExcelJS.CellValue | undefined;
      let set = true;
      if (c.f) {
        const result = c.v
          ? c.t === 'str'
            ? excelUtils.xmlDecode(c.v.text)
            : parseFloat(c.v.text)
          : undefined;
        if (c.f.text) value = result ? { formula: c.f.text, result } : { formula: c.f.text };
        else value = c.v ? { formula: '', result } : { formula: '' };
      } else if (c.v) {
        switch (c.t) {
          case 's':
            value = strings[parseInt(c.v.text, 10)] as ExcelJS.CellValue;
            break;
          case 'inlineStr':
          case 'str':
            value = excelUtils.xmlDecode(c.v.text);
            break;
          case 'e':
            value = { error: c.v.text } as unknown as ExcelJS.CellValue;
            break;
          case 'b':
            value = parseInt(c.v.text, 10) !== 0;
            break;
          default:
            value = excelUtils.isDateFmt(numFmt)
              ? excelUtils.excelToDate(parseFloat(c.v.text), date1904)
              : parseFloat(c.v.text);
        }
      } else set = false;
      if (set) {
        if (value === null || value === undefined) (row.values as unknown[])[col] = undefined;
        else row.values[col] = value;
        const values = row.values;
        // A cleared last cell shortens the row, as exceljs's Row.values leaves it out.
        while (values.length > 1 && values[values.length - 1] === undefined) values.length--;
      }
      c = null;
    }
  };
  let pending = '';
  for await (const chunk of chunks) {
    const xml = pending + chunk;
    // Tags end before the next '<': everything up to the last one is complete.
    const last = xml.lastIndexOf('<');
    if (last < 0) {
      pending = xml;
      continue;
    }
    tokenize(xml, last, onOpen, onText, onClose);
    pending = xml.slice(last);
    // What follows the last '<' is one tag and the text after it; were it to grow without end, each
    // chunk would copy it again. Within the cell limit it stays far below this.
    if (pending.length > PENDING_MAX_CHARS) throw tooLong();
    if (done.length > 0) {
      const rows = done;
      done = [];
      yield* rows;
    }
  }
  tokenize(pending, pending.length, onOpen, onText, onClose);
  yield* done;
}

/** The letters Excel shows for column `n` (1-based). */
function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** Excel's widest sheet; a CSV row with more cells is not a registry. */
const CSV_COLUMNS_MAX = 16_384;

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
function* readCsv(csv: string): Generator<SheetRow> {
  let row = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  const push = () => {
    if (cells.length === CSV_COLUMNS_MAX)
      throw new BadSheetError(
        text(
          `Row ${row} of the .csv file has more than ${CSV_COLUMNS_MAX.toLocaleString('en')} cells: it is not a registry sheet. Upload the sheet made from the import template.`,
          `该 .csv 文件第 ${row} 行超过 ${CSV_COLUMNS_MAX} 个单元格，不是名录表格。请上传按导入模板填写的表格。`,
        ),
      );
    cells.push(cell.trim());
    cell = '';
  };
  for (let i = 0; i < csv.length; i++) {
    const ch = csv.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (csv[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') push();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      push();
      yield { row, cells };
      row++;
      cells = [];
    } else cell += ch;
    if (cell.length > IMPORT_CELL_MAX_CHARS) throw cellTooLong(row, columnLetters(cells.length + 1));
  }
  if (cell !== '' || cells.length > 0) {
    push();
    yield { row, cells };
  }
}

export interface Column<T> {
  header: string;
  width?: number;
  value: (record: T) => string | number | null;
}

/**
 * A workbook of one sheet with a header row. Text is written as string cells, never as formulas, so a
 * value such as "=HYPERLINK(…)" taken from an import stays text when the file is opened in Excel.
 */
export async function writeSheet<T>(
  sheetName: string,
  columns: readonly Column<T>[],
  records: Iterable<T>,
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'suiji';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) sheet.addRow(columns.map((c) => c.value(record)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
