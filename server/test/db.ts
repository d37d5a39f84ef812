import crypto from 'node:crypto';
import mongoose from 'mongoose';
import { connectMongoose, syncIndexes } from '../src/db/connect';

/** Gives the calling test file a fresh database of its own, dropped when the file ends. */
export function useTestDatabase(): { name: string } {
  const state = { name: `test_${crypto.randomBytes(6).toString('hex')}` };
  beforeAll(async () => {
    const uri = process.env.TEST_MONGODB_URI;
    if (!uri)
      throw new Error('TEST_MONGODB_URI is not set: run tests through jest (global setup provisions the database)');
    await connectMongoose(uri, state.name);
    await syncIndexes();
  });
  afterAll(async () => {
    if (mongoose.connection.readyState === 1) await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });
  return state;
}
