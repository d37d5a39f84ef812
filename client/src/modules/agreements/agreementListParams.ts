import type { AgreementFilter, AgreementKind, CooperationField, SortDirection } from '../../generated/graphql';
import { AGREEMENT_KINDS, AGREEMENT_SORT_FIELDS, COOPERATION_FIELDS, EXPIRY_WINDOWS } from './agreementEnums';

export const AGREEMENT_PAGE_SIZE = 20;

type SortField = (typeof AGREEMENT_SORT_FIELDS)[number];
type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];

/** The agreements list as it lives in the URL: shareable and kept across reloads. */
export type AgreementListState = {
  search: string;
  regionCode?: string;
  kind?: AgreementKind;
  field?: CooperationField;
  expiringWithinDays?: ExpiryWindow;
  includeExpired: boolean;
  sort?: { field: SortField; direction: SortDirection };
  /** The `after` cursors of the pages before this one, oldest first. */
  cursors: string[];
};

const oneOf = <T extends string | number>(values: readonly T[], raw: T | null): T | undefined =>
  raw !== null && values.includes(raw) ? raw : undefined;

const REGION_CODE = /^\d{6}$/;

// Unknown or malformed values are dropped, so a hand-edited link still opens a sensible list.
export function parseAgreementListParams(params: URLSearchParams): AgreementListState {
  const region = params.get('region');
  const field = oneOf(AGREEMENT_SORT_FIELDS, params.get('sort') as SortField | null);
  const expiring = params.get('expiring');
  return {
    search: (params.get('q') ?? '').trim(),
    regionCode: region && REGION_CODE.test(region) ? region : undefined,
    kind: oneOf(AGREEMENT_KINDS, params.get('kind') as AgreementKind | null),
    field: oneOf(COOPERATION_FIELDS, params.get('field') as CooperationField | null),
    expiringWithinDays: oneOf(EXPIRY_WINDOWS, expiring === null ? null : (Number(expiring) as ExpiryWindow)),
    includeExpired: params.get('expired') === '1',
    sort: field ? { field, direction: params.get('dir') === 'DESC' ? 'DESC' : 'ASC' } : undefined,
    cursors: params.getAll('after').filter(Boolean),
  };
}

export function toAgreementListParams(state: AgreementListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set('q', state.search);
  if (state.regionCode) params.set('region', state.regionCode);
  if (state.kind) params.set('kind', state.kind);
  if (state.field) params.set('field', state.field);
  if (state.expiringWithinDays) params.set('expiring', String(state.expiringWithinDays));
  if (state.includeExpired) params.set('expired', '1');
  if (state.sort) {
    params.set('sort', state.sort.field);
    params.set('dir', state.sort.direction);
  }
  for (const cursor of state.cursors) params.append('after', cursor);
  return params;
}

/** Any change of filter or sort goes back to the first page. */
export const withChanges = (state: AgreementListState, changes: Partial<AgreementListState>): AgreementListState => ({
  ...state,
  ...changes,
  cursors: [],
});

export function toAgreementsVariables(state: AgreementListState) {
  const filter: AgreementFilter = {
    search: state.search || undefined,
    regionCode: state.regionCode,
    kind: state.kind,
    field: state.field,
    expiringWithinDays: state.expiringWithinDays,
    includeExpired: state.includeExpired || undefined,
  };
  return {
    filter,
    sort: state.sort ?? { field: 'VALID_UNTIL' as const, direction: 'ASC' as const },
    first: AGREEMENT_PAGE_SIZE,
    after: state.cursors.at(-1),
  };
}
