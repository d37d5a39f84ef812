import type { Server } from 'node:http';
import mongoose from 'mongoose';
import { createApp } from './app';
import { runCli } from './cli/run-cli';
import { ConfigError, loadConfig } from './config/config';
import { connectMongoose, syncIndexes } from './db/connect';
import { provisionDatabase } from './db/provision';
import { createLogger } from './logger';
import { databaseIsEmpty, DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed/demo';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  const cliArgs = process.argv.slice(2);
  if (cliArgs.length > 0) process.exit(await runCli(cliArgs, config, log));
  const started = Number(process.env.PAT_START_MS) || Date.now();

  const db = await provisionDatabase({ mongodbUri: config.MONGODB_URI, dataDir: config.DATA_DIR, log });
  await connectMongoose(db.uri, config.MONGODB_DB);
  await syncIndexes();
  if (config.SEED_DEMO && (await databaseIsEmpty())) await seedDemo(log);

  const { app, apollo } = await createApp(config, log);
  const server: Server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });

  const address = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  const startupMs = Date.now() - started;
  log.info({ address, engine: db.engine, startupMs }, 'ready');
  const demo = config.SEED_DEMO
    ? `\nDemo sign-ins (demo data only), password "${DEMO_PASSWORD}": ${DEMO_USERS.map((u) => u.username).join(', ')}`
    : '';
  process.stdout.write(
    `\nPartner-assistance tracking is ready: ${address}  (API: ${address}/graphql, database: ${db.engine}, ready in ${(startupMs / 1000).toFixed(1)} s)${demo}\n\n`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await apollo.stop();
    await mongoose.disconnect();
    await db.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
