import mongoose, { type Connection } from 'mongoose';

// FerretDB (and MongoDB without a replica set) has no multi-document transactions; nothing here uses them.
// Query operators never come from clients: GraphQL types and zod schemas admit only plain values.
export async function connectMongoose(uri: string, dbName: string): Promise<Connection> {
  mongoose.set('strictQuery', true);
  // monitorCommands lets tests count round trips; the events cost nothing without listeners.
  await mongoose.connect(uri, { dbName, serverSelectionTimeoutMS: 5000, autoIndex: false, monitorCommands: true });
  return mongoose.connection;
}

/** Creates every model's indexes; run at start and by each test file's setup. */
export async function syncIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) await model.createIndexes();
}

export async function isDatabaseReady(): Promise<boolean> {
  const conn = mongoose.connection;
  if (conn.readyState !== 1 || !conn.db) return false;
  try {
    await conn.db.admin().ping({ maxTimeMS: 2000 });
    return true;
  } catch {
    return false;
  }
}
