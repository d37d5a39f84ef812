// Amounts are typed in 元 with at most two decimals and sent as integer fen, by string arithmetic only.
const YUAN_TEXT = /^(\d{1,16})(?:\.(\d{1,2}))?$/;

/** "1,234.5" → "123450"; null when the text is not a plain non-negative amount of 元. */
export function parseYuanToFen(text: string): string | null {
  const match = YUAN_TEXT.exec(text.trim().replace(/,/g, ''));
  if (!match) return null;
  const whole = match[1] ?? '0';
  const cents = (match[2] ?? '').padEnd(2, '0');
  return (BigInt(whole) * 100n + BigInt(cents)).toString();
}

/** "123450" → "1234.50", the form an amount field is prefilled with. */
export function fenToYuanInput(fen: string): string {
  const value = BigInt(fen);
  return `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

/** A form rule body: a positive amount of 元 with at most two decimals. */
export const isPositiveYuan = (text: unknown): boolean => {
  if (typeof text !== 'string') return false;
  const fen = parseYuanToFen(text);
  return fen !== null && BigInt(fen) > 0n;
};
