import { formatWanYuan } from './money';

describe('formatWanYuan', () => {
  it('is exact for amounts beyond float precision', () => {
    // 123,456,789,012,345 fen = 1,234,567,890,123.45 元 = 123,456,789.012345 万元
    expect(formatWanYuan('123456789012345')).toBe('123,456,789.01');
    expect(formatWanYuan('9007199254740993000000')).toBe('9,007,199,254,740,993.00');
  });

  it('shows zero with two decimals', () => {
    expect(formatWanYuan('0')).toBe('0.00');
  });

  it('rounds half up at the second decimal', () => {
    expect(formatWanYuan('5000')).toBe('0.01');
    expect(formatWanYuan('4999')).toBe('0.00');
    expect(formatWanYuan('1234995000')).toBe('1,235.00');
    expect(formatWanYuan('100000000')).toBe('100.00');
  });

  it('refuses negative and malformed amounts', () => {
    expect(() => formatWanYuan('-100')).toThrow(RangeError);
    expect(() => formatWanYuan('1.5')).toThrow(RangeError);
    expect(() => formatWanYuan('')).toThrow(RangeError);
    expect(() => formatWanYuan('1e9')).toThrow(RangeError);
  });
});
