import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { AgreementModel } from '../modules/agreements/agreement.model';
import { CommitmentModel } from '../modules/agreements/commitment.model';
import { DocumentModel } from '../modules/documents/document.model';
import { fundByProjectLoader } from '../modules/fund/fund-loaders';
import { followUpsByActivityLoader, liaisonActivityByIdLoader } from '../modules/liaison/liaison-loaders';
import { MilestoneModel } from '../modules/milestones/milestone.model';
import { ProjectModel } from '../modules/projects/project.model';
import { projectByIdLoader } from '../modules/projects/project-loaders';
import { RegionModel } from '../modules/regions/region.model';
import { regionChildrenLoader, regionCountsLoader } from '../modules/regions/region-loaders';
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
    // Keys are "KIND:recordId".
    documentsByRecord: new DataLoader<string, Row[]>(async (keys) => {
      const pairs = keys.map((k) => k.split(':') as [string, string]);
      const rows = (await DocumentModel.collection
        .find({ archived: false, $or: pairs.map(([recordKind, recordId]) => ({ recordKind, recordId })) })
        .sort({ uploadedAt: -1 })
        .toArray()) as Row[];
      return keys.map((k) => rows.filter((r) => `${String(r.recordKind)}:${String(r.recordId)}` === k));
    }),
    milestonesByProject: new DataLoader<string, Row[]>(async (ids) => {
      const rows = (await MilestoneModel.collection
        .find({ projectId: { $in: ids.map((id) => new Types.ObjectId(id)) }, archived: false })
        .sort({ plannedDate: 1, _id: 1 })
        .toArray()) as Row[];
      return ids.map((id) => rows.filter((r) => String(r.projectId) === id));
    }),
    // Agreements and their links. Callers apply the user's region scope to what these return.
    agreementById: new DataLoader<string, Row | null>(async (ids) =>
      byKey(
        ids,
        (await AgreementModel.collection
          .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } })
          .toArray()) as Row[],
        (r) => String(r._id),
      ),
    ),
    commitmentsByAgreement: new DataLoader<string, Row[]>(async (ids) => {
      const rows = (await CommitmentModel.collection
        .find({ agreementId: { $in: ids.map((id) => new Types.ObjectId(id)) }, archived: false })
        .sort({ dueDate: 1, _id: 1 })
        .toArray()) as Row[];
      return ids.map((id) => rows.filter((r) => String(r.agreementId) === id));
    }),
    projectsByAgreement: new DataLoader<string, Row[]>(async (ids) => {
      const agreementIds = ids.map((id) => new Types.ObjectId(id));
      const rows = (await ProjectModel.collection
        .find({ agreementIds: { $in: agreementIds }, archived: false })
        .sort({ code: 1 })
        .toArray()) as Row[];
      return ids.map((id) => rows.filter((r) => ((r.agreementIds as unknown[]) ?? []).some((a) => String(a) === id)));
    }),
    // Regions and the liaison log (see each factory for how it batches).
    regionCounts: regionCountsLoader(),
    regionChildren: regionChildrenLoader(),
    followUpsByActivity: followUpsByActivityLoader(),
    liaisonActivityById: liaisonActivityByIdLoader(),
    // A milestone's project (parallel lookups by _id for small batches: FerretDB scans for $in).
    projectById: projectByIdLoader(),
    // Special-fund position per project, from the roll-ups.
    fundByProject: fundByProjectLoader(),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
