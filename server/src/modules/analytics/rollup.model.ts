import { Schema, model } from 'mongoose';

// The dashboard's roll-ups (see docs/dashboard.md). Every read is by _id, `${kind}|${year}|${node}|${sector}`
// with kind 'o' (own: projects sitting exactly at the region) or 't' (tree: the region's subtree; node
// '*' = everything). `regionPath` lets a maintenance pass pick a region's cells with one index.
const cellSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ['o', 't'], required: true },
    year: { type: Number, required: true },
    node: { type: String, required: true },
    sector: { type: String, required: true },
    regionPath: { type: [String], default: [] },
    cell: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'analytics_cells', versionKey: false },
);
cellSchema.index({ year: 1, regionPath: 1 });
export const AnalyticsCellModel = model('AnalyticsCell', cellSchema);

// Day-level detail of the same cells (same _id), kept apart so the month-level reads stay small.
const detailSchema = new Schema(
  {
    _id: { type: String, required: true },
    year: { type: Number, required: true },
    regionPath: { type: [String], default: [] },
    detail: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'analytics_details', versionKey: false },
);
detailSchema.index({ year: 1, regionPath: 1 });
export const AnalyticsDetailModel = model('AnalyticsDetail', detailSchema);

// `_id: 'years'`: the budget years that have cells, so "overdue today" knows which past years to add.
const metaSchema = new Schema(
  { _id: { type: String, required: true }, years: { type: [Number], default: [] } },
  { collection: 'analytics_meta', versionKey: false },
);
export const AnalyticsMetaModel = model('AnalyticsMeta', metaSchema);
