import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { REGIONS_QUERY } from './regions.graphql';
import { RegionTree } from './RegionTree';

// The regions the signed-in user may see, with loading and error states.
export function RegionsPanel({ showCount = false }: { showCount?: boolean }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(REGIONS_QUERY);

  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  if (error && !data) {
    return <ErrorState title={t('regions.loadFailed')} error={error} onRetry={() => void refetch()} />;
  }
  const regions = data?.regions ?? [];
  return (
    <>
      {showCount && regions.length > 0 && (
        <p style={{ marginTop: 0 }}>{t('regions.count', { total: regions.length })}</p>
      )}
      <RegionTree regions={regions} />
    </>
  );
}
