import { Col } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardSpendingQuery } from '../../generated/graphql';
import { ChartCard } from './ChartCard';
import type { DashboardLabels } from './dashboardLabels';
import type { AmountUnit, DashboardFilterInput } from './dashboardParams';
import { sectorShareSeries, spendingSeries } from './dashboardSeries';
import { SectorShareChart } from './SectorShareChart';
import { SpendingChart } from './SpendingChart';

type SpendingSectionProps = {
  spending: DashboardSpendingQuery | undefined;
  filter: DashboardFilterInput;
  unit: AmountUnit;
  labels: DashboardLabels;
};

/** Budget vs allocated vs disbursed by region and by sector, and the sectors' share of the budget. */
export function SpendingSection({ spending, filter, unit, labels }: SpendingSectionProps) {
  const { t } = useTranslation();
  const { amountTitle, regionName, sectorName, openProjects } = labels;
  const year = filter.year;
  const spendingTitles = (label: string) => ({
    label,
    projectCount: t('dashboard.series.projects'),
    budget: amountTitle(t('dashboard.series.budget')),
    allocated: amountTitle(t('dashboard.series.allocated')),
    disbursed: amountTitle(t('dashboard.series.disbursed')),
  });
  // The unit is in the legend, so a printed chart still says what its axis counts.
  const seriesNames = {
    budget: amountTitle(t('dashboard.series.budget')),
    allocated: amountTitle(t('dashboard.series.allocated')),
    disbursed: amountTitle(t('dashboard.series.disbursed')),
  };
  const barLabel = (p: { label: string; projectCount: number }) =>
    `${p.label}: ${t('dashboard.series.projects')} ${p.projectCount}`;

  const byRegion = spending
    ? spendingSeries(spending.spendingByRegion, {
        by: 'region',
        filter,
        unit,
        labelOf: regionName,
        titles: spendingTitles(t('dashboard.column.region')),
      })
    : undefined;
  const bySector = spending
    ? spendingSeries(spending.spendingBySector, {
        by: 'sector',
        filter,
        unit,
        labelOf: sectorName,
        titles: spendingTitles(t('dashboard.column.sector')),
      })
    : undefined;
  const share = spending
    ? sectorShareSeries(spending.spendingBySector, {
        filter,
        unit,
        labelOf: sectorName,
        titles: {
          label: t('dashboard.column.sector'),
          projectCount: t('dashboard.series.projects'),
          budget: amountTitle(t('dashboard.series.budget')),
          share: t('dashboard.series.share'),
        },
      })
    : undefined;

  return (
    <>
      <Col xs={24} xl={12}>
        <ChartCard
          name="spending-by-region"
          title={t('dashboard.spendingByRegion.title')}
          description={t('dashboard.spendingByRegion.description', { year })}
          year={year}
          loading={!spending}
          table={byRegion?.table}
          emptyReason={byRegion?.isEmpty ? t('dashboard.spendingByRegion.empty', { year }) : undefined}
          drillLabel={openProjects}
        >
          {byRegion && (
            <SpendingChart
              points={byRegion.points}
              title={t('dashboard.spendingByRegion.title')}
              description={t('dashboard.spendingByRegion.description', { year })}
              names={seriesNames}
              barLabel={barLabel}
            />
          )}
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          name="spending-by-sector"
          title={t('dashboard.spendingBySector.title')}
          description={t('dashboard.spendingBySector.description', { year })}
          year={year}
          loading={!spending}
          table={bySector?.table}
          emptyReason={bySector?.isEmpty ? t('dashboard.spendingBySector.empty', { year }) : undefined}
          drillLabel={openProjects}
        >
          {bySector && (
            <SpendingChart
              points={bySector.points}
              title={t('dashboard.spendingBySector.title')}
              description={t('dashboard.spendingBySector.description', { year })}
              names={seriesNames}
              barLabel={barLabel}
            />
          )}
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          name="sector-share"
          title={t('dashboard.sectorShare.title')}
          description={t('dashboard.sectorShare.description', { year })}
          year={year}
          loading={!spending}
          table={share?.table}
          emptyReason={share?.isEmpty ? t('dashboard.sectorShare.empty', { year }) : undefined}
          drillLabel={openProjects}
        >
          {share && (
            <SectorShareChart
              points={share.points}
              title={t('dashboard.sectorShare.title')}
              description={t('dashboard.sectorShare.description', { year })}
            />
          )}
        </ChartCard>
      </Col>
    </>
  );
}
