import ExcelJS from 'exceljs';
import { completeCreditCode } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startTestApp, type TestApp } from '../../test/harness.js';

const IMPORT_TARGETS =
  'mutation($f: FileInput!) { importTargets(file: $f) { ok imported rows errors { row column message hint } } }';
const IMPORT_INSPECTORS =
  'mutation($f: FileInput!) { importInspectors(file: $f) { ok imported rows errors { row column message hint } } }';
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

async function xlsx(rows: (string | number | Date)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('检查对象');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
const csv = (rows: string[][]) =>
  Buffer.from(
    '\uFEFF' +
      rows
        .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
        .join('\r\n'),
  ).toString('base64');
const code = (n: number) => completeCreditCode(`91410481MA${String(1000000 + n).slice(-7)}`);

describe('importing targets', () => {
  let t: TestApp;
  let admin: string;
  const total = async () => (await t.ok('{ targets { total } }', {}, admin)).targets.total as number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  it('writes nothing from a sheet with good and bad rows, and reports every bad row with its fix', async () => {
    const before = await total();
    const existing = (
      await t.ok('{ targets(page: { page: 1, perPage: 1 }) { items { creditCode } } }', {}, admin)
    ).targets.items[0].creditCode;
    const bad = code(3).slice(0, 17) + (code(3).endsWith('1') ? '2' : '1');
    const content = await xlsx([
      HEADER,
      ['好公司一', code(1), '企业', '王五', '舞钢市', '八台镇', '138', '新设立', 'B', '', '企业'],
      ['错代码公司', bad, '企业', '', '', '八台镇', '', '', 'B', '', ''],
      [
        '好公司二',
        code(2),
        'ENTERPRISE',
        '',
        '',
        '尚店镇',
        '',
        '',
        'A',
        '存续',
        '企业、办理建设工程规划许可证的单位和个人',
      ],
      ['未知类别', code(4), '外星企业', '', '', '尚店镇', '', '', 'B', '', ''],
      ['重复一', code(1), '企业', '', '', '尚店镇', '', '', 'B', '', ''],
      ['已存在', existing, '企业', '', '', '尚店镇', '', '', 'B', '', ''],
      ['', code(5), '企业', '', '', '', '', '', 'E', '', ''],
    ]);
    const { importTargets: report } = await t.ok(
      IMPORT_TARGETS,
      { f: { filename: '检查对象.xlsx', contentBase64: content } },
      admin,
    );
    expect(report.ok).toBe(false);
    expect(report.imported).toBe(0);
    expect(report.rows).toBe(7);
    const byRow = (row: number) => report.errors.filter((e: { row: number }) => e.row === row);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)[0]).toMatchObject({
      column: '统一社会信用代码',
      message: expect.stringMatching(/check character/),
    });
    expect(byRow(3)[0].hint).toBeTruthy();
    expect(byRow(5)[0]).toMatchObject({ column: '对象类别', message: expect.stringMatching(/外星企业/) });
    expect(byRow(6)[0]).toMatchObject({
      column: '统一社会信用代码',
      message: expect.stringMatching(/also in row 2/),
    });
    expect(byRow(7)[0]).toMatchObject({ message: expect.stringMatching(/already in the registry/) });
    expect(byRow(8).map((e: { column: string }) => e.column)).toEqual(
      expect.arrayContaining(['信用风险分类']),
    );
    expect(await total()).toBe(before);
  });

  it('reports bad rows in Chinese to a Chinese reader', async () => {
    const content = csv([HEADER.slice(0, 9), ['错代码公司', '123', '企业', '', '', '八台镇', '', '', 'Q']]);
    const result: any = await t.app.execute(
      { query: IMPORT_TARGETS, variables: { f: { filename: 'x.csv', contentBase64: content } } },
      `Bearer ${admin}`,
      'zh-CN',
    );
    const errors = result.data.importTargets.errors;
    expect(errors.map((e: { message: string }) => e.message)).toEqual(['“Q”不是有效的信用风险分类']);
    expect(errors[0].hint).toBe('应为 A、B、C 或 D。');
  });

  it('imports a good .xlsx sheet entirely', async () => {
    const before = await total();
    const rows = Array.from({ length: 50 }, (_, i) => [
      `批量公司${i}`,
      code(100 + i),
      '企业',
      '',
      '',
      '尚店镇',
      '',
      '',
      'C',
      '',
      '企业',
    ]);
    const { importTargets: report } = await t.ok(
      IMPORT_TARGETS,
      { f: { filename: 'targets.xlsx', contentBase64: await xlsx([HEADER, ...rows]) } },
      admin,
    );
    expect(report).toEqual({ ok: true, imported: 50, rows: 50, errors: [] });
    expect(await total()).toBe(before + 50);
    const one = await t.ok(
      'query($q: String!) { targets(filter: { q: $q }) { items { name riskClass region targetTypes status } } }',
      { q: code(107) },
      admin,
    );
    expect(one.targets.items).toEqual([
      { name: '批量公司7', riskClass: 'C', region: '尚店镇', targetTypes: ['企业'], status: 'ACTIVE' },
    ]);
  });

  it('imports a .csv sheet with English headers and quoted cells', async () => {
    const content = csv([
      ['name', 'creditCode', 'kind', 'region', 'riskClass', 'tags'],
      ['"引号"公司, 有限', code(200), 'UNIT', '铁山乡', 'D', '重点监管;投诉举报'],
    ]);
    const { importTargets: report } = await t.ok(
      IMPORT_TARGETS,
      { f: { filename: 'targets.csv', contentBase64: content } },
      admin,
    );
    expect(report).toMatchObject({ ok: true, imported: 1 });
    const one = await t.ok(
      'query($q: String!) { targets(filter: { q: $q }) { items { name kind tags } } }',
      { q: code(200) },
      admin,
    );
    expect(one.targets.items[0]).toEqual({
      name: '"引号"公司, 有限',
      kind: 'UNIT',
      tags: ['重点监管', '投诉举报'],
    });
  });

  it('names a missing column, and refuses a file that is not a sheet', async () => {
    const { importTargets: report } = await t.ok(
      IMPORT_TARGETS,
      {
        f: {
          filename: 't.csv',
          contentBase64: csv([
            ['名称', '所属区域'],
            ['某公司', '尚店镇'],
          ]),
        },
      },
      admin,
    );
    expect(report.ok).toBe(false);
    expect(report.errors.map((e: { column: string }) => e.column)).toEqual([
      '统一社会信用代码',
      '对象类别',
      '信用风险分类',
    ]);
    const pdf = await t.gql(
      IMPORT_TARGETS,
      { f: { filename: 'targets.pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') } },
      admin,
    );
    expect(errorCode(pdf)).toBe('BAD_USER_INPUT');
    expect(pdf.errors?.[0]?.message).toMatch(/neither .xlsx nor .csv/);
    const fake = await t.gql(
      IMPORT_TARGETS,
      { f: { filename: 'targets.xlsx', contentBase64: Buffer.from('not a zip').toString('base64') } },
      admin,
    );
    expect(fake.errors?.[0]?.message).toMatch(/not a real .xlsx/);
  });

  it('lets one of two racing imports with overlapping codes win entirely and the other write nothing', async () => {
    const before = await total();
    // Each file's last 200 codes are also in the other file: whichever loses has already inserted
    // 1,000 rows when it meets them, and must take those back.
    const sheet = (from: number) => {
      const numbers = [
        ...Array.from({ length: 1000 }, (_, i) => 5000 + from + i),
        ...Array.from({ length: 200 }, (_, i) => 9000 + i),
      ];
      return csv([
        HEADER,
        ...numbers.map((n) => [`竞争${n}`, code(n), '企业', '', '', '尚店镇', '', '', 'B', '', '']),
      ]);
    };
    const results = await Promise.all([
      t.gql(IMPORT_TARGETS, { f: { filename: 'a.csv', contentBase64: sheet(0) } }, admin),
      t.gql(IMPORT_TARGETS, { f: { filename: 'b.csv', contentBase64: sheet(1000) } }, admin),
    ]);
    const succeeded = results.filter((r) => (r.data as any)?.importTargets?.ok === true);
    expect(succeeded).toHaveLength(1);
    const loser = results.find((r) => r !== succeeded[0])!;
    expect(errorCode(loser) === 'CONFLICT' || (loser.data as any)?.importTargets?.ok === false).toBe(true);
    expect(await total()).toBe(before + 1200);
  });

  it('imports inspectors, resolving departments by code or name, and reports bad dates', async () => {
    const bad = csv([
      ['姓名', '所属部门', '执法证号', '证件生效日期', '证件有效期至', '业务专长'],
      ['李明', 'WG-ZRZY-ZFJC', 'IMP-001', '2024/1/5', '2028-12-31', '土地管理、测绘'],
      ['王芳', '舞钢市市场监督管理局', 'IMP-002', '2024-02-30', '2028-12-31', ''],
      ['赵强', '不存在的部门', 'IMP-003', '2024-01-01', '2023-12-31', ''],
    ]);
    const failed = (await t.ok(IMPORT_INSPECTORS, { f: { filename: 'i.csv', contentBase64: bad } }, admin))
      .importInspectors;
    expect(failed.ok).toBe(false);
    expect(failed.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '证件生效日期'],
      [4, '所属部门'],
    ]);
    const good = csv([
      ['姓名', '所属部门', '执法证号', '证件生效日期', '证件有效期至', '业务专长'],
      ['李明', 'WG-ZRZY-ZFJC', 'IMP-001', '2024/1/5', '2028-12-31', '土地管理、测绘'],
      ['王芳', '舞钢市市场监督管理局', 'IMP-002', '2024-02-28', '2028-12-31', ''],
    ]);
    expect(
      (await t.ok(IMPORT_INSPECTORS, { f: { filename: 'i.csv', contentBase64: good } }, admin))
        .importInspectors,
    ).toMatchObject({ ok: true, imported: 2 });
    const li = await t.ok(
      '{ inspectors(filter: { q: "IMP-001" }) { items { name certificateValidFrom expertise department { code } } } }',
      {},
      admin,
    );
    expect(li.inspectors.items).toEqual([
      {
        name: '李明',
        certificateValidFrom: '2024-01-05',
        expertise: ['土地管理', '测绘'],
        department: { code: 'WG-ZRZY-ZFJC' },
      },
    ]);
  });
});

describe('exporting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('exports the targets registry to an .xlsx that reads back', async () => {
    const admin = await t.login('admin');
    const { exportTargets: file } = await t.ok(
      '{ exportTargets(filter: { riskClass: D }) { filename mimeType contentBase64 } }',
      {},
      admin,
    );
    expect(file.filename).toMatch(/^targets-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    const sheet = workbook.worksheets[0]!;
    const expected = (await t.ok('{ targets(filter: { riskClass: D }) { total } }', {}, admin)).targets.total;
    expect(sheet.rowCount).toBe(expected + 1);
    expect(sheet.getRow(1).getCell(2).value).toBe('统一社会信用代码');
  });

  it('exports the public item list for anyone', async () => {
    const { exportItems: file } = await t.ok('{ exportItems(filter: { year: 2023 }) { contentBase64 } }');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(3).getCell(4).value).toBe('测绘资质单位检查');
    expect(sheet.getRow(3).getCell(9).value).toBe('不低于 30%');
  });
});
