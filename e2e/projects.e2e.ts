import { useTestDatabase } from '../server/test/db';
import { signIn, startBrowserHarness } from './harness';

useTestDatabase();

describe('projects in the browser', () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
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
