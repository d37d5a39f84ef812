import { Schema, Types, model } from 'mongoose';

export const DOCUMENT_RECORD_KINDS = ['PROJECT', 'MILESTONE', 'REGION', 'AGREEMENT', 'LIAISON_ACTIVITY'] as const;
export type DocumentRecordKind = (typeof DOCUMENT_RECORD_KINDS)[number];

// Metadata of a file kept in the GridFS bucket "documents".
const documentSchema = new Schema(
  {
    recordKind: { type: String, enum: DOCUMENT_RECORD_KINDS, required: true },
    recordId: { type: String, required: true },
    regionPath: { type: [String], required: true },
    title: { type: String, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    fileId: { type: Types.ObjectId, required: true },
    uploadedBy: { type: Types.ObjectId, required: true },
    uploadedAt: { type: Date, required: true },
    archived: { type: Boolean, default: false },
  },
  { timestamps: true, versionKey: 'version' },
);
documentSchema.index({ recordKind: 1, recordId: 1, archived: 1, uploadedAt: -1 });

export const DocumentModel = model('Document', documentSchema);
