// `npm run bench:dashboard`: seeds scale 0.1 and scale 1 (PRODUCT.md's ten-year volumes) into two
// fresh databases, then times the dashboard's request as the page sends it (every field at once),
// for several filters, over real HTTP. Reports median and p95 per filter and scale, and the ratio.
// Not a test: it takes minutes. Options: --scales 0.1,1  --runs 15  --keep (reuse seeded databases).
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import { officeDate } from '@pat/shared';
import { createApp } from '../server/src/app';
import { loadConfig } from '../server/src/config/config';
import { connectMongoose, syncIndexes } from '../server/src/db/connect';
import { provisionDatabase } from '../server/src/db/provision';
import { createLogger } from '../server/src/logger';
import { rebuildRollups } from '../server/src/modules/analytics/rollup.maintain';
import { rollupCollections } from '../server/src/modules/analytics/rollup.store';
import { ProjectModel } from '../server/src/modules/projects/project.model';
import { seedScale } from '../server/src/seed/scale';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const SCALES = option('scales', '0.1,1').split(',').map(Number);
const RUNS = Number(option('runs', '15'));
const KEEP = args.includes('--keep');

const DASHBOARD = `query Dashboard($filter: DashboardFilter!, $years: Int) {
  dashboardHeadline(filter: $filter) {
    projectsByStatus { status count } projects { current previous } milestonesDue { current previous }
    milestonesOnTime { current previous } overdueMilestones appropriated { current previous }
    allocated { current previous } disbursed { current previous } available { current previous }
  }
  spendingByRegion(filter: $filter) { key region { id code name { zh en } } sector projectCount budget allocated disbursed }
  spendingBySector(filter: $filter) { key region { id code name { zh en } } sector projectCount budget allocated disbursed }
  disbursementsByMonth(filter: $filter) { month disbursed cumulativeDisbursed cumulativePlanned }
  milestonesByMonth(filter: $filter) { period due completed completedOnTime }
  milestonesByYear(filter: $filter, years: $years) { period due completed completedOnTime }
  progressDistribution(filter: $filter) { from to count }
  projectsBehindSchedule(filter: $filter, first: 10) {
    overdueMilestones daysBehind project { id code name { zh en } region { id code name { zh en } } progress }
  }
  overdueCommitments(filter: $filter, first: 10) { id description { zh en } responsibleUnit dueDate agreement { id code title { zh en } } }
  expiringAgreements(filter: $filter, days: 90) { id code title { zh en } counterpart validUntil }
}`;
// Each field alone, to show where the time goes.
const FIELDS = [
  'dashboardHeadline(filter: $filter) { projects { current } overdueMilestones milestonesDue { current } }',
  'spendingByRegion(filter: $filter) { key projectCount }',
  'spendingBySector(filter: $filter) { key projectCount }',
  'disbursementsByMonth(filter: $filter) { month }',
  'milestonesByMonth(filter: $filter) { period }',
  'milestonesByYear(filter: $filter, years: 5) { period }',
  'progressDistribution(filter: $filter) { count }',
  'projectsBehindSchedule(filter: $filter, first: 10) { daysBehind project { code } }',
  'overdueCommitments(filter: $filter, first: 10) { id }',
  'expiringAgreements(filter: $filter, days: 90) { id }',
];

const year = Number(officeDate().slice(0, 4));
const FILTERS: { name: string; filter: Record<string, unknown> }[] = [
  { name: 'year', filter: { year } },
  { name: 'year + prefecture 653100', filter: { year, regionCode: '653100' } },
  { name: 'year + sector EDUCATION', filter: { year, sector: 'EDUCATION' } },
  { name: 'last year + province 650000 + HEALTH', filter: { year: year - 1, regionCode: '650000', sector: 'HEALTH' } },
];

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const ms = (x: number) => x.toFixed(0).padStart(7);

type Api = (query: string, variables: Record<string, unknown>) => Promise<void>;

async function client(port: number): Promise<Api> {
  const url = `http://127.0.0.1:${port}/graphql`;
  let cookie = '';
  const send = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const body = (await res.json()) as { errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  };
  await send('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { id } } }', {
    u: 'manager',
    p: 'demo1234',
  });
  return send;
}

async function time(run: () => Promise<void>, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    out.push(performance.now() - t);
  }
  return out;
}

async function main(): Promise<void> {
  const dataDir = process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'pat-bench-dashboard');
  const quiet = { info: () => {}, warn: (o: unknown, m?: string) => console.warn(m ?? o) };
  const db = await provisionDatabase({ mongodbUri: process.env.MONGODB_URI, dataDir, log: quiet });
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const results: {
    scale: number;
    seedMs: number | null;
    rows: { name: string; times: number[] }[];
    fields: [string, number][];
  }[] = [];
  console.log(`Database: ${db.engine}; ${RUNS} timed runs per filter after 3 warm-up runs.`);
  for (const scale of SCALES) {
    await connectMongoose(db.uri, `bench_dashboard_${String(scale).replace('.', '_')}`);
    let seedMs: number | null = null;
    if (!KEEP || !(await ProjectModel.exists({ code: /^SC-/ }))) {
      await mongoose.connection.dropDatabase();
      await syncIndexes();
      const t = performance.now();
      const report = await seedScale(scale, { info: () => {} });
      seedMs = performance.now() - t;
      console.log(`scale ${scale}: seeded in ${(seedMs / 1000).toFixed(1)} s`, JSON.stringify(report));
    } else {
      await syncIndexes();
      // A kept database may hold roll-ups of an older layout: rebuilt from its records.
      if ((await rollupCollections()).includes('rollups_years'))
        console.log(`scale ${scale}: reused, with roll-ups of the current layout`);
      else {
        const t = performance.now();
        const docs = await rebuildRollups();
        const took = ((performance.now() - t) / 1000).toFixed(1);
        console.log(`scale ${scale}: reused; roll-ups rebuilt (${docs} documents) in ${took} s`);
      }
    }
    const { app, apollo } = await createApp(config, createLogger('silent'));
    const server: Server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const port = (server.address() as { port: number }).port;
    const api = await client(port);
    const rows: { name: string; times: number[] }[] = [];
    for (const { name, filter } of FILTERS) {
      const run = () => api(DASHBOARD, { filter, years: 5 });
      await time(run, 3);
      rows.push({ name, times: await time(run, RUNS) });
    }
    const fields: [string, number][] = [];
    for (const field of FIELDS) {
      const query = `query($filter: DashboardFilter!) { ${field} }`;
      await time(() => api(query, { filter: { year } }), 2);
      fields.push([
        field.slice(0, field.indexOf('(')),
        quantile(await time(() => api(query, { filter: { year } }), 7), 0.5),
      ]);
    }
    const totals = await time(
      () => api('query($f: ProjectFilter!) { projectTotals(filter: $f) { count } }', { f: { year } }),
      3,
    );
    fields.push(['projectTotals (drill-down check, not on the page)', quantile(totals, 0.5)]);
    results.push({ scale, seedMs, rows, fields });
    // Printed as soon as each scale is done (scale 1 takes long to seed on FerretDB).
    console.log(
      `scale ${scale}: ${rows.map((r) => `${r.name} median ${ms(quantile(r.times, 0.5))} p95 ${ms(quantile(r.times, 0.95))}`).join('; ')}`,
    );
    console.log(`scale ${scale} fields: ${fields.map(([f, t]) => `${f} ${t.toFixed(0)}`).join('; ')}`);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await apollo.stop();
    await mongoose.disconnect();
  }
  await db.stop();

  console.log('\nThe dashboard request (all fields, as the page sends it), milliseconds:\n');
  console.log(`| filter | ${results.map((r) => `scale ${r.scale} median | p95`).join(' | ')} |`);
  console.log(`| --- | ${results.map(() => '---: | ---:').join(' | ')} |`);
  for (const [i, { name }] of FILTERS.entries())
    console.log(
      `| ${name} | ${results.map((r) => `${ms(quantile(r.rows[i]!.times, 0.5))} | ${ms(quantile(r.rows[i]!.times, 0.95))}`).join(' | ')} |`,
    );
  const all = results.map((r) => r.rows.flatMap((x) => x.times));
  console.log(`| all filters | ${all.map((t) => `${ms(quantile(t, 0.5))} | ${ms(quantile(t, 0.95))}`).join(' | ')} |`);
  const [first, ...rest] = all;
  for (const [i, times] of rest.entries())
    console.log(
      `\nRatio scale ${results[i + 1]!.scale} / scale ${results[0]!.scale}: median ${(quantile(times, 0.5) / quantile(first!, 0.5)).toFixed(2)}, p95 ${(quantile(times, 0.95) / quantile(first!, 0.95)).toFixed(2)}`,
    );
  console.log('\nEach field alone (median of 7, filter = this year only), milliseconds:\n');
  console.log(`| field | ${results.map((r) => `scale ${r.scale}`).join(' | ')} |`);
  console.log(`| --- | ${results.map(() => '---:').join(' | ')} |`);
  for (const [i, [name]] of results[0]!.fields.entries())
    console.log(`| ${name} | ${results.map((r) => ms(r.fields[i]![1])).join(' | ')} |`);
  console.log(
    `\nSeeding: ${results.map((r) => `scale ${r.scale} ${r.seedMs === null ? 'reused' : `${(r.seedMs / 1000).toFixed(0)} s`}`).join(', ')}; machine: ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
