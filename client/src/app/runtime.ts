import { createApolloClient } from './apollo';
import { createAppRouter } from './router';
import { LOGIN_PATH, loginPathFor } from '../modules/auth/redirect';

// The router and the Apollo client need each other: an expired session (UNAUTHENTICATED)
// sends the user to sign in, then empties the cache of the previous session's data.
export function createAppRuntime() {
  const router = createAppRouter();
  let redirecting = false;

  const client = createApolloClient({
    onUnauthenticated: () => {
      const { pathname, search } = router.state.location;
      if (redirecting || pathname === LOGIN_PATH) return;
      redirecting = true;
      // Navigate first so the protected pages unmount and do not refetch into the cleared cache.
      void router
        .navigate(loginPathFor({ pathname, search }), { replace: true })
        .then(() => client.clearStore())
        .finally(() => {
          redirecting = false;
        });
    },
  });

  return { router, client };
}
