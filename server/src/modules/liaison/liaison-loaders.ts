import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { FollowUpModel } from './follow-up.model';
import type { FollowUpRow } from './follow-up-owners';
import { LiaisonActivityModel } from './liaison-activity.model';
import type { ActivityRow } from './liaison.service';

/** The live follow-ups of each activity, by due date: one query for every activity of a request. */
export function followUpsByActivityLoader() {
  return new DataLoader<string, FollowUpRow[]>(async (ids) => {
    const rows = (await FollowUpModel.collection
      .find({ activityId: { $in: ids.map((id) => new Types.ObjectId(id)) }, archived: false })
      .sort({ dueDate: 1, _id: 1 })
      .toArray()) as FollowUpRow[];
    return ids.map((id) => rows.filter((r) => String(r.activityId) === id));
  });
}

export function liaisonActivityByIdLoader() {
  return new DataLoader<string, ActivityRow | null>(async (ids) => {
    const rows = (await LiaisonActivityModel.collection
      .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } })
      .toArray()) as ActivityRow[];
    const byId = new Map(rows.map((r) => [String(r._id), r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
