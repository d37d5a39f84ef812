import { createInterface } from 'node:readline/promises';
import mongoose from 'mongoose';
import type { Config } from '../config/config';
import { connectMongoose, syncIndexes } from '../db/connect';
import { provisionDatabase } from '../db/provision';
import type { Logger } from '../logger';
import { formatReport, reconcile } from '../modules/fund/reconcile';
import { seedDemo } from '../seed/demo';
import { createAdmin, CreateAdminError } from './create-admin';

const USAGE = `Commands:
  create-admin --username NAME    password from ADMIN_PASSWORD or typed on standard input
  seed                            add the demo data that is missing (idempotent)
  reconcile                       recompute special-fund balances from the ledger, repair, report`;

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write('Password (at least 8 characters): ');
  const line = await rl.question('');
  rl.close();
  return line.trim();
}

/** Runs a maintenance command against the same database the app uses; returns the exit code. */
export async function runCli(args: string[], config: Config, log: Logger): Promise<number> {
  const [command, ...rest] = args;
  if (command !== 'create-admin' && command !== 'seed' && command !== 'reconcile') {
    console.error(`Unknown command "${command}".\n${USAGE}`);
    return 2;
  }
  const db = await provisionDatabase({ mongodbUri: config.MONGODB_URI, dataDir: config.DATA_DIR, log });
  try {
    await connectMongoose(db.uri, config.MONGODB_DB);
    await syncIndexes();
    if (command === 'seed') {
      await seedDemo(log);
      return 0;
    }
    if (command === 'reconcile') {
      const report = await reconcile();
      console.log(formatReport(report));
      return report.unrepairable.length > 0 ? 1 : 0;
    }
    const i = rest.indexOf('--username');
    const username = i >= 0 ? rest[i + 1] : undefined;
    if (!username) {
      console.error(`--username is required.\n${USAGE}`);
      return 2;
    }
    const outcome = await createAdmin(username, await readPassword());
    console.log(`Administrator ${username}: ${outcome}.`);
    return 0;
  } catch (error) {
    if (error instanceof CreateAdminError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await mongoose.disconnect();
    await db.stop();
  }
}
