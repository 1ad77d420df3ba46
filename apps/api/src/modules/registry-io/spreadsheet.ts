/**
 * Reading and writing the registries' spreadsheets (.xlsx and .csv) with exceljs. Reading streams the
 * sheet, so a 100,000-row file does not become a 100,000-row object tree.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { BadInputError } from '../../graphql/errors.js';

export type SheetFormat = 'xlsx' | 'csv';

export const MIME_TYPES: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** The format of an uploaded file, from its name and its first bytes. */
export function sheetFormat(filename: string, content: Buffer): SheetFormat {
  const lower = filename.toLowerCase();
  const zip = content.length >= 4 && content.readUInt32LE(0) === 0x04034b50;
  if (lower.endsWith('.xlsx')) {
    if (!zip) throw new BadInputError(`${filename} is not a real .xlsx file: save it again as Excel Workbook (.xlsx).`, 'file');
    return 'xlsx';
  }
  if (lower.endsWith('.csv')) {
    if (zip) throw new BadInputError(`${filename} is a spreadsheet workbook, not CSV: rename it to .xlsx or save it as CSV.`, 'file');
    return 'csv';
  }
  throw new BadInputError(`${filename} is neither .xlsx nor .csv: save the sheet in one of those formats.`, 'file');
}

/** Text of a cell as a person would read it; dates become YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result);
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
    yield* readCsv(content.toString('utf8').replace(/^\uFEFF/, ''));
    return;
  }
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

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
function* readCsv(text: string): Generator<SheetRow> {
  let row = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell.trim());
      yield { row, cells };
      row++;
      cells = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell.trim());
    yield { row, cells };
  }
}

export interface Column<T> {
  header: string;
  width?: number;
  value: (record: T) => string | number | null;
}

/** A workbook of one sheet with a header row. */
export async function writeSheet<T>(sheetName: string, columns: readonly Column<T>[], records: Iterable<T>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'suiji';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const record of records) sheet.addRow(columns.map((c) => c.value(record)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
