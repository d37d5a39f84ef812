import { officeDate } from '@pat/shared';
import { Types } from 'mongoose';
import type { CurrentUser } from '../../graphql/context';
import { FollowUpModel } from '../liaison/follow-up.model';
import { MilestoneModel } from '../milestones/milestone.model';
import { ProjectModel } from '../projects/project.model';

/** Most items of each list; the lists are sorted by urgency, so the cut keeps the most urgent. */
export const MY_WORK_LIMIT = 200;

const scopeMatch = (user: CurrentUser) =>
  user.regionScope.length > 0 ? { regionPath: { $in: user.regionScope } } : {};

/**
 * Three queries whatever the amounts: the user's live projects, their overdue milestones, the
 * user's open follow-ups (the last runs alongside the first two).
 */
export async function myWork(user: CurrentUser) {
  const me = new Types.ObjectId(user.id);
  const today = officeDate();
  const milestones = async () => {
    const projects = await ProjectModel.collection
      .find({ archived: false, officerIds: me, ...scopeMatch(user) }, { projection: { _id: 1 } })
      .toArray();
    if (projects.length === 0) return [];
    return MilestoneModel.collection
      .find({
        projectId: { $in: projects.map((p) => p._id) },
        archived: false,
        status: { $ne: 'DONE' },
        plannedDate: { $lt: today },
        ...scopeMatch(user),
      })
      .sort({ plannedDate: 1, _id: 1 })
      .limit(MY_WORK_LIMIT)
      .toArray();
  };
  const followUps = () =>
    FollowUpModel.collection
      .find({ archived: false, ownerId: me, done: false, ...scopeMatch(user) })
      .sort({ dueDate: 1, _id: 1 })
      .limit(MY_WORK_LIMIT)
      .toArray();
  const [overdueMilestones, openFollowUps] = await Promise.all([milestones(), followUps()]);
  return { overdueMilestones, openFollowUps };
}
