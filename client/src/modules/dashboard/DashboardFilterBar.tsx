import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Flex, Segmented, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocalized, SECTORS } from '../projects/projectEnums';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { buildRegionTree, type RegionTreeNode } from '../regions/regionTree';
import { officeYear, yearOptions, type AmountUnit, type DashboardState } from './dashboardParams';

type DashboardFilterBarProps = {
  state: DashboardState;
  onChange: (changes: Partial<DashboardState>) => void;
};

type RegionOption = { value: string; title: string; children?: RegionOption[] };

export function DashboardFilterBar({ state, onChange }: DashboardFilterBarProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { data: regionData, loading: regionsLoading } = useQuery(REGIONS_QUERY);

  // Any level of the tree can be chosen: a prefecture includes its counties.
  const regionTree = useMemo(() => {
    const toOption = (node: RegionTreeNode): RegionOption => ({
      value: node.region.code,
      title: pickLocalized(node.region.name, language),
      children: node.children.length ? node.children.map(toOption) : undefined,
    });
    return buildRegionTree(regionData?.regions ?? []).map(toOption);
  }, [regionData, language]);

  return (
    <Flex role="search" aria-label={t('dashboard.filtersLabel')} wrap gap="small" align="center">
      <Select<number>
        aria-label={t('dashboard.year')}
        value={state.year}
        onChange={(year) => onChange({ year })}
        options={yearOptions(officeYear(), state.year).map((y) => ({ value: y, label: String(y) }))}
        style={{ width: 100 }}
      />
      <TreeSelect
        aria-label={t('dashboard.region')}
        placeholder={t('dashboard.allRegions')}
        value={state.regionCode}
        onChange={(value?: string) => onChange({ regionCode: value || undefined })}
        treeData={regionTree}
        loading={regionsLoading}
        allowClear
        showSearch
        treeNodeFilterProp="title"
        style={{ width: 220 }}
      />
      <Select
        aria-label={t('dashboard.sector')}
        placeholder={t('dashboard.allSectors')}
        value={state.sector}
        onChange={(sector) => onChange({ sector })}
        options={SECTORS.map((s) => ({ value: s, label: t(`projects.sectorValue.${s}`) }))}
        allowClear
        style={{ width: 200 }}
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
