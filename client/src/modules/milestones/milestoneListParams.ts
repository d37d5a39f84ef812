import type {
  MilestoneFilter,
  MilestoneSortField,
  MilestoneStatus,
  Sector,
  SortDirection,
} from '../../generated/graphql';
import { MILESTONE_STATUSES, SECTORS, SORT_DIRECTIONS } from '../projects/projectEnums';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, type PageSize } from '../projects/projectListParams';

/** How a milestone ended up, as the dashboard's milestone chart counts it. */
export const OUTCOMES = ['done', 'onTime', 'late', 'open', 'overdue'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const MILESTONE_SORT_FIELDS = [
  'PLANNED_DATE',
  'STATUS',
  'PERCENT_COMPLETE',
  'UPDATED_AT',
] as const satisfies readonly MilestoneSortField[];

export type MilestoneListFilters = {
  year?: number;
  /** 1-12; only with a year. */
  month?: number;
  regionCode?: string;
  sector?: Sector;
  status?: MilestoneStatus;
  outcome?: Outcome;
};

/** Everything the list shows, as it lives in the URL. */
export type MilestoneListState = MilestoneListFilters & {
  sort?: { field: MilestoneSortField; direction: SortDirection };
  pageSize: PageSize;
  /** The `after` cursors of the pages before this one. */
  cursors: string[];
};

export const EMPTY_MILESTONE_FILTERS: MilestoneListFilters = {
  year: undefined,
  month: undefined,
  regionCode: undefined,
  sector: undefined,
  status: undefined,
  outcome: undefined,
};

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
  raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;

const REGION_CODE = /^\d{6}$/;
const YEAR = /^(19|20|21)\d{2}$/;
const MONTH = /^(0?[1-9]|1[0-2])$/;

// Unknown or malformed values are dropped, so a hand-edited link still opens a sensible list.
export function parseMilestoneListParams(params: URLSearchParams): MilestoneListState {
  const year = params.get('year');
  const month = params.get('month');
  const region = params.get('region');
  const sortField = oneOf(MILESTONE_SORT_FIELDS, params.get('sort'));
  const size = Number(params.get('size'));
  const hasYear = Boolean(year && YEAR.test(year));
  return {
    year: hasYear ? Number(year) : undefined,
    month: hasYear && month && MONTH.test(month) ? Number(month) : undefined,
    regionCode: region && REGION_CODE.test(region) ? region : undefined,
    sector: oneOf(SECTORS, params.get('sector')),
    status: oneOf(MILESTONE_STATUSES, params.get('status')),
    outcome: oneOf(OUTCOMES, params.get('outcome')),
    sort: sortField ? { field: sortField, direction: oneOf(SORT_DIRECTIONS, params.get('dir')) ?? 'ASC' } : undefined,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : DEFAULT_PAGE_SIZE,
    cursors: params.getAll('after').filter(Boolean),
  };
}

// Defaults are left out so the plain list has the plain URL.
export function toMilestoneListParams(state: MilestoneListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.year !== undefined) params.set('year', String(state.year));
  if (state.year !== undefined && state.month !== undefined) params.set('month', String(state.month));
  if (state.regionCode) params.set('region', state.regionCode);
  if (state.sector) params.set('sector', state.sector);
  if (state.status) params.set('status', state.status);
  if (state.outcome) params.set('outcome', state.outcome);
  if (state.sort) {
    params.set('sort', state.sort.field);
    if (state.sort.direction === 'DESC') params.set('dir', 'DESC');
  }
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(state.pageSize));
  for (const cursor of state.cursors) params.append('after', cursor);
  return params;
}

/** Any filter, sort or page-size change starts again at the first page. */
export const withMilestoneChanges = (
  state: MilestoneListState,
  changes: Partial<MilestoneListState>,
): MilestoneListState => ({ ...state, cursors: [], ...changes });

export const hasActiveMilestoneFilters = (state: MilestoneListFilters): boolean =>
  (Object.keys(EMPTY_MILESTONE_FILTERS) as (keyof MilestoneListFilters)[]).some((key) => state[key] !== undefined);

const OUTCOME_FILTERS: Record<Outcome, MilestoneFilter> = {
  done: { completed: true },
  onTime: { onTime: true },
  late: { onTime: false },
  open: { completed: false },
  overdue: { overdueOnly: true },
};

/** The API filter: also what the export sends, so the file holds exactly the rows of the list. */
export function toMilestoneFilter(state: MilestoneListFilters): MilestoneFilter {
  const filter: MilestoneFilter = {};
  if (state.year !== undefined) {
    filter.year = state.year;
    if (state.month !== undefined) filter.month = state.month;
  }
  if (state.regionCode) filter.regionCode = state.regionCode;
  if (state.sector) filter.sector = state.sector;
  if (state.status) filter.status = state.status;
  if (state.outcome) Object.assign(filter, OUTCOME_FILTERS[state.outcome]);
  return filter;
}

export function toMilestonesVariables(state: MilestoneListState) {
  return {
    filter: toMilestoneFilter(state),
    sort: state.sort ? { field: state.sort.field, direction: state.sort.direction } : undefined,
    first: state.pageSize,
    after: state.cursors.at(-1),
  };
}

/** The export's query parameters: the list's filter, with `false` spelled out (the export drops absent ones). */
export function toMilestoneExportFilter(state: MilestoneListFilters): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(toMilestoneFilter(state))
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => [key, value === false ? 'false' : (value as string | number | boolean)]),
  );
}
