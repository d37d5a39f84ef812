import type { LedgerFilter, LedgerKind } from '../../generated/graphql';

export const LEDGER_KINDS: readonly LedgerKind[] = [
  'APPROPRIATION',
  'ALLOCATION',
  'ALLOCATION_REVERSAL',
  'DISBURSEMENT',
  'DISBURSEMENT_REVERSAL',
  'CARRY_OUT',
  'CARRY_IN',
];

export const LEDGER_PAGE_SIZE = 20;

/** The ledger's filters as they live in the URL, e.g. the dashboard's drill-down links. */
export type LedgerState = {
  year?: number;
  kind?: LedgerKind;
  projectId?: string;
  regionCode?: string;
  from?: string;
  to?: string;
  /** The `after` cursors of the pages before this one; empty on the first page. */
  cursors: string[];
};

const YEAR = /^\d{4}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OBJECT_ID = /^[a-f0-9]{24}$/i;
const REGION_CODE = /^\d{6}$/;

const when = (raw: string | null, pattern: RegExp): string | undefined =>
  raw !== null && pattern.test(raw) ? raw : undefined;

// Malformed values are dropped, so a hand-edited link still opens a sensible ledger.
export function parseLedgerParams(params: URLSearchParams): LedgerState {
  const year = when(params.get('year'), YEAR);
  const kind = params.get('kind');
  return {
    year: year ? Number(year) : undefined,
    kind: LEDGER_KINDS.find((k) => k === kind),
    projectId: when(params.get('projectId'), OBJECT_ID),
    regionCode: when(params.get('regionCode'), REGION_CODE),
    from: when(params.get('from'), DATE),
    to: when(params.get('to'), DATE),
    cursors: params.getAll('after').filter(Boolean),
  };
}

export function toLedgerParams(state: LedgerState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.year !== undefined) params.set('year', String(state.year));
  if (state.kind) params.set('kind', state.kind);
  if (state.projectId) params.set('projectId', state.projectId);
  if (state.regionCode) params.set('regionCode', state.regionCode);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  for (const cursor of state.cursors) params.append('after', cursor);
  return params;
}

/** A filter change starts again from the first page. */
export const withFilters = (state: LedgerState, changes: Partial<Omit<LedgerState, 'cursors'>>): LedgerState => ({
  ...state,
  ...changes,
  cursors: [],
});

export function toLedgerVariables(state: LedgerState): { filter: LedgerFilter; first: number; after?: string } {
  const filter: LedgerFilter = {};
  if (state.year !== undefined) filter.year = state.year;
  if (state.kind) filter.kind = state.kind;
  if (state.projectId) filter.projectId = state.projectId;
  if (state.regionCode) filter.regionCode = state.regionCode;
  if (state.from) filter.from = state.from;
  if (state.to) filter.to = state.to;
  return { filter, first: LEDGER_PAGE_SIZE, after: state.cursors.at(-1) };
}

export const hasLedgerFilters = (s: LedgerState) =>
  s.year !== undefined || Boolean(s.kind || s.projectId || s.regionCode || s.from || s.to);
