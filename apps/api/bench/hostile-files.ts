/**
 * Hostile spreadsheets, made on the spot: what a careless or malicious user could upload to an import.
 * Each returns the file's bytes; none is read from disk.
 */
import { crc32, createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { writeZip } from '../dist/modules/registry-io/zip-writer.js';

interface ZipEntry {
  name: string;
  /** The entry's bytes as stored (raw deflate), their uncompressed size and CRC-32. */
  deflated: Buffer;
  size: number;
  crc: number;
}

/** Raw-deflates `parts` (strings, or a chunk repeated `times`) as a stream, so nothing large is held. */
async function deflate(
  parts: (string | { chunk: Buffer; times: number })[],
): Promise<Omit<ZipEntry, 'name'>> {
  const stream = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  stream.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  let size = 0;
  let crc = 0;
  const write = async (b: Buffer) => {
    size += b.length;
    crc = crc32(b, crc);
    if (!stream.write(b)) await new Promise((r) => stream.once('drain', r));
  };
  for (const part of parts) {
    if (typeof part === 'string') await write(Buffer.from(part));
    else for (let i = 0; i < part.times; i++) await write(part.chunk);
  }
  stream.end();
  await ended;
  return { deflated: Buffer.concat(out), size, crc };
}

/** A zip archive of deflated entries. */
function zip(entries: ZipEntry[]): Buffer {
  return writeZip(
    entries.map((e) => ({ name: e.name, data: e.deflated, method: 8, size: e.size, crc: e.crc })),
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

async function entry(name: string, parts: Parameters<typeof deflate>[0]): Promise<ZipEntry> {
  return { name, ...(await deflate(parts)) };
}

/**
 * A zip bomb: an .xlsx of about a megabyte whose only cell, A2, holds `cellBytes` of the letter A
 * (1 GiB by default: the sheet inflates a thousand times over).
 */
export async function zipBombXlsx(cellBytes = 1024 * 1024 * 1024): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 'A');
  const sheet = await entry('xl/worksheets/sheet1.xml', [
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>',
    { chunk, times: Math.ceil(cellBytes / chunk.length) },
    '</t></is></c></row></sheetData></worksheet>',
  ]);
  return zip([
    await entry('[Content_Types].xml', [CONTENT_TYPES]),
    await entry('_rels/.rels', [RELS]),
    await entry('xl/workbook.xml', [WORKBOOK]),
    await entry('xl/_rels/workbook.xml.rels', [WORKBOOK_RELS]),
    sheet,
  ]);
}

/** A well-formed .xlsx of `rows` cut to its first `bytes` bytes, as an interrupted upload leaves it. */
export async function truncatedXlsx(rows: string[][], bytes = 3500): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('检查对象');
  for (const row of rows) sheet.addRow(row);
  const whole = Buffer.from(await workbook.xlsx.writeBuffer());
  return whole.subarray(0, Math.min(bytes, whole.length - 1));
}

/** A CSV of `rows` junk rows under `header` (a million rows is about 2 MB). */
export function junkRowsCsv(header: string[], rows = 1_000_000): Buffer {
  return Buffer.concat([Buffer.from(`${header.join(',')}\n`), Buffer.alloc(rows * 2, 'x\n')]);
}

/** A CSV whose second row's first cell holds `cellBytes` characters. */
export function giantCellCsv(header: string[], cellBytes = 10 * 1024 * 1024): Buffer {
  return Buffer.concat([
    Buffer.from(`${header.join(',')}\n`),
    Buffer.alloc(cellBytes, 'y'),
    Buffer.from('\n'),
  ]);
}
