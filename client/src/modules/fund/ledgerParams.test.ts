import { parseLedgerParams, toLedgerParams, toLedgerVariables, withFilters } from './ledgerParams';

describe('ledger URL parameters', () => {
  it('reads the dashboard drill-down link', () => {
    const state = parseLedgerParams(
      new URLSearchParams('year=2025&kind=DISBURSEMENT&from=2025-03-01&to=2025-03-31&regionCode=653100'),
    );
    expect(toLedgerVariables(state)).toEqual({
      filter: { year: 2025, kind: 'DISBURSEMENT', from: '2025-03-01', to: '2025-03-31', regionCode: '653100' },
      first: 20,
      after: undefined,
    });
  });

  it('drops malformed values instead of sending them', () => {
    const state = parseLedgerParams(
      new URLSearchParams('year=20x5&kind=PAYMENT&from=1.3.2025&regionCode=65&projectId=nope'),
    );
    expect(toLedgerVariables(state).filter).toEqual({});
  });

  it('round-trips filters and page cursors, and a filter change goes back to page one', () => {
    const params = new URLSearchParams(
      'year=2024&kind=ALLOCATION&projectId=0123456789abcdef01234567&after=c1&after=c2',
    );
    const state = parseLedgerParams(params);
    expect(toLedgerVariables(state).after).toBe('c2');
    expect(parseLedgerParams(toLedgerParams(state))).toEqual(state);
    expect(withFilters(state, { kind: 'DISBURSEMENT' }).cursors).toEqual([]);
  });
});
