import { loginInputSchema } from '@pat/shared';
import type { Context } from '../../graphql/context';
import { fromZod } from '../../graphql/errors';
import { allowAll, type PermissionMap } from '../../graphql/permissions';
import { login, logout, SESSION_COOKIE } from './auth.service';

export const usersResolvers = {
  Role: { ADMIN: 'admin', MANAGER: 'manager', OFFICER: 'officer', COORDINATOR: 'coordinator', VIEWER: 'viewer' },
  Query: {
    me: (_: unknown, __: unknown, ctx: Context) => ctx.user,
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
    logout: async (_: unknown, __: unknown, ctx: Context) => {
      await logout(ctx.sessionTokenHash);
      ctx.res.clearCookie(SESSION_COOKIE, { path: '/' });
      return true;
    },
  },
};

export const usersPermissions: PermissionMap = {
  Query: { me: allowAll },
  Mutation: { login: allowAll, logout: allowAll },
};
