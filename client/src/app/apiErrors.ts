import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

// Codes the server puts in extensions.code (server/src/graphql/errors.ts).
export const API_ERROR = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export const graphQLErrorsOf = (error: unknown): readonly GraphQLFormattedError[] =>
  CombinedGraphQLErrors.is(error) ? error.errors : [];

export const hasErrorCode = (error: unknown, code: string): boolean =>
  graphQLErrorsOf(error).some((e) => e.extensions?.code === code);

export const findErrorWithCode = (error: unknown, code: string): GraphQLFormattedError | undefined =>
  graphQLErrorsOf(error).find((e) => e.extensions?.code === code);

// No GraphQL answer at all: the server is down, a proxy failed, or the network is gone.
export const isNetworkError = (error: unknown): boolean =>
  !CombinedGraphQLErrors.is(error) &&
  (ServerError.is(error) || ServerParseError.is(error) || error instanceof TypeError);
