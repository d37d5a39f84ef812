import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionFilter, SectorFilter } from '../../components/FilterBar';
import { MILESTONE_STATUSES } from '../projects/projectEnums';
import { OUTCOMES, type MilestoneListFilters } from './milestoneListParams';

type MilestoneFiltersProps = {
  filters: MilestoneListFilters;
  onChange: (changes: Partial<MilestoneListFilters>) => void;
};

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 13 }, (_, i) => thisYear + 2 - i);
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export function MilestoneFilters({ filters, onChange }: MilestoneFiltersProps) {
  const { t } = useTranslation();

  return (
    <Flex role="search" aria-label={t('milestoneList.filtersLabel')} wrap gap="small" align="center">
      <Select
        aria-label={t('milestoneList.year')}
        placeholder={t('milestoneList.year')}
        value={filters.year}
        // A month means nothing without its year.
        onChange={(year?: number) => onChange(year === undefined ? { year, month: undefined } : { year })}
        options={YEARS.map((y) => ({ value: y, label: String(y) }))}
        allowClear
        style={{ width: 120 }}
      />
      <Select
        aria-label={t('milestoneList.month')}
        placeholder={t('milestoneList.month')}
        value={filters.month}
        disabled={filters.year === undefined}
        onChange={(month?: number) => onChange({ month })}
        options={MONTHS.map((m) => ({ value: m, label: t('milestoneList.monthOption', { month: m }) }))}
        allowClear
        style={{ width: 120 }}
      />
      <RegionFilter
        label={t('milestoneList.region')}
        value={filters.regionCode}
        onChange={(regionCode) => onChange({ regionCode })}
        width={200}
      />
      <SectorFilter
        label={t('milestoneList.sector')}
        value={filters.sector}
        onChange={(sector) => onChange({ sector })}
        width={160}
      />
      <Select
        aria-label={t('milestoneList.status')}
        placeholder={t('milestoneList.status')}
        value={filters.status}
        onChange={(status) => onChange({ status })}
        options={MILESTONE_STATUSES.map((s) => ({ value: s, label: t(`project.milestones.statusValue.${s}`) }))}
        allowClear
        style={{ width: 130 }}
      />
      <Select
        aria-label={t('milestoneList.outcome')}
        placeholder={t('milestoneList.outcome')}
        value={filters.outcome}
        onChange={(outcome) => onChange({ outcome })}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`milestoneList.outcomeValue.${o}`) }))}
        allowClear
        style={{ width: 170 }}
      />
    </Flex>
  );
}
