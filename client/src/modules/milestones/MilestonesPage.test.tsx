import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import '../../app/i18n';
import type { MilestoneFilter } from '../../generated/graphql';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { MILESTONES_LIST_QUERY } from './milestones.graphql';
import { MilestonesPage } from './MilestonesPage';

const text = (zh: string, en: string) => ({ __typename: 'LocalizedText' as const, zh, en });
const milestone = (id: string, plannedDate: string, status: string, overdue: boolean, actualDate: string | null) => ({
  __typename: 'Milestone' as const,
  id,
  title: text(`里程碑${id}`, `Milestone ${id}`),
  plannedDate,
  actualDate,
  percentComplete: status === 'DONE' ? 100 : 40,
  status,
  overdue,
  project: { __typename: 'Project' as const, id: 'p1', code: 'PA-2025-001', name: text('喀什学校', 'Kashgar school') },
});

// Answers any filter; records what the page asked for.
function listMock(seen: MilestoneFilter[]): MockLink.MockedResponse {
  return {
    request: {
      query: MILESTONES_LIST_QUERY,
      variables: (vars: { filter?: MilestoneFilter }) => {
        seen.push(vars.filter ?? {});
        return true;
      },
    },
    result: {
      data: {
        milestones: {
          __typename: 'MilestoneConnection',
          totalCount: 2,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
          edges: [
            { __typename: 'MilestoneEdge', cursor: 'c1', node: milestone('1', '2025-03-02', 'PENDING', true, null) },
            {
              __typename: 'MilestoneEdge',
              cursor: 'c2',
              node: milestone('2', '2025-03-20', 'DONE', false, '2025-03-18'),
            },
          ],
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

function renderPage(url: string, seen: MilestoneFilter[]) {
  const router = createMemoryRouter(
    [
      { path: '/milestones', element: <MilestonesPage /> },
      { path: '/projects/:id', element: <p>project page</p> },
    ],
    { initialEntries: [url] },
  );
  render(
    <MockedProvider
      mocks={[
        {
          request: { query: REGIONS_QUERY },
          result: { data: { regions: [] } },
          maxUsageCount: Number.POSITIVE_INFINITY,
        },
        listMock(seen),
      ]}
    >
      <AntdTestProvider>
        <RouterProvider router={router} />
      </AntdTestProvider>
    </MockedProvider>,
  );
  return router;
}

describe('milestone list page', () => {
  it('asks for exactly the drill-down filter of the URL and shows the milestones, overdue in red', async () => {
    const seen: MilestoneFilter[] = [];
    const router = renderPage('/milestones?year=2025&month=3&sector=EDUCATION&outcome=onTime', seen);
    const table = await screen.findByRole('table', undefined, { timeout: 10_000 });
    await within(table).findByText('里程碑1');
    expect(seen.at(-1)).toEqual({ year: 2025, month: 3, sector: 'EDUCATION', onTime: true });
    expect(screen.getByText('共 2 个里程碑')).toBeTruthy();
    // The overdue one says so, and its planned date is shown as a danger text.
    const overdueRow = within(table).getByText('里程碑1').closest('tr') as HTMLElement;
    expect(within(overdueRow).getByText('逾期')).toBeTruthy();
    expect(within(overdueRow).getByText('2025-03-02').closest('.ant-typography-danger')).toBeTruthy();
    const doneRow = within(table).getByText('里程碑2').closest('tr') as HTMLElement;
    expect(within(doneRow).queryByText('逾期')).toBeNull();
    expect(within(doneRow).getByText('2025-03-18')).toBeTruthy();
    // The filters show the drill-down's choice, and the export sends the same filter.
    expect(screen.getByRole('search', { name: '筛选里程碑' }).textContent).toContain('按期完成');

    await act(async () => fireEvent.click(within(overdueRow).getByRole('link', { name: /PA-2025-001/ })));
    expect(router.state.location.pathname).toBe('/projects/p1');
  }, 60_000);

  it('drops a month without a year and unknown values', async () => {
    const seen: MilestoneFilter[] = [];
    renderPage('/milestones?month=3&outcome=someday&region=12', seen);
    await screen.findByText('里程碑1', undefined, { timeout: 10_000 });
    expect(seen.at(-1)).toEqual({});
  }, 60_000);
});
