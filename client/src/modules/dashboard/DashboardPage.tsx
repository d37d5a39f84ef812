import { useQuery } from '@apollo/client/react';
import { Alert, Col, Flex, Row, Segmented, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { pickLocalized } from '../projects/projectEnums';
import { ChartCard } from './ChartCard';
import { DashboardFilterBar } from './DashboardFilterBar';
import { DashboardLists } from './DashboardLists';
import {
  DASHBOARD_HEADLINE_QUERY,
  DASHBOARD_LISTS_QUERY,
  DASHBOARD_SPENDING_QUERY,
  DASHBOARD_TRENDS_QUERY,
} from './dashboard.graphql';
import {
  parseDashboardParams,
  toDashboardFilter,
  toDashboardParams,
  type DashboardState,
  type MilestoneGranularity,
} from './dashboardParams';
import {
  disbursementSeries,
  milestoneSeries,
  progressSeries,
  sectorShareSeries,
  spendingSeries,
  type SpendingRow,
} from './dashboardSeries';
import { DisbursementChart } from './DisbursementChart';
import { HeadlineFigures } from './HeadlineFigures';
import { MilestoneChart } from './MilestoneChart';
import { ProgressChart } from './ProgressChart';
import { SectorShareChart } from './SectorShareChart';
import { SpendingChart } from './SpendingChart';
import './dashboard.css';

const MILESTONE_YEARS = 5;

const officeToday = (): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [params, setParams] = useSearchParams();
  const state = parseDashboardParams(params);
  const filter = toDashboardFilter(state);
  const variables = { filter };
  const headlineQuery = useQuery(DASHBOARD_HEADLINE_QUERY, { variables });
  const spendingQuery = useQuery(DASHBOARD_SPENDING_QUERY, { variables });
  const trendsQuery = useQuery(DASHBOARD_TRENDS_QUERY, { variables: { filter, years: MILESTONE_YEARS } });
  const listsQuery = useQuery(DASHBOARD_LISTS_QUERY, { variables });
  const queries = [headlineQuery, spendingQuery, trendsQuery, listsQuery];
  const failed = queries.find((q) => q.error && !q.data);
  const retry = () => {
    for (const q of queries) if (q.error) void q.refetch();
  };
  const headline = headlineQuery.data?.dashboardHeadline;
  const spending = spendingQuery.data;
  const trends = trendsQuery.data;
  const lists = listsQuery.data;
  const update = (changes: Partial<DashboardState>) =>
    setParams(toDashboardParams({ ...state, ...changes }), { replace: false });

  const unit = state.unit;
  const unitName = t(`dashboard.unit.${unit}`);
  const amountTitle = (label: string) => t('dashboard.column.amountIn', { label, unit: unitName });
  const monthFormat = new Intl.DateTimeFormat(language === 'en' ? 'en' : 'zh-CN', { month: 'short', timeZone: 'UTC' });
  const monthLabel = (month: number) => monthFormat.format(new Date(Date.UTC(2000, month - 1, 1)));
  const periodLabel = (period: string) => (period.length === 7 ? `${monthLabel(Number(period.slice(5, 7)))}` : period);
  const sectorName = (row: SpendingRow) => (row.sector ? t(`projects.sectorValue.${row.sector}`) : row.key);
  const regionName = (row: SpendingRow) => (row.region ? pickLocalized(row.region.name, language) : row.key);
  const year = state.year;

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
  const months = trends
    ? disbursementSeries(trends.disbursementsByMonth, {
        filter,
        unit,
        monthLabel,
        titles: {
          month: t('dashboard.column.month'),
          disbursed: amountTitle(t('dashboard.series.monthDisbursed')),
          cumulativeDisbursed: amountTitle(t('dashboard.series.cumulativeDisbursed')),
          cumulativePlanned: amountTitle(t('dashboard.series.cumulativePlanned')),
        },
      })
    : undefined;
  const milestones = trends
    ? milestoneSeries(state.milestonesBy === 'year' ? trends.milestonesByYear : trends.milestonesByMonth, {
        filter,
        periodLabel,
        titles: {
          period: t('dashboard.column.period'),
          due: t('dashboard.series.due'),
          completed: t('dashboard.series.completed'),
          completedOnTime: t('dashboard.series.completedOnTime'),
          onTimeRate: t('dashboard.series.onTimeRate'),
        },
      })
    : undefined;
  const progress = trends
    ? progressSeries(trends.progressDistribution, {
        filter,
        bucketLabel: (from, to) => t('dashboard.progress.bucket', { from, to }),
        titles: { range: t('dashboard.column.range'), projects: t('dashboard.series.projects') },
      })
    : undefined;

  const openProjects = (row: { cells: Record<string, string> }) =>
    t('dashboard.chart.openProjects', { label: Object.values(row.cells)[0] ?? '' });
  const openLedger = (row: { cells: Record<string, string> }) =>
    t('dashboard.chart.openLedger', { label: Object.values(row.cells)[0] ?? '' });

  return (
    <div className="dashboard-page">
      <PageHeading>{t('dashboard.title')}</PageHeading>
      <Flex vertical gap="middle">
        <DashboardFilterBar state={state} onChange={update} />
        <Typography.Text type="secondary" className="dashboard-no-print">
          {t('dashboard.chart.drillHint')}
        </Typography.Text>
        {failed ? (
          <Flex vertical>
            <ErrorState title={t('dashboard.loadFailed')} error={failed.error} onRetry={retry} />
            <Alert type="info" showIcon title={t('dashboard.errorHint')} />
          </Flex>
        ) : (
          <>
            {headline ? (
              <HeadlineFigures headline={headline} filter={filter} unit={unit} />
            ) : (
              <div role="status" aria-label={t('dashboard.loading')}>
                <Skeleton active paragraph={{ rows: 4 }} />
              </div>
            )}
            <Row gutter={[16, 16]}>
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
                      barLabel={(p) => `${p.label}: ${t('dashboard.series.projects')} ${p.projectCount}`}
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
                      barLabel={(p) => `${p.label}: ${t('dashboard.series.projects')} ${p.projectCount}`}
                    />
                  )}
                </ChartCard>
              </Col>
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
                      names={{
                        disbursed: amountTitle(t('dashboard.series.monthDisbursed')),
                        cumulativeDisbursed: amountTitle(t('dashboard.series.cumulativeDisbursed')),
                        cumulativePlanned: amountTitle(t('dashboard.series.cumulativePlanned')),
                      }}
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
              <Col xs={24} xl={12}>
                <ChartCard
                  name={state.milestonesBy === 'year' ? 'milestones-by-year' : 'milestones-by-month'}
                  title={t('dashboard.milestones.title')}
                  description={t('dashboard.milestones.description')}
                  year={year}
                  loading={!trends}
                  table={milestones?.table}
                  emptyReason={milestones?.isEmpty ? t('dashboard.milestones.empty') : undefined}
                  drillLabel={openProjects}
                  extra={
                    <Segmented<MilestoneGranularity>
                      size="small"
                      aria-label={t('dashboard.milestones.granularity')}
                      value={state.milestonesBy}
                      onChange={(milestonesBy) => update({ milestonesBy })}
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
                      names={{
                        due: t('dashboard.series.due'),
                        completed: t('dashboard.series.completed'),
                        completedOnTime: t('dashboard.series.completedOnTime'),
                        onTimeRate: t('dashboard.series.onTimeRate'),
                      }}
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
            </Row>
            <DashboardLists
              loading={!lists}
              behind={lists?.projectsBehindSchedule}
              overdueCommitments={lists?.overdueCommitments}
              expiring={lists?.expiringAgreements}
              today={officeToday()}
            />
          </>
        )}
      </Flex>
    </div>
  );
}
