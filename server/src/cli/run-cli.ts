import { createInterface } from 'node:readline/promises';
import mongoose from 'mongoose';
import type { Config } from '../config/config';
import { connectMongoose, syncIndexes } from '../db/connect';
import { provisionDatabase } from '../db/provision';
import type { Logger } from '../logger';
import { formatReport, reconcile } from '../modules/fund/reconcile';
import { refreshAgreementWatch } from '../modules/agreements/agreement-watch';
import { reconcileRollups } from '../modules/analytics/rollup.maintain';
import { seedDemo } from '../seed/demo';
import { seedScale } from '../seed/scale';
import { createAdmin, CreateAdminError } from './create-admin';

const USAGE = `Commands:
  create-admin --username NAME    password from ADMIN_PASSWORD or typed on standard input
  seed                            add the demo data that is missing (idempotent)
  seed --scale N                  add N × PRODUCT.md's ten-year volumes (e.g. 0.1, 1) to a fresh database
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
      const at = rest.indexOf('--scale');
      if (at < 0) {
        await seedDemo(log);
        return 0;
      }
      const report = await seedScale(Number(rest[at + 1]), log);
      console.log(
        Object.entries(report)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n'),
      );
      return 0;
    }
    if (command === 'reconcile') {
      const report = await reconcile();
      console.log(formatReport(report));
      // The dashboard's roll-ups read the fund's: checked after the fund is repaired.
      const rollups = await reconcileRollups({ repair: true });
      console.log(
        `Dashboard roll-ups: ${rollups.checked} cells checked, ${rollups.repaired.length} repaired${rollups.repaired.length ? `: ${rollups.repaired.slice(0, 20).join(', ')}` : ''}.`,
      );
      await refreshAgreementWatch();
      console.log('Dashboard agreement lists rebuilt from the agreements and commitments.');
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
