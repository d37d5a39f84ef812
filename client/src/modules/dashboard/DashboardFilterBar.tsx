import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionFilter, SectorFilter } from '../../components/FilterBar';
import { officeYear, yearOptions, type AmountUnit, type DashboardState } from './dashboardParams';

type DashboardFilterBarProps = {
  state: DashboardState;
  onChange: (changes: Partial<DashboardState>) => void;
};

export function DashboardFilterBar({ state, onChange }: DashboardFilterBarProps) {
  const { t } = useTranslation();

  return (
    <Flex role="search" aria-label={t('dashboard.filtersLabel')} wrap gap="small" align="center">
      <Select<number>
        aria-label={t('dashboard.year')}
        value={state.year}
        onChange={(year) => onChange({ year })}
        options={yearOptions(officeYear(), state.year).map((y) => ({ value: y, label: String(y) }))}
        style={{ width: 100 }}
      />
      <RegionFilter
        label={t('dashboard.region')}
        placeholder={t('dashboard.allRegions')}
        value={state.regionCode}
        onChange={(regionCode) => onChange({ regionCode })}
        width={220}
      />
      <SectorFilter
        label={t('dashboard.sector')}
        placeholder={t('dashboard.allSectors')}
        value={state.sector}
        onChange={(sector) => onChange({ sector })}
        width={200}
      />
      <Flex gap={4} align="center" className="dashboard-no-print">
        <span id="dashboard-unit-label">{t('dashboard.unitLabel')}</span>
        <Segmented<AmountUnit>
          aria-labelledby="dashboard-unit-label"
          value={state.unit}
          onChange={(unit) => onChange({ unit })}
          options={[
            { value: 'wan', label: t('dashboard.unit.wan') },
            { value: 'yuan', label: t('dashboard.unit.yuan') },
          ]}
        />
      </Flex>
      <Button className="dashboard-no-print" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
        {t('dashboard.print')}
      </Button>
    </Flex>
  );
}
