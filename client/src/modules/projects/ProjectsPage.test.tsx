import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import '../../app/i18n';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import { CurrentUserContext } from '../auth/currentUser';
import type { CurrentUser } from '../auth/auth.graphql';
import { PROJECT_TOTALS_QUERY } from '../dashboard/dashboard.graphql';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { PROJECTS_LIST_QUERY } from './projects.graphql';
import { ProjectsPage } from './ProjectsPage';

const text = (zh: string, en: string) => ({ __typename: 'LocalizedText' as const, zh, en });
const project = (id: string, code: string, progress: number) => ({
  __typename: 'Project' as const,
  id,
  code,
  name: text(`项目${code}`, `Project ${code}`),
  region: { __typename: 'Region' as const, id: 'r1', code: '653125', name: text('莎车县', 'Shache County') },
  sector: 'EDUCATION',
  status: 'IN_PROGRESS',
  plannedStart: '2025-01-01',
  plannedEnd: '2026-12-31',
  budget: { __typename: 'Budget' as const, total: '100000000' },
  progress,
  milestoneSummary: { __typename: 'MilestoneSummary' as const, overdue: false },
});

const mocks: MockLink.MockedResponse[] = [
  { request: { query: REGIONS_QUERY }, result: { data: { regions: [] } } },
  {
    request: { query: PROJECTS_LIST_QUERY, variables: () => true },
    result: {
      data: {
        projects: {
          __typename: 'ProjectConnection',
          totalCount: 3,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c3' },
          edges: [project('p1', 'PA-1', 80), project('p2', 'PA-2', 85), project('p3', 'PA-3', 99)].map((node, i) => ({
            __typename: 'ProjectEdge' as const,
            cursor: `c${i + 1}`,
            node,
          })),
        },
      },
    },
  },
  {
    request: { query: PROJECT_TOTALS_QUERY, variables: () => true },
    result: {
      data: {
        projectTotals: { __typename: 'ProjectTotals', count: 3, budget: '300000000', allocated: '0', disbursed: '0' },
      },
    },
  },
].map((m) => ({ ...m, maxUsageCount: Number.POSITIVE_INFINITY }));

const viewer: CurrentUser = { id: 'u1', username: 'viewer', displayName: '领导', role: 'VIEWER', regionScope: [] };

describe('project list: IATI export of chosen projects', () => {
  const fetchMock = jest.fn(async (_url: string) => ({
    ok: true,
    body: null,
    blob: async () => new Blob(['<iati-activities/>']),
    headers: new Headers({ 'content-type': 'application/xml' }),
  }));
  beforeAll(() => {
    global.fetch = fetchMock as unknown as typeof fetch;
    URL.createObjectURL = () => 'blob:iati';
    URL.revokeObjectURL = () => undefined;
    // The saved file's link is clicked; jsdom cannot navigate.
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });

  it('exports the filtered list, or only the chosen rows', async () => {
    const router = createMemoryRouter([{ path: '/projects', element: <ProjectsPage /> }], {
      initialEntries: ['/projects?year=2025&pmin=80&pmax=100&sort=PROGRESS'],
    });
    render(
      <MockedProvider mocks={mocks}>
        <AntdTestProvider>
          <CurrentUserContext.Provider value={viewer}>
            <RouterProvider router={router} />
          </CurrentUserContext.Provider>
        </AntdTestProvider>
      </MockedProvider>,
    );
    await screen.findByText('项目PA-1', undefined, { timeout: 10_000 });
    // The progress range from the dashboard is shown, and the export carries it.
    expect(screen.getByRole('search', { name: '筛选项目' }).textContent).toContain('80–100%');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /导出 IATI/ })));
    expect(fetchMock.mock.calls.at(-1)?.[0]).toBe('/api/export/iati.xml?year=2025&progressMin=80&progressMax=100');

    // Choosing rows: native checkboxes (reachable by Tab, toggled by Space), each labelled with its project.
    fireEvent.click(screen.getByRole('checkbox', { name: '选择项目 PA-1' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '选择项目 PA-3' }));
    expect(screen.getByText('已选 2 个项目')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /导出所选项目（IATI）/ })));
    expect(fetchMock.mock.calls.at(-1)?.[0]).toBe(
      '/api/export/iati.xml?year=2025&progressMin=80&progressMax=100&ids=p1%2Cp3',
    );

    // Clearing the choice goes back to exporting the filtered list.
    fireEvent.click(screen.getByRole('button', { name: '清除选择' }));
    expect(screen.queryByText('已选 2 个项目')).toBeNull();
    expect(screen.getByRole('checkbox', { name: '选择项目 PA-1' })).toHaveProperty('checked', false);
    expect(screen.getByRole('button', { name: /导出 IATI/ })).toBeTruthy();
  }, 60_000);
});
