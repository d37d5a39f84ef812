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

type Spending = DashboardSpendingQuery['spendingByRegion'];
type CommonProps = { filter: DashboardFilterInput; unit: AmountUnit; labels: DashboardLabels };

/** One "budget vs allocated vs disbursed" chart: by region (one level below the filter's) or by sector. */
function SpendingCard({ by, rows, filter, unit, labels }: CommonProps & { by: 'region' | 'sector'; rows?: Spending }) {
  const { t } = useTranslation();
  const { amountTitle, regionName, sectorName, openProjects } = labels;
  const year = filter.year;
  const texts = by === 'region' ? 'dashboard.spendingByRegion' : 'dashboard.spendingBySector';
  const title = t(`${texts}.title`);
  const description = t(`${texts}.description`, { year });
  // The unit is in the legend, so a printed chart still says what its axis counts.
  const names = {
    budget: amountTitle(t('dashboard.series.budget')),
    allocated: amountTitle(t('dashboard.series.allocated')),
    disbursed: amountTitle(t('dashboard.series.disbursed')),
  };
  const series = rows
    ? spendingSeries(rows, {
        by,
        filter,
        unit,
        labelOf: by === 'region' ? regionName : sectorName,
        titles: { label: t(`dashboard.column.${by}`), projectCount: t('dashboard.series.projects'), ...names },
      })
    : undefined;
  return (
    <Col xs={24} xl={12}>
      <ChartCard
        name={`spending-by-${by}`}
        title={title}
        description={description}
        year={year}
        loading={!rows}
        table={series?.table}
        emptyReason={series?.isEmpty ? t(`${texts}.empty`, { year }) : undefined}
        drillLabel={openProjects}
      >
        {series && (
          <SpendingChart
            points={series.points}
            title={title}
            description={description}
            names={names}
            barLabel={(p) => `${p.label}: ${t('dashboard.series.projects')} ${p.projectCount}`}
          />
        )}
      </ChartCard>
    </Col>
  );
}

/** Budget vs allocated vs disbursed by region and by sector, and the sectors' share of the budget. */
export function SpendingSection({ spending, filter, unit, labels }: SpendingSectionProps) {
  const { t } = useTranslation();
  const { amountTitle, sectorName, openProjects } = labels;
  const year = filter.year;
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
  const common = { filter, unit, labels };

  return (
    <>
      <SpendingCard by="region" rows={spending?.spendingByRegion} {...common} />
      <SpendingCard by="sector" rows={spending?.spendingBySector} {...common} />
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
