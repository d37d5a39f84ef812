import { Segmented } from 'antd';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWanYuan, formatYuan } from '../../components/money';

export type MoneyUnit = 'WAN' | 'YUAN';

const STORAGE_KEY = 'pat.fund.moneyUnit';

type UnitState = { unit: MoneyUnit; setUnit: (unit: MoneyUnit) => void };
const MoneyUnitContext = createContext<UnitState>({ unit: 'WAN', setUnit: () => undefined });

function storedUnit(): MoneyUnit {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'YUAN' ? 'YUAN' : 'WAN';
  } catch {
    return 'WAN';
  }
}

/** Holds the fund pages' choice of 万元 (default) or 元, remembered in this browser. */
export function MoneyUnitProvider({ children, initial }: { children: ReactNode; initial?: MoneyUnit }) {
  const [unit, setUnitState] = useState<MoneyUnit>(() => initial ?? storedUnit());
  const setUnit = (next: MoneyUnit) => {
    setUnitState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };
  return <MoneyUnitContext.Provider value={{ unit, setUnit }}>{children}</MoneyUnitContext.Provider>;
}

export const useMoneyUnit = () => useContext(MoneyUnitContext);

/** An exact amount of fen in the chosen unit, with the unit written out. */
export function useFormatMoney() {
  const { unit } = useMoneyUnit();
  const { t } = useTranslation();
  return (fen: string) =>
    unit === 'WAN'
      ? t('fund.money.wan', { amount: formatWanYuan(fen) })
      : t('fund.money.yuan', { amount: formatYuan(fen) });
}

export function Money({ fen }: { fen: string }) {
  const format = useFormatMoney();
  return <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{format(fen)}</span>;
}

export function MoneyUnitSwitch() {
  const { t } = useTranslation();
  const { unit, setUnit } = useMoneyUnit();
  return (
    <Segmented<MoneyUnit>
      aria-label={t('fund.money.unitLabel')}
      value={unit}
      onChange={setUnit}
      options={[
        { value: 'WAN', label: t('fund.money.unitWan') },
        { value: 'YUAN', label: t('fund.money.unitYuan') },
      ]}
    />
  );
}
