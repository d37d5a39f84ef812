import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { MilestoneModel } from '../modules/milestones/milestone.model';
import { RegionModel } from '../modules/regions/region.model';
import { UserModel } from '../modules/users/user.model';

type Row = Record<string, unknown> & { _id: Types.ObjectId };

function byKey<K, V>(keys: readonly K[], rows: V[], key: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** Per-request batching: one query per kind of related record, however many parents ask. */
export function createLoaders() {
  return {
    regionByCode: new DataLoader<string, Row | null>(async (codes) =>
      byKey(codes, (await RegionModel.collection.find({ code: { $in: [...codes] } }).toArray()) as Row[], (r) =>
        String(r.code),
      ),
    ),
    userById: new DataLoader<string, Row | null>(async (ids) =>
      byKey(
        ids,
        (await UserModel.collection
          .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } }, { projection: { passwordHash: 0 } })
          .toArray()) as Row[],
        (r) => String(r._id),
      ),
    ),
    milestonesByProject: new DataLoader<string, Row[]>(async (ids) => {
      const rows = (await MilestoneModel.collection
        .find({ projectId: { $in: ids.map((id) => new Types.ObjectId(id)) }, archived: false })
        .sort({ plannedDate: 1, _id: 1 })
        .toArray()) as Row[];
      return ids.map((id) => rows.filter((r) => String(r.projectId) === id));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
