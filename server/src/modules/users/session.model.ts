import { Schema, Types, model } from 'mongoose';

// Sessions live in the database so any API instance accepts them. FerretDB 1.24 has no TTL
// indexes, so expiry is checked on read and expired rows are pruned at sign-in.
const sessionSchema = new Schema({
  tokenHash: { type: String, required: true, unique: true },
  userId: { type: Types.ObjectId, required: true, index: true },
  createdAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true, index: true },
});
export const SessionModel = model('Session', sessionSchema);

// Failed sign-ins per username, for throttling across instances.
const loginThrottleSchema = new Schema({
  key: { type: String, required: true, unique: true },
  failures: { type: Number, required: true, default: 0 },
  firstFailureAt: { type: Date, required: true },
  lockedUntil: { type: Date },
});
export const LoginThrottleModel = model('LoginThrottle', loginThrottleSchema);
