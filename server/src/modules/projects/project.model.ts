import { Schema, Types, model } from 'mongoose';
import { PROJECT_STATUSES, RISK_LEVELS, SECTORS } from '@pat/shared';

export const localized = { zh: { type: String, required: true }, en: { type: String, default: '' } };

const indicatorSchema = new Schema(
  {
    name: localized,
    unit: { type: String, required: true },
    baseline: { type: Number, default: 0 },
    target: { type: Number, required: true },
    actual: { type: Number, default: null },
  },
  { _id: true },
);

const projectSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: localized,
    description: { zh: { type: String, default: '' }, en: { type: String, default: '' } },
    regionCode: { type: String, required: true },
    // The region's ancestors, so "this prefecture and its counties" is one indexed match.
    regionPath: { type: [String], required: true },
    sector: { type: String, enum: SECTORS, required: true },
    dacCode: { type: String, required: true },
    implementingUnit: { type: String, required: true },
    officerIds: { type: [Types.ObjectId], default: [] },
    agreementIds: { type: [Types.ObjectId], default: [] },
    plannedStart: { type: String, required: true },
    plannedEnd: { type: String, required: true },
    actualStart: { type: String, default: null },
    actualEnd: { type: String, default: null },
    budget: {
      specialFund: { type: Number, default: 0 },
      districtBudget: { type: Number, default: 0 },
      donation: { type: Number, default: 0 },
    },
    budgetTotal: { type: Number, default: 0 },
    status: { type: String, enum: PROJECT_STATUSES, default: 'PROPOSED' },
    statusReason: { type: String, default: null },
    risk: { type: String, enum: RISK_LEVELS, default: 'LOW' },
    indicators: { type: [indicatorSchema], default: [] },
    // Maintained by milestone writes: counts, and the earliest planned date of a milestone not done
    // ("overdue" is that date being before today, so the overdue filter needs no join).
    milestoneCount: { type: Number, default: 0 },
    milestoneDoneCount: { type: Number, default: 0 },
    nextDueDate: { type: String, default: null },
    progress: { type: Number, default: 0 },
    // Lower-cased code and names in both languages, for the search box.
    search: { type: String, required: true },
    archived: { type: Boolean, default: false },
    createdBy: { type: Types.ObjectId, required: true },
  },
  { timestamps: true, versionKey: 'version' },
);
for (const field of [
  'regionPath',
  'sector',
  'status',
  'officerIds',
  'implementingUnit',
  'risk',
  'nextDueDate',
  'plannedStart',
  'plannedEnd',
  'name.zh',
  'name.en',
  'updatedAt',
  'budgetTotal',
  'progress',
]) {
  projectSchema.index({ archived: 1, [field]: 1 });
}
projectSchema.index({ regionCode: 1 });
projectSchema.index({ agreementIds: 1 });

export const ProjectModel = model('Project', projectSchema);
