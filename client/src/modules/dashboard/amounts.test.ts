import { formatAmount, formatAmountChange, percentChange, ratePercent, sharesInTenths } from './amounts';

describe('dashboard amounts', () => {
  it('formats fen in 万元 and 元 exactly, beyond the float range', () => {
    expect(formatAmount('999999999999999999', 'wan')).toBe('1,000,000,000,000.00');
    expect(formatAmount('900719925474099312', 'yuan')).toBe('9,007,199,254,740,993.12');
    expect(formatAmount('12345', 'wan')).toBe('0.01');
    expect(formatAmount('4999', 'wan')).toBe('0.00');
    expect(formatAmount('5000', 'wan')).toBe('0.01');
  });

  it('signs changes and rounds negatives away from zero', () => {
    expect(formatAmountChange('3000000', '1000000', 'wan')).toBe('+2.00');
    expect(formatAmountChange('1000000', '6000000', 'wan')).toBe('-5.00');
    expect(formatAmountChange('0', '5000', 'wan')).toBe('-0.01');
    expect(formatAmountChange('7', '7', 'yuan')).toBe('0.00');
  });

  it('gives percent changes with one decimal, and none against a zero year', () => {
    expect(percentChange(150n, 100n)).toBe('+50.0%');
    expect(percentChange(2n, 3n)).toBe('-33.3%');
    expect(percentChange(100n, 100n)).toBe('0.0%');
    expect(percentChange(5n, 0n)).toBeNull();
  });

  it('gives rates only when something was due', () => {
    expect(ratePercent(2, 3)).toBe('66.7');
    expect(ratePercent(0, 0)).toBeNull();
  });

  it('splits shares that add up to 100.0%', () => {
    expect(sharesInTenths([1n, 1n, 1n])).toEqual([334, 333, 333]);
    expect(sharesInTenths([0n, 0n])).toEqual([0, 0]);
    const shares = sharesInTenths([7n, 13n, 29n, 51n, 3n]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(1000);
  });
});
