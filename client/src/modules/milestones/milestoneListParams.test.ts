import {
  hasActiveMilestoneFilters,
  parseMilestoneListParams,
  toMilestoneExportFilter,
  toMilestoneListParams,
  toMilestonesVariables,
  withMilestoneChanges,
} from './milestoneListParams';

const parse = (query: string) => parseMilestoneListParams(new URLSearchParams(query));

describe('milestone list URL state', () => {
  it('reads the plain URL as the first page of everything', () => {
    const state = parse('');
    expect(hasActiveMilestoneFilters(state)).toBe(false);
    expect(toMilestoneListParams(state).toString()).toBe('');
    expect(toMilestonesVariables(state)).toEqual({ filter: {}, sort: undefined, first: 20, after: undefined });
  });

  it('round-trips a dashboard drill-down and turns each outcome into the API filter', () => {
    const query = 'year=2025&month=3&region=653100&sector=HEALTH&outcome=onTime&sort=STATUS&dir=DESC&after=c1';
    const state = parse(query);
    expect(toMilestoneListParams(state).toString()).toBe(query);
    expect(toMilestonesVariables(state)).toEqual({
      filter: { year: 2025, month: 3, regionCode: '653100', sector: 'HEALTH', onTime: true },
      sort: { field: 'STATUS', direction: 'DESC' },
      first: 20,
      after: 'c1',
    });
    const filterOf = (outcome: string) => toMilestonesVariables(parse(`outcome=${outcome}`)).filter;
    expect(filterOf('done')).toEqual({ completed: true });
    expect(filterOf('late')).toEqual({ onTime: false });
    expect(filterOf('open')).toEqual({ completed: false });
    expect(filterOf('overdue')).toEqual({ overdueOnly: true });
    // The export drops false values: "late" and "not completed" must still narrow the file.
    expect(toMilestoneExportFilter(parse('year=2025&outcome=late'))).toEqual({ year: 2025, onTime: 'false' });
    expect(toMilestoneExportFilter(parse('outcome=open'))).toEqual({ completed: 'false' });
  });

  it('drops a month without its year, and values the API would refuse', () => {
    const state = parse('month=4&status=SOON&region=65&year=12&size=7');
    expect(hasActiveMilestoneFilters(state)).toBe(false);
    expect(state.pageSize).toBe(20);
    expect(parse('year=2024&month=13').month).toBeUndefined();
  });

  it('goes back to the first page when a filter changes', () => {
    const next = withMilestoneChanges(parse('year=2025&after=c1'), { sector: 'EDUCATION' });
    expect(toMilestoneListParams(next).toString()).toBe('year=2025&sector=EDUCATION');
  });
});
