import { Schema, model } from 'mongoose';
import { ROLES } from '@pat/shared';

const userSchema = new Schema(
  {
    username: { type: String, required: true, unique: true, lowercase: true, trim: true },
    displayName: { type: String, required: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: ROLES, required: true },
    // Region codes the user is limited to (their subtrees included); empty means every region.
    regionScope: { type: [String], default: [] },
    active: { type: Boolean, default: true },
    /** Demo accounts are marked so production tooling can find and disable them. */
    demo: { type: Boolean, default: false },
  },
  { timestamps: true, optimisticConcurrency: true, versionKey: 'version' },
);

export const UserModel = model('User', userSchema);
