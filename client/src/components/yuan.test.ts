import { fenOf, fenToYuan, MAX_FEN, yuanToFen } from './yuan';

const MAX = MAX_FEN;

describe('yuanToFen', () => {
  it('converts exactly, without float error', () => {
    expect(yuanToFen('0.29', MAX)).toEqual({ fen: '29' });
    expect(yuanToFen('1,234.5', MAX)).toEqual({ fen: '123450' });
    expect(yuanToFen(' 100 ', MAX)).toEqual({ fen: '10000' });
    expect(yuanToFen('99999999999.99', MAX)).toEqual({ fen: '9999999999999' });
    expect(yuanToFen('12.', MAX)).toEqual({ fen: '1200' });
  });

  it('refuses more than two decimals instead of rounding', () => {
    expect(yuanToFen('1.005', MAX)).toEqual({ problem: 'decimals' });
  });

  it('refuses text that is not an amount, negatives and amounts over the limit', () => {
    expect(yuanToFen('abc', MAX)).toEqual({ problem: 'format' });
    expect(yuanToFen('-5', MAX)).toEqual({ problem: 'format' });
    expect(yuanToFen('1e5', MAX)).toEqual({ problem: 'format' });
    expect(yuanToFen('100000000000.01', MAX)).toEqual({ problem: 'tooLarge' });
  });
});

describe('fenToYuan', () => {
  it('gives back the shortest exact 元 text', () => {
    expect(fenToYuan('123450')).toBe('1234.5');
    expect(fenToYuan('29')).toBe('0.29');
    expect(fenToYuan('10000')).toBe('100');
    expect(fenToYuan('9007199254740993')).toBe('90071992547409.93');
  });
});

describe('fenOf', () => {
  it('answers the fen of an amount up to the limit, and nothing for anything else', () => {
    expect(fenOf('1,234.5')).toBe('123450');
    expect(fenOf(' 0.07 ')).toBe('7');
    expect(fenOf('99999999999.99')).toBe('9999999999999');
    for (const bad of ['', '-1', '1.234', '1e5', 'abc', '.5', '100000000000.01']) expect(fenOf(bad)).toBeUndefined();
    expect(fenOf('50.01', 5000)).toBeUndefined();
  });
});
