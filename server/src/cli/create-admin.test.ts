import { startTestApp } from '../../test/app';
import { useTestDatabase } from '../../test/db';
import { createUser } from '../../test/factories';
import { UserModel } from '../modules/users/user.model';
import { createAdmin } from './create-admin';

useTestDatabase();

describe('create-admin command', () => {
  it('creates the first administrator, who can then sign in', async () => {
    expect(await createAdmin('Chief', 'a-long-secret')).toBe('created');
    const app = await startTestApp();
    const r = await app.client().login('chief', 'a-long-secret');
    expect(r.errors).toBeUndefined();
    expect(r.data).toMatchObject({ login: { user: { username: 'chief', role: 'ADMIN' } } });
    await app.stop();
  });

  it('resets the password of an existing administrator', async () => {
    expect(await createAdmin('chief', 'another-secret')).toBe('password reset');
    expect(await UserModel.countDocuments({ username: 'chief' })).toBe(1);
  });

  it('refuses short passwords, bad names and turning another user into an admin', async () => {
    await expect(createAdmin('boss', 'short')).rejects.toThrow(/password: /);
    await expect(createAdmin('a b', 'long-enough-1')).rejects.toThrow(/username: /);
    await createUser({ username: 'clerk', role: 'officer' });
    await expect(createAdmin('clerk', 'long-enough-1')).rejects.toThrow(/not an administrator/);
    expect(await UserModel.countDocuments({ username: 'boss' })).toBe(0);
  });
});
