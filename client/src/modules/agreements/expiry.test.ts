import { expiryOf } from './expiry';

describe('expiryOf', () => {
  it('counts the days left of an agreement ending soon, the last day counting as 0', () => {
    expect(expiryOf({ validUntil: '2026-12-31', expiringSoon: true, expired: false }, '2026-11-28')).toEqual({
      kind: 'expiring',
      daysLeft: 33,
    });
    expect(expiryOf({ validUntil: '2026-11-28', expiringSoon: true, expired: false }, '2026-11-28')).toEqual({
      kind: 'expiring',
      daysLeft: 0,
    });
  });

  it('flags an expired agreement, and nothing for one far from its end', () => {
    expect(expiryOf({ validUntil: '2026-01-01', expiringSoon: false, expired: true }, '2026-11-28')).toEqual({
      kind: 'expired',
    });
    expect(expiryOf({ validUntil: '2028-01-01', expiringSoon: false, expired: false }, '2026-11-28')).toBeNull();
  });
});
