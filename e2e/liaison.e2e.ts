import type { Page } from 'playwright-core';
import { useTestDatabase } from '../server/test/db';
import { signIn, startBrowserHarness } from './harness';

useTestDatabase();

async function pickDate(page: Page, label: string, date: string) {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  // Enter would also submit the form (implicit submission); leaving the field keeps the typed date.
  await input.press('Tab');
}

/** Logs a visit to Shache with one follow-up from the liaison log's drawer, the way a coordinator does. */
async function logVisit(page: Page, title: string, followUp: string) {
  await page.getByRole('navigation').getByRole('link', { name: '联络记录' }).click();
  await page.getByRole('button', { name: '新增联络记录' }).click();
  const drawer = page.getByRole('dialog');
  const region = drawer.getByLabel('地区', { exact: true });
  await region.click();
  await region.fill('莎车');
  await page
    .getByRole('option', { name: /莎车县/ })
    .first()
    .waitFor({ state: 'attached' });
  await region.press('Enter');
  await drawer.getByLabel('标题', { exact: true }).fill(title);
  await drawer.getByRole('button', { name: '添加跟进事项' }).click();
  await drawer.getByLabel('跟进事项 1', { exact: true }).fill(followUp);
  await pickDate(page, '完成期限 1', '2030-01-15');
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await drawer.waitFor({ state: 'hidden' });
  await page.getByRole('link', { name: title }).first().waitFor();
}

async function openAgreement(page: Page, baseUrl: string, code: string) {
  await page.goto(`${baseUrl}/agreements?q=${code}&expired=1`);
  await page.getByRole('link', { name: code }).click();
  await page.waitForURL(/\/agreements\/[a-f0-9]{24}/);
  await page.getByRole('table', { name: '承诺事项' }).waitFor();
}

describe('liaison, agreements and my work in the browser', () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness();
  }, 180_000);
  afterAll(() => h?.stop());

  it('a coordinator lands on my work, logs a visit with a follow-up, and marks it done there', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'coordinator');
    await page.waitForURL(/\/my-work$/);
    await page.getByRole('heading', { level: 1, name: '我的工作' }).waitFor();

    await logVisit(page, '浏览器测试走访', '浏览器测试跟进：报送走访纪要');

    await page.getByRole('navigation').getByRole('link', { name: '我的工作' }).click();
    const followUp = page.getByText('浏览器测试跟进：报送走访纪要');
    await followUp.waitFor();
    await page.getByRole('button', { name: '标记完成：浏览器测试跟进：报送走访纪要' }).click();
    await followUp.waitFor({ state: 'detached' });
    expect(await page.getByText('浏览器测试跟进：报送走访纪要').count()).toBe(0);
    await page.context().close();
  }, 180_000);

  it('flags an agreement’s overdue commitment in red', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'coordinator');
    await page.waitForURL(/\/my-work$/);
    // Seeded with a commitment due 40 days before the seeding day and still pending.
    await openAgreement(page, h.baseUrl, 'AG-KS-2022-03');
    const overdueRow = page.getByRole('row').filter({ hasText: '配齐医院信息化建设专职人员' });
    const flag = overdueRow.locator('.ant-tag-red', { hasText: '逾期' });
    await flag.waitFor();
    expect(await page.getByRole('button', { name: '新增承诺' }).count()).toBe(1);
    await page.context().close();
  }, 120_000);

  it('a viewer sees no edit controls on the agreement and liaison pages', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'viewer');
    await page.getByRole('navigation').waitFor();
    await openAgreement(page, h.baseUrl, 'AG-KS-2022-03');
    await page.getByText('配齐医院信息化建设专职人员').waitFor();
    for (const name of ['编辑协议', '新增承诺', /变更承诺状态/, /编辑承诺/]) {
      expect({ name: String(name), count: await page.getByRole('button', { name }).count() }).toEqual({
        name: String(name),
        count: 0,
      });
    }

    await page.goto(`${h.baseUrl}/liaison`);
    await page.getByRole('table', { name: '联络记录列表' }).waitFor();
    await page.getByText(/共 \d+ 条记录/).waitFor();
    // Open the first activity's follow-ups: none may be marked done by a viewer.
    await page
      .getByRole('button', { name: /展开行|Expand row/ })
      .first()
      .click();
    await page
      .getByText(/负责人：/)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: '新增联络记录' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /标记完成/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /归档跟进事项/ }).count()).toBe(0);

    await page.goto(`${h.baseUrl}/regions/653125`);
    await page.getByRole('heading', { level: 1, name: /莎车县/ }).waitFor();
    expect(await page.getByRole('button', { name: '编辑概况' }).count()).toBe(0);
    await page.context().close();
  }, 120_000);

  // Last: it leaves the newest activity without follow-ups, which the viewer test above expands.
  it('a coordinator edits an activity, archives its follow-up, and edits a region’s profile', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'coordinator');
    await page.waitForURL(/\/my-work$/);
    await logVisit(page, '浏览器编辑前的走访', '浏览器测试跟进：待归档');
    await page.getByRole('link', { name: '浏览器编辑前的走访' }).first().click();
    await page.waitForURL(/\/liaison\/[a-f0-9]{24}$/);

    await page.getByRole('button', { name: '编辑', exact: true }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('标题', { exact: true }).fill('浏览器编辑后的走访');
    await drawer.getByLabel('接待费用', { exact: true }).fill('880.5');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: /浏览器编辑后的走访/ }).waitFor();
    await page.getByText(/880\.50/).waitFor();

    await page.getByRole('button', { name: '归档跟进事项：浏览器测试跟进：待归档' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /归\s*档/ })
      .click();
    await page.getByText('浏览器测试跟进：待归档', { exact: true }).waitFor({ state: 'detached' });
    await page.getByText('暂无跟进事项').waitFor();

    await page.goto(`${h.baseUrl}/regions/653125`);
    await page.getByRole('button', { name: '编辑概况' }).click();
    const profile = page.getByRole('dialog');
    await profile.getByLabel('人口', { exact: true }).fill('1234567');
    await profile.getByLabel('机构名称', { exact: true }).fill('浏览器测试前方工作组');
    await profile.getByLabel('电话', { exact: true }).fill('not a phone');
    await profile.getByRole('button', { name: /保\s*存/ }).click();
    await profile.getByText('请输入有效的电话号码').waitFor();
    await profile.getByLabel('电话', { exact: true }).fill('0998-8512345');
    await profile.getByRole('button', { name: /保\s*存/ }).click();
    await profile.waitFor({ state: 'hidden' });
    await page.getByText('1,234,567').waitFor();
    await page.getByText(/浏览器测试前方工作组/).waitFor();
    await page.context().close();
  }, 180_000);
});
