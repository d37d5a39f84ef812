import { Schema, Types, model } from 'mongoose';

// Follow-ups live in their own collection with their own version: FerretDB cannot update one item
// of an embedded array in place (no positional `$`, no arrayFilters).
const followUpSchema = new Schema(
  {
    activityId: { type: Types.ObjectId, required: true },
    // Copied from the activity (and moved with it) so region scope needs no join.
    regionCode: { type: String, required: true },
    regionPath: { type: [String], required: true },
    action: { type: String, required: true },
    ownerId: { type: Types.ObjectId, required: true },
    dueDate: { type: String, required: true },
    done: { type: Boolean, default: false },
    doneAt: { type: Date, default: null },
    doneBy: { type: Types.ObjectId, default: null },
    // Archived with its activity, or on its own.
    archived: { type: Boolean, default: false },
    createdBy: { type: Types.ObjectId, required: true },
  },
  { timestamps: true, versionKey: 'version' },
);
// "My open follow-ups", the overdue list, an activity's follow-ups, region scope; all sorted by due date.
followUpSchema.index({ archived: 1, ownerId: 1, done: 1, dueDate: 1 });
followUpSchema.index({ archived: 1, done: 1, dueDate: 1 });
followUpSchema.index({ archived: 1, regionPath: 1, dueDate: 1 });
followUpSchema.index({ archived: 1, dueDate: 1 });
followUpSchema.index({ activityId: 1, archived: 1, dueDate: 1 });

export const FollowUpModel = model('FollowUp', followUpSchema);
