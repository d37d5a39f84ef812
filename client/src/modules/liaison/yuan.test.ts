import { formatYuan } from '../../components/money';
import { yuanToFen } from './yuan';

describe('元 ↔ fen', () => {
  it('turns an amount of 元 into exact fen', () => {
    expect(yuanToFen('1234.5')).toBe('123450');
    expect(yuanToFen('0.07')).toBe('7');
    expect(yuanToFen(' 800 ')).toBe('80000');
    expect(yuanToFen('0')).toBe('0');
    expect(yuanToFen('999999999999.99')).toBe('99999999999999');
  });

  it('refuses what is not an amount of 元', () => {
    for (const bad of ['', '-1', '1.234', '1e3', '１２', 'abc', '1,000']) expect(yuanToFen(bad)).toBeUndefined();
  });

  it('shows fen as 元 with two decimals', () => {
    expect(formatYuan('123450')).toBe('1,234.50');
    expect(formatYuan('7')).toBe('0.07');
    expect(formatYuan('0')).toBe('0.00');
  });
});
