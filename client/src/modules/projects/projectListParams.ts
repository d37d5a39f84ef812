import type { ProjectFilter, ProjectStatus, RiskLevel, Sector, SortDirection } from '../../generated/graphql';
import {
  LIST_SORT_FIELDS,
  PROJECT_STATUSES,
  RISK_LEVELS,
  SECTORS,
  SORT_DIRECTIONS,
  type ListSortField,
} from './projectEnums';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 20;

export type ProjectListFilters = {
  search: string;
  regionCode?: string;
  sector?: Sector;
  status?: ProjectStatus;
  risk?: RiskLevel;
  year?: number;
  overdueOnly: boolean;
  mineOnly: boolean;
  /** Progress at least this… */
  progressMin?: number;
  /** …and below this: a progress bar of the dashboard ([from, to)). */
  progressMax?: number;
};

/** Everything the list shows, as it lives in the URL: shareable and kept across reloads. */
export type ProjectListState = ProjectListFilters & {
  sort?: { field: ListSortField; direction: SortDirection };
  pageSize: PageSize;
  /** The `after` cursors of the pages before this one, oldest first; empty on the first page. */
  cursors: string[];
};

export const EMPTY_FILTERS: ProjectListFilters = {
  search: '',
  overdueOnly: false,
  mineOnly: false,
  progressMin: undefined,
  progressMax: undefined,
};

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
  raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;

const REGION_CODE = /^\d{6}$/;
const YEAR = /^(19|20|21)\d{2}$/;
const PROGRESS = /^(\d{1,2}|100|101)$/;
const progressOf = (raw: string | null): number | undefined =>
  raw !== null && PROGRESS.test(raw) ? Number(raw) : undefined;

// Unknown or malformed values are dropped, so a hand-edited link still opens a sensible list.
export function parseProjectListParams(params: URLSearchParams): ProjectListState {
  const region = params.get('region');
  const year = params.get('year');
  const sortField = oneOf(LIST_SORT_FIELDS, params.get('sort'));
  const size = Number(params.get('size'));
  return {
    search: (params.get('q') ?? '').trim(),
    regionCode: region && REGION_CODE.test(region) ? region : undefined,
    sector: oneOf(SECTORS, params.get('sector')),
    status: oneOf(PROJECT_STATUSES, params.get('status')),
    risk: oneOf(RISK_LEVELS, params.get('risk')),
    year: year && YEAR.test(year) ? Number(year) : undefined,
    overdueOnly: params.get('overdue') === '1',
    mineOnly: params.get('mine') === '1',
    progressMin: progressOf(params.get('pmin')),
    progressMax: progressOf(params.get('pmax')),
    sort: sortField ? { field: sortField, direction: oneOf(SORT_DIRECTIONS, params.get('dir')) ?? 'ASC' } : undefined,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : DEFAULT_PAGE_SIZE,
    cursors: params.getAll('after').filter(Boolean),
  };
}

// Defaults are left out so the plain list has the plain URL.
export function toProjectListParams(state: ProjectListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set('q', state.search);
  if (state.regionCode) params.set('region', state.regionCode);
  if (state.sector) params.set('sector', state.sector);
  if (state.status) params.set('status', state.status);
  if (state.risk) params.set('risk', state.risk);
  if (state.year !== undefined) params.set('year', String(state.year));
  if (state.overdueOnly) params.set('overdue', '1');
  if (state.mineOnly) params.set('mine', '1');
  if (state.progressMin !== undefined) params.set('pmin', String(state.progressMin));
  if (state.progressMax !== undefined) params.set('pmax', String(state.progressMax));
  if (state.sort) {
    params.set('sort', state.sort.field);
    if (state.sort.direction === 'DESC') params.set('dir', 'DESC');
  }
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(state.pageSize));
  for (const cursor of state.cursors) params.append('after', cursor);
  return params;
}

/** Any filter, sort or page-size change starts again at the first page. */
export const withChanges = (state: ProjectListState, changes: Partial<ProjectListState>): ProjectListState => ({
  ...state,
  cursors: [],
  ...changes,
});

export const hasActiveFilters = (state: ProjectListFilters): boolean =>
  Boolean(
    state.search ||
    state.regionCode ||
    state.sector ||
    state.status ||
    state.risk ||
    state.year !== undefined ||
    state.overdueOnly ||
    state.mineOnly ||
    state.progressMin !== undefined ||
    state.progressMax !== undefined,
  );

export function toProjectsVariables(state: ProjectListState, currentUserId: string) {
  const filter: ProjectFilter = {};
  if (state.search) filter.search = state.search;
  if (state.regionCode) filter.regionCode = state.regionCode;
  if (state.sector) filter.sector = state.sector;
  if (state.status) filter.status = state.status;
  if (state.risk) filter.risk = state.risk;
  if (state.year !== undefined) filter.year = state.year;
  if (state.overdueOnly) filter.overdueOnly = true;
  if (state.mineOnly) filter.officerId = currentUserId;
  if (state.progressMin !== undefined) filter.progressMin = state.progressMin;
  if (state.progressMax !== undefined) filter.progressMax = state.progressMax;
  return {
    filter,
    sort: state.sort ? { field: state.sort.field, direction: state.sort.direction } : undefined,
    first: state.pageSize,
    after: state.cursors.at(-1),
  };
}
