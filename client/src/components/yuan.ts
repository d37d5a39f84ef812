import type { MAX_FEN as SharedMaxFen } from '@pat/shared';

// Amounts (budgets, fund entries, reception expenses) are typed in 元 and sent as integer fen (分).
// Text and BigInt only: a float would turn 0.29 元 into 28.999… fen.
// A value import from @pat/shared would bundle zod; the type keeps this in step with shared/.
export const MAX_FEN: typeof SharedMaxFen = 10_000_000_000_000;
const YUAN_PATTERN = /^(\d+)(?:\.(\d*))?$/;

export type YuanParse = { fen: string } | { problem: 'format' | 'decimals' | 'tooLarge' };

/** "1,234.5" → { fen: "123450" }; more than two decimals is refused, never rounded. */
export function yuanToFen(text: string, maxFen: number = MAX_FEN): YuanParse {
  const cleaned = text.trim().replace(/[,，\s]/g, '');
  const match = YUAN_PATTERN.exec(cleaned);
  if (!match) return { problem: 'format' };
  const [, whole = '0', decimals = ''] = match;
  if (decimals.length > 2) return { problem: 'decimals' };
  const fen = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (fen > BigInt(maxFen)) return { problem: 'tooLarge' };
  return { fen: fen.toString() };
}

/** The fen of typed 元, or undefined when it is not an amount (the form's rules say why). */
export function fenOf(text: string, maxFen: number = MAX_FEN): string | undefined {
  const parsed = yuanToFen(text, maxFen);
  return 'fen' in parsed ? parsed.fen : undefined;
}

/** "123450" → "1234.5": the shortest exact 元 text for an edit box. */
export function fenToYuan(fen: string): string {
  const value = BigInt(fen);
  const whole = (value / 100n).toString();
  const cents = (value % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return cents ? `${whole}.${cents}` : whole;
}
