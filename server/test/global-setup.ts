import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { provisionDatabase } from '../src/db/provision';

// One database server for the whole run (each test file gets its own database on it).
export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pat-test-'));
  const quiet = { info: () => {}, warn: (obj: unknown, msg?: string) => console.warn(msg ?? obj) };
  const db = await provisionDatabase({ mongodbUri: process.env.MONGODB_URI, dataDir, log: quiet });
  process.env.TEST_MONGODB_URI = db.uri;
  process.env.TEST_DB_ENGINE = db.engine;
  const g = globalThis as { __patTestDb?: { stop: () => Promise<void>; dataDir: string } };
  g.__patTestDb = { stop: db.stop, dataDir };
}
