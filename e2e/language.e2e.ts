import type { Page } from 'playwright-core';
import { useTestDatabase } from '../server/test/db';
import { signIn, startBrowserHarness } from './harness';

useTestDatabase();

const HAN = /\p{Script=Han}/u;

// The user interface's own words: landmarks, headings, column headers, buttons, labels, tabs, tags
// and descriptions' labels. Data (project and region names, the user's name) is left out by taking
// only these elements and removing the values listed in `data`.
async function chineseInInterface(page: Page, data: string[]): Promise<string[]> {
  const selectors = [
    'nav[aria-label] .ant-menu-title-content',
    'header button',
    'main h1 > :not(span):not(code)',
    'main h2',
    'main th',
    'main button',
    'main label',
    'main [role=tab]',
    'main .ant-descriptions-item-label',
    'main .ant-empty-description',
  ];
  // A string: this file is compiled without the DOM library.
  const texts = (await page.evaluate(`
    ${JSON.stringify(selectors)}.flatMap((s) =>
      [...document.querySelectorAll(s)]
        .filter((el) => el.offsetParent !== null)
        .map((el) => s + ' → ' + el.innerText),
    ).concat([...document.querySelectorAll('main input[placeholder]')].map((el) => 'placeholder → ' + el.getAttribute('placeholder')))
  `)) as string[];
  const leftovers = texts.map((text) => data.reduce((rest, value) => rest.split(value).join(' '), text));
  // Each finding names the element kind it came from, so a failure says where to look.
  return leftovers.filter((text) => HAN.test(text.split(' → ').slice(1).join(' → '))).map((text) => text.slice(0, 120));
}

async function switchTo(page: Page, language: 'English' | '中文') {
  await page.getByLabel('语言 / Language').first().click();
  await page.locator('.ant-select-dropdown:visible').getByText(language, { exact: true }).click();
}

describe('switching language', () => {
  let h: Awaited<ReturnType<typeof startBrowserHarness>>;
  // Seeding the demo data takes a while on a loaded machine.
  beforeAll(async () => {
    h = await startBrowserHarness();
  }, 180_000);
  afterAll(() => h?.stop());

  it('changes every interface label on the projects list and the project page, and back', async () => {
    const page = await h.newPage();
    await signIn(page, h.baseUrl, 'officer');
    await page.getByRole('navigation').waitFor();
    await page.goto(`${h.baseUrl}/projects`);
    await page.getByRole('table').getByRole('link').first().waitFor();
    // Before: the interface is Chinese.
    expect((await chineseInInterface(page, [])).length).toBeGreaterThan(20);

    await switchTo(page, 'English');
    await page.getByRole('heading', { name: 'Assistance projects' }).waitFor();
    const data = ['项目专员 Officer', '中文'];
    expect(await chineseInInterface(page, data)).toEqual([]);

    await page.getByRole('table').getByRole('link').first().click();
    await page.waitForURL(/\/projects\/[a-f0-9]{24}$/);
    await page.getByRole('tab', { name: 'Overview' }).waitFor();
    expect(await chineseInInterface(page, data)).toEqual([]);
    for (const tab of ['Milestones', 'Indicators']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel', { name: tab }).waitFor();
      expect(await chineseInInterface(page, data)).toEqual([]);
    }

    await switchTo(page, '中文');
    await page.getByRole('tab', { name: '概况' }).waitFor();
    await page.getByRole('navigation', { name: '主导航' }).getByText('援建项目').waitFor();
    expect(await page.getByRole('tab', { name: 'Overview' }).count()).toBe(0);
    await page.context().close();
  }, 180_000);
});
