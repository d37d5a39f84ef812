import { Schema, model, type InferSchemaType } from 'mongoose';

export const REGION_LEVELS = ['province', 'prefecture', 'county'] as const;

const regionSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    parentCode: { type: String, default: null, index: true },
    // Codes of every ancestor, root first: "this region and everything under it" is one indexed match.
    ancestors: { type: [String], default: [], index: true },
    level: { type: String, enum: REGION_LEVELS, required: true },
    name: {
      zh: { type: String, required: true },
      en: { type: String, required: true },
    },
    location: {
      lng: { type: Number },
      lat: { type: Number },
    },
    archived: { type: Boolean, default: false },
  },
  { timestamps: true, optimisticConcurrency: true, versionKey: 'version' },
);

export type Region = InferSchemaType<typeof regionSchema>;
export const RegionModel = model('Region', regionSchema);
