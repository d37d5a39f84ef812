import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { API_ERROR, hasErrorCode } from './apiErrors';

// Operations whose UNAUTHENTICATED answer is a form error, not an expired session.
const SIGN_IN_OPERATIONS = new Set(['Login']);

export type ApolloClientOptions = {
  uri?: string;
  /** Called when an operation other than sign-in is refused as UNAUTHENTICATED (an expired session). */
  onUnauthenticated: () => void;
  /** Tests pass a stand-in; the browser's fetch otherwise. */
  fetch?: typeof fetch;
};

export function createApolloClient({ uri = '/graphql', onUnauthenticated, fetch }: ApolloClientOptions): ApolloClient {
  const errorLink = new ErrorLink(({ error, operation }) => {
    if (SIGN_IN_OPERATIONS.has(operation.operationName ?? '')) return;
    if (hasErrorCode(error, API_ERROR.UNAUTHENTICATED)) onUnauthenticated();
  });

  const httpLink = new HttpLink({
    uri,
    fetch,
    credentials: 'same-origin',
    // Apollo Server's CSRF prevention accepts requests that force a preflight.
    headers: { 'apollo-require-preflight': 'true' },
  });

  return new ApolloClient({
    link: ApolloLink.from([errorLink, httpLink]),
    cache: new InMemoryCache(),
  });
}
