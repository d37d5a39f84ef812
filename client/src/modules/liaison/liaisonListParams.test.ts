import {
  parseLiaisonParams,
  toActivitiesVariables,
  toLiaisonParams,
  toMyFollowUpsVariables,
  withChanges,
} from './liaisonListParams';

describe('liaison page URL state', () => {
  it('round-trips the filters and the tab', () => {
    const state = parseLiaisonParams(
      new URLSearchParams('tab=mine&q=座谈&region=653125&kind=VISIT&year=2026&done=1&after=a'),
    );
    expect(state).toEqual({
      tab: 'mine',
      search: '座谈',
      regionCode: '653125',
      kind: 'VISIT',
      year: 2026,
      includeDone: true,
      cursors: ['a'],
    });
    expect(parseLiaisonParams(toLiaisonParams(state))).toEqual(state);
  });

  it('drops malformed values and starts on the log', () => {
    expect(parseLiaisonParams(new URLSearchParams('tab=x&region=1&kind=PARTY&year=99'))).toEqual({
      tab: 'log',
      search: '',
      includeDone: false,
      cursors: [],
    });
  });

  it('asks for open follow-ups of the user unless done ones are wanted', () => {
    const state = parseLiaisonParams(new URLSearchParams('tab=mine'));
    expect(toMyFollowUpsVariables(state, 'u1').filter).toEqual({ ownerId: 'u1', openOnly: true });
    expect(toMyFollowUpsVariables({ ...state, includeDone: true }, 'u1').filter).toEqual({
      ownerId: 'u1',
      openOnly: undefined,
    });
    expect(toActivitiesVariables(withChanges(state, { kind: 'CALL' })).filter.kind).toBe('CALL');
  });
});
