import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { ME_QUERY } from './auth.graphql';
import { CurrentUserContext } from './currentUser';
import { loginPathFor } from './redirect';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data, error, loading, refetch } = useQuery(ME_QUERY);

  if (loading && !data) return <LoadingState label={t('auth.checkingSession')} fullPage />;
  if (error && !data) {
    return <ErrorState title={t('auth.sessionCheckFailed')} error={error} onRetry={() => void refetch()} />;
  }
  const user = data?.me;
  if (!user) return <Navigate to={loginPathFor(location)} replace />;
  return <CurrentUserContext value={user}>{children}</CurrentUserContext>;
}
