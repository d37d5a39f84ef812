import { Schema, Types, model } from 'mongoose';
import { COMMITMENT_PARTIES, COMMITMENT_STATUSES } from '@pat/shared';

const commitmentSchema = new Schema(
  {
    agreementId: { type: Types.ObjectId, required: true },
    party: { type: String, enum: COMMITMENT_PARTIES, required: true },
    description: { zh: { type: String, required: true }, en: { type: String, default: '' } },
    responsibleUnit: { type: String, required: true },
    dueDate: { type: String, required: true },
    status: { type: String, enum: COMMITMENT_STATUSES, default: 'PENDING' },
    statusNote: { type: String, default: '' },
    completedOn: { type: String, default: null },
    // Copied from the agreement (and kept in step when its regions change), so region scope and
    // region filters need no join.
    regionPaths: { type: [String], required: true },
    // Copied from the agreement: the commitments of an archived agreement leave the lists with it.
    agreementArchived: { type: Boolean, default: false },
    archived: { type: Boolean, default: false },
    createdBy: { type: Types.ObjectId, required: true },
  },
  { timestamps: true, versionKey: 'version' },
);
// The agreement's commitments (loader) in due order; and one index per list filter, by due date.
commitmentSchema.index({ agreementId: 1, archived: 1, dueDate: 1 });
for (const field of ['status', 'regionPaths', 'responsibleUnit']) {
  commitmentSchema.index({ archived: 1, agreementArchived: 1, [field]: 1, dueDate: 1 });
}
commitmentSchema.index({ archived: 1, agreementArchived: 1, dueDate: 1 });

export const CommitmentModel = model('Commitment', commitmentSchema);
