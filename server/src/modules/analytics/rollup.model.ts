import { Schema, model } from 'mongoose';

// The dashboard's roll-ups (see docs/dashboard.md). Every read is by key, stored as an ObjectId
// `_id` derived from it (`keyId` in server/src/db/key-id.ts):
// - `o|year|node` (own: projects sitting exactly at the region) and `t|year|node` (tree: the
//   region's subtree; node '*' = everything) hold `s`, one cell per sector ('*' = every sector);
//   a tree document also holds `k`, each child region's [projects, budget, allocated, disbursed]
//   per sector, so the by-region bars read their parent's document only;
// - `y|node` holds `y`, per year and sector the milestones [due, done, on time, open] of the
//   node's subtree, for the by-year chart and today's overdue count.
// `regionPath` lets a maintenance pass pick a region's documents with one index on MongoDB.
const cellSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    kind: { type: String, enum: ['o', 't', 'y'], required: true },
    year: { type: Number },
    node: { type: String, required: true },
    regionPath: { type: [String], default: [] },
    s: { type: Schema.Types.Mixed },
    k: { type: Schema.Types.Mixed },
    y: { type: Schema.Types.Mixed },
  },
  { collection: 'analytics_cells', versionKey: false },
);
cellSchema.index({ year: 1, regionPath: 1 });
export const AnalyticsCellModel = model('AnalyticsCell', cellSchema);

// Day-level detail of one cell, key `kind|year|node|sector`: read only for the "up to today"
// figures and the behind-schedule list of the filter's sector, so the month-level reads stay small.
const detailSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    year: { type: Number, required: true },
    regionPath: { type: [String], default: [] },
    detail: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'analytics_details', versionKey: false },
);
detailSchema.index({ year: 1, regionPath: 1 });
export const AnalyticsDetailModel = model('AnalyticsDetail', detailSchema);

// Projects written since their roll-ups were last refreshed (`_id` = the project's _id): the snapshots of
// where the project was before each write, and fund years touched. Drained in batches.
const dirtySchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    befores: { type: [Schema.Types.Mixed], default: [] },
    years: { type: [Number], default: [] },
    at: { type: Date },
  },
  { collection: 'analytics_dirty', versionKey: false },
);
export const DirtyModel = model('AnalyticsDirty', dirtySchema);
