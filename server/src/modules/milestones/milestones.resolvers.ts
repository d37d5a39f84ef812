import type { Context } from '../../graphql/context';
import { hasRole, isAuthenticated, type PermissionMap } from '../../graphql/permissions';
import { stripNulls } from '../../graphql/inputs';
import { listMilestones, type MilestoneFilter, type MilestoneSortField } from './milestones.list';
import { archiveMilestone, logMilestone, updateMilestone } from './milestones.service';

type Row = Record<string, unknown>;

export const milestonesResolvers = {
  Milestone: {
    // A milestone in the user's scope belongs to a project in it (they share the regionPath).
    // One batched read per request through ctx.loaders.projectById (docs/ferretdb.md: why by _id).
    project: (m: Row, _: unknown, ctx: Context) => ctx.loaders.projectById.load(String(m.projectId)),
  },
  Query: {
    milestones: (
      _: unknown,
      args: {
        filter?: MilestoneFilter;
        sort?: { field: MilestoneSortField; direction: 'ASC' | 'DESC' };
        first?: number;
        after?: string;
      },
      ctx: Context,
    ) =>
      listMilestones(
        ctx.user!,
        args.filter ?? {},
        { field: args.sort?.field ?? 'PLANNED_DATE', direction: args.sort?.direction === 'DESC' ? -1 : 1 },
        args,
      ),
  },
  Mutation: {
    logMilestone: (_: unknown, a: { projectId: string; input: unknown }, ctx: Context) =>
      logMilestone(ctx, a.projectId, stripNulls(a.input)),
    updateMilestone: (_: unknown, a: { id: string; version: number; input: unknown }, ctx: Context) =>
      updateMilestone(ctx, a.id, a.version, stripNulls(a.input)),
    archiveMilestone: (_: unknown, a: { id: string; version: number }, ctx: Context) =>
      archiveMilestone(ctx, a.id, a.version),
  },
};

const milestoneWriters = hasRole('admin', 'manager', 'officer');
// Reads: every signed-in role, region scope applied in the filter.
export const milestonesPermissions: PermissionMap = {
  Query: { milestones: isAuthenticated },
  Mutation: { logMilestone: milestoneWriters, updateMilestone: milestoneWriters, archiveMilestone: milestoneWriters },
};
