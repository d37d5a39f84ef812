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
    // Done on or before the planned date (null while not done): kept on every write, because no query
    // operator both engines share compares two fields (FerretDB has no $expr). Missing on milestones
    // written before it existed (milestones.list.ts handles those).
    onTime: { type: Boolean, default: null },
  },
  { timestamps: true, versionKey: 'version' },
);
milestoneSchema.index({ projectId: 1, archived: 1, plannedDate: 1 });
milestoneSchema.index({ archived: 1, status: 1, plannedDate: 1 });
milestoneSchema.index({ loggedBy: 1 });
// The milestone list's filters and sorts (regionPath: region filter and scope; projectId: sector).
milestoneSchema.index({ archived: 1, regionPath: 1, plannedDate: 1 });
milestoneSchema.index({ archived: 1, plannedDate: 1 });
milestoneSchema.index({ archived: 1, onTime: 1, plannedDate: 1 });
for (const field of ['percentComplete', 'updatedAt']) milestoneSchema.index({ archived: 1, [field]: 1 });

export const MilestoneModel = model('Milestone', milestoneSchema);

/** The stored `onTime` of a milestone with these fields: done by its planned date, or null while not done. */
export const onTimeOf = (m: { status?: string | null; actualDate?: string | null; plannedDate: string }) =>
  m.status === 'DONE' ? Boolean(m.actualDate && m.actualDate <= m.plannedDate) : null;
