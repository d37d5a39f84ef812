import { isOverdue, PROJECT_STATUSES, SECTORS } from '@pat/shared';
import type mongoose from 'mongoose';
import { useTestDatabase } from '../../test/db';
import { DocumentModel } from '../modules/documents/document.model';
import { MilestoneModel } from '../modules/milestones/milestone.model';
import { refreshMilestoneSummary } from '../modules/milestones/milestones.service';
import { ProjectModel } from '../modules/projects/project.model';
import { UserModel } from '../modules/users/user.model';
import { seedDemo } from './demo';

useTestDatabase();
// Seeds the whole demo twice (idempotence): slow on FerretDB when the machine is busy.
jest.setTimeout(180_000);

describe('demo data', () => {
  it('is idempotent and covers every status and sector, with overdue milestones and documents', async () => {
    await seedDemo({ info: () => {} });
    const counts = async () => ({
      users: await UserModel.countDocuments(),
      projects: await ProjectModel.countDocuments(),
      milestones: await MilestoneModel.countDocuments(),
      documents: await DocumentModel.countDocuments(),
    });
    const first = await counts();
    await seedDemo({ info: () => {} });
    expect(await counts()).toEqual(first);
    expect(first).toMatchObject({ users: 5, projects: 200, documents: 3 });

    expect((await ProjectModel.distinct('status')).sort()).toEqual([...PROJECT_STATUSES].sort());
    expect((await ProjectModel.distinct('sector')).sort()).toEqual([...SECTORS].sort());
    const officer = await UserModel.findOne({ username: 'officer' }).lean();
    expect(await ProjectModel.countDocuments({ officerIds: officer!._id })).toBeGreaterThan(20);
    const milestones = await MilestoneModel.find().lean();
    expect(milestones.filter((m) => isOverdue(m.plannedDate, m.status)).length).toBeGreaterThan(10);
  });

  it('stores milestone counters equal to a recomputation from the milestones', async () => {
    const sample = await ProjectModel.find().sort({ code: 1 }).limit(25).lean();
    for (const p of sample) await refreshMilestoneSummary(p._id as mongoose.Types.ObjectId);
    const recomputed = await ProjectModel.find({ _id: { $in: sample.map((p) => p._id) } })
      .sort({ code: 1 })
      .lean();
    const pick = (p: (typeof sample)[number]) => [
      p.code,
      p.milestoneCount,
      p.milestoneDoneCount,
      p.nextDueDate,
      p.progress,
    ];
    expect(recomputed.map(pick)).toEqual(sample.map(pick));
  });
});
