import { API_ERROR, findErrorWithCode, isNetworkError } from '../../app/apiErrors';

export type LoginFailure =
  | { kind: 'invalidCredentials' }
  | { kind: 'tooManyAttempts'; minutes: number }
  | { kind: 'badInput' }
  | { kind: 'network' }
  | { kind: 'unexpected' };

// Kept as data rather than text so the message follows a language switch.
export function describeLoginFailure(error: unknown): LoginFailure {
  if (isNetworkError(error)) return { kind: 'network' };
  const throttled = findErrorWithCode(error, API_ERROR.TOO_MANY_REQUESTS);
  if (throttled) {
    const seconds = Number(throttled.extensions?.retryAfterSeconds);
    const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
    return { kind: 'tooManyAttempts', minutes };
  }
  // reason INVALID_CREDENTIALS today; any other refusal of a sign-in reads the same to the user.
  if (findErrorWithCode(error, API_ERROR.UNAUTHENTICATED)) return { kind: 'invalidCredentials' };
  if (findErrorWithCode(error, API_ERROR.BAD_USER_INPUT)) return { kind: 'badInput' };
  return { kind: 'unexpected' };
}
