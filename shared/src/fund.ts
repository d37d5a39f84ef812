import { z } from 'zod';
import { LIMITS } from './limits';
import { isoDate, MAX_FEN, objectId } from './projects';

export const ALLOCATION_STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

/** Every kind of money movement in the special-fund ledger. */
export const LEDGER_KINDS = [
  'APPROPRIATION',
  'ALLOCATION',
  'ALLOCATION_REVERSAL',
  'DISBURSEMENT',
  'DISBURSEMENT_REVERSAL',
  'CARRY_OUT',
  'CARRY_IN',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** A positive amount of fen: zero, negative, fractional and absurd amounts are refused. */
export const positiveFen = z
  .number({ message: 'must be an amount in fen' })
  .int('must be a whole number of fen')
  .min(1, 'must be more than zero')
  .max(MAX_FEN, `must be at most ${MAX_FEN} fen`);

export const fundYear = z
  .number({ message: 'must be a year' })
  .int('must be a whole year')
  .min(2000, 'must be between 2000 and 2100')
  .max(2100, 'must be between 2000 and 2100');

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => text(max).min(1, 'is required');

export const appropriationInput = z
  .object({
    year: fundYear,
    amount: positiveFen,
    source: required(LIMITS.shortText),
    documentRef: required(LIMITS.shortText),
  })
  .strict();
export type AppropriationInput = z.infer<typeof appropriationInput>;

export const proposeAllocationInput = z
  .object({
    projectId: objectId,
    year: fundYear,
    amount: positiveFen,
    purpose: required(LIMITS.longText),
    fundingSource: required(LIMITS.shortText),
  })
  .strict();
export type ProposeAllocationInput = z.infer<typeof proposeAllocationInput>;

export const disbursementInput = z
  .object({
    allocationId: objectId,
    amount: positiveFen,
    date: isoDate,
    voucherNo: required(64),
    payee: required(LIMITS.shortText),
    note: text(LIMITS.longText).default(''),
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'must be 8-100 letters, digits, dashes or underscores'),
  })
  .strict();
export type DisbursementInput = z.infer<typeof disbursementInput>;

export const reversalInput = z
  .object({
    amount: positiveFen,
    reason: required(LIMITS.longText),
    /** When the original's year is closed: the open year the reversal is booked in. */
    bookYear: fundYear.optional(),
  })
  .strict();
export type ReversalInput = z.infer<typeof reversalInput>;

export const reasonInput = required(LIMITS.longText);

type FenLike = number | bigint | string;

function toBigInt(fen: FenLike): bigint {
  if (typeof fen === 'bigint') return fen;
  if (typeof fen === 'number') {
    if (!Number.isSafeInteger(fen)) throw new RangeError('fen must be a safe integer');
    return BigInt(fen);
  }
  if (!/^-?\d+$/.test(fen)) throw new RangeError('fen must be a string of digits');
  return BigInt(fen);
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Divides |value| by 10^scale, rounding half up, and renders it with `decimals` places, exactly. */
function fixed(value: bigint, scale: number, decimals: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const drop = scale - decimals;
  const unit = 10n ** BigInt(drop);
  const rounded = drop > 0 ? (abs + unit / 2n) / unit : abs;
  const base = 10n ** BigInt(decimals);
  const whole = group((rounded / base).toString());
  const frac = decimals > 0 ? `.${(rounded % base).toString().padStart(decimals, '0')}` : '';
  return `${negative && rounded !== 0n ? '-' : ''}${whole}${frac}`;
}

export type MoneyLocale = 'zh-CN' | 'en';

/** 123456 fen → "1,234.56 元" (zh-CN) or "CNY 1,234.56" (en). Exact: integer arithmetic only. */
export function formatYuan(fen: FenLike, locale: MoneyLocale = 'zh-CN'): string {
  const amount = fixed(toBigInt(fen), 2, 2);
  return locale === 'zh-CN' ? `${amount} 元` : `CNY ${amount}`;
}

/** 12345678 fen → "12.35 万元" (zh-CN) or "CNY 123.46 thousand" (en); half-up rounding, exact. */
export function formatWanYuan(fen: FenLike, locale: MoneyLocale = 'zh-CN', decimals = 2): string {
  if (locale === 'zh-CN') return `${fixed(toBigInt(fen), 6, decimals)} 万元`;
  // English readers count in thousands: 1 thousand yuan = 100 000 fen.
  return `CNY ${fixed(toBigInt(fen), 5, decimals)} thousand`;
}
