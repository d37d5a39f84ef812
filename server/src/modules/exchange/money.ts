// Money crosses files as yuan with two decimals; inside it is integer fen. Conversions use integer
// and string operations only, so no amount is ever rounded by floating point.
import { MAX_FEN } from '@pat/shared';

/** 12345678901 → "123456789.01"; -5 → "-0.05". */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`not a whole number of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export type YuanParse = { fen: number } | { problem: 'NOT_A_NUMBER' | 'NEGATIVE_AMOUNT' | 'TOO_PRECISE' | 'TOO_LARGE' };

/**
 * "1,234.5" or "1234.50" or a spreadsheet number → fen. A number cell is read through its shortest
 * decimal form (what Excel shows), so 123456789.01 gives exactly 12345678901 fen.
 */
export function yuanToFen(value: string | number): YuanParse {
  let text =
    typeof value === 'number'
      ? numberText(value)
      : value
          .trim()
          .replace(/[,，\s]/g, '')
          .replace(/^[¥￥]/, '');
  if (text === null) return { problem: 'NOT_A_NUMBER' };
  if (text.startsWith('-')) return /^-\d/.test(text) ? { problem: 'NEGATIVE_AMOUNT' } : { problem: 'NOT_A_NUMBER' };
  if (text.startsWith('+')) text = text.slice(1);
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || !/\d/.test(text)) return { problem: 'NOT_A_NUMBER' };
  const whole = m[1] || '0';
  const decimals = (m[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { problem: 'TOO_PRECISE' };
  const wholeDigits = whole.replace(/^0+(?=\d)/, '');
  if (wholeDigits.length > 14) return { problem: 'TOO_LARGE' };
  const fen = Number(wholeDigits) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_FEN) return { problem: 'TOO_LARGE' };
  return { fen };
}

function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const text = String(n);
  // 1e21 and beyond, or 1e-7 and below: far outside any amount with two decimals.
  if (/e/i.test(text)) return n < 0 ? '-1' : n >= 1 ? '1'.repeat(20) : '0.001';
  return text;
}
