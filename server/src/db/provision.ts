import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import mongoose from 'mongoose';
import type { Logger } from '../logger';
import { repoRoot } from '../config/paths';

export type Engine = 'mongodb-uri' | 'mongodb-memory-server' | 'ferretdb';

export type ProvisionedDatabase = {
  engine: Engine;
  uri: string;
  stop: () => Promise<void>;
};

export type ProvisionOptions = {
  mongodbUri?: string;
  /** Folder for the engine's files; kept between runs, so data persists. */
  dataDir: string;
  log: Pick<Logger, 'info' | 'warn'>;
  /** Path of the FerretDB binary; defaults to FERRETDB_BIN, then .cache/bin/ferretdb, then PATH. */
  ferretdbBin?: string;
  /** Build FerretDB from the Go module registry when no binary is found (default true). */
  buildFerretdb?: boolean;
};

export class ProvisioningError extends Error {
  constructor(readonly attempts: string[]) {
    super(
      [
        'No MongoDB-compatible database is available. Tried, in order:',
        ...attempts.map((a, i) => `  ${i + 1}. ${a}`),
        'Fix one of them: set MONGODB_URI to a running MongoDB (e.g. mongodb://127.0.0.1:27017),',
        'or install Go (so FerretDB 1.24.2 can be built by scripts/install-ferretdb.sh),',
        'or put a ferretdb binary on PATH / in FERRETDB_BIN.',
      ].join('\n'),
    );
    this.name = 'ProvisioningError';
  }
}

const MARKER_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Picks the database engine, in this order: MONGODB_URI; a real mongod through
 * mongodb-memory-server (cached or downloadable binary); FerretDB 1.24.2 with its SQLite backend;
 * otherwise a ProvisioningError that says what to install or set.
 */
export async function provisionDatabase(options: ProvisionOptions): Promise<ProvisionedDatabase> {
  const { log } = options;
  const attempts: string[] = [];

  if (options.mongodbUri) {
    log.info({ engine: 'mongodb-uri' }, 'database engine: MongoDB at MONGODB_URI');
    return { engine: 'mongodb-uri', uri: options.mongodbUri, stop: async () => {} };
  }
  attempts.push('MONGODB_URI: not set');

  const memory = await tryMemoryServer(options);
  if ('db' in memory) {
    log.info(
      { engine: 'mongodb-memory-server', uri: memory.db.uri },
      'database engine: local mongod (mongodb-memory-server)',
    );
    return memory.db;
  }
  attempts.push(`mongodb-memory-server: ${memory.reason}`);
  log.warn({ reason: memory.reason }, 'mongodb-memory-server unavailable, trying FerretDB');

  const ferret = await tryFerretdb(options);
  if ('db' in ferret) {
    log.info({ engine: 'ferretdb', uri: ferret.db.uri }, 'database engine: FerretDB 1.24.2 (SQLite backend)');
    return ferret.db;
  }
  attempts.push(`FerretDB: ${ferret.reason}`);
  throw new ProvisioningError(attempts);
}

type Attempt = { db: ProvisionedDatabase } | { reason: string };

async function tryMemoryServer(options: ProvisionOptions): Promise<Attempt> {
  // A failed download costs several seconds; remember it for a day instead of paying it each start.
  const marker = path.join(repoRoot, '.cache', 'mongod-download-failed');
  if (!process.env.MONGOMS_SYSTEM_BINARY && fs.existsSync(marker)) {
    const age = Date.now() - fs.statSync(marker).mtimeMs;
    if (age < MARKER_TTL_MS) {
      return {
        reason: `mongod download failed recently (${fs.readFileSync(marker, 'utf8').trim()}); delete ${marker} to retry`,
      };
    }
  }
  try {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    const dbPath = path.join(options.dataDir, 'mongod');
    fs.mkdirSync(dbPath, { recursive: true });
    const server = await MongoMemoryServer.create({
      instance: { dbPath, ip: '127.0.0.1', storageEngine: 'wiredTiger' },
    });
    return {
      db: {
        engine: 'mongodb-memory-server',
        uri: server.getUri(),
        stop: async () => {
          await server.stop({ doCleanup: false, force: false });
        },
      },
    };
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
    fs.mkdirSync(path.dirname(marker), { recursive: true });
    fs.writeFileSync(marker, `${new Date().toISOString()}: ${reason}\n`);
    return { reason };
  }
}

function findFerretdb(options: ProvisionOptions): string | undefined {
  const candidates = [
    options.ferretdbBin,
    process.env.FERRETDB_BIN,
    path.join(repoRoot, '.cache', 'bin', 'ferretdb'),
  ].filter((c): c is string => Boolean(c));
  for (const c of candidates) if (fs.existsSync(c)) return c;
  if (options.ferretdbBin || process.env.FERRETDB_BIN) return undefined;
  const which = spawnSync('sh', ['-c', 'command -v ferretdb'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

async function tryFerretdb(options: ProvisionOptions): Promise<Attempt> {
  let bin = findFerretdb(options);
  if (!bin && options.buildFerretdb !== false && !options.ferretdbBin) {
    const script = path.join(repoRoot, 'scripts', 'install-ferretdb.sh');
    options.log.info('building FerretDB 1.24.2 from the Go module registry (first run only, about 2 minutes)');
    const built = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (built.status !== 0)
      return { reason: `no binary found and the build failed: ${built.stderr.trim().split('\n').pop()}` };
    bin = findFerretdb(options);
  }
  if (!bin) return { reason: 'no ferretdb binary found (looked in FERRETDB_BIN, .cache/bin and PATH)' };

  const dir = path.join(options.dataDir, 'ferretdb');
  fs.mkdirSync(dir, { recursive: true });
  // Another process (the running app, say) may already serve this data folder: share it, because
  // two FerretDB processes must not write the same SQLite files.
  const running = await runningFerretdb(dir);
  if (running) return { db: { engine: 'ferretdb', uri: running, stop: async () => {} } };
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
      '--log-format=json',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // If this process dies without stopping the database, do not leave FerretDB running behind it.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const uri = `mongodb://127.0.0.1:${port}/`;
  const ready = await waitForServer(uri, child, 30_000);
  if (!ready) {
    child.kill('SIGKILL');
    return { reason: `ferretdb did not start: ${stderr.trim().split('\n').pop() ?? 'no output'}` };
  }
  const stateFile = path.join(dir, 'server.json');
  fs.writeFileSync(stateFile, JSON.stringify({ pid: child.pid, uri }));
  child.once('exit', () => fs.rmSync(stateFile, { force: true }));
  return { db: { engine: 'ferretdb', uri, stop: () => stopChild(child) } };
}

async function runningFerretdb(dir: string): Promise<string | undefined> {
  const stateFile = path.join(dir, 'server.json');
  if (!fs.existsSync(stateFile)) return undefined;
  try {
    const { pid, uri } = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { pid: number; uri: string };
    process.kill(pid, 0);
    const conn = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 1000 });
    try {
      await conn.asPromise();
      return uri;
    } finally {
      await conn.close().catch(() => {});
    }
  } catch {
    fs.rmSync(stateFile, { force: true });
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(uri: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    const conn = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 500 });
    try {
      await conn.asPromise();
      await conn.db?.admin().ping();
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await conn.close().catch(() => {});
    }
  }
  return false;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
