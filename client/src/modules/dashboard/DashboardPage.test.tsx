import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import '../../app/i18n';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import {
  DASHBOARD_HEADLINE_QUERY,
  DASHBOARD_LISTS_QUERY,
  DASHBOARD_SPENDING_QUERY,
  DASHBOARD_TRENDS_QUERY,
} from './dashboard.graphql';
import { DashboardPage } from './DashboardPage';

const text = (zh: string, en: string) => ({ __typename: 'LocalizedText' as const, zh, en });
const change = (typename: 'CountChange' | 'MoneyChange', current: number | string, previous: number | string) => ({
  __typename: typename,
  current,
  previous,
});
const region = (code: string, zh: string, en: string) => ({
  __typename: 'Region' as const,
  id: `r${code}`,
  code,
  name: text(zh, en),
});
const spending = (
  key: string,
  r: ReturnType<typeof region> | null,
  sector: string | null,
  projectCount: number,
  budget: string,
) => ({
  __typename: 'SpendingBreakdown' as const,
  key,
  region: r,
  sector,
  projectCount,
  budget,
  allocated: '2000000',
  disbursed: '1000000',
});

const dashboardData = {
  dashboardHeadline: {
    __typename: 'DashboardHeadline',
    projectsByStatus: [
      { __typename: 'StatusCount', status: 'IN_PROGRESS', count: 4 },
      { __typename: 'StatusCount', status: 'COMPLETED', count: 1 },
    ],
    projects: change('CountChange', 5, 4),
    milestonesDue: change('CountChange', 10, 8),
    milestonesOnTime: change('CountChange', 9, 6),
    overdueMilestones: 3,
    appropriated: change('MoneyChange', '500000000', '400000000'),
    allocated: change('MoneyChange', '300000000', '300000000'),
    disbursed: change('MoneyChange', '100000000', '0'),
    available: change('MoneyChange', '200000000', '100000000'),
  },
  spendingByRegion: [
    spending('653100', region('653100', '喀什地区', 'Kashgar'), null, 3, '123456789'),
    spending('653200', region('653200', '和田地区', 'Hotan'), null, 2, '5000000'),
  ],
  spendingBySector: [spending('HEALTH', null, 'HEALTH', 5, '128456789')],
  disbursementsByMonth: Array.from({ length: 12 }, (_, i) => ({
    __typename: 'DisbursementMonth',
    month: i + 1,
    disbursed: i === 2 ? '100000000' : '0',
    cumulativeDisbursed: i >= 2 ? '100000000' : '0',
    cumulativePlanned: String((i + 1) * 25_000_000),
  })),
  milestonesByMonth: [{ __typename: 'MilestonePeriod', period: '2025-01', due: 0, completed: 0, completedOnTime: 0 }],
  milestonesByYear: [{ __typename: 'MilestonePeriod', period: '2025', due: 10, completed: 9, completedOnTime: 9 }],
  progressDistribution: [
    { __typename: 'ProgressBucket', from: 0, to: 50, count: 2 },
    { __typename: 'ProgressBucket', from: 50, to: 101, count: 3 },
  ],
  projectsBehindSchedule: [
    {
      __typename: 'BehindProject',
      overdueMilestones: 2,
      daysBehind: 41,
      project: {
        __typename: 'ProjectBrief',
        id: 'p1',
        code: 'PA-2025-007',
        name: text('疏附县卫生院改扩建', 'Shufu clinic'),
        region: region('653121', '疏附县', 'Shufu County'),
        progress: 30,
      },
    },
  ],
  overdueCommitments: [],
  expiringAgreements: [
    {
      __typename: 'ExpiringAgreement',
      id: 'a1',
      code: 'AG-2020-01',
      title: text('对口支援框架协议', 'Framework agreement'),
      counterpart: '喀什地区行署',
      validUntil: '2099-01-01',
    },
  ],
};

function renderDashboard(url: string, mocks: MockLink.MockedResponse[]) {
  const router = createMemoryRouter(
    [
      { path: '/', element: <DashboardPage /> },
      { path: '/projects', element: <p>project list</p> },
      { path: '/milestones', element: <p>milestone list</p> },
    ],
    { initialEntries: [url] },
  );
  render(
    <MockedProvider mocks={[{ request: { query: REGIONS_QUERY }, result: { data: { regions: [] } } }, ...mocks]}>
      <AntdTestProvider>
        <RouterProvider router={router} />
      </AntdTestProvider>
    </MockedProvider>,
  );
  return router;
}

// The page's four requests, each answered from the same data.
function dashboardMocks(year: number, data: typeof dashboardData): MockLink.MockedResponse[] {
  const pick = (...keys: (keyof typeof dashboardData)[]) => Object.fromEntries(keys.map((k) => [k, data[k]]));
  const filter = { year };
  return [
    {
      request: { query: DASHBOARD_HEADLINE_QUERY, variables: { filter } },
      result: { data: pick('dashboardHeadline') },
    },
    {
      request: { query: DASHBOARD_SPENDING_QUERY, variables: { filter } },
      result: { data: pick('spendingByRegion', 'spendingBySector') },
    },
    {
      request: { query: DASHBOARD_TRENDS_QUERY, variables: { filter, years: 5 } },
      result: { data: pick('disbursementsByMonth', 'milestonesByMonth', 'milestonesByYear', 'progressDistribution') },
    },
    {
      request: { query: DASHBOARD_LISTS_QUERY, variables: { filter } },
      result: { data: pick('projectsBehindSchedule', 'overdueCommitments', 'expiringAgreements') },
    },
  ].map((mock) => ({ ...mock, maxUsageCount: Number.POSITIVE_INFINITY }));
}

describe('dashboard page', () => {
  it('shows the year’s figures, the numbers behind a chart and where they lead', async () => {
    const router = renderDashboard('/?year=2025', dashboardMocks(2025, dashboardData));
    expect(screen.getByRole('status', { name: '正在加载总览数据…' })).toBeTruthy();

    const projects = await screen.findByText('在建项目', undefined, { timeout: 10_000 });
    const projectsCard = projects.closest('[data-figure]') as HTMLElement;
    expect(within(projectsCard).getByText('5')).toBeTruthy();
    expect(within(projectsCard).getByText('较上年 +1 (+25.0%)')).toBeTruthy();
    expect(
      within(projectsCard)
        .getByRole('link', { name: /实施中 4/ })
        .getAttribute('href'),
    ).toBe('/projects?status=IN_PROGRESS&year=2025');
    // 9 of 10 on time this year against 6 of 8 last year: 90.0% and 15 points up.
    const rateCard = screen.getByText('里程碑按期完成率').closest('[data-figure]') as HTMLElement;
    expect(within(rateCard).getByText('90.0')).toBeTruthy();
    expect(within(rateCard).getByText('上升 15.0 个百分点')).toBeTruthy();
    const disbursedCard = document.querySelector('[data-figure="disbursed"]') as HTMLElement;
    expect(within(disbursedCard).getByText('100.00')).toBeTruthy();
    expect(within(disbursedCard).getByText('上年无数据')).toBeTruthy();

    // The region chart's table: exact amounts in 万元 and a link to the list behind each bar.
    const regionCard = document.querySelector('[data-chart="spending-by-region"]') as HTMLElement;
    fireEvent.click(within(regionCard).getByText('数据表'));
    const link = await within(regionCard).findByRole('link', { name: '查看 喀什地区 的项目' });
    expect(link.getAttribute('href')).toBe('/projects?region=653100&year=2025');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('123.46')).toBeTruthy();
    expect(within(row).getByText('3')).toBeTruthy();

    // No milestone was due in the months returned: the card says why instead of drawing nothing.
    expect(screen.getByText('所选范围内在该期间没有计划完成的里程碑。')).toBeTruthy();
    expect(screen.getByRole('link', { name: /PA-2025-007/ }).getAttribute('href')).toBe('/projects/p1');
    expect(screen.getByText('逾期未履行的承诺').closest('.ant-card')?.textContent).toContain(
      '所选地区的协议中没有逾期未履行的承诺。',
    );
    // The expiring list shows the first ten; the agreement list has them all.
    expect(screen.getByRole('link', { name: '全部到期协议' }).getAttribute('href')).toBe('/agreements?expiring=90');

    // The unit switch lives in the URL and re-renders amounts in 元.
    await act(async () =>
      fireEvent.click(screen.getAllByText('元').find((el) => el.closest('.ant-segmented')) as HTMLElement),
    );
    expect(router.state.location.search).toBe('?year=2025&unit=yuan');
    expect(await within(regionCard).findByText('1,234,567.89')).toBeTruthy();

    await act(async () => fireEvent.click(within(regionCard).getByRole('link', { name: '查看 和田地区 的项目' })));
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(
      '/projects?region=653200&year=2025',
    );
  }, 60_000);

  it('opens the milestones behind a milestone period and the overdue figure', async () => {
    const router = renderDashboard('/?year=2025&milestones=year&sector=HEALTH', [
      ...dashboardMocks(2025, dashboardData).map((m) => ({
        ...m,
        request: { ...m.request, variables: { ...m.request.variables, filter: { year: 2025, sector: 'HEALTH' } } },
      })),
    ]);
    // The headline figure (the behind-schedule list has a column of the same name).
    const overdueCard = await waitFor(
      () => {
        const figure = screen.queryAllByText('逾期里程碑').find((el) => el.closest('[data-figure]'));
        if (!figure) throw new Error('the headline figures have not arrived yet');
        return figure.closest('[data-figure]') as HTMLElement;
      },
      { timeout: 10_000 },
    );
    expect(within(overdueCard).getByRole('link', { name: '查看逾期里程碑' }).getAttribute('href')).toBe(
      '/milestones?sector=HEALTH&outcome=overdue',
    );
    const card = document.querySelector('[data-chart="milestones-by-year"]') as HTMLElement;
    fireEvent.click(within(card).getByText('数据表'));
    const link = await within(card).findByRole('link', { name: '查看 2025 计划完成的里程碑' });
    expect(link.getAttribute('href')).toBe('/milestones?year=2025&sector=HEALTH');
    await act(async () => fireEvent.click(link));
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(
      '/milestones?year=2025&sector=HEALTH',
    );
  }, 60_000);

  it('says what to do when the figures cannot be loaded', async () => {
    const mocks = dashboardMocks(2024, dashboardData);
    mocks[1] = { request: mocks[1]?.request ?? { query: DASHBOARD_SPENDING_QUERY }, error: new Error('boom') };
    renderDashboard('/?year=2024', mocks);
    expect(await screen.findByText('总览数据加载失败', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy();
    expect(screen.getByText(/请检查网络后点击“重试”/)).toBeTruthy();
  });
});
