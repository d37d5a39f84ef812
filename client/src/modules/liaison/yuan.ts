// Reception expenses are entered in 元 with up to 2 decimals (shown with components/money's formatYuan);
// the API takes integer fen.
// String arithmetic only: a float would lose fen.
const YUAN = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** "1234.5" → "123450"; undefined when the text is not an amount of 元. */
export function yuanToFen(text: string): string | undefined {
  const match = YUAN.exec(text.trim());
  if (!match) return undefined;
  const fen = `${match[1]}${(match[2] ?? '').padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  return fen;
}
