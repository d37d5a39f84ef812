import { Schema, Types, model } from 'mongoose';
import { AGREEMENT_KINDS, COOPERATION_FIELDS } from '@pat/shared';
import { localized } from '../projects/project.model';

const agreementSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    title: localized,
    counterpart: { type: String, required: true },
    kind: { type: String, enum: AGREEMENT_KINDS, required: true },
    fields: { type: [{ type: String, enum: COOPERATION_FIELDS }], default: [] },
    signedOn: { type: String, required: true },
    validFrom: { type: String, required: true },
    validUntil: { type: String, required: true },
    signatories: { type: [String], default: [] },
    // The recipient regions the agreement concerns.
    regionCodes: { type: [String], required: true },
    // Every one of those regions with its ancestors: scope and region filters are one indexed match.
    regionPaths: { type: [String], required: true },
    note: { type: String, default: '' },
    // Lower-cased code, titles in both languages and counterpart, for the search box.
    search: { type: String, required: true },
    archived: { type: Boolean, default: false },
    createdBy: { type: Types.ObjectId, required: true },
  },
  { timestamps: true, versionKey: 'version' },
);
// One index behind every filter and sort of the agreement list (lists exclude archived rows by default).
for (const field of ['code', 'regionPaths', 'kind', 'fields', 'signedOn', 'validUntil', 'title.zh', 'updatedAt']) {
  agreementSchema.index({ archived: 1, [field]: 1 });
}

export const AgreementModel = model('Agreement', agreementSchema);
