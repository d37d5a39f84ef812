import { daysFrom } from '@pat/shared/dates';

export type Expiry = { kind: 'expired' } | { kind: 'expiring'; daysLeft: number } | null;

/** What to flag about an agreement's validity: the server decides expiring/expired, we count the days. */
export function expiryOf(
  agreement: { validUntil: string; expiringSoon: boolean; expired: boolean },
  today: string,
): Expiry {
  if (agreement.expired) return { kind: 'expired' };
  if (agreement.expiringSoon) return { kind: 'expiring', daysLeft: Math.max(0, daysFrom(today, agreement.validUntil)) };
  return null;
}
