import { useQuery } from '@apollo/client/react';
import { Checkbox, Flex, Input, Select, Tag, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { buildRegionTree, type RegionTreeNode } from '../regions/regionTree';
import { PROJECT_STATUSES, RISK_LEVELS, SECTORS, pickLocalized } from './projectEnums';
import type { ProjectListFilters } from './projectListParams';

type ProjectFiltersProps = {
  filters: ProjectListFilters;
  onChange: (changes: Partial<ProjectListFilters>) => void;
};

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 13 }, (_, i) => thisYear + 2 - i);

type RegionOption = { value: string; title: string; children?: RegionOption[] };

export function ProjectFilters({ filters, onChange }: ProjectFiltersProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { data: regionData, loading: regionsLoading } = useQuery(REGIONS_QUERY);
  const [search, setSearch] = useState(filters.search);
  // The box follows the URL (back button, "clear filters") but is edited locally until submitted.
  useEffect(() => setSearch(filters.search), [filters.search]);

  const regionTree = useMemo(() => {
    const toOption = (node: RegionTreeNode): RegionOption => ({
      value: node.region.code,
      title: pickLocalized(node.region.name, language),
      children: node.children.length ? node.children.map(toOption) : undefined,
    });
    return buildRegionTree(regionData?.regions ?? []).map(toOption);
  }, [regionData, language]);

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
      <TreeSelect
        aria-label={t('projects.region')}
        placeholder={t('projects.region')}
        value={filters.regionCode}
        onChange={(value?: string) => onChange({ regionCode: value || undefined })}
        treeData={regionTree}
        loading={regionsLoading}
        allowClear
        showSearch
        treeNodeFilterProp="title"
        treeDefaultExpandAll={false}
        style={{ width: 200 }}
      />
      <Select
        aria-label={t('projects.sector')}
        placeholder={t('projects.sector')}
        value={filters.sector}
        onChange={(value) => onChange({ sector: value })}
        options={SECTORS.map((s) => ({ value: s, label: t(`projects.sectorValue.${s}`) }))}
        allowClear
        style={{ width: 160 }}
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
