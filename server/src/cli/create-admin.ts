import { passwordSchema, usernameSchema } from '@pat/shared';
import { hashPassword } from '../modules/users/auth.service';
import { UserModel } from '../modules/users/user.model';

export class CreateAdminError extends Error {}

/** Creates an administrator, or resets the password of an existing one (refusing non-admins). */
export async function createAdmin(username: string, password: string): Promise<'created' | 'password reset'> {
  const name = usernameSchema.safeParse(username);
  if (!name.success) throw new CreateAdminError(`username: ${name.error.issues[0]?.message}`);
  const pass = passwordSchema.safeParse(password);
  if (!pass.success) throw new CreateAdminError(`password: ${pass.error.issues[0]?.message}`);
  const passwordHash = await hashPassword(pass.data);
  const existing = await UserModel.findOne({ username: name.data.toLowerCase() });
  if (existing) {
    if (existing.role !== 'admin')
      throw new CreateAdminError(`user ${existing.username} exists and is not an administrator`);
    existing.passwordHash = passwordHash;
    existing.active = true;
    await existing.save();
    return 'password reset';
  }
  await UserModel.create({ username: name.data, displayName: name.data, role: 'admin', passwordHash, regionScope: [] });
  return 'created';
}
