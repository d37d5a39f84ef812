import type { DashboardFilterInput } from './dashboardParams';
import {
  disbursementSeries,
  milestoneSeries,
  onTimeRateChange,
  progressSeries,
  sectorShareSeries,
  spendingSeries,
  statusBreakdown,
  type SpendingRow,
} from './dashboardSeries';
import { toCsv, toTsv } from './dataTable';

const filter: DashboardFilterInput = { year: 2025, regionCode: '653100', sector: 'HEALTH' };
const name = (zh: string, en: string) => ({ zh, en });

const regionRows: SpendingRow[] = [
  {
    key: '653121',
    region: { code: '653121', name: name('疏附县', 'Shufu County') },
    sector: null,
    projectCount: 3,
    budget: '123456789012', // 123,456.789012 万元
    allocated: '5000000', // 5 万元
    disbursed: '4999999',
  },
  {
    key: '653122',
    region: { code: '653122', name: name('疏勒县', 'Shule County') },
    sector: null,
    projectCount: 0,
    budget: '0',
    allocated: '0',
    disbursed: '0',
  },
];
const titles = {
  label: 'Region',
  projectCount: 'Projects',
  budget: 'Budget',
  allocated: 'Allocated',
  disbursed: 'Disbursed',
};

describe('spending by region', () => {
  const shaped = spendingSeries(regionRows, {
    by: 'region',
    filter,
    unit: 'wan',
    labelOf: (row) => row.region?.name.en ?? row.key,
    titles,
  });

  it('draws one bar group per region, in 万元', () => {
    expect(shaped.points.map((p) => [p.label, p.projectCount, p.budget, p.allocated])).toEqual([
      ['Shufu County', 3, 123456.789012, 5],
      ['Shule County', 0, 0, 0],
    ]);
    expect(shaped.isEmpty).toBe(false);
  });

  it('lists exact amounts, rounded half up to the fen of 万元', () => {
    expect(shaped.table.rows[0]?.cells).toEqual({
      label: 'Shufu County',
      projectCount: '3',
      budget: '123,456.79',
      allocated: '5.00',
      disbursed: '5.00',
    });
  });

  it('drills down to the project list of that region, same year and sector', () => {
    expect(shaped.points[0]?.href).toBe('/projects?region=653121&sector=HEALTH&year=2025');
    expect(shaped.table.rows[0]?.href).toBe(shaped.points[0]?.href);
  });

  it('shows amounts in 元 when switched', () => {
    const inYuan = spendingSeries(regionRows, { by: 'region', filter, unit: 'yuan', labelOf: (r) => r.key, titles });
    expect(inYuan.table.rows[0]?.cells.budget).toBe('1,234,567,890.12');
    expect(inYuan.points[0]?.budget).toBe(1234567890.12);
  });

  it('is empty when nothing ran and nothing was spent', () => {
    const empty = spendingSeries([regionRows[1] as SpendingRow], {
      by: 'region',
      filter,
      unit: 'wan',
      labelOf: (r) => r.key,
      titles,
    });
    expect(empty.isEmpty).toBe(true);
  });

  it('copies as TSV and downloads as CSV without thousands separators', () => {
    expect(toTsv(shaped.table).split('\n')).toEqual([
      'Region\tProjects\tBudget\tAllocated\tDisbursed',
      'Shufu County\t3\t123456.79\t5.00\t5.00',
      'Shule County\t0\t0.00\t0.00\t0.00',
    ]);
    expect(toCsv(shaped.table)).toBe(
      'Region,Projects,Budget,Allocated,Disbursed\r\nShufu County,3,123456.79,5.00,5.00\r\nShule County,0,0.00,0.00,0.00\r\n',
    );
  });
});

describe('spending and share by sector', () => {
  const sectorRows: SpendingRow[] = [
    { key: 'EDUCATION', sector: 'EDUCATION', projectCount: 1, budget: '1000000', allocated: '0', disbursed: '0' },
    { key: 'HEALTH', sector: 'HEALTH', projectCount: 1, budget: '1000000', allocated: '0', disbursed: '0' },
    { key: 'CULTURE', sector: 'CULTURE', projectCount: 1, budget: '1000000', allocated: '0', disbursed: '0' },
    { key: 'OTHER', sector: 'OTHER', projectCount: 2, budget: '0', allocated: '0', disbursed: '0' },
  ];
  const regionOnly: DashboardFilterInput = { year: 2024, regionCode: '650000' };

  it('drills a sector bar down to that sector in the filter’s region', () => {
    const shaped = spendingSeries(sectorRows, {
      by: 'sector',
      filter: regionOnly,
      unit: 'wan',
      labelOf: (r) => r.key,
      titles,
    });
    expect(shaped.points.map((p) => p.href)).toEqual([
      '/projects?region=650000&sector=EDUCATION&year=2024',
      '/projects?region=650000&sector=HEALTH&year=2024',
      '/projects?region=650000&sector=CULTURE&year=2024',
      '/projects?region=650000&sector=OTHER&year=2024',
    ]);
  });

  it('leaves out sectors without budget and makes the shares add up to exactly 100%', () => {
    const share = sectorShareSeries(sectorRows, {
      filter: regionOnly,
      unit: 'wan',
      labelOf: (r) => r.key,
      titles: { label: 'Sector', projectCount: 'Projects', budget: 'Budget', share: 'Share' },
    });
    expect(share.points.map((p) => p.key)).toEqual(['EDUCATION', 'HEALTH', 'CULTURE']);
    expect(share.points.map((p) => p.shareTenths)).toEqual([334, 333, 333]);
    expect(share.table.rows.map((r) => r.cells.share)).toEqual(['33.4%', '33.3%', '33.3%']);
    expect(share.points[1]?.href).toBe('/projects?region=650000&sector=HEALTH&year=2024');
  });

  it('says there is nothing to share when no sector has a budget', () => {
    const share = sectorShareSeries([sectorRows[3] as SpendingRow], {
      filter: regionOnly,
      unit: 'wan',
      labelOf: (r) => r.key,
      titles: { label: 'Sector', projectCount: 'Projects', budget: 'Budget', share: 'Share' },
    });
    expect(share.isEmpty).toBe(true);
  });
});

describe('disbursements month by month', () => {
  const months = Array.from({ length: 12 }, (_, i) => ({
    month: 12 - i, // out of order on purpose
    disbursed: (12 - i) % 2 === 0 ? '2500000' : '0',
    cumulativeDisbursed: String(Math.floor((12 - i) / 2) * 2_500_000),
    cumulativePlanned: String((12 - i) * 1_000_000),
  }));

  it('orders the months and draws cumulative disbursed against plan', () => {
    const shaped = disbursementSeries(months, {
      filter: { year: 2025 },
      unit: 'wan',
      monthLabel: (m) => `M${m}`,
      titles: { month: 'Month', disbursed: 'D', cumulativeDisbursed: 'CD', cumulativePlanned: 'CP' },
    });
    expect(shaped.points.map((p) => p.label).slice(0, 3)).toEqual(['M1', 'M2', 'M3']);
    expect(shaped.points[3]).toMatchObject({ disbursed: 2.5, cumulativeDisbursed: 5, cumulativePlanned: 4 });
    expect(shaped.table.rows[11]?.cells).toEqual({
      month: 'M12',
      disbursed: '2.50',
      cumulativeDisbursed: '15.00',
      cumulativePlanned: '12.00',
    });
    expect(shaped.isEmpty).toBe(false);
  });

  it('drills a month down to the ledger’s disbursements of that month, in the region', () => {
    const shaped = disbursementSeries(months, {
      filter: { year: 2024, regionCode: '653100' },
      unit: 'wan',
      monthLabel: String,
      titles: { month: 'Month', disbursed: 'D', cumulativeDisbursed: 'CD', cumulativePlanned: 'CP' },
    });
    expect(shaped.points[1]?.href).toBe(
      '/fund/ledger?year=2024&kind=DISBURSEMENT&from=2024-02-01&to=2024-02-29&regionCode=653100',
    );
    expect(shaped.points[11]?.href).toContain('from=2024-12-01&to=2024-12-31');
  });

  it('is empty when there is neither plan nor disbursement', () => {
    const none = months.map((m) => ({ ...m, disbursed: '0', cumulativeDisbursed: '0', cumulativePlanned: '0' }));
    const shaped = disbursementSeries(none, {
      filter: { year: 2025 },
      unit: 'wan',
      monthLabel: String,
      titles: { month: 'Month', disbursed: 'D', cumulativeDisbursed: 'CD', cumulativePlanned: 'CP' },
    });
    expect(shaped.isEmpty).toBe(true);
  });
});

describe('milestones over time', () => {
  const milestoneTitles = {
    period: 'Period',
    due: 'Due',
    completed: 'Done',
    completedOnTime: 'On time',
    onTimeRate: 'Rate',
  };

  it('computes the on-time rate per month and leaves a gap where nothing was due', () => {
    const shaped = milestoneSeries(
      [
        { period: '2025-02', due: 0, completed: 0, completedOnTime: 0 },
        { period: '2025-01', due: 8, completed: 7, completedOnTime: 6 },
      ],
      { filter: { year: 2025, sector: 'EDUCATION' }, periodLabel: (p) => p, titles: milestoneTitles },
    );
    expect(shaped.points.map((p) => [p.period, p.onTimeRate])).toEqual([
      ['2025-01', 75],
      ['2025-02', null],
    ]);
    expect(shaped.table.rows.map((r) => r.cells.onTimeRate)).toEqual(['75.0%', '']);
    // Each bar opens the milestones behind it: planned that month, in the filter's sector.
    expect(shaped.points[0]?.hrefs).toEqual({
      due: '/milestones?year=2025&month=1&sector=EDUCATION',
      completed: '/milestones?year=2025&month=1&sector=EDUCATION&outcome=done',
      completedOnTime: '/milestones?year=2025&month=1&sector=EDUCATION&outcome=onTime',
    });
    expect(shaped.points[0]?.href).toBe(shaped.points[0]?.hrefs.due);
  });

  it('drills a year to the milestones planned in that year', () => {
    const shaped = milestoneSeries(
      [
        { period: '2023', due: 3, completed: 3, completedOnTime: 2 },
        { period: '2024', due: 0, completed: 0, completedOnTime: 0 },
      ],
      { filter: { year: 2025 }, periodLabel: (p) => p, titles: milestoneTitles },
    );
    expect(shaped.points.map((p) => p.href)).toEqual(['/milestones?year=2023', '/milestones?year=2024']);
    expect(shaped.points[0]?.hrefs.completedOnTime).toBe('/milestones?year=2023&outcome=onTime');
    expect(shaped.table.rows[0]?.cells.onTimeRate).toBe('66.7%');
    expect(shaped.isEmpty).toBe(false);
  });
});

describe('progress distribution', () => {
  it('labels the ranges and sends a bar to the projects in its range, sorted by progress', () => {
    const shaped = progressSeries(
      [
        { from: 90, to: 101, count: 4 },
        { from: 0, to: 10, count: 2 },
      ],
      {
        filter: { year: 2025, regionCode: '653121' },
        bucketLabel: (f, t) => `${f}-${t}%`,
        titles: { range: 'Range', projects: 'Projects' },
      },
    );
    expect(shaped.points.map((p) => [p.label, p.count])).toEqual([
      ['0-10%', 2],
      ['90-100%', 4],
    ]);
    expect(shaped.points[0]?.href).toBe('/projects?region=653121&year=2025&pmin=0&pmax=10&sort=PROGRESS');
    expect(shaped.points[1]?.href).toBe('/projects?region=653121&year=2025&pmin=90&pmax=101&sort=PROGRESS');
    expect(shaped.table.rows.map((r) => r.cells)).toEqual([
      { range: '0-10%', count: '2' },
      { range: '90-100%', count: '4' },
    ]);
  });
});

describe('headline figures', () => {
  it('lists statuses in the office’s order with a link to each', () => {
    const rows = statusBreakdown(
      [
        { status: 'COMPLETED', count: 2 },
        { status: 'IN_PROGRESS', count: 5 },
        { status: 'CANCELLED', count: 0 },
      ],
      ['PROPOSED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'],
      { year: 2025 },
    );
    expect(rows).toEqual([
      { status: 'IN_PROGRESS', count: 5, href: '/projects?status=IN_PROGRESS&year=2025' },
      { status: 'COMPLETED', count: 2, href: '/projects?status=COMPLETED&year=2025' },
    ]);
  });

  it('gives the on-time rate and its change in percentage points', () => {
    expect(onTimeRateChange({ current: 9, previous: 3 }, { current: 10, previous: 4 })).toEqual({
      current: '90.0',
      pointsChange: 15,
    });
    expect(onTimeRateChange({ current: 1, previous: 0 }, { current: 3, previous: 0 })).toEqual({
      current: '33.3',
      pointsChange: null,
    });
  });
});
