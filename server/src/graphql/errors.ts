import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import mongoose from 'mongoose';
import type { ZodError } from 'zod';
import type { Logger } from '../logger';

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const KNOWN = new Set<string>(Object.values(ErrorCode));
// Codes Apollo itself raises for malformed requests; they describe the client's mistake, so they pass.
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const appError = (code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { ...extensions, code } });

export const unauthenticated = () => appError(ErrorCode.UNAUTHENTICATED, 'Sign in first.');
export const forbidden = (message = 'You are not allowed to do this.') => appError(ErrorCode.FORBIDDEN, message);
export const notFound = (kind: string, id: string) =>
  appError(ErrorCode.NOT_FOUND, `${kind} ${id} was not found.`, { kind, id });
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  appError(ErrorCode.CONFLICT, message, extensions);
export const badInput = (field: string, message: string) =>
  appError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field, fields: [{ field, message }] });

/** Turns a zod failure into one BAD_USER_INPUT error naming every bad field (first one in `field`). */
export function fromZod(error: ZodError, prefix?: string): GraphQLError {
  const fields = error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || prefix || 'input',
    message: issue.message,
  }));
  const first = fields[0] ?? { field: prefix ?? 'input', message: 'is invalid' };
  const message = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return appError(ErrorCode.BAD_USER_INPUT, message, { field: first.field, fields });
}

/** The one place errors are shaped for clients: known codes pass, everything else is masked. */
export function formatErrorFor(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof mongoose.Error.VersionError) {
      return {
        message: 'This record was changed by someone else; reload and try again.',
        extensions: { code: ErrorCode.CONFLICT },
      };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return withoutStack(formatted);
    if (APOLLO_REQUEST_CODES.has(code)) return withoutStack(formatted);
    log.error({ err: original ?? error, path: formatted.path }, 'unexpected error in resolver');
    return {
      message: 'Internal server error. The problem has been logged; please try again or contact the administrator.',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
