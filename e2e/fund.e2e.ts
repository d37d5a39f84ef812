import type { Locator, Page } from 'playwright-core';
import { useTestDatabase } from '../server/test/db';
import { signIn, startBrowserHarness } from './harness';

useTestDatabase();

/** "1,234,567.89 元" inside the element → exact fen. */
async function fenIn(locator: Locator): Promise<bigint> {
  const text = await locator.innerText();
  const match = /([\d,]+)\.(\d{2}) 元/.exec(text);
  if (!match) throw new Error(`no amount in 元 in ${JSON.stringify(text)}`);
  return BigInt(match[1]!.replace(/,/g, '')) * 100n + BigInt(match[2]!);
}

async function showYuan(page: Page) {
  await page.getByRole('radiogroup', { name: '金额单位' }).getByText('元', { exact: true }).click();
}

async function yearFigures(page: Page, baseUrl: string, year: number) {
  await page.goto(`${baseUrl}/fund?year=${year}`);
  await page.getByRole('list', { name: '年度资金数字' }).waitFor();
  await showYuan(page);
  const figure = (key: string) => page.locator(`[data-figure="${key}"]`);
  await figure('allocated').getByText(/ 元$/).waitFor();
  return { allocated: await fenIn(figure('allocated')), available: await fenIn(figure('available')) };
}

describe('special fund in the browser', () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(() => h?.stop());

  it('an officer proposes an allocation; a manager approves it and the year’s figures move by exactly its amount', async () => {
    // The demo's pending proposals were all made by the manager (so approving them is refused to the
    // manager by separation of duties): the officer makes one here, from a project of their own.
    const officer = await h.newPage();
    await signIn(officer, h.baseUrl, 'officer');
    await officer.getByRole('navigation', { name: '主导航' }).waitFor();
    await officer.goto(`${h.baseUrl}/projects?mine=1`);
    const projectLink = officer.getByRole('link', { name: /^PA-\d{4}-\d{3}$/ }).first();
    const code = await projectLink.innerText();
    await projectLink.click();
    await officer.waitForURL(/\/projects\/[a-f0-9]{24}/);
    await officer.getByRole('tab', { name: '专项资金' }).click();
    await officer.getByRole('button', { name: /申请资金分配/ }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByLabel('申请金额').fill('12,345.67');
    await dialog.getByLabel('用途').fill('浏览器测试：教学设备采购');
    await dialog.getByRole('button', { name: /提交申请/ }).click();
    await officer.getByText('分配申请已提交，等待审批').waitFor();
    await officer.getByRole('table', { name: '资金分配' }).getByText('待审批').first().waitFor();
    await officer.context().close();
    const amount = 1_234_567n;

    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'manager');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '专项资金' }).click();
    // The overview opens on the latest year, which is the open one the proposal was made for.
    const heading = page.getByRole('heading', { name: /^\d{4} 年度概况$/ });
    const year = Number(/^(\d{4})/.exec(await heading.innerText())![1]);
    const before = await yearFigures(page, h.baseUrl, year);

    await page.goto(`${h.baseUrl}/fund/approvals`);
    await page.getByText(/待审批申请（\d+ 笔）/).waitFor();
    await showYuan(page);
    // The queue shows the manager's own proposals too, with approval disabled and the reason given.
    const rows = page.getByRole('table', { name: '分配审批' }).locator('tbody tr');
    const own = rows.filter({ hasText: '此申请由您本人提出' });
    expect(await own.count()).toBeGreaterThan(0);
    expect(
      await own
        .first()
        .getByRole('button', { name: /^批\s*准$/ })
        .isDisabled(),
    ).toBe(true);

    const proposal = rows.filter({ hasText: code }).filter({ hasText: '12,345.67 元' });
    expect(await proposal.count()).toBe(1);
    expect(await proposal.innerText()).not.toContain('此申请由您本人提出');
    expect(await fenIn(proposal)).toBe(amount);
    await proposal.getByRole('button', { name: `批准 ${code} 的申请` }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /批\s*准/ })
      .click();
    await page.getByText(`已批准 ${code} 的资金分配`).waitFor();
    await rows.filter({ hasText: '12,345.67 元' }).waitFor({ state: 'detached' });

    const after = await yearFigures(page, h.baseUrl, year);
    expect(after.allocated - before.allocated).toBe(amount);
    expect(before.available - after.available).toBe(amount);
    await page.context().close();
  }, 180_000);

  it('a double-clicked payment is recorded once, and a manager reverses it with a reason', async () => {
    const year = Number(new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
    const officer = await h.newPage();
    await signIn(officer, h.baseUrl, 'officer');
    await officer.getByRole('navigation', { name: '主导航' }).waitFor();
    await officer.goto(`${h.baseUrl}/projects?mine=1`);
    await officer
      .getByRole('link', { name: /^PA-\d{4}-\d{3}$/ })
      .first()
      .click();
    await officer.waitForURL(/\/projects\/[a-f0-9]{24}/);
    const projectId = /\/projects\/([a-f0-9]{24})/.exec(officer.url())![1]!;
    await officer.getByRole('tab', { name: '专项资金' }).click();
    // The allocation approved in the test before: 12,345.67 元, nothing paid yet.
    await officer.getByRole('radiogroup', { name: '金额单位' }).getByText('元', { exact: true }).click();
    const allocation = officer
      .getByRole('table', { name: '资金分配' })
      .locator('tbody tr')
      .filter({ hasText: '12,345.67 元' });
    await allocation.getByRole('button', { name: /登记支付/ }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByLabel('支付金额').fill('1000');
    const date = dialog.getByLabel('支付日期');
    await date.click();
    await date.fill(`${year}-01-15`);
    await date.press('Enter');
    await dialog.getByLabel('凭证号').fill('E2E-VOUCHER-0001');
    await dialog.getByLabel('收款单位').fill('浏览器测试收款单位');
    await dialog.getByRole('button', { name: /保存支付/ }).dblclick();
    await officer.getByText('支付已登记').waitFor();
    await officer.context().close();

    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'manager');
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await page.goto(
      `${h.baseUrl}/fund/ledger?kind=DISBURSEMENT&projectId=${projectId}&from=${year}-01-15&to=${year}-01-15`,
    );
    await showYuan(page);
    const ledger = page.getByRole('table', { name: '资金台账' });
    const payments = ledger.locator('tbody tr').filter({ hasText: '1,000.00 元' });
    await payments.first().waitFor();
    expect(await payments.count()).toBe(1);
    await payments.getByRole('button', { name: /冲\s*销/ }).click();
    const reversal = page.getByRole('dialog');
    await reversal.getByRole('button', { name: /确认冲销/ }).click();
    await reversal.getByText('冲销时必须填写原因').waitFor();
    await reversal.getByLabel('冲销原因').fill('凭证重复录入（浏览器测试）');
    await reversal.getByRole('button', { name: /确认冲销/ }).click();
    await page.getByText('冲销已记录').waitFor();
    await page.goto(`${h.baseUrl}/fund/ledger?kind=DISBURSEMENT_REVERSAL&projectId=${projectId}`);
    await page.getByText('凭证重复录入（浏览器测试）', { exact: false }).waitFor();
    await page.context().close();
  }, 180_000);

  it('rejecting a proposal asks for a reason first', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'manager');
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await page.goto(`${h.baseUrl}/fund/approvals`);
    await page.getByText(/待审批申请（\d+ 笔）/).waitFor();
    const count = Number(/（(\d+) 笔）/.exec(await page.getByText(/待审批申请（\d+ 笔）/).innerText())![1]);
    const reject = page.getByRole('button', { name: /^驳回 PA-.* 的申请$/ }).first();
    const label = (await reject.getAttribute('aria-label'))!;
    await reject.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /确认驳回/ }).click();
    await dialog.getByText('驳回时必须填写理由').waitFor();
    await dialog.getByLabel('驳回理由').fill('与年度支持重点不符（浏览器测试）');
    await dialog.getByRole('button', { name: /确认驳回/ }).click();
    await page.getByText('申请已驳回').waitFor();
    await page.getByText(`待审批申请（${count - 1} 笔）`).waitFor();
    expect(await page.getByRole('button', { name: label }).count()).toBe(0);
    await page.context().close();
  });

  it('a viewer sees the fund pages without any action button', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'viewer');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '专项资金' }).click();
    await page.getByRole('list', { name: '年度资金数字' }).waitFor();
    await page.getByRole('table', { name: '拨款记录' }).waitFor();
    for (const name of [/录入拨款/, /关闭年度/, /结\s*转/])
      expect(await page.getByRole('button', { name }).count()).toBe(0);

    await page.goto(`${h.baseUrl}/fund/approvals`);
    await page.getByText(/待审批申请（\d+ 笔）/).waitFor();
    expect(await page.getByRole('button', { name: /批\s*准|驳\s*回/ }).count()).toBe(0);

    await page.goto(`${h.baseUrl}/fund/ledger?kind=DISBURSEMENT`);
    await page.getByText(/共 \d+ 条/).waitFor();
    expect(
      await page.getByRole('table', { name: '资金台账' }).getByRole('cell', { name: '支付' }).count(),
    ).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /冲\s*销/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '用户管理' }).count()).toBe(0);
    await page.context().close();
  });

  it('an administrator creates a user who can then sign in', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'admin');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户管理' }).click();
    await page.getByRole('table', { name: '用户管理' }).getByText('manager', { exact: true }).waitFor();
    await page.getByRole('button', { name: /新建用户/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('用户名').fill('e2e.coordinator');
    await drawer.getByLabel('姓名').fill('浏览器测试协调员');
    await drawer.getByLabel('角色').click();
    await page.locator('.ant-select-dropdown').getByText('联络协调员', { exact: true }).click();
    await drawer.getByLabel('初始密码').fill('Welcome-2026');
    await drawer.getByRole('button', { name: /创建用户/ }).click();
    await page.getByText('密码只显示这一次', { exact: false }).waitFor();
    expect(await page.getByTestId('shown-password').innerText()).toContain('Welcome-2026');
    await page.getByRole('button', { name: /我已记下/ }).click();
    await page.getByRole('table', { name: '用户管理' }).getByText('e2e.coordinator').waitFor();
    await page.context().close();

    const newcomer = await h.newPage();
    await signIn(newcomer, h.baseUrl, 'e2e.coordinator', 'Welcome-2026');
    await newcomer.getByRole('navigation', { name: '主导航' }).waitFor();
    await newcomer.getByText('浏览器测试协调员').first().waitFor();
    await newcomer.context().close();
  });
});
