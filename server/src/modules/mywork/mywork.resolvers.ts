import type { Context } from '../../graphql/context';
import { isAuthenticated, type PermissionMap } from '../../graphql/permissions';
import { myWork } from './mywork.service';

export const myWorkResolvers = {
  Query: {
    myWork: (_: unknown, __: unknown, ctx: Context) => myWork(ctx.user!),
  },
};

// Every signed-in role has "my work" (docs/permissions.md); it holds only the user's own items.
export const myWorkPermissions: PermissionMap = { Query: { myWork: isAuthenticated } };
