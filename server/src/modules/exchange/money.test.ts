import { csvCell, parseCsv } from './csv';
import { fenToYuan, yuanToFen } from './money';

describe('money through files', () => {
  it('writes fen as yuan with two decimals, by integer and string operations', () => {
    expect(fenToYuan(12345678901)).toBe('123456789.01');
    expect(fenToYuan(1)).toBe('0.01');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(-250)).toBe('-2.50');
    expect(fenToYuan(10_000_000_000_000)).toBe('100000000000.00');
  });

  it('reads yuan back exactly, from text and from spreadsheet numbers', () => {
    expect(yuanToFen('123456789.01')).toEqual({ fen: 12345678901 });
    expect(yuanToFen(123456789.01)).toEqual({ fen: 12345678901 });
    expect(yuanToFen(0.01)).toEqual({ fen: 1 });
    expect(yuanToFen(0.1 + 0.2)).toEqual({ problem: 'TOO_PRECISE' });
    expect(yuanToFen('1,234.5')).toEqual({ fen: 123450 });
    expect(yuanToFen('¥8')).toEqual({ fen: 800 });
    expect(yuanToFen('-5')).toEqual({ problem: 'NEGATIVE_AMOUNT' });
    expect(yuanToFen('12元')).toEqual({ problem: 'NOT_A_NUMBER' });
    expect(yuanToFen('1.001')).toEqual({ problem: 'TOO_PRECISE' });
    expect(yuanToFen('100000000000.01')).toEqual({ problem: 'TOO_LARGE' });
    expect(yuanToFen(1e21)).toEqual({ problem: 'TOO_LARGE' });
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and defuses formula-like text', () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}x`).startsWith(`'`) || csvCell(`${start}x`).startsWith(`"'`)).toBe(true);
    expect(csvCell('-5', { defuse: false })).toBe('-5');
  });

  it('parses quoted cells with commas, quotes and line breaks', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x,1","say ""hi""\nthere"\n')).toEqual({
      rows: [
        ['a', 'b'],
        ['x,1', 'say "hi"\nthere'],
      ],
    });
    expect(parseCsv('a,"b\n')).toHaveProperty('problem');
  });
});
