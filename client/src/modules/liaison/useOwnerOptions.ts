import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/currentUser';
import { PROJECT_STAFF_QUERY } from './liaison.graphql';

/**
 * Who can own a follow-up: the signed-in user first (a coordinator is not among the project staff
 * the API lists for pickers, but often owns the follow-up), then the active project staff.
 */
export function useOwnerOptions(): { value: string; label: string }[] {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const staff = useQuery(PROJECT_STAFF_QUERY);
  return [
    { value: user.id, label: t('liaison.form.me', { name: user.displayName }) },
    ...(staff.data?.projectStaff ?? [])
      .filter((u) => u.id !== user.id)
      .map((u) => ({ value: u.id, label: `${u.displayName}（${t(`role.${u.role}`)}）` })),
  ];
}
