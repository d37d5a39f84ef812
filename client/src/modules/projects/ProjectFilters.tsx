import { Checkbox, Flex, Input, Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionFilter, SectorFilter } from '../../components/FilterBar';
import { PROJECT_STATUSES, RISK_LEVELS } from './projectEnums';
import type { ProjectListFilters } from './projectListParams';

type ProjectFiltersProps = {
  filters: ProjectListFilters;
  onChange: (changes: Partial<ProjectListFilters>) => void;
};

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 13 }, (_, i) => thisYear + 2 - i);

export function ProjectFilters({ filters, onChange }: ProjectFiltersProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filters.search);
  // The box follows the URL (back button, "clear filters") but is edited locally until submitted.
  useEffect(() => setSearch(filters.search), [filters.search]);

  return (
    <Flex role="search" aria-label={t('projects.filtersLabel')} wrap gap="small" align="center">
      <Input.Search
        aria-label={t('projects.search')}
        placeholder={t('projects.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(value) => onChange({ search: value.trim() })}
        allowClear
        enterButton
        style={{ width: 280 }}
      />
      <RegionFilter
        label={t('projects.region')}
        value={filters.regionCode}
        onChange={(regionCode) => onChange({ regionCode })}
        width={200}
      />
      <SectorFilter
        label={t('projects.sector')}
        value={filters.sector}
        onChange={(sector) => onChange({ sector })}
        width={160}
      />
      <Select
        aria-label={t('projects.status')}
        placeholder={t('projects.status')}
        value={filters.status}
        onChange={(value) => onChange({ status: value })}
        options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.statusValue.${s}`) }))}
        allowClear
        style={{ width: 130 }}
      />
      <Select
        aria-label={t('projects.risk')}
        placeholder={t('projects.risk')}
        value={filters.risk}
        onChange={(value) => onChange({ risk: value })}
        options={RISK_LEVELS.map((r) => ({ value: r, label: t(`projects.riskValue.${r}`) }))}
        allowClear
        style={{ width: 100 }}
      />
      <Select
        aria-label={t('projects.year')}
        placeholder={t('projects.year')}
        value={filters.year}
        onChange={(value) => onChange({ year: value })}
        options={YEARS.map((y) => ({ value: y, label: String(y) }))}
        allowClear
        style={{ width: 100 }}
      />
      <Checkbox checked={filters.overdueOnly} onChange={(e) => onChange({ overdueOnly: e.target.checked })}>
        {t('projects.overdueOnly')}
      </Checkbox>
      <Checkbox checked={filters.mineOnly} onChange={(e) => onChange({ mineOnly: e.target.checked })}>
        {t('projects.mineOnly')}
      </Checkbox>
      {(filters.progressMin !== undefined || filters.progressMax !== undefined) && (
        // Set by a progress bar of the dashboard; shown so the list says why it is narrower.
        <Tag
          closable
          closeIcon={<span aria-label={t('projects.clearFilters')}>×</span>}
          onClose={() => onChange({ progressMin: undefined, progressMax: undefined })}
        >
          {t('projects.columns.progress')}{' '}
          {t('dashboard.progress.bucket', {
            from: filters.progressMin ?? 0,
            to: Math.min(filters.progressMax ?? 100, 100),
          })}
        </Tag>
      )}
    </Flex>
  );
}
