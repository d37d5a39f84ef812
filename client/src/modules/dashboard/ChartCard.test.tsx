import { MockedProvider } from '@apollo/client/testing/react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import '../../app/i18n';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import { ChartCard } from './ChartCard';
import type { DataTable } from './dataTable';
import { PROJECT_TOTALS_QUERY } from './dashboard.graphql';
import { ProjectTotalsSummary } from './ProjectTotalsSummary';

const table: DataTable = {
  columns: [
    { key: 'label', title: '地区' },
    { key: 'budget', title: '预算（万元）', numeric: true },
  ],
  rows: [
    { key: '653100', href: '/projects?region=653100&year=2025', cells: { label: '喀什地区', budget: '1,234.50' } },
  ],
};

function renderCard(props: Partial<Parameters<typeof ChartCard>[0]> = {}) {
  render(
    <AntdTestProvider>
      <MemoryRouter>
        <ChartCard
          name="spending-by-region"
          title="各地区预算"
          description="说明"
          year={2025}
          loading={false}
          table={table}
          drillLabel={(row) => `查看 ${row.cells.label}`}
          {...props}
        >
          <p>the chart</p>
        </ChartCard>
      </MemoryRouter>
    </AntdTestProvider>,
  );
}

describe('chart card', () => {
  it('names the chart by its title and description, and switches to its numbers', () => {
    renderCard();
    const figure = screen.getByRole('figure', { name: '各地区预算' });
    expect(figure.getAttribute('aria-describedby')).toBe(screen.getByText('说明').id);
    fireEvent.click(screen.getByText('数据表'));
    expect(screen.queryByText('the chart')).toBeNull();
    const link = screen.getByRole('link', { name: '查看 喀什地区' });
    expect(link.getAttribute('href')).toBe('/projects?region=653100&year=2025');
    expect(within(link.closest('tr') as HTMLElement).getByText('1,234.50')).toBeTruthy();
  });

  it('copies the table as tab-separated text for Excel', async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.assign(navigator, { clipboard: { writeText } });
    renderCard();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /复制表格/ })));
    expect(writeText).toHaveBeenCalledWith('地区\t预算（万元）\n喀什地区\t1234.50');
    expect(await screen.findByText('已复制到剪贴板，可直接粘贴到 Excel')).toBeTruthy();
  });

  it('says why there is nothing to draw, and offers nothing to copy', () => {
    renderCard({ emptyReason: '2025 年没有在建项目。' });
    expect(screen.getByText('2025 年没有在建项目。')).toBeTruthy();
    expect(screen.queryByText('the chart')).toBeNull();
    expect((screen.getByRole('button', { name: /复制表格/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('project list totals', () => {
  it('shows the count and money totals of the filtered list in 万元', async () => {
    const filter = { year: 2025, regionCode: '653100' };
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: PROJECT_TOTALS_QUERY, variables: { filter } },
            result: {
              data: {
                projectTotals: {
                  __typename: 'ProjectTotals',
                  count: 7,
                  budget: '123456789',
                  allocated: '5000000',
                  disbursed: '0',
                },
              },
            },
          },
        ]}
      >
        <AntdTestProvider>
          <ProjectTotalsSummary filter={filter} />
        </AntdTestProvider>
      </MockedProvider>,
    );
    const totals = await screen.findByRole('region', { name: '当前筛选结果合计' });
    expect(within(totals).getByText('7')).toBeTruthy();
    expect(within(totals).getByText('123.46')).toBeTruthy();
    expect(within(totals).getByText('5.00')).toBeTruthy();
  });
});
