import { daysFrom, officeDate } from './dates';

describe('office days', () => {
  it('is already tomorrow in Shanghai at 16:00 UTC', () => {
    expect(officeDate(new Date('2026-03-31T15:59:00Z'))).toBe('2026-03-31');
    expect(officeDate(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
  });

  it('counts whole days, negative once past', () => {
    expect(daysFrom('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysFrom('2026-03-01', '2026-03-01')).toBe(0);
    expect(daysFrom('2026-03-02', '2026-03-01')).toBe(-1);
    expect(daysFrom('2026-01-01', '2027-01-01')).toBe(365);
  });
});
