import type { Role } from '@pat/shared';
import { hashPassword } from '../src/modules/users/auth.service';
import { UserModel } from '../src/modules/users/user.model';

let passwordHash: Promise<string> | undefined;

/** Writes a real user row; every factory user's password is demo1234. */
export async function createUser(fields: { username: string; role: Role; regionScope?: string[]; active?: boolean }) {
  passwordHash ??= hashPassword('demo1234');
  return UserModel.create({
    displayName: fields.username,
    regionScope: [],
    ...fields,
    passwordHash: await passwordHash,
  });
}
