import { useQuery } from '@apollo/client/react';
import { Alert, Descriptions, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectFilter } from '../../generated/graphql';
import { formatAmount } from './amounts';
import { PROJECT_TOTALS_QUERY } from './dashboard.graphql';

/** Count and money totals of the project list's current filter, to check a chart's drill-down against. */
export function ProjectTotalsSummary({ filter }: { filter: ProjectFilter }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(PROJECT_TOTALS_QUERY, { variables: { filter } });
  if (error && !data) return <Alert type="warning" showIcon title={t('dashboard.totals.loadFailed')} />;
  const totals = data?.projectTotals;
  if (!totals) return <Skeleton active title={false} paragraph={{ rows: 1 }} />;
  return (
    <section aria-label={t('dashboard.totals.label')} data-testid="project-totals">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          {
            key: 'count',
            label: t('dashboard.totals.count'),
            children: <span data-total="count">{totals.count}</span>,
          },
          {
            key: 'budget',
            label: t('dashboard.totals.budget'),
            children: <span data-total="budget">{formatAmount(totals.budget, 'wan')}</span>,
          },
          {
            key: 'allocated',
            label: t('dashboard.totals.allocated'),
            children: <span data-total="allocated">{formatAmount(totals.allocated, 'wan')}</span>,
          },
          {
            key: 'disbursed',
            label: t('dashboard.totals.disbursed'),
            children: <span data-total="disbursed">{formatAmount(totals.disbursed, 'wan')}</span>,
          },
        ]}
      />
    </section>
  );
}
