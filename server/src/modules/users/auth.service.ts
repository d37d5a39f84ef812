import crypto from 'node:crypto';
import argon2 from 'argon2';
import { isRole } from '@pat/shared';
import type { Config } from '../../config/config';
import type { CurrentUser } from '../../graphql/context';
import { keyId } from '../../db/key-id';
import { appError, ErrorCode } from '../../graphql/errors';
import { LoginThrottleModel, SessionModel } from './session.model';
import { UserModel } from './user.model';

type UserRow = {
  _id: { toString(): string };
  username: string;
  displayName: string;
  role: string;
  regionScope: string[];
};

export const SESSION_COOKIE = 'pat_session';

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });
const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

// Verifying against a fixed hash when the user is unknown keeps the timing of both failures alike.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword('not-a-real-password-for-timing'));

export function toCurrentUser(user: UserRow): CurrentUser {
  if (!isRole(user.role)) throw new Error(`user ${user.username} has an unknown role`);
  return {
    id: user._id.toString(),
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionScope: [...user.regionScope],
  };
}

const invalidCredentials = () =>
  appError(ErrorCode.UNAUTHENTICATED, 'The user name or password is wrong.', { reason: 'INVALID_CREDENTIALS' });

export async function login(
  config: Config,
  username: string,
  password: string,
): Promise<{ user: CurrentUser; token: string; expiresAt: Date }> {
  const key = username.trim().toLowerCase();
  const now = new Date();
  const throttle = await LoginThrottleModel.findOne({ key }).lean();
  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    const minutes = Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw appError(
      ErrorCode.TOO_MANY_REQUESTS,
      `Too many failed sign-ins for this user. Try again in ${minutes} minute(s).`,
      { retryAfterSeconds: Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 1000) },
    );
  }

  const user = await UserModel.findOne({ username: key, active: true }).lean();
  const ok = user
    ? await argon2.verify(user.passwordHash, password)
    : (await argon2.verify(await getDummyHash(), password), false);
  if (!user || !ok) {
    await recordFailure(config, key, now);
    throw invalidCredentials();
  }

  await LoginThrottleModel.deleteOne({ key });
  await SessionModel.deleteMany({ userId: user._id, expiresAt: { $lte: now } });
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.SESSION_TTL_HOURS * 3_600_000);
  const tokenHash = hashToken(token);
  // Found again by `_id` (a primary-key read on FerretDB, where a `tokenHash` filter scans).
  await SessionModel.create({ _id: keyId(tokenHash), tokenHash, userId: user._id, createdAt: now, expiresAt });
  return { user: toCurrentUser(user), token, expiresAt };
}

async function recordFailure(config: Config, key: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - config.LOGIN_LOCK_MINUTES * 60_000);
  // A failure streak older than the window starts over.
  await LoginThrottleModel.deleteOne({ key, firstFailureAt: { $lt: windowStart } });
  const row = await LoginThrottleModel.findOneAndUpdate(
    { key },
    { $inc: { failures: 1 }, $setOnInsert: { firstFailureAt: now } },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  if (row && row.failures >= config.LOGIN_MAX_FAILURES) {
    await LoginThrottleModel.updateOne(
      { key },
      {
        $set: {
          lockedUntil: new Date(now.getTime() + config.LOGIN_LOCK_MINUTES * 60_000),
          failures: 0,
          firstFailureAt: now,
        },
      },
    );
  }
}

export async function userForSession(
  token: string | undefined,
): Promise<{ user: CurrentUser; tokenHash: string } | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const session = await SessionModel.findOne({ _id: keyId(tokenHash) }).lean();
  if (!session || session.tokenHash !== tokenHash || session.expiresAt <= new Date()) return null;
  const user = await UserModel.findOne({ _id: session.userId, active: true }).lean();
  return user ? { user: toCurrentUser(user), tokenHash } : null;
}

export async function logout(tokenHash: string | null): Promise<void> {
  if (tokenHash) await SessionModel.deleteOne({ _id: keyId(tokenHash) });
}
