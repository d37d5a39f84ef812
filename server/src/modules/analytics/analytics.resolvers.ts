import type { Context } from '../../graphql/context';
import { isAuthenticated, type PermissionMap } from '../../graphql/permissions';
import type { ProjectFilter } from '../projects/projects.service';
import {
  dashboardHeadline,
  disbursementsByMonth,
  expiringAgreements,
  milestonesByMonth,
  milestonesByYear,
  overdueCommitments,
  progressDistribution,
  projectsBehindSchedule,
  projectTotals,
  spendingByRegion,
  spendingBySector,
  type Breakdown,
  type DashboardFilter,
} from './analytics.service';
import { settleRollups } from './rollup.maintain';

type FilterArgs = { filter: DashboardFilter };
type Resolver = (parent: unknown, args: never, ctx: Context) => unknown;

/** Every figure waits for this process's queued roll-up refreshes, so a user reads their own writes. */
const afterRefreshes = <T extends Record<string, Resolver>>(resolvers: T): T =>
  Object.fromEntries(
    Object.entries(resolvers).map(([field, resolve]) => [
      field,
      async (parent: unknown, args: never, ctx: Context) => {
        await settleRollups();
        return resolve(parent, args, ctx);
      },
    ]),
  ) as T;

export const analyticsResolvers = {
  ProjectBrief: {
    region: (p: { regionCode: string }, _: unknown, ctx: Context) => ctx.loaders.regionByCode.load(p.regionCode),
  },
  SpendingBreakdown: {
    region: (b: Breakdown, _: unknown, ctx: Context) =>
      b.regionCode ? ctx.loaders.regionByCode.load(b.regionCode) : null,
  },
  Query: afterRefreshes({
    dashboardHeadline: (_: unknown, args: FilterArgs, ctx: Context) => dashboardHeadline(ctx, args.filter),
    spendingByRegion: (_: unknown, args: FilterArgs, ctx: Context) => spendingByRegion(ctx, args.filter),
    spendingBySector: (_: unknown, args: FilterArgs, ctx: Context) => spendingBySector(ctx, args.filter),
    disbursementsByMonth: (_: unknown, args: FilterArgs, ctx: Context) => disbursementsByMonth(ctx, args.filter),
    milestonesByMonth: (_: unknown, args: FilterArgs, ctx: Context) => milestonesByMonth(ctx, args.filter),
    milestonesByYear: (_: unknown, args: FilterArgs & { years?: number }, ctx: Context) =>
      milestonesByYear(ctx, args.filter, args.years ?? 5),
    progressDistribution: (_: unknown, args: FilterArgs, ctx: Context) => progressDistribution(ctx, args.filter),
    projectsBehindSchedule: (_: unknown, args: FilterArgs & { first?: number }, ctx: Context) =>
      projectsBehindSchedule(ctx, args.filter, args.first ?? 10),
    overdueCommitments: (_: unknown, args: FilterArgs & { first?: number }, ctx: Context) =>
      overdueCommitments(ctx, args.filter, args.first ?? 10),
    expiringAgreements: (_: unknown, args: FilterArgs & { days?: number; first?: number }, ctx: Context) =>
      expiringAgreements(ctx, args.filter, args.days ?? 90, args.first ?? 10),
    projectTotals: (_: unknown, args: { filter: ProjectFilter }, ctx: Context) => projectTotals(ctx, args.filter),
  }),
};

// Every signed-in role reads the dashboard; region scope applies inside (docs/permissions.md).
export const analyticsPermissions: PermissionMap = {
  Query: Object.fromEntries(Object.keys(analyticsResolvers.Query).map((field) => [field, isAuthenticated])),
};
