import {
  createLiaisonActivityInput,
  updateLiaisonActivityInput,
  type FollowUpInput,
  type LiaisonKind,
} from '@pat/shared';
import { Types } from 'mongoose';
import type { Context, CurrentUser } from '../../graphql/context';
import { badInput, forbidden, fromZod, notFound } from '../../graphql/errors';
import { connection, type PageArgs } from '../../graphql/pagination';
import { recordAudit } from '../audit/audit.service';
import { inScope } from '../projects/projects.policy';
import {
  andAll,
  canWriteRegionRecord,
  refuseArchived,
  regionListConditions,
  regionPathFor,
  searchText,
  toObjectId,
  versionedWrite,
  type RegionRecord,
} from '../regions/region-records';
import { FollowUpModel } from './follow-up.model';
import { cascadeToFollowUps, checkOwners, type FollowUpRow } from './follow-up-owners';
import { LiaisonActivityModel } from './liaison-activity.model';

export type ActivityRow = RegionRecord & {
  kind: LiaisonKind;
  date: string;
  title: string;
  participants: string[];
  summary: string;
  receptionExpenses: number;
  followUpOwnerIds: Types.ObjectId[];
};

export type ActivityFilter = {
  regionCode?: string | null;
  kind?: string | null;
  year?: number | null;
  search?: string | null;
  ownerId?: string | null;
  includeArchived?: boolean | null;
};

const activitySearch = (a: { title: string; participants?: string[]; summary?: string }) =>
  searchText(a.title, a.participants, a.summary);

export function checkYear(year: number, field: string): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw badInput(field, 'must be a year between 2000 and 2100');
}

/** The database filter for the liaison log: scope, archived, and the filters chosen. */
export function activityFilter(user: CurrentUser, f: ActivityFilter = {}): Record<string, unknown> {
  const and = regionListConditions(user, f);
  if (f.kind) and.push({ kind: f.kind });
  if (f.year != null) {
    checkYear(f.year, 'filter.year');
    and.push({ date: { $gte: `${f.year}-01-01`, $lte: `${f.year}-12-31` } });
  }
  if (f.ownerId) and.push({ followUpOwnerIds: toObjectId(f.ownerId, 'filter.ownerId') });
  return andAll(and);
}

export function listActivities(user: CurrentUser, filter: ActivityFilter, page: PageArgs) {
  return connection<ActivityRow>(
    LiaisonActivityModel,
    activityFilter(user, filter),
    { field: 'date', direction: -1 },
    page,
  );
}

export async function getActivity(user: CurrentUser, id: string, field = 'id'): Promise<ActivityRow> {
  const activity = (await LiaisonActivityModel.collection.findOne({
    _id: toObjectId(id, field),
  })) as ActivityRow | null;
  // Out of scope answers like a missing record.
  if (!activity || !inScope(user, activity)) throw notFound('LiaisonActivity', id);
  return activity;
}

/** The activity, if the user may change it (and its follow-ups): writer role, in scope, not archived. */
export async function writableActivity(ctx: Context, id: string, field = 'id'): Promise<ActivityRow> {
  const activity = await getActivity(ctx.user!, id, field);
  if (!canWriteRegionRecord(ctx.user!, activity))
    throw forbidden('Only coordinators, managers and admins edit the liaison log.');
  refuseArchived(activity, `Liaison activity "${activity.title}"`);
  return activity;
}

/** Writes new follow-ups of an activity (owners already checked) and their audit entries. */
export async function insertFollowUps(
  ctx: Context,
  activity: Pick<ActivityRow, '_id' | 'regionCode' | 'regionPath'>,
  inputs: FollowUpInput[],
): Promise<FollowUpRow[]> {
  if (inputs.length === 0) return [];
  const createdBy = new Types.ObjectId(ctx.user!.id);
  const created = await FollowUpModel.insertMany(
    inputs.map((f) => ({
      ...f,
      ownerId: new Types.ObjectId(f.ownerId),
      activityId: activity._id,
      regionCode: activity.regionCode,
      regionPath: activity.regionPath,
      createdBy,
    })),
    { ordered: true },
  );
  const rows = created.map((d) => d.toObject() as unknown as FollowUpRow);
  for (const row of rows)
    await recordAudit(ctx, { action: 'create', kind: 'FollowUp', recordId: String(row._id), before: null, after: row });
  return rows;
}

export async function createActivity(ctx: Context, raw: unknown) {
  const user = ctx.user!;
  const parsed = createLiaisonActivityInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const { followUps, ...input } = parsed.data;
  const regionPath = await regionPathFor(user, input.regionCode, 'input.regionCode');
  await checkOwners(
    followUps.map((f, i) => ({ id: f.ownerId, field: `input.followUps.${i}.ownerId` })),
    regionPath,
  );
  const created = await LiaisonActivityModel.create({
    ...input,
    regionPath,
    followUpOwnerIds: [...new Set(followUps.map((f) => f.ownerId))].map((id) => new Types.ObjectId(id)),
    search: activitySearch(input),
    createdBy: new Types.ObjectId(user.id),
  });
  const row = created.toObject() as unknown as ActivityRow;
  await recordAudit(ctx, {
    action: 'create',
    kind: 'LiaisonActivity',
    recordId: String(row._id),
    before: null,
    after: row,
  });
  await insertFollowUps(ctx, row, followUps);
  return row;
}

export async function updateActivity(ctx: Context, id: string, version: number, raw: unknown) {
  const activity = await writableActivity(ctx, id);
  const parsed = updateLiaisonActivityInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const input = parsed.data;
  const changes: Record<string, unknown> = { ...input, search: activitySearch({ ...activity, ...input }) };
  let moved: string[] | null = null;
  if (input.regionCode && input.regionCode !== activity.regionCode) {
    moved = await regionPathFor(ctx.user!, input.regionCode, 'input.regionCode');
    // Open follow-ups move with the activity: their owners must still reach the new region.
    const open = await FollowUpModel.collection
      .find({ activityId: activity._id, archived: false, done: false }, { projection: { ownerId: 1 } })
      .toArray();
    await checkOwners(
      open.map((f) => ({ id: String(f.ownerId), field: 'input.regionCode' })),
      moved,
    );
    changes.regionPath = moved;
  }
  const label = `Liaison activity "${activity.title}"`;
  const updated = await versionedWrite(
    ctx,
    LiaisonActivityModel,
    'LiaisonActivity',
    label,
    activity,
    version,
    changes,
    'update',
  );
  if (moved) await cascadeToFollowUps(ctx, activity._id, { regionCode: input.regionCode, regionPath: moved }, 'move');
  return updated;
}

export async function archiveActivity(ctx: Context, id: string, version: number) {
  const activity = await writableActivity(ctx, id);
  const label = `Liaison activity "${activity.title}"`;
  const archived = await versionedWrite(
    ctx,
    LiaisonActivityModel,
    'LiaisonActivity',
    label,
    activity,
    version,
    { archived: true },
    'archive',
  );
  await cascadeToFollowUps(ctx, activity._id, { archived: true }, 'archive');
  return archived;
}
