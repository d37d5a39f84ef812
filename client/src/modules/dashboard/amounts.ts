import type { AmountUnit } from './dashboardParams';

// Money arrives as a string of integer fen. Tables and labels are formatted from it exactly, with
// BigInt; only the drawing of a bar uses a float.
const FEN_PER_UNIT: Record<AmountUnit, bigint> = { wan: 1_000_000n, yuan: 100n };
const DECIMALS = 2;
const HUNDREDTHS = 10n ** BigInt(DECIMALS);

export function toFen(value: string): bigint {
  if (!/^-?\d+$/.test(value)) throw new RangeError(`not an amount of fen: ${JSON.stringify(value)}`);
  return BigInt(value);
}

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Fen as 万元 or 元 with two decimals, rounded half away from zero: "1,234.57". */
export function formatAmount(fen: string | bigint, unit: AmountUnit, { grouped = true } = {}): string {
  const value = typeof fen === 'bigint' ? fen : toFen(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const perUnit = FEN_PER_UNIT[unit];
  const hundredths = (abs * HUNDREDTHS + perUnit / 2n) / perUnit;
  const whole = (hundredths / HUNDREDTHS).toString();
  const fraction = (hundredths % HUNDREDTHS).toString().padStart(DECIMALS, '0');
  const sign = negative && hundredths !== 0n ? '-' : '';
  return `${sign}${grouped ? groupThousands(whole) : whole}.${fraction}`;
}

/** For drawing only: the amount in the unit as a float. */
export const chartAmount = (fen: string, unit: AmountUnit): number => Number(toFen(fen)) / Number(FEN_PER_UNIT[unit]);

/** A signed difference, "+12.30" / "-4.00" / "0.00". */
export function formatAmountChange(current: string, previous: string, unit: AmountUnit): string {
  const delta = toFen(current) - toFen(previous);
  const text = formatAmount(delta, unit);
  return delta > 0n ? `+${text}` : text;
}

/** Percent change, one decimal, from integers: null when last year was zero (no meaningful ratio). */
export function percentChange(current: bigint, previous: bigint): string | null {
  if (previous === 0n) return null;
  const delta = current - previous;
  const negative = delta < 0n;
  const abs = negative ? -delta : delta;
  const base = previous < 0n ? -previous : previous;
  const tenths = (abs * 1000n + base / 2n) / base;
  const text = `${tenths / 10n}.${tenths % 10n}%`;
  if (tenths === 0n) return '0.0%';
  return negative ? `-${text}` : `+${text}`;
}

/** part / whole as a percentage with one decimal ("87.5"), or null when nothing was due. */
export function ratePercent(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  const tenths = Math.round((part * 1000) / whole);
  return `${Math.trunc(tenths / 10)}.${tenths % 10}`;
}

/** Shares of a total in tenths of a percent that add up to exactly 100.0 (largest remainder). */
export function sharesInTenths(parts: readonly bigint[]): number[] {
  const total = parts.reduce((sum, p) => sum + p, 0n);
  if (total === 0n) return parts.map(() => 0);
  const exact = parts.map((p) => p * 1000n);
  const floors = exact.map((e) => e / total);
  let left = 1000n - floors.reduce((sum, f) => sum + f, 0n);
  const order = exact
    .map((e, i) => ({ i, remainder: e % total }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  const result = floors.map(Number);
  for (const { i } of order) {
    if (left === 0n) break;
    result[i] = (result[i] ?? 0) + 1;
    left -= 1n;
  }
  return result;
}

export const formatTenths = (tenths: number): string => `${Math.trunc(tenths / 10)}.${tenths % 10}`;
