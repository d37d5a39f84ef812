import { fireEvent, render, screen } from '@testing-library/react';
import '../../app/i18n';
import { formatYuan } from '../../components/money';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import { Money, MoneyUnitProvider, MoneyUnitSwitch } from './FundMoney';
import { fenToYuanInput, parseYuanToFen } from './yuanInput';

describe('fund amounts', () => {
  beforeEach(() => window.localStorage.clear());

  it('shows 万元 by default and 元 after the switch, exactly, beyond float precision', () => {
    render(
      <AntdTestProvider>
        <MoneyUnitProvider>
          <MoneyUnitSwitch />
          <Money fen="900719925474099301" />
        </MoneyUnitProvider>
      </AntdTestProvider>,
    );
    expect(screen.getByText('900,719,925,474.10 万元')).toBeTruthy();
    fireEvent.click(screen.getByText('元'));
    expect(screen.getByText('9,007,199,254,740,993.01 元')).toBeTruthy();
    expect(window.localStorage.getItem('pat.fund.moneyUnit')).toBe('YUAN');
  });

  it('formats fen as 元 with two decimals', () => {
    expect(formatYuan('0')).toBe('0.00');
    expect(formatYuan('5')).toBe('0.05');
    expect(formatYuan('123456789')).toBe('1,234,567.89');
    expect(() => formatYuan('-1')).toThrow(RangeError);
  });

  it('reads typed 元 as exact fen and refuses anything else', () => {
    expect(parseYuanToFen('1,234.5')).toBe('123450');
    expect(parseYuanToFen(' 0.07 ')).toBe('7');
    expect(parseYuanToFen('90071992547409.93')).toBe('9007199254740993');
    expect(parseYuanToFen('12')).toBe('1200');
    for (const bad of ['', '-1', '1.234', '1e5', 'abc', '.5', '1.']) expect(parseYuanToFen(bad)).toBeNull();
    expect(fenToYuanInput('123405')).toBe('1234.05');
  });
});
