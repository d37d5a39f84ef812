// Money arrives as a string of integer fen (分). Shown as 万元 (1 万元 = 1,000,000 fen) with
// BigInt arithmetic only: a float would lose fen on large budgets.
const FEN_PER_WAN = 1_000_000n;
const HUNDREDTHS_PER_WAN = 100n;

export function parseFen(fen: string): bigint {
  if (!/^\d+$/.test(fen)) throw new RangeError(`not a non-negative amount of fen: ${JSON.stringify(fen)}`);
  return BigInt(fen);
}

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "123456789012345" → "123,456,789.01" (万元, rounded half up to 2 decimals). */
export function formatWanYuan(fen: string): string {
  const hundredths = (parseFen(fen) * HUNDREDTHS_PER_WAN + FEN_PER_WAN / 2n) / FEN_PER_WAN;
  const whole = hundredths / 100n;
  const cents = (hundredths % 100n).toString().padStart(2, '0');
  return `${groupThousands(whole.toString())}.${cents}`;
}

/** "123456" → "1,234.56" (元, exact). */
export function formatYuan(fen: string): string {
  const value = parseFen(fen);
  return `${groupThousands((value / 100n).toString())}.${(value % 100n).toString().padStart(2, '0')}`;
}
