import { fireEvent, render, screen } from '@testing-library/react';
import '../../app/i18n';
import { formatYuan } from '../../components/money';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import { Money, MoneyUnitProvider, MoneyUnitSwitch } from './FundMoney';

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
});
