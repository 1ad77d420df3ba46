/**
 * The import page in a real browser: it states the import's limits, refuses a file over the size limit
 * before sending it, shows the API's clear refusal of a damaged file, and imports a good one.
 */
import { completeCreditCode } from '@suiji/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, login, SERIOUS, shot, startHarness, type Harness } from './harness';

describe('the import page in a browser', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  it('states the limits, refuses a file too large before sending it, and reports a damaged file clearly', async () => {
    const { base } = harness;
    const page = await harness.newPage();
    const imports: string[] = [];
    page.on('request', (request) => {
      if (request.postData()?.includes('importTargets')) imports.push(request.url());
    });
    await login(page, base, 'admin', 'admin12345');
    await page.goto(`${base}/#/import`);
    const limits = page.getByTestId('import-limits');
    await limits.waitFor();
    await expect(limits.textContent()).resolves.toBe(
      '文件不超过 30 MB、100,000 条记录，每个单元格不超过 2,000 个字符；.csv 文件须为 UTF-8 编码。',
    );
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    const picker = page.getByTestId('import-file');
    const upload = page.getByRole('button', { name: '上传并导入' });

    await picker.setInputFiles({
      name: '太大.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(31 * 1024 * 1024, 'x'),
    });
    await page.getByText('太大.csv 大小为 31 MB，超过导入上限 30 MB：请拆分为多个文件。').waitFor();
    await shot(page, '50-import-too-large');
    await expect(upload.isDisabled()).resolves.toBe(true);
    expect(imports).toEqual([]);

    // The start of a real workbook: a zip cut off before its directory.
    const truncated = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(3_000, 1)]);
    await picker.setInputFiles({
      name: '截断.xlsx',
      mimeType: 'application/octet-stream',
      buffer: truncated,
    });
    await upload.click();
    await page.getByText(/该 \.xlsx 文件已损坏或不完整（缺少压缩包目录）/).waitFor();
    await shot(page, '51-import-damaged');
    expect(imports).toHaveLength(1);

    const code = completeCreditCode('91410481MA9E2E001');
    const sheet = `名称,统一社会信用代码,对象类别,所属区域,信用风险分类\n浏览器导入公司,${code},企业,尚店镇,B\n`;
    await picker.setInputFiles({ name: '对象.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    await upload.click();
    await page.getByTestId('import-success').waitFor();
    await shot(page, '52-import-done');
  });
});
