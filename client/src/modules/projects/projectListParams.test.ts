import {
  DEFAULT_PAGE_SIZE,
  hasActiveFilters,
  parseProjectListParams,
  toProjectListParams,
  toProjectsVariables,
  withChanges,
} from './projectListParams';

const parse = (query: string) => parseProjectListParams(new URLSearchParams(query));

describe('project list URL state', () => {
  it('reads the plain URL as the first page of everything, 20 a page', () => {
    const state = parse('');
    expect(state).toEqual({
      search: '',
      regionCode: undefined,
      sector: undefined,
      status: undefined,
      risk: undefined,
      year: undefined,
      overdueOnly: false,
      mineOnly: false,
      progressMin: undefined,
      progressMax: undefined,
      sort: undefined,
      pageSize: DEFAULT_PAGE_SIZE,
      cursors: [],
    });
    expect(hasActiveFilters(state)).toBe(false);
    expect(toProjectListParams(state).toString()).toBe('');
  });

  it('round-trips every filter, the sort, the page size and the cursor stack', () => {
    const query =
      'q=%E5%AD%A6%E6%A0%A1&region=653100&sector=EDUCATION&status=IN_PROGRESS&risk=HIGH&year=2025' +
      '&overdue=1&mine=1&sort=BUDGET&dir=DESC&size=50&after=c1&after=c2';
    const state = parse(query);
    expect(state).toMatchObject({
      search: '学校',
      regionCode: '653100',
      sector: 'EDUCATION',
      status: 'IN_PROGRESS',
      risk: 'HIGH',
      year: 2025,
      overdueOnly: true,
      mineOnly: true,
      sort: { field: 'BUDGET', direction: 'DESC' },
      pageSize: 50,
      cursors: ['c1', 'c2'],
    });
    expect(toProjectListParams(state).toString()).toBe(query);
    expect(parseProjectListParams(toProjectListParams(state))).toEqual(state);
  });

  it('drops values the API would refuse', () => {
    const state = parse('sector=FISHING&status=done&risk=x&year=12&region=65&size=33&sort=SECRET&dir=UP');
    expect(hasActiveFilters(state)).toBe(false);
    expect(state.pageSize).toBe(DEFAULT_PAGE_SIZE);
    expect(state.sort).toBeUndefined();
  });

  it('keeps a progress range (a bar of the dashboard) and sends it to the API', () => {
    const state = parse('year=2025&pmin=80&pmax=100&sort=PROGRESS');
    expect(state).toMatchObject({ progressMin: 80, progressMax: 100 });
    expect(hasActiveFilters(state)).toBe(true);
    expect(toProjectListParams(state).toString()).toBe('year=2025&pmin=80&pmax=100&sort=PROGRESS');
    expect(toProjectsVariables(state, 'u1').filter).toEqual({ year: 2025, progressMin: 80, progressMax: 100 });
    expect(parse('pmin=-1&pmax=102').progressMin).toBeUndefined();
    expect(parse('pmin=-1&pmax=102').progressMax).toBeUndefined();
  });

  it('sorts ascending unless the URL says DESC', () => {
    expect(parse('sort=CODE').sort).toEqual({ field: 'CODE', direction: 'ASC' });
    expect(toProjectListParams(parse('sort=CODE&dir=ASC')).toString()).toBe('sort=CODE');
  });

  it('goes back to the first page when a filter changes', () => {
    const state = parse('status=APPROVED&after=c1&after=c2');
    const next = withChanges(state, { sector: 'HEALTH' });
    expect(next.cursors).toEqual([]);
    expect(toProjectListParams(next).toString()).toBe('sector=HEALTH&status=APPROVED');
  });

  it('builds the query variables, with the signed-in user for "only mine" and the last cursor', () => {
    const state = parse('q=PA-2024&mine=1&overdue=1&sort=NAME_EN&size=10&after=c1&after=c2');
    expect(toProjectsVariables(state, 'u7')).toEqual({
      filter: { search: 'PA-2024', officerId: 'u7', overdueOnly: true },
      sort: { field: 'NAME_EN', direction: 'ASC' },
      first: 10,
      after: 'c2',
    });
    expect(toProjectsVariables(parse(''), 'u7')).toEqual({ filter: {}, sort: undefined, first: 20, after: undefined });
  });
});
