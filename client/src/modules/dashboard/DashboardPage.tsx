import { useQuery } from '@apollo/client/react';
import { Alert, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { DashboardFilterBar } from './DashboardFilterBar';
import { DashboardLists } from './DashboardLists';
import {
  DASHBOARD_HEADLINE_QUERY,
  DASHBOARD_LISTS_QUERY,
  DASHBOARD_SPENDING_QUERY,
  DASHBOARD_TRENDS_QUERY,
} from './dashboard.graphql';
import { useDashboardLabels } from './dashboardLabels';
import { parseDashboardParams, toDashboardFilter, toDashboardParams, type DashboardState } from './dashboardParams';
import { HeadlineFigures } from './HeadlineFigures';
import { SpendingSection } from './SpendingSection';
import { TrendsSection } from './TrendsSection';
import './dashboard.css';

const MILESTONE_YEARS = 5;

const officeToday = (): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

/** The landing page: the filter bar, headline figures, the charts and the lists, all from the URL's view. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = parseDashboardParams(params);
  const filter = toDashboardFilter(state);
  const variables = { filter };
  const headlineQuery = useQuery(DASHBOARD_HEADLINE_QUERY, { variables });
  const spendingQuery = useQuery(DASHBOARD_SPENDING_QUERY, { variables });
  const trendsQuery = useQuery(DASHBOARD_TRENDS_QUERY, { variables: { filter, years: MILESTONE_YEARS } });
  const listsQuery = useQuery(DASHBOARD_LISTS_QUERY, { variables });
  const labels = useDashboardLabels(state.unit);
  const queries = [headlineQuery, spendingQuery, trendsQuery, listsQuery];
  const failed = queries.find((q) => q.error && !q.data);
  const retry = () => {
    for (const q of queries) if (q.error) void q.refetch();
  };
  const headline = headlineQuery.data?.dashboardHeadline;
  const lists = listsQuery.data;
  const update = (changes: Partial<DashboardState>) =>
    setParams(toDashboardParams({ ...state, ...changes }), { replace: false });

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
              <HeadlineFigures headline={headline} filter={filter} unit={state.unit} />
            ) : (
              <div role="status" aria-label={t('dashboard.loading')}>
                <Skeleton active paragraph={{ rows: 4 }} />
              </div>
            )}
            <Row gutter={[16, 16]}>
              <SpendingSection spending={spendingQuery.data} filter={filter} unit={state.unit} labels={labels} />
              <TrendsSection
                trends={trendsQuery.data}
                filter={filter}
                unit={state.unit}
                milestonesBy={state.milestonesBy}
                onMilestonesBy={(milestonesBy) => update({ milestonesBy })}
                labels={labels}
              />
            </Row>
            <DashboardLists
              loading={!lists}
              behind={lists?.projectsBehindSchedule}
              overdueCommitments={lists?.overdueCommitments}
              expiring={lists?.expiringAgreements}
              today={officeToday()}
              regionCode={filter.regionCode}
            />
          </>
        )}
      </Flex>
    </div>
  );
}
