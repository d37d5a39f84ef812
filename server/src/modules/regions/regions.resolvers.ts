import type { Context } from '../../graphql/context';
import { isAuthenticated, type PermissionMap } from '../../graphql/permissions';
import { RegionModel } from './region.model';
import { regionScopeFilter } from './region-scope';

export const regionsResolvers = {
  RegionLevel: { PROVINCE: 'province', PREFECTURE: 'prefecture', COUNTY: 'county' },
  Region: {
    id: (r: { _id: unknown }) => String(r._id),
    location: (r: { location?: { lng?: number | null; lat?: number | null } }) =>
      r.location?.lng != null && r.location?.lat != null ? r.location : null,
  },
  Query: {
    regions: async (_: unknown, __: unknown, ctx: Context) =>
      RegionModel.find({ archived: false, ...regionScopeFilter(ctx.user, 'code') })
        .sort({ code: 1 })
        .lean(),
  },
};

export const regionsPermissions: PermissionMap = {
  Query: { regions: isAuthenticated },
};
