import type { Page } from 'playwright-core';
import { useTestDatabase } from '../server/test/db';
import { signIn, startBrowserHarness } from './harness';

useTestDatabase();

const officeYear = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

// The region chart's numbers, read from its table view: [region code, project count] per bar.
async function regionCounts(page: Page): Promise<[string, number][]> {
  const card = page.locator('[data-chart="spending-by-region"]');
  await card.getByText(/^(数据表|Table)$/).click();
  const rows = card.locator('tbody tr[data-row-key]');
  await rows.first().waitFor();
  const result: [string, number][] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    const key = (await row.getAttribute('data-row-key')) ?? '';
    const count = Number(await row.locator('[data-column="projectCount"]').textContent());
    result.push([key, count]);
  }
  await card.getByText(/^(图表|Chart)$/).click();
  return result;
}

// One column of a chart's table view: [row key, number] per row (the chart's bars).
async function tableColumn(page: Page, chart: string, column: string): Promise<[string, number][]> {
  const card = page.locator(`[data-chart="${chart}"]`);
  await card.getByText(/^(数据表|Table)$/).click();
  const rows = card.locator('tbody tr[data-row-key]');
  await rows.first().waitFor();
  const result: [string, number][] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    const value = (await row.locator(`[data-column="${column}"]`).textContent()) ?? '';
    result.push([(await row.getAttribute('data-row-key')) ?? '', Number(value.replace(/,/g, ''))]);
  }
  await card.getByText(/^(图表|Chart)$/).click();
  return result;
}

const largest = (rows: [string, number][]) => rows.reduce((best, next) => (next[1] > best[1] ? next : best));

describe('dashboard in the browser', () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(() => h?.stop());

  it('a manager lands on it, changes the year and drills from a region’s bar to the same projects', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'manager');
    await page.getByRole('heading', { level: 1, name: '资金与进度总览' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.locator('[data-figure="projects"]').waitFor();

    const year = officeYear - 1;
    await page.getByLabel('年度', { exact: true }).click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: new RegExp(`^${year}$`) })
      .click();
    await page.waitForURL(new RegExp(`year=${year}`));
    await page.locator('[data-figure="projects"]').waitFor();

    const counts = await regionCounts(page);
    const [regionCode, count] = counts.reduce((best, next) => (next[1] > best[1] ? next : best));
    expect(count).toBeGreaterThan(0);

    const bar = page.locator(
      `[data-chart="spending-by-region"] [data-drill-key="${regionCode}"][data-series="budget"]`,
    );
    await bar.click();
    await page.waitForURL(/\/projects\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('region')).toBe(regionCode);
    expect(url.searchParams.get('year')).toBe(String(year));
    await page.getByText(`共 ${count} 个项目`).waitFor();
    expect(await page.locator('[data-total="count"]').textContent()).toBe(String(count));
    await page.context().close();
  });

  it('a click on a milestone bar or a progress bar lands on a list of exactly that many records', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'manager');
    // This year, as the dashboard opens after sign-in (the other test changes the year).
    const year = officeYear;
    await page.locator('[data-figure="projects"]').waitFor({ timeout: 60_000 });

    // "Completed on time" in the busiest month: the milestone list, with that outcome, has that many.
    const [period, onTime] = largest(await tableColumn(page, 'milestones-by-month', 'completedOnTime'));
    expect(onTime).toBeGreaterThan(0);
    await page
      .locator(`[data-chart="milestones-by-month"] [data-drill-key="${period}"][data-series="completedOnTime"]`)
      .click();
    await page.waitForURL(/\/milestones\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('year')).toBe(String(year));
    expect(url.searchParams.get('month')).toBe(String(Number(period.slice(5, 7))));
    expect(url.searchParams.get('outcome')).toBe('onTime');
    await page.getByText(`共 ${onTime} 个里程碑`).waitFor();

    // The fullest progress bucket: the project list in that range, sorted by progress.
    await page.goBack();
    await page.locator('[data-chart="progress-distribution"] svg.recharts-surface').waitFor({ timeout: 60_000 });
    const [bucket, projects] = largest(await tableColumn(page, 'progress-distribution', 'count'));
    expect(projects).toBeGreaterThan(0);
    await page.locator(`[data-chart="progress-distribution"] [data-drill-key="${bucket}"]`).click();
    await page.waitForURL(/\/projects\?/);
    const [from, to] = bucket.split('-');
    const projectUrl = new URL(page.url());
    expect([projectUrl.searchParams.get('pmin'), projectUrl.searchParams.get('pmax')]).toEqual([from, to]);
    await page.getByText(`共 ${projects} 个项目`).waitFor();
    expect(await page.locator('[data-total="count"]').textContent()).toBe(String(projects));
    await page.context().close();
  });

  it('a viewer reads it in English', async () => {
    const page = await h.newPage();
    // The language the app remembers (client/src/app/i18n: pat.lang), set before the first page loads.
    await page.addInitScript({ content: "window.localStorage.setItem('pat.lang', 'en');" });
    await signIn(page, h.baseUrl, 'viewer');
    await page.getByRole('heading', { level: 1, name: 'Funding and progress overview' }).waitFor();
    await page.locator('[data-figure="projects"]').getByText('Projects running').waitFor();
    expect(await page.getByRole('navigation').textContent()).toContain('Overview');
    const counts = await regionCounts(page);
    expect(counts.length).toBeGreaterThan(0);
    const card = page.locator('[data-chart="spending-by-region"]');
    expect(await card.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    expect(await page.getByText('The overview could not be loaded').count()).toBe(0);
    await page.context().close();
  });
});
