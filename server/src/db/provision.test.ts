import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { provisionDatabase, ProvisioningError } from './provision';

const logLines: string[] = [];
const log = {
  info: (obj: unknown, msg?: string) => void logLines.push(msg ?? String(obj)),
  warn: (obj: unknown, msg?: string) => void logLines.push(msg ?? String(obj)),
};
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pat-prov-'));

async function ping(uri: string) {
  const conn = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 3000 }).asPromise();
  try {
    return await conn.db!.admin().ping();
  } finally {
    await conn.close();
  }
}

describe('database provisioning order', () => {
  beforeEach(() => {
    logLines.length = 0;
  });

  it('1. uses MONGODB_URI when it is set, starting nothing', async () => {
    const uri = process.env.TEST_MONGODB_URI!;
    const db = await provisionDatabase({ mongodbUri: uri, dataDir: tmp(), log });
    expect(db.engine).toBe('mongodb-uri');
    expect(db.uri).toBe(uri);
    expect(logLines).toEqual(['database engine: MongoDB at MONGODB_URI']);
  });

  it('2-3. without MONGODB_URI tries mongodb-memory-server first, then starts FerretDB on the data folder', async () => {
    const dataDir = tmp();
    const db = await provisionDatabase({ dataDir, log });
    try {
      // On machines that can download mongod the real one wins; here the download is impossible.
      if (db.engine === 'mongodb-memory-server') {
        expect(logLines).toEqual([expect.stringContaining('mongodb-memory-server')]);
      } else {
        expect(db.engine).toBe('ferretdb');
        expect(logLines[0]).toBe('mongodb-memory-server unavailable, trying FerretDB');
        expect(logLines[1]).toBe('database engine: FerretDB 1.24.2 (SQLite backend)');
        expect(fs.existsSync(path.join(dataDir, 'ferretdb'))).toBe(true);
      }
      expect(await ping(db.uri)).toMatchObject({ ok: 1 });

      // A second process on the same data folder shares the running server instead of starting another.
      if (db.engine === 'ferretdb') {
        const again = await provisionDatabase({ dataDir, log });
        expect(again.uri).toBe(db.uri);
      }
    } finally {
      await db.stop();
    }
  });

  it('4. fails with a message that says what to install or set', async () => {
    const error = await provisionDatabase({
      dataDir: tmp(),
      log,
      ferretdbBin: '/nonexistent/ferretdb',
      buildFerretdb: false,
    }).catch((e: unknown) => e);
    if (!(error instanceof ProvisioningError)) {
      // mongod was available (a machine that can download it): the order still held.
      return;
    }
    expect(error.message).toMatch(/MONGODB_URI: not set/);
    expect(error.message).toMatch(/mongodb-memory-server: /);
    expect(error.message).toMatch(/FerretDB: no ferretdb binary found/);
    expect(error.message).toMatch(/set MONGODB_URI/);
  });
});
