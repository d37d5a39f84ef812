import { useTestDatabase } from '../server/test/db';
import type { Page } from 'playwright-core';
import { signIn, startBrowserHarness } from './harness';
import { solidPng } from './png';

useTestDatabase();

describe('projects in the browser', () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  // Seeding the demo data takes a while on a loaded machine.
  beforeAll(async () => {
    h = await startBrowserHarness();
  }, 180_000);
  afterAll(() => h?.stop());

  it('an officer finds their project, logs a milestone and sees it on the timeline', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'officer');
    await page.getByRole('navigation').waitFor();
    await page.goto(`${h.baseUrl}/projects`);
    const search = page.getByLabel('搜索项目');
    await search.fill('PA-2024-001');
    await search.press('Enter');
    await page.getByText('共 1 个项目').waitFor();
    expect(page.url()).toContain('PA-2024-001');
    const link = page.getByRole('link', { name: /PA-2024-001/ }).first();
    await link.click();
    await page.waitForURL(/\/projects\/[a-f0-9]{24}/);

    await page.getByRole('tab', { name: '里程碑' }).click();
    await page.getByLabel('标题（中文）').fill('浏览器测试里程碑');
    const date = page.getByLabel('计划日期');
    await date.click();
    await date.fill('2030-12-15');
    await date.press('Enter');
    await page.getByRole('button', { name: '保存里程碑' }).click();
    await page.getByText('浏览器测试里程碑').first().waitFor();
    expect(await page.getByText('计划 2030-12-15').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('an officer creates a project, starts it, logs a milestone with a photo and sees the photo on the timeline', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'officer');
    await page.getByRole('navigation').waitFor();
    await page.goto(`${h.baseUrl}/projects`);
    await page.getByRole('button', { name: '新建项目' }).click();
    await page.waitForURL(/\/projects\/new$/);

    // Client-side validation first: nothing filled in, then an amount with fractions of a fen.
    await page.getByLabel('专项资金（元）').fill('100.005');
    await page.getByRole('button', { name: '创建项目' }).click();
    await page.getByText('请填写项目编号').waitFor();
    await page.getByText('金额最多保留两位小数（分）').waitFor();

    await page.getByLabel('项目编号').fill('E2E-2026-001');
    await page.getByLabel('项目名称（中文）').fill('浏览器测试卫生院');
    await page.getByLabel('项目名称（英文）').fill('Browser test clinic');
    await pickTreeOption(page, '所在地区', '喀什地区');
    await pickOption(page, '领域', '卫生健康');
    await page.getByLabel('实施单位').fill('测试实施单位');
    await fillDate(page, '计划开始日期', '2026-03-01');
    await fillDate(page, '计划结束日期', '2027-06-30');
    await page.getByLabel('专项资金（元）').fill('1250000.50');
    await page.getByLabel('区级预算（元）').fill('300000');
    await page.getByText('预算合计：1550000.5 元').waitFor();
    await page.getByRole('button', { name: '创建项目' }).click();

    await page.waitForURL(/\/projects\/[a-f0-9]{24}$/);
    await page.getByRole('heading', { name: /E2E-2026-001/ }).waitFor();
    await page.getByRole('tab', { name: '概况' }).waitFor();
    expect(await page.getByText('155.00').count()).toBeGreaterThan(0); // 1,550,000.50 元 = 155.00 万元

    // Proposed → approved → in progress: only the allowed next states are offered.
    await changeStatus(page, '已批准', ['已批准', '已暂停', '已取消']);
    await page.getByRole('heading', { name: /已批准/ }).waitFor();
    await changeStatus(page, '实施中', ['实施中', '已暂停', '已取消']);
    await page.getByRole('heading', { name: /实施中/ }).waitFor();

    await page.getByRole('tab', { name: '里程碑' }).click();
    await page.getByLabel('标题（中文）').fill('主体结构完工');
    await fillDate(page, '计划日期', '2026-09-30');
    await page.getByLabel('完成百分比').fill('60');
    await page.getByRole('button', { name: '保存里程碑' }).click();
    const evidence = page.getByRole('region', { name: '为“主体结构完工”添加证明材料' });
    await evidence.waitFor();
    await evidence.locator('input[type=file]').setInputFiles({
      name: 'site-photo.png',
      mimeType: 'image/png',
      buffer: solidPng(40, 30, [30, 140, 60]),
    });
    await evidence.getByText('site-photo.png 已上传', { exact: true }).waitFor();

    const timeline = page.locator('.ant-timeline');
    const thumbnail = timeline.getByRole('img', { name: 'site-photo.png 的预览' });
    await thumbnail.waitFor();
    // The thumbnail is the stored photo itself, decoded by the browser (40 × 30 pixels).
    // (page.evaluate with a string: this file is compiled without the DOM library; waitForFunction
    // with a string would need eval, which the app's Content-Security-Policy refuses.)
    let width = 0;
    for (let tries = 0; tries < 50 && width !== 40; tries++) {
      width = (await page.evaluate(`(() => {
        const img = document.querySelector('.ant-timeline img[src^="/api/documents/"]');
        return img && img.complete ? img.naturalWidth : 0;
      })()`)) as number;
      if (width !== 40) await page.waitForTimeout(200);
    }
    expect(width).toBe(40);
    expect(await timeline.getByText('主体结构完工').count()).toBe(1);
    await page.context().close();
  }, 180_000);

  it('a viewer sees the project page without any edit control', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'viewer');
    await page.getByRole('navigation').waitFor();
    await page.goto(`${h.baseUrl}/projects?q=PA-2024-001`);
    await page
      .getByRole('link', { name: /PA-2024-001/ })
      .first()
      .click();
    await page.getByRole('tab', { name: '里程碑' }).waitFor();
    await page.getByRole('tab', { name: '里程碑' }).click();
    await page.getByRole('tab', { name: '变更记录' }).waitFor();
    expect(await page.getByRole('button', { name: '变更状态' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存里程碑' }).count()).toBe(0);
    await page.context().close();
  });
});

async function pickOption(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

async function pickTreeOption(page: Page, label: string, option: string) {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  await box.fill(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: option }).first().click();
}

async function fillDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

async function changeStatus(page: Page, next: string, offered: string[]) {
  await page.getByRole('button', { name: '变更状态' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('新状态').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await options.first().waitFor();
  expect(await options.allInnerTexts()).toEqual(offered);
  await options.getByText(next, { exact: true }).click();
  await dialog.getByRole('button', { name: '确认变更' }).click();
  await dialog.waitFor({ state: 'hidden' });
}
