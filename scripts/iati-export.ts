// `npm run iati:export -- --out FILE [--year Y] [--region CODE] [--sector S] [--status S] [--ids ID,ID]
// [--search TEXT] [--include-archived]`: writes the projects (every project, or the filtered ones) as
// one IATI 2.03 activity file, against the configured database (same configuration and database
// provisioning as `npm run seed`).
import fs from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { ConfigError, loadConfig, type Config } from '../server/src/config/config';
import { connectMongoose } from '../server/src/db/connect';
import { provisionDatabase } from '../server/src/db/provision';
import type { CurrentUser } from '../server/src/graphql/context';
import { createLogger } from '../server/src/logger';
import { buildIatiXml } from '../server/src/modules/exchange/iati/iati.export';
import type { ProjectFilter } from '../server/src/modules/projects/projects.service';

const USAGE = `Usage: npm run iati:export -- --out FILE [--year YYYY] [--region CODE] [--sector SECTOR]
       [--status STATUS] [--ids ID,ID,...] [--search TEXT] [--include-archived]`;

export type ExportArgs = { out: string; ids: string[]; filter: ProjectFilter };

/** Parses the command line; throws an Error with the usage on anything it does not understand. */
export function parseArgs(argv: string[]): ExportArgs {
  const filter: ProjectFilter = {};
  let out = '';
  let ids: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value.\n${USAGE}`);
      return v;
    };
    if (flag === '--out') out = value();
    else if (flag === '--year') filter.year = Number(value());
    else if (flag === '--region') filter.regionCode = value();
    else if (flag === '--sector') filter.sector = value();
    else if (flag === '--status') filter.status = value();
    else if (flag === '--search') filter.search = value();
    else if (flag === '--ids') ids = value().split(',').filter(Boolean);
    else if (flag === '--include-archived') filter.includeArchived = true;
    else throw new Error(`Unknown option ${flag}.\n${USAGE}`);
  }
  if (!out) throw new Error(`--out FILE is required.\n${USAGE}`);
  return { out, ids, filter };
}

// The command line has the whole office's view: no region scope.
const SYSTEM_USER: CurrentUser = {
  id: '000000000000000000000000',
  username: 'iati-export',
  displayName: 'IATI export (command line)',
  role: 'admin',
  regionScope: [],
};

/** Writes the file from the connected database; returns how many activities it holds. */
export async function exportToFile(args: ExportArgs, config: Config): Promise<number> {
  const baseUrl = (config.IATI_PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
  const { xml, count } = await buildIatiXml(SYSTEM_USER, config, { ids: args.ids, filter: args.filter, baseUrl });
  fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
  fs.writeFileSync(args.out, xml);
  return count;
}

export async function main(argv: string[]): Promise<number> {
  let args: ExportArgs;
  let config: Config;
  try {
    args = parseArgs(argv);
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    return 2;
  }
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const db = await provisionDatabase({ mongodbUri: config.MONGODB_URI, dataDir: config.DATA_DIR, log });
  try {
    await connectMongoose(db.uri, config.MONGODB_DB);
    const count = await exportToFile(args, config);
    console.log(`Wrote ${count} IATI activities to ${args.out}.`);
    return 0;
  } catch (error) {
    const ext = (error as { extensions?: { field?: string } }).extensions;
    console.error(ext ? `${ext.field ?? ''} ${(error as Error).message}`.trim() : error);
    return 1;
  } finally {
    await mongoose.disconnect();
    await db.stop();
  }
}

if (process.argv[1]?.endsWith('iati-export.ts')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
