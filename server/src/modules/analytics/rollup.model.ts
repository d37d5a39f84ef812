import { Schema, model } from 'mongoose';

// The dashboard's roll-up documents live in one small collection per budget year, written as
// JSON text (server/src/modules/analytics/rollup.store.ts, docs/dashboard.md).

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
