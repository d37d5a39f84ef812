import { Schema, Types, model } from 'mongoose';

const contactSchema = new Schema(
  {
    regionCode: { type: String, required: true },
    // The region's ancestors, then the region: region scope and "this prefecture and its counties" is one match.
    regionPath: { type: [String], required: true },
    name: { type: String, required: true },
    // Position (职务), e.g. 县委副书记.
    title: { type: String, default: '' },
    organisation: { type: String, default: '' },
    phone: { type: String, default: '' },
    email: { type: String, default: '' },
    note: { type: String, default: '' },
    // Lower-cased name, position, organisation, phone and e-mail, for the search box.
    search: { type: String, required: true },
    archived: { type: Boolean, default: false },
    createdBy: { type: Types.ObjectId, required: true },
  },
  { timestamps: true, versionKey: 'version' },
);
// Lists filter by archived, scope/region (regionPath) and search, and sort by name.
for (const field of ['regionPath', 'name', 'search']) contactSchema.index({ archived: 1, [field]: 1 });
contactSchema.index({ regionCode: 1 });

export const ContactModel = model('Contact', contactSchema);
