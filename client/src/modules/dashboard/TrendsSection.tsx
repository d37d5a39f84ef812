import { Col, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardTrendsQuery } from '../../generated/graphql';
import { ChartCard } from './ChartCard';
import type { DashboardLabels } from './dashboardLabels';
import type { AmountUnit, DashboardFilterInput, MilestoneGranularity } from './dashboardParams';
import { disbursementSeries, milestoneSeries, progressSeries } from './dashboardSeries';
import { DisbursementChart } from './DisbursementChart';
import { MilestoneChart } from './MilestoneChart';
import { ProgressChart } from './ProgressChart';

type TrendsSectionProps = {
  trends: DashboardTrendsQuery | undefined;
  filter: DashboardFilterInput;
  unit: AmountUnit;
  milestonesBy: MilestoneGranularity;
  onMilestonesBy: (milestonesBy: MilestoneGranularity) => void;
  labels: DashboardLabels;
};

/** Disbursements month by month against plan, milestone completion over time, progress distribution. */
export function TrendsSection({ trends, filter, unit, milestonesBy, onMilestonesBy, labels }: TrendsSectionProps) {
  const { t } = useTranslation();
  const { amountTitle, monthLabel, periodLabel, openLedger, openMilestones, openProjects } = labels;
  const year = filter.year;
  const disbursementNames = {
    disbursed: amountTitle(t('dashboard.series.monthDisbursed')),
    cumulativeDisbursed: amountTitle(t('dashboard.series.cumulativeDisbursed')),
    cumulativePlanned: amountTitle(t('dashboard.series.cumulativePlanned')),
  };
  const milestoneNames = {
    due: t('dashboard.series.due'),
    completed: t('dashboard.series.completed'),
    completedOnTime: t('dashboard.series.completedOnTime'),
    onTimeRate: t('dashboard.series.onTimeRate'),
  };

  const months = trends
    ? disbursementSeries(trends.disbursementsByMonth, {
        filter,
        unit,
        monthLabel,
        titles: { month: t('dashboard.column.month'), ...disbursementNames },
      })
    : undefined;
  const milestones = trends
    ? milestoneSeries(milestonesBy === 'year' ? trends.milestonesByYear : trends.milestonesByMonth, {
        filter,
        periodLabel,
        titles: { period: t('dashboard.column.period'), ...milestoneNames },
      })
    : undefined;
  const progress = trends
    ? progressSeries(trends.progressDistribution, {
        filter,
        bucketLabel: (from, to) => t('dashboard.progress.bucket', { from, to }),
        titles: { range: t('dashboard.column.range'), projects: t('dashboard.series.projects') },
      })
    : undefined;

  return (
    <>
      <Col xs={24} xl={12}>
        <ChartCard
          name="disbursements-by-month"
          title={t('dashboard.disbursements.title')}
          description={t('dashboard.disbursements.description', { year })}
          year={year}
          loading={!trends}
          table={months?.table}
          emptyReason={months?.isEmpty ? t('dashboard.disbursements.empty', { year }) : undefined}
          drillLabel={openLedger}
        >
          {months && (
            <DisbursementChart
              points={months.points}
              title={t('dashboard.disbursements.title')}
              description={t('dashboard.disbursements.description', { year })}
              names={disbursementNames}
            />
          )}
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          name={milestonesBy === 'year' ? 'milestones-by-year' : 'milestones-by-month'}
          title={t('dashboard.milestones.title')}
          description={t('dashboard.milestones.description')}
          year={year}
          loading={!trends}
          table={milestones?.table}
          emptyReason={milestones?.isEmpty ? t('dashboard.milestones.empty') : undefined}
          drillLabel={openMilestones}
          extra={
            <Segmented<MilestoneGranularity>
              size="small"
              aria-label={t('dashboard.milestones.granularity')}
              value={milestonesBy}
              onChange={onMilestonesBy}
              options={[
                { value: 'month', label: t('dashboard.milestones.byMonth') },
                { value: 'year', label: t('dashboard.milestones.byYear') },
              ]}
            />
          }
        >
          {milestones && (
            <MilestoneChart
              points={milestones.points}
              title={t('dashboard.milestones.title')}
              description={t('dashboard.milestones.description')}
              names={milestoneNames}
            />
          )}
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          name="progress-distribution"
          title={t('dashboard.progress.title')}
          description={t('dashboard.progress.description', { year })}
          year={year}
          loading={!trends}
          table={progress?.table}
          emptyReason={progress?.isEmpty ? t('dashboard.progress.empty', { year }) : undefined}
          drillLabel={openProjects}
        >
          {progress && (
            <ProgressChart
              points={progress.points}
              title={t('dashboard.progress.title')}
              description={t('dashboard.progress.description', { year })}
              name={t('dashboard.series.projects')}
            />
          )}
        </ChartCard>
      </Col>
    </>
  );
}
