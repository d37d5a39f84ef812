import { useQuery } from '@apollo/client/react';
import { Flex, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MILESTONE_STATUSES, SECTORS, pickLocalized } from '../projects/projectEnums';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { buildRegionTree, type RegionTreeNode } from '../regions/regionTree';
import { OUTCOMES, type MilestoneListFilters } from './milestoneListParams';

type MilestoneFiltersProps = {
  filters: MilestoneListFilters;
  onChange: (changes: Partial<MilestoneListFilters>) => void;
};

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 13 }, (_, i) => thisYear + 2 - i);
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

type RegionOption = { value: string; title: string; children?: RegionOption[] };

export function MilestoneFilters({ filters, onChange }: MilestoneFiltersProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { data: regionData, loading: regionsLoading } = useQuery(REGIONS_QUERY);

  const regionTree = useMemo(() => {
    const toOption = (node: RegionTreeNode): RegionOption => ({
      value: node.region.code,
      title: pickLocalized(node.region.name, language),
      children: node.children.length ? node.children.map(toOption) : undefined,
    });
    return buildRegionTree(regionData?.regions ?? []).map(toOption);
  }, [regionData, language]);

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
      <TreeSelect
        aria-label={t('milestoneList.region')}
        placeholder={t('milestoneList.region')}
        value={filters.regionCode}
        onChange={(value?: string) => onChange({ regionCode: value || undefined })}
        treeData={regionTree}
        loading={regionsLoading}
        allowClear
        showSearch
        treeNodeFilterProp="title"
        style={{ width: 200 }}
      />
      <Select
        aria-label={t('milestoneList.sector')}
        placeholder={t('milestoneList.sector')}
        value={filters.sector}
        onChange={(sector) => onChange({ sector })}
        options={SECTORS.map((s) => ({ value: s, label: t(`projects.sectorValue.${s}`) }))}
        allowClear
        style={{ width: 160 }}
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
