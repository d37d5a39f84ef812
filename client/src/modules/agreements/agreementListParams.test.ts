import {
  parseAgreementListParams,
  toAgreementListParams,
  toAgreementsVariables,
  withChanges,
} from './agreementListParams';

describe('agreement list URL state', () => {
  it('round-trips every filter through the URL', () => {
    const params = new URLSearchParams(
      'q=喀什&region=653100&kind=FRAMEWORK&field=HEALTH&expiring=90&expired=1&sort=SIGNED_ON&dir=DESC&after=c1&after=c2',
    );
    const state = parseAgreementListParams(params);
    expect(state).toEqual({
      search: '喀什',
      regionCode: '653100',
      kind: 'FRAMEWORK',
      field: 'HEALTH',
      expiringWithinDays: 90,
      includeExpired: true,
      sort: { field: 'SIGNED_ON', direction: 'DESC' },
      cursors: ['c1', 'c2'],
    });
    expect(parseAgreementListParams(toAgreementListParams(state))).toEqual(state);
  });

  it('drops values the API would refuse', () => {
    const state = parseAgreementListParams(new URLSearchParams('region=65&kind=TREATY&field=x&expiring=7&sort=SECRET'));
    expect(state).toEqual({ search: '', includeExpired: false, cursors: [] });
  });

  it('asks for the page after the last cursor, soonest ending first by default', () => {
    const state = parseAgreementListParams(new URLSearchParams('expiring=30&after=c1&after=c2'));
    expect(toAgreementsVariables(state)).toMatchObject({
      filter: { expiringWithinDays: 30 },
      sort: { field: 'VALID_UNTIL', direction: 'ASC' },
      after: 'c2',
    });
    expect(withChanges(state, { kind: 'MEMORANDUM' }).cursors).toEqual([]);
  });
});
