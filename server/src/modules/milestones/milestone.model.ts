import { Schema, Types, model } from 'mongoose';
import { MILESTONE_STATUSES } from '@pat/shared';
import { localized } from '../projects/project.model';

const milestoneSchema = new Schema(
  {
    projectId: { type: Types.ObjectId, required: true },
    // Copied from the project so region scope and region filters need no join.
    regionPath: { type: [String], required: true },
    title: localized,
    plannedDate: { type: String, required: true },
    actualDate: { type: String, default: null },
    percentComplete: { type: Number, default: 0 },
    status: { type: String, enum: MILESTONE_STATUSES, default: 'PENDING' },
    note: { type: String, default: '' },
    loggedBy: { type: Types.ObjectId, required: true },
    loggedAt: { type: Date, required: true },
    archived: { type: Boolean, default: false },
  },
  { timestamps: true, versionKey: 'version' },
);
milestoneSchema.index({ projectId: 1, archived: 1, plannedDate: 1 });
milestoneSchema.index({ archived: 1, status: 1, plannedDate: 1 });
milestoneSchema.index({ loggedBy: 1 });
// The milestone list's filters and sorts (regionPath: region filter and scope; projectId: sector).
milestoneSchema.index({ archived: 1, regionPath: 1, plannedDate: 1 });
milestoneSchema.index({ archived: 1, plannedDate: 1 });
for (const field of ['percentComplete', 'updatedAt']) milestoneSchema.index({ archived: 1, [field]: 1 });

export const MilestoneModel = model('Milestone', milestoneSchema);
