import { Schema, Types, model } from 'mongoose';

// Append-only: no API updates or deletes these rows.
const auditEntrySchema = new Schema({
  at: { type: Date, required: true },
  actorId: { type: Types.ObjectId, required: true },
  actorName: { type: String, required: true },
  action: { type: String, required: true },
  kind: { type: String, required: true },
  recordId: { type: String, required: true },
  changes: [{ _id: false, field: String, before: Schema.Types.Mixed, after: Schema.Types.Mixed }],
  requestId: { type: String, required: true },
});
auditEntrySchema.index({ kind: 1, recordId: 1, at: -1 });
auditEntrySchema.index({ at: -1 });
auditEntrySchema.index({ actorId: 1, at: -1 });

export const AuditEntryModel = model('AuditEntry', auditEntrySchema);
