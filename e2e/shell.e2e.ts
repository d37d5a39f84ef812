import { useTestDatabase } from '../server/test/db';
import { signIn, startBrowserHarness } from './harness';

useTestDatabase();

describe('signing in through the real page', () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(() => h?.stop());

  it('sends a visitor to the login page, signs in as the manager and shows the shell', async () => {
    const page = await h.newPage();
    await page.goto(`${h.baseUrl}/regions`);
    await page.waitForURL(/\/login\?next=%2Fregions/);
    expect(await page.locator('h1').first().textContent()).toContain('对口支援项目管理系统');

    await signIn(page, h.baseUrl, 'manager');
    await page.getByRole('navigation').waitFor();
    expect(new URL(page.url()).pathname).toBe('/regions');
    await page.getByRole('navigation').waitFor();
    const nav = await page.getByRole('navigation').textContent();
    expect(nav).toContain('总览');
    expect(nav).toContain('受援地区');
    await page.getByText('资金管理 Manager').first().waitFor();
    // Real data from the API: the demo region tree.
    await page.getByText('喀什地区').first().waitFor();
    await page.context().close();
  });

  it('shows the wrong-password message and stays on the login page', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'viewer', 'not-the-password');
    await page.getByText('用户名或密码错误，请重新输入。').waitFor();
    expect(page.url()).toContain('/login');
    await page.context().close();
  });

  it('switches to English, remembers it, and signs out', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'officer');
    await page.getByRole('navigation').waitFor();
    await page
      .getByRole('combobox', { name: /语言|Language/ })
      .or(page.getByLabel(/语言 \/ Language/))
      .first()
      .click();
    await page.getByText('English', { exact: true }).last().click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Partner Assistance Tracking' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });
});
