import { parseDashboardParams, toDashboardFilter, toDashboardParams, yearOptions } from './dashboardParams';

describe('dashboard URL state', () => {
  it('reads a shared view back from its URL', () => {
    const state = parseDashboardParams(
      new URLSearchParams('year=2023&region=653100&sector=HEALTH&unit=yuan&milestones=year'),
      2026,
    );
    expect(state).toEqual({ year: 2023, regionCode: '653100', sector: 'HEALTH', unit: 'yuan', milestonesBy: 'year' });
    expect(toDashboardParams(state).toString()).toBe('year=2023&region=653100&sector=HEALTH&unit=yuan&milestones=year');
    expect(toDashboardFilter(state)).toEqual({ year: 2023, regionCode: '653100', sector: 'HEALTH' });
  });

  it('falls back to this year, all regions and sectors, 万元 for a hand-edited link', () => {
    const state = parseDashboardParams(new URLSearchParams('year=abc&region=65&sector=SPACE&unit=usd'), 2026);
    expect(state).toEqual({ year: 2026, regionCode: undefined, sector: undefined, unit: 'wan', milestonesBy: 'month' });
    expect(toDashboardParams(state).toString()).toBe('year=2026');
    expect(toDashboardFilter(state)).toEqual({ year: 2026 });
  });

  it('offers recent years and always the one shown', () => {
    const years = yearOptions(2026, 2001);
    expect(years[0]).toBe(2027);
    expect(years).toContain(2016);
    expect(years.at(-1)).toBe(2001);
  });
});
