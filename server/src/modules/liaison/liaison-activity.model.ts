import { Schema, Types, model } from 'mongoose';
import { LIAISON_KINDS } from '@pat/shared';

const liaisonActivitySchema = new Schema(
  {
    kind: { type: String, enum: LIAISON_KINDS, required: true },
    date: { type: String, required: true },
    regionCode: { type: String, required: true },
    // The region's ancestors, then the region (region scope and region filters are one indexed match).
    regionPath: { type: [String], required: true },
    title: { type: String, required: true },
    participants: { type: [String], default: [] },
    summary: { type: String, default: '' },
    // Integer fen (分).
    receptionExpenses: { type: Number, default: 0 },
    // Owners of the activity's live follow-ups, kept by follow-up writes, so "activities with a
    // follow-up of this person" is one indexed match (no $lookup on FerretDB).
    followUpOwnerIds: { type: [Types.ObjectId], default: [] },
    // Lower-cased title, participants and summary, for the search box.
    search: { type: String, required: true },
    archived: { type: Boolean, default: false },
    createdBy: { type: Types.ObjectId, required: true },
  },
  { timestamps: true, versionKey: 'version' },
);
// Lists filter by archived plus each of these, and sort by date (newest first).
for (const field of ['regionPath', 'kind', 'followUpOwnerIds', 'search']) {
  liaisonActivitySchema.index({ archived: 1, [field]: 1, date: -1 });
}
liaisonActivitySchema.index({ archived: 1, date: -1 });
liaisonActivitySchema.index({ regionCode: 1 });

export const LiaisonActivityModel = model('LiaisonActivity', liaisonActivitySchema);
