import { Types } from 'mongoose';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { recordAudit } from '../audit/audit.service';
import type { RegionRecord } from '../regions/region-records';
import { UserModel } from '../users/user.model';
import { FollowUpModel } from './follow-up.model';
import { LiaisonActivityModel } from './liaison-activity.model';

export type FollowUpRow = RegionRecord & {
  activityId: Types.ObjectId;
  action: string;
  ownerId: Types.ObjectId;
  dueDate: string;
  done: boolean;
  doneAt: Date | null;
  doneBy: Types.ObjectId | null;
};

/**
 * Owners must be active users who can act on the follow-up: not viewers (they change nothing), and
 * with a region scope that reaches the region (else they could not even see it).
 */
export async function checkOwners(owners: { id: string; field: string }[], regionPath: string[]): Promise<void> {
  if (owners.length === 0) return;
  const ids = [...new Set(owners.map((o) => o.id))];
  const users = await UserModel.collection
    .find(
      { _id: { $in: ids.map((id) => new Types.ObjectId(id)) } },
      { projection: { username: 1, role: 1, active: 1, regionScope: 1 } },
    )
    .toArray();
  const byId = new Map(users.map((u) => [String(u._id), u]));
  for (const { id, field } of owners) {
    const user = byId.get(id);
    if (!user || user.active === false || user.role === 'viewer')
      throw badInput(field, 'must name an active user who is not a viewer');
    const scope = (user.regionScope as string[] | undefined) ?? [];
    if (scope.length > 0 && !regionPath.some((code) => scope.includes(code)))
      throw badInput(field, `${String(user.username)}'s region scope does not reach region ${regionPath.at(-1)}`);
  }
}

/** Keeps the activity's list of follow-up owners (what the ownerId filter matches) equal to its live follow-ups. */
export async function refreshFollowUpOwners(activityId: Types.ObjectId): Promise<void> {
  const owners = await FollowUpModel.collection.distinct('ownerId', { activityId, archived: false });
  await LiaisonActivityModel.collection.updateOne({ _id: activityId }, { $set: { followUpOwnerIds: owners } });
}

/**
 * Applies the same change to every follow-up of an activity (moved to another region, archived with
 * it): one update, each follow-up's version bumped, and one audit entry per follow-up.
 */
export async function cascadeToFollowUps(
  ctx: Context,
  activityId: Types.ObjectId,
  changes: Record<string, unknown>,
  action: string,
): Promise<void> {
  const filter = { activityId, archived: false };
  const before = (await FollowUpModel.collection.find(filter).toArray()) as FollowUpRow[];
  if (before.length === 0) return;
  const updatedAt = new Date();
  await FollowUpModel.collection.updateMany(
    { _id: { $in: before.map((f) => f._id) } },
    { $set: { ...changes, updatedAt }, $inc: { version: 1 } },
  );
  for (const f of before) {
    const after = { ...f, ...changes, updatedAt, version: (f.version ?? 0) + 1 };
    await recordAudit(ctx, { action, kind: 'FollowUp', recordId: String(f._id), before: f, after });
  }
}
