// Exact conversions between integer fen and IATI decimal amounts (yuan with two decimals), with
// string and integer operations only: no floating point ever touches an amount.

/** 12345678901 → "123456789.01"; -1 → "-0.01". */
export function fenToDecimal(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`${fen} is not a whole number of fen`);
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * "123456789.01" → 12345678901. Accepts an optional sign, digits, and at most two decimals (more
 * decimals are accepted only when they are zeros); anything else, or an amount beyond what integer
 * fen hold exactly, is `null`.
 */
export function decimalToFen(text: string): number | null {
  const m = /^\s*([+-]?)(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!m) return null;
  const [, sign, whole, fraction = ''] = m;
  if (/[1-9]/.test(fraction.slice(2))) return null;
  const cents = `${whole}${fraction.slice(0, 2).padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  if (cents.length > 16) return null;
  const value = Number(cents);
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' && value !== 0 ? -value : value;
}
