import { loginInputSchema, type Role } from '@pat/shared';
import type { Context } from '../../graphql/context';
import { fromZod } from '../../graphql/errors';
import { allowAll, hasRole, isAuthenticated, type PermissionMap } from '../../graphql/permissions';
import { stripNulls } from '../../graphql/inputs';
import { REGION_RECORD_WRITERS } from '../regions/region-records';
import { assignableUsers } from './assignable-users';
import { UserModel } from './user.model';
import { createUser, listUsers, resetPassword, updateUser } from './users.service';
import { login, logout, SESSION_COOKIE } from './auth.service';

export const usersResolvers = {
  Role: { ADMIN: 'admin', MANAGER: 'manager', OFFICER: 'officer', COORDINATOR: 'coordinator', VIEWER: 'viewer' },
  User: {
    id: (u: { id?: string; _id?: unknown }) => u.id ?? String(u._id),
    regionScope: (u: { regionScope?: string[] }) => u.regionScope ?? [],
    active: (u: { active?: boolean }) => u.active ?? true,
    version: (u: { version?: number }) => u.version ?? 0,
  },
  Query: {
    me: (_: unknown, __: unknown, ctx: Context) => ctx.user,
    // Enum arguments arrive as the stored values ('admin', …) through the Role resolver map.
    users: (_: unknown, a: { filter?: { role?: string }; first?: number; after?: string }) =>
      listUsers(a.filter ?? {}, a),
    projectStaff: () =>
      UserModel.collection
        .find({ active: true, role: { $in: ['officer', 'manager', 'admin'] } }, { projection: { passwordHash: 0 } })
        .sort({ username: 1 })
        .toArray(),
    assignableUsers: (_: unknown, a: { role?: Role | null; regionCode?: string | null }, ctx: Context) =>
      assignableUsers(ctx.user!, a),
  },
  Mutation: {
    login: async (_: unknown, args: unknown, ctx: Context) => {
      const parsed = loginInputSchema.safeParse(args);
      if (!parsed.success) throw fromZod(parsed.error);
      const { user, token, expiresAt } = await login(ctx.config, parsed.data.username, parsed.data.password);
      ctx.res.cookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.COOKIE_SECURE,
        path: '/',
        expires: expiresAt,
      });
      ctx.log.info({ userId: user.id, username: user.username }, 'signed in');
      return { user, expiresAt: expiresAt.toISOString() };
    },
    createUser: (_: unknown, a: { input: Record<string, unknown> }, ctx: Context) =>
      createUser(ctx, stripNulls(a.input)),
    updateUser: (_: unknown, a: { id: string; version: number; input: Record<string, unknown> }, ctx: Context) =>
      updateUser(ctx, a.id, a.version, stripNulls(a.input)),
    resetPassword: (_: unknown, a: { id: string; password: string }, ctx: Context) =>
      resetPassword(ctx, a.id, a.password),
    logout: async (_: unknown, __: unknown, ctx: Context) => {
      await logout(ctx.sessionTokenHash);
      ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
      return true;
    },
  },
};

const adminOnly = hasRole('admin');
export const usersPermissions: PermissionMap = {
  Query: {
    me: allowAll,
    users: adminOnly,
    projectStaff: isAuthenticated,
    // Those who create follow-ups (docs/permissions.md).
    assignableUsers: hasRole(...REGION_RECORD_WRITERS),
  },
  Mutation: {
    login: allowAll,
    logout: allowAll,
    createUser: adminOnly,
    updateUser: adminOnly,
    resetPassword: adminOnly,
  },
};
