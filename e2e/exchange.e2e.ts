import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { useTestDatabase } from '../server/test/db';
import { signIn, startBrowserHarness } from './harness';

useTestDatabase();
// Checking and writing run on the server as a job the page polls; a loaded machine needs the time.
jest.setTimeout(300_000);

async function downloadBy(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return fs.readFileSync((await download.path())!);
}

describe('Excel import and export in the browser', () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(() => h?.stop());

  it('an officer fills in the template, sees the check, imports, and finds the projects in the list', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'officer');
    await page.getByRole('navigation').getByRole('link', { name: '数据导入' }).click();
    await page.waitForURL(/\/import$/);

    const template = await downloadBy(page, () => page.getByRole('button', { name: 'Excel 模板' }).click());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, 2)).toEqual(['项目编号', '项目名称']);
    const fill = (values: Record<string, ExcelJS.CellValue>) => sheet.addRow(headers.map((h) => values[h] ?? null));
    const project = (code: string, name: string, plannedEnd: ExcelJS.CellValue) => ({
      项目编号: code,
      项目名称: name,
      地区代码: '653125',
      领域: '教育',
      实施单位: '市教育局',
      计划开始: new Date(Date.UTC(2027, 2, 1)),
      计划结束: plannedEnd,
      '专项资金（元）': 1234567.89,
    });
    fill(project('E2E-IMP-001', '浏览器导入学校', new Date(Date.UTC(2027, 11, 31))));
    fill(project('E2E-IMP-002', '浏览器导入卫生院', '2027-02-30'));
    const withBadDate = Buffer.from(await workbook.xlsx.writeBuffer());

    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: '项目.xlsx', mimeType: 'application/octet-stream', buffer: withBadDate });
    await page.getByText('1 行有问题，未写入任何数据。请按下表修改后重新上传。').waitFor({ timeout: 60_000 });
    const problems = page.getByRole('table');
    await problems.getByRole('cell', { name: '计划结束' }).waitFor();
    await problems.getByText('“2027-02-30”不是有效日期，应为 YYYY-MM-DD 格式的日期').waitFor();
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);

    sheet.getRow(3).getCell(headers.indexOf('计划结束') + 1).value = new Date(Date.UTC(2027, 10, 30));
    const clean = Buffer.from(await workbook.xlsx.writeBuffer());
    await page.getByRole('button', { name: '导入其他文件' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '项目.xlsx', mimeType: 'application/octet-stream', buffer: clean });
    await page.getByText('全部 2 行校验通过，可以导入。').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('导入完成：新增 2，更新 0，未变 0。').waitFor({ timeout: 120_000 });

    await page.getByRole('navigation').getByRole('link', { name: '援建项目' }).click();
    const search = page.getByLabel('搜索项目');
    await search.fill('E2E-IMP');
    await search.press('Enter');
    await page.getByText('共 2 个项目').waitFor();
    await page.getByRole('link', { name: '浏览器导入卫生院' }).waitFor();

    // The list exports as it is filtered, amounts exact.
    const exported = await downloadBy(page, () => page.getByRole('button', { name: '导出 Excel' }).click());
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(exported as unknown as ArrayBuffer);
    const rows = out.worksheets[0]!;
    expect(rows.rowCount).toBe(3);
    const fund = (rows.getRow(1).values as unknown[]).indexOf('专项资金（元）');
    expect(rows.getRow(2).getCell(fund).value).toBe(1234567.89);
    await page.context().close();
  });
});
