import type { LiaisonActivityFilter, LiaisonKind } from '../../generated/graphql';
import { LIAISON_KINDS } from './liaisonEnums';

export const LIAISON_PAGE_SIZE = 20;

export type LiaisonTab = 'log' | 'mine';

/** The liaison page as it lives in the URL. */
export type LiaisonListState = {
  tab: LiaisonTab;
  search: string;
  regionCode?: string;
  kind?: LiaisonKind;
  year?: number;
  /** "My follow-ups": also those already done. */
  includeDone: boolean;
  cursors: string[];
};

const REGION_CODE = /^\d{6}$/;
const YEAR = /^(20|21)\d{2}$/;

export function parseLiaisonParams(params: URLSearchParams): LiaisonListState {
  const kind = params.get('kind');
  const region = params.get('region');
  const year = params.get('year');
  return {
    tab: params.get('tab') === 'mine' ? 'mine' : 'log',
    search: (params.get('q') ?? '').trim(),
    regionCode: region && REGION_CODE.test(region) ? region : undefined,
    kind: (LIAISON_KINDS as readonly string[]).includes(kind ?? '') ? (kind as LiaisonKind) : undefined,
    year: year && YEAR.test(year) ? Number(year) : undefined,
    includeDone: params.get('done') === '1',
    cursors: params.getAll('after').filter(Boolean),
  };
}

export function toLiaisonParams(state: LiaisonListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.tab === 'mine') params.set('tab', 'mine');
  if (state.search) params.set('q', state.search);
  if (state.regionCode) params.set('region', state.regionCode);
  if (state.kind) params.set('kind', state.kind);
  if (state.year) params.set('year', String(state.year));
  if (state.includeDone) params.set('done', '1');
  for (const cursor of state.cursors) params.append('after', cursor);
  return params;
}

export const withChanges = (state: LiaisonListState, changes: Partial<LiaisonListState>): LiaisonListState => ({
  ...state,
  ...changes,
  cursors: [],
});

export function toActivitiesVariables(state: LiaisonListState) {
  const filter: LiaisonActivityFilter = {
    search: state.search || undefined,
    regionCode: state.regionCode,
    kind: state.kind,
    year: state.year,
  };
  return { filter, first: LIAISON_PAGE_SIZE, after: state.cursors.at(-1) };
}

export function toMyFollowUpsVariables(state: LiaisonListState, userId: string) {
  return {
    filter: { ownerId: userId, openOnly: state.includeDone ? undefined : true },
    first: LIAISON_PAGE_SIZE,
    after: state.cursors.at(-1),
  };
}
