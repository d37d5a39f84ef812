import { useQuery } from '@apollo/client/react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeading } from '../../components/PageHeading';
import { REGION_TREE_QUERY } from './regions.graphql';
import { RegionTree } from './RegionTree';

export function RegionsPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(REGION_TREE_QUERY, { fetchPolicy: 'cache-and-network' });
  const regions = data?.regions ?? [];

  let body;
  if (loading && !data) body = <LoadingState label={t('common.loading')} />;
  else if (error && !data)
    body = <ErrorState title={t('regions.loadFailed')} error={error} onRetry={() => void refetch()} />;
  else
    body = (
      <>
        {regions.length > 0 && <p style={{ marginTop: 0 }}>{t('regions.count', { total: regions.length })}</p>}
        <RegionTree regions={regions} />
      </>
    );

  return (
    <>
      <PageHeading>{t('regions.title')}</PageHeading>
      <Card>{body}</Card>
    </>
  );
}
