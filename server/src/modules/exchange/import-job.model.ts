import { Schema, Types, model } from 'mongoose';
import { IMPORT_KINDS, IMPORT_MODES } from '@pat/shared';

// An import in progress or done: its progress and report live here, not in one server's memory, so any
// instance answers the client's polling and an interrupted job is recognised by its stale heartbeat.
const importJobSchema = new Schema(
  {
    kind: { type: String, enum: IMPORT_KINDS, required: true },
    mode: { type: String, enum: IMPORT_MODES, required: true },
    userId: { type: Types.ObjectId, required: true },
    filename: { type: String, required: true },
    sha256: { type: String, required: true },
    status: { type: String, enum: ['RUNNING', 'DONE', 'FAILED'], default: 'RUNNING' },
    phase: { type: String, enum: ['checking', 'writing', 'done'], default: 'checking' },
    processed: { type: Number, default: 0 },
    total: { type: Number, default: 0 },
    report: { type: Schema.Types.Mixed, default: null },
    error: { type: String, default: null },
    heartbeatAt: { type: Date, required: true },
  },
  { timestamps: true },
);
importJobSchema.index({ userId: 1, createdAt: -1 });

export const ImportJobModel = model('ImportJob', importJobSchema);
