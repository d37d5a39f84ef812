import { Schema, model, type InferSchemaType } from 'mongoose';
import { POVERTY_STATUSES } from '@pat/shared';

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
    // The profile coordinators keep current. Rows seeded before these fields existed lack them:
    // readers default them (null population, NOT_DESIGNATED, no paired units, no office).
    population: { type: Number, default: null },
    povertyStatus: { type: String, enum: POVERTY_STATUSES, default: 'NOT_DESIGNATED' },
    // The city's districts or bureaus paired with the region (结对区、委办局).
    pairedUnits: { type: [String], default: [] },
    // The liaison office (前方工作机构) the city keeps on site.
    liaisonOffice: {
      name: { type: String, default: '' },
      address: { type: String, default: '' },
      phone: { type: String, default: '' },
      head: { type: String, default: '' },
    },
    archived: { type: Boolean, default: false },
  },
  { timestamps: true, optimisticConcurrency: true, versionKey: 'version' },
);
// The scope-filtered list sorts by code among live regions.
regionSchema.index({ archived: 1, code: 1 });

export type Region = InferSchemaType<typeof regionSchema>;
export const RegionModel = model('Region', regionSchema);
