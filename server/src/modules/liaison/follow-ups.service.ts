import { followUpInput, MAX_FOLLOW_UPS, officeDate, updateFollowUpInput } from '@pat/shared';
import { Types } from 'mongoose';
import type { Context, CurrentUser } from '../../graphql/context';
import { badInput, conflict, forbidden, fromZod, notFound } from '../../graphql/errors';
import { connection, type PageArgs } from '../../graphql/pagination';
import { inScope } from '../projects/projects.policy';
import {
  andAll,
  canWriteRegionRecord,
  refuseArchived,
  regionListConditions,
  REGION_RECORD_WRITERS,
  toObjectId,
  versionedWrite,
} from '../regions/region-records';
import { FollowUpModel } from './follow-up.model';
import { checkOwners, refreshFollowUpOwners, type FollowUpRow } from './follow-up-owners';
import { insertFollowUps, writableActivity } from './liaison.service';

export type FollowUpFilter = {
  ownerId?: string | null;
  activityId?: string | null;
  regionCode?: string | null;
  openOnly?: boolean | null;
  overdueOnly?: boolean | null;
  includeArchived?: boolean | null;
};

export const isOwner = (user: CurrentUser, f: Pick<FollowUpRow, 'ownerId'>) => String(f.ownerId) === user.id;

/** Writers in scope; and the owner, whatever their role, except viewers (who change nothing). */
export function canCompleteFollowUp(user: CurrentUser, f: FollowUpRow): boolean {
  if (f.done || f.archived || !inScope(user, f)) return false;
  return REGION_RECORD_WRITERS.includes(user.role) || (user.role !== 'viewer' && isOwner(user, f));
}

export function followUpFilter(user: CurrentUser, f: FollowUpFilter = {}): Record<string, unknown> {
  const and = regionListConditions(user, f);
  if (f.ownerId) and.push({ ownerId: toObjectId(f.ownerId, 'filter.ownerId') });
  if (f.activityId) and.push({ activityId: toObjectId(f.activityId, 'filter.activityId') });
  if (f.openOnly || f.overdueOnly) and.push({ done: false });
  if (f.overdueOnly) and.push({ dueDate: { $lt: officeDate() } });
  return andAll(and);
}

export function listFollowUps(user: CurrentUser, filter: FollowUpFilter, page: PageArgs) {
  return connection<FollowUpRow>(FollowUpModel, followUpFilter(user, filter), { field: 'dueDate', direction: 1 }, page);
}

export async function getFollowUp(user: CurrentUser, id: string): Promise<FollowUpRow> {
  const followUp = (await FollowUpModel.collection.findOne({ _id: toObjectId(id) })) as FollowUpRow | null;
  if (!followUp || !inScope(user, followUp)) throw notFound('FollowUp', id);
  return followUp;
}

async function writableFollowUp(ctx: Context, id: string): Promise<FollowUpRow> {
  const followUp = await getFollowUp(ctx.user!, id);
  if (!canWriteRegionRecord(ctx.user!, followUp))
    throw forbidden('Only coordinators, managers and admins edit follow-ups.');
  refuseArchived(followUp, 'This follow-up');
  return followUp;
}

export async function addFollowUp(ctx: Context, activityId: string, raw: unknown) {
  const activity = await writableActivity(ctx, activityId, 'activityId');
  const parsed = followUpInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  await checkOwners([{ id: parsed.data.ownerId, field: 'input.ownerId' }], activity.regionPath);
  const live = await FollowUpModel.collection.countDocuments({ activityId: activity._id, archived: false });
  if (live >= MAX_FOLLOW_UPS)
    throw badInput('activityId', `already has ${MAX_FOLLOW_UPS} follow-ups; archive some before adding more`);
  const [row] = await insertFollowUps(ctx, activity, [parsed.data]);
  await refreshFollowUpOwners(activity._id);
  return row!;
}

export async function updateFollowUp(ctx: Context, id: string, version: number, raw: unknown) {
  const followUp = await writableFollowUp(ctx, id);
  const parsed = updateFollowUpInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const { ownerId, done, ...rest } = parsed.data;
  const changes: Record<string, unknown> = { ...rest };
  if (ownerId) {
    await checkOwners([{ id: ownerId, field: 'input.ownerId' }], followUp.regionPath);
    changes.ownerId = new Types.ObjectId(ownerId);
  }
  if (done !== undefined && done !== followUp.done) {
    changes.done = done;
    changes.doneAt = done ? new Date() : null;
    changes.doneBy = done ? new Types.ObjectId(ctx.user!.id) : null;
  }
  const updated = await versionedWrite(
    ctx,
    FollowUpModel,
    'FollowUp',
    'This follow-up',
    followUp,
    version,
    changes,
    'update',
  );
  if (ownerId && ownerId !== String(followUp.ownerId)) await refreshFollowUpOwners(followUp.activityId);
  return updated;
}

export async function completeFollowUp(ctx: Context, id: string, version: number) {
  const user = ctx.user!;
  const followUp = await getFollowUp(user, id);
  const writer = canWriteRegionRecord(user, followUp);
  if (!writer && !(user.role !== 'viewer' && isOwner(user, followUp)))
    throw forbidden("Only the follow-up's owner, coordinators, managers and admins mark it done.");
  refuseArchived(followUp, 'This follow-up');
  if (followUp.done) throw conflict('This follow-up is already done.', { currentVersion: followUp.version });
  return versionedWrite(
    ctx,
    FollowUpModel,
    'FollowUp',
    'This follow-up',
    followUp,
    version,
    { done: true, doneAt: new Date(), doneBy: new Types.ObjectId(user.id) },
    'complete',
  );
}

export async function archiveFollowUp(ctx: Context, id: string, version: number) {
  const followUp = await writableFollowUp(ctx, id);
  const archived = await versionedWrite(
    ctx,
    FollowUpModel,
    'FollowUp',
    'This follow-up',
    followUp,
    version,
    { archived: true },
    'archive',
  );
  await refreshFollowUpOwners(followUp.activityId);
  return archived;
}
