import { isFollowUpOverdue, officeDate } from '@pat/shared';
import type { Context } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { hasRole, isAuthenticated, type PermissionMap } from '../../graphql/permissions';
import { inScope } from '../projects/projects.policy';
import { stripNulls } from '../../graphql/inputs';
import { canWriteRegionRecord, REGION_RECORD_WRITERS } from '../regions/region-records';
import type { RegionRow } from '../regions/regions.service';
import type { FollowUpRow } from './follow-up-owners';
import {
  addFollowUp,
  archiveFollowUp,
  canCompleteFollowUp,
  completeFollowUp,
  getFollowUp,
  listFollowUps,
  updateFollowUp,
  type FollowUpFilter,
} from './follow-ups.service';
import {
  archiveActivity,
  createActivity,
  getActivity,
  listActivities,
  updateActivity,
  type ActivityFilter,
  type ActivityRow,
} from './liaison.service';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
type Page = { first?: number | null; after?: string | null };

export const liaisonResolvers = {
  LiaisonActivity: {
    id: (a: ActivityRow) => String(a._id),
    region: (a: ActivityRow, _: unknown, ctx: Context) => ctx.loaders.regionByCode.load(a.regionCode),
    participants: (a: ActivityRow) => a.participants ?? [],
    summary: (a: ActivityRow) => a.summary ?? '',
    receptionExpenses: (a: ActivityRow) => a.receptionExpenses ?? 0,
    followUps: async (a: ActivityRow, _: unknown, ctx: Context) =>
      (await ctx.loaders.followUpsByActivity.load(String(a._id))).filter((f) => inScope(ctx.user!, f)),
    createdBy: (a: ActivityRow, _: unknown, ctx: Context) => ctx.loaders.userById.load(String(a.createdBy)),
    canEdit: (a: ActivityRow, _: unknown, ctx: Context) => canWriteRegionRecord(ctx.user!, a) && !a.archived,
    createdAt: (a: ActivityRow) => iso(a.createdAt),
    updatedAt: (a: ActivityRow) => iso(a.updatedAt),
  },
  FollowUp: {
    id: (f: FollowUpRow) => String(f._id),
    activityId: (f: FollowUpRow) => String(f.activityId),
    activity: async (f: FollowUpRow, _: unknown, ctx: Context) => {
      const activity = await ctx.loaders.liaisonActivityById.load(String(f.activityId));
      if (!activity || !inScope(ctx.user!, activity)) throw notFound('LiaisonActivity', String(f.activityId));
      return activity;
    },
    ownerId: (f: FollowUpRow) => String(f.ownerId),
    owner: (f: FollowUpRow, _: unknown, ctx: Context) => ctx.loaders.userById.load(String(f.ownerId)),
    done: (f: FollowUpRow) => f.done ?? false,
    doneAt: (f: FollowUpRow) => (f.doneAt ? iso(f.doneAt) : null),
    doneBy: (f: FollowUpRow, _: unknown, ctx: Context) =>
      f.doneBy ? ctx.loaders.userById.load(String(f.doneBy)) : null,
    overdue: (f: FollowUpRow) => isFollowUpOverdue(f.dueDate, f.done ?? false, officeDate()),
    archived: (f: FollowUpRow) => f.archived ?? false,
    canEdit: (f: FollowUpRow, _: unknown, ctx: Context) => canWriteRegionRecord(ctx.user!, f) && !f.archived,
    canComplete: (f: FollowUpRow, _: unknown, ctx: Context) => canCompleteFollowUp(ctx.user!, f),
    createdAt: (f: FollowUpRow) => iso(f.createdAt),
    updatedAt: (f: FollowUpRow) => iso(f.updatedAt),
  },
  Region: {
    liaisonActivities: (r: RegionRow, args: Page, ctx: Context) =>
      listActivities(ctx.user!, { regionCode: r.code }, args),
  },
  Query: {
    liaisonActivities: (_: unknown, args: Page & { filter?: ActivityFilter | null }, ctx: Context) =>
      listActivities(ctx.user!, args.filter ?? {}, args),
    liaisonActivity: (_: unknown, args: { id: string }, ctx: Context) => getActivity(ctx.user!, args.id),
    followUps: (_: unknown, args: Page & { filter?: FollowUpFilter | null }, ctx: Context) =>
      listFollowUps(ctx.user!, args.filter ?? {}, args),
    followUp: (_: unknown, args: { id: string }, ctx: Context) => getFollowUp(ctx.user!, args.id),
  },
  Mutation: {
    createLiaisonActivity: (_: unknown, a: { input: unknown }, ctx: Context) =>
      createActivity(ctx, stripNulls(a.input)),
    updateLiaisonActivity: (_: unknown, a: { id: string; version: number; input: unknown }, ctx: Context) =>
      updateActivity(ctx, a.id, a.version, stripNulls(a.input)),
    archiveLiaisonActivity: (_: unknown, a: { id: string; version: number }, ctx: Context) =>
      archiveActivity(ctx, a.id, a.version),
    addFollowUp: (_: unknown, a: { activityId: string; input: unknown }, ctx: Context) =>
      addFollowUp(ctx, a.activityId, stripNulls(a.input)),
    updateFollowUp: (_: unknown, a: { id: string; version: number; input: unknown }, ctx: Context) =>
      updateFollowUp(ctx, a.id, a.version, stripNulls(a.input)),
    completeFollowUp: (_: unknown, a: { id: string; version: number }, ctx: Context) =>
      completeFollowUp(ctx, a.id, a.version),
    archiveFollowUp: (_: unknown, a: { id: string; version: number }, ctx: Context) =>
      archiveFollowUp(ctx, a.id, a.version),
  },
};

const liaisonWriters = hasRole(...REGION_RECORD_WRITERS);

// Reads: every signed-in role (region scope in the services). Writes: coordinators, managers and
// admins, then scope in the services. Marking a follow-up done is also open to officers, and the
// service lets them only when they own it; viewers never.
export const liaisonPermissions: PermissionMap = {
  Query: {
    liaisonActivities: isAuthenticated,
    liaisonActivity: isAuthenticated,
    followUps: isAuthenticated,
    followUp: isAuthenticated,
  },
  Mutation: {
    createLiaisonActivity: liaisonWriters,
    updateLiaisonActivity: liaisonWriters,
    archiveLiaisonActivity: liaisonWriters,
    addFollowUp: liaisonWriters,
    updateFollowUp: liaisonWriters,
    archiveFollowUp: liaisonWriters,
    completeFollowUp: hasRole(...REGION_RECORD_WRITERS, 'officer'),
  },
};
