import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/currentUser';
import { ASSIGNABLE_USERS_QUERY } from './liaison.graphql';

type Owner = { id: string; displayName: string };

/**
 * Who can own a follow-up in the region: the active users the API names (coordinators first, then
 * managers, officers, admins; only those whose region scope reaches it), the signed-in user marked
 * as "me". `current` keeps an existing owner choosable even when no longer listed (deactivated).
 */
export function useOwnerOptions(regionCode?: string, current?: Owner | null): { value: string; label: string }[] {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { data } = useQuery(ASSIGNABLE_USERS_QUERY, { variables: { regionCode: regionCode || null } });
  const people = data?.assignableUsers ?? [];
  const options = people.map((u) => ({
    value: u.id,
    label:
      u.id === user.id ? t('liaison.form.me', { name: u.displayName }) : `${u.displayName}（${t(`role.${u.role}`)}）`,
  }));
  // Until the list arrives, the preselected owner (the signed-in user) still shows a name.
  if (!data) options.push({ value: user.id, label: t('liaison.form.me', { name: user.displayName }) });
  if (current && !people.some((u) => u.id === current.id))
    options.unshift({ value: current.id, label: current.displayName });
  return options;
}
