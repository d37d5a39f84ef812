import DataLoader from 'dataloader';
import { Types } from 'mongoose';
import { findByIds } from '../../db/by-ids';
import { ProjectModel } from './project.model';
import type { ProjectRow } from './projects.service';

/** Projects by id, archived ones too (a milestone's project): each project read once per request. */
export function projectByIdLoader() {
  return new DataLoader<string, ProjectRow | null>(async (ids) => {
    const rows = (await findByIds(
      ProjectModel.collection,
      ids.map((id) => new Types.ObjectId(id)),
    )) as unknown as ProjectRow[];
    const byId = new Map(rows.map((p) => [String(p._id), p]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
