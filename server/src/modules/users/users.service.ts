import { passwordSchema, ROLES, usernameSchema, LIMITS } from '@pat/shared';
import { Types } from 'mongoose';
import { z } from 'zod';
import type { Context } from '../../graphql/context';
import { badInput, conflict, fromZod, notFound } from '../../graphql/errors';
import { connection, type PageArgs } from '../../graphql/pagination';
import { recordAudit } from '../audit/audit.service';
import { RegionModel } from '../regions/region.model';
import { hashPassword } from './auth.service';
import { SessionModel } from './session.model';
import { UserModel } from './user.model';

type UserRow = Record<string, unknown> & { _id: Types.ObjectId; username: string; version: number };

const userFields = {
  displayName: z.string().trim().min(1, 'is required').max(LIMITS.displayNameMax),
  role: z.enum(ROLES),
  regionScope: z.array(z.string().regex(/^\d{6}$/, 'must hold 6-digit region codes')).max(50),
  active: z.boolean(),
};
const createUserInput = z.object({ username: usernameSchema, password: passwordSchema, ...userFields }).strict();
const updateUserInput = z.object(userFields).partial().strict();

// Passwords and their hashes never reach the audit trail.
const auditable = (row: UserRow | null) => {
  if (!row) return null;
  const { passwordHash: _hash, ...rest } = row;
  return rest;
};

async function checkRegions(codes: string[] | undefined) {
  if (!codes?.length) return;
  const found = await RegionModel.countDocuments({ code: { $in: codes } });
  if (found !== new Set(codes).size) throw badInput('input.regionScope', 'names a region that does not exist');
}

export function listUsers(
  filter: { role?: string | null; search?: string | null; includeInactive?: boolean | null },
  page: PageArgs,
) {
  const query: Record<string, unknown> = {};
  if (!filter.includeInactive) query.active = true;
  if (filter.role) query.role = filter.role;
  if (filter.search) {
    if (filter.search.length > 100) throw badInput('filter.search', 'must be at most 100 characters');
    query.username = { $regex: filter.search.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&') };
  }
  return connection<UserRow>(UserModel, query, { field: 'username', direction: 1 }, page);
}

export async function createUser(ctx: Context, raw: unknown) {
  const parsed = createUserInput.safeParse({ regionScope: [], active: true, ...(raw as object) });
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const input = parsed.data;
  await checkRegions(input.regionScope);
  const username = input.username.toLowerCase();
  if (await UserModel.exists({ username }))
    throw conflict(`The user name ${username} is taken.`, { field: 'input.username' });
  const { password, ...fields } = input;
  const created = await UserModel.create({ ...fields, username, passwordHash: await hashPassword(password) });
  const row = created.toObject() as unknown as UserRow;
  await recordAudit(ctx, {
    action: 'create',
    kind: 'User',
    recordId: String(row._id),
    before: null,
    after: auditable(row),
  });
  return row;
}

async function findUser(id: string): Promise<UserRow> {
  if (!Types.ObjectId.isValid(id)) throw badInput('id', 'is not a valid id');
  const user = (await UserModel.collection.findOne({ _id: new Types.ObjectId(id) })) as UserRow | null;
  if (!user) throw notFound('User', id);
  return user;
}

export async function updateUser(ctx: Context, id: string, version: number, raw: unknown) {
  const before = await findUser(id);
  const parsed = updateUserInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  await checkRegions(parsed.data.regionScope);
  if (id === ctx.user!.id && ((parsed.data.role && parsed.data.role !== 'admin') || parsed.data.active === false)) {
    throw badInput('input.role', 'you cannot remove your own administrator rights or deactivate yourself');
  }
  const after = (await UserModel.collection.findOneAndUpdate(
    { _id: before._id, version },
    { $set: { ...parsed.data, updatedAt: new Date() }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  )) as UserRow | null;
  if (!after)
    throw conflict(`User ${before.username} was changed by someone else; reload and try again.`, {
      currentVersion: before.version,
    });
  // A changed role, scope or deactivation takes effect at once: existing sessions end.
  if (parsed.data.role || parsed.data.regionScope || parsed.data.active === false)
    await SessionModel.deleteMany({ userId: before._id });
  await recordAudit(ctx, {
    action: 'update',
    kind: 'User',
    recordId: id,
    before: auditable(before),
    after: auditable(after),
  });
  return after;
}

export async function resetPassword(ctx: Context, id: string, password: string) {
  const user = await findUser(id);
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw fromZod(parsed.error, 'password');
  await UserModel.collection.updateOne(
    { _id: user._id },
    { $set: { passwordHash: await hashPassword(parsed.data), updatedAt: new Date() } },
  );
  await SessionModel.deleteMany({ userId: user._id });
  await recordAudit(ctx, { action: 'resetPassword', kind: 'User', recordId: id, before: null, after: null });
  return true;
}
