import type { Context } from '../../graphql/context';
import { hasRole, type PermissionMap } from '../../graphql/permissions';
import { stripNulls } from '../../graphql/inputs';
import { archiveMilestone, logMilestone, updateMilestone } from './milestones.service';

export const milestonesResolvers = {
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
export const milestonesPermissions: PermissionMap = {
  Mutation: { logMilestone: milestoneWriters, updateMilestone: milestoneWriters, archiveMilestone: milestoneWriters },
};
