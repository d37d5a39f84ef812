import { createContext, useContext } from 'react';
import type { CurrentUser } from './auth.graphql';

export const CurrentUserContext = createContext<CurrentUser | null>(null);

// Only valid below RequireAuth, which provides the signed-in user.
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used inside <RequireAuth>');
  return user;
}
