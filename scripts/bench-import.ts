// `npm run bench:import [-- --rows N]`: times a 10,000-row project import (dry run, apply, and the
// re-import that changes nothing) in a throwaway database on the configured engine, then drops it.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Request, Response } from 'express';
import ExcelJS from 'exceljs';
import mongoose, { Types } from 'mongoose';
import { loadConfig } from '../server/src/config/config';
import { connectMongoose, syncIndexes } from '../server/src/db/connect';
import { provisionDatabase } from '../server/src/db/provision';
import type { Context, CurrentUser } from '../server/src/graphql/context';
import { createLoaders } from '../server/src/graphql/loaders';
import { createLogger } from '../server/src/logger';
import { ImportJobModel } from '../server/src/modules/exchange/import-job.model';
import { PROJECT_IMPORT_COLUMNS } from '../server/src/modules/exchange/import-projects';
import { runImport } from '../server/src/modules/exchange/import.service';
import { readTable } from '../server/src/modules/exchange/read-table';
import { seedBase } from '../server/src/seed/demo';

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 10_000;
const COUNTIES = ['653124', '653125', '653126', '540222'];
const SECTORS = ['教育', '卫生健康', '基础设施', '产业与就业'];

async function buildFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(PROJECT_IMPORT_COLUMNS.map((c) => c.zh));
  for (let i = 1; i <= ROWS; i++) {
    const values: Record<string, ExcelJS.CellValue> = {
      code: `BENCH-${String(i).padStart(5, '0')}`,
      nameZh: `批量导入项目${i}`,
      nameEn: `Bulk project ${i}`,
      regionCode: COUNTIES[i % COUNTIES.length]!,
      sector: SECTORS[i % SECTORS.length]!,
      implementingUnit: '市发展改革委',
      plannedStart: new Date(Date.UTC(2026, i % 12, 1)),
      plannedEnd: new Date(Date.UTC(2027, i % 12, 28)),
      specialFund: Number(`${i * 1000}.${String(i % 100).padStart(2, '0')}`),
      districtBudget: 0,
      donation: 0.01,
      status: '已提出',
      risk: '低',
    };
    ws.addRow(PROJECT_IMPORT_COLUMNS.map((c) => values[c.key] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main() {
  const config = loadConfig();
  const log = createLogger('warn');
  const db = await provisionDatabase({
    mongodbUri: config.MONGODB_URI,
    dataDir: path.join(os.tmpdir(), 'pat-bench-import'),
    log,
  });
  const dbName = `bench_import_${crypto.randomBytes(4).toString('hex')}`;
  try {
    await connectMongoose(db.uri, dbName);
    await syncIndexes();
    await seedBase({ info: () => {} });
    const user: CurrentUser = {
      id: new Types.ObjectId().toHexString(),
      username: 'bench',
      displayName: 'Import bench',
      role: 'admin',
      regionScope: [],
    };
    const ctx: Context = {
      config,
      log,
      requestId: 'bench-import',
      req: {} as Request,
      res: {} as Response,
      user,
      sessionTokenHash: null,
      loaders: createLoaders(),
    };
    let t = performance.now();
    const file = await buildFile();
    console.log(`file: ${ROWS} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB, built in ${secs(t)}`);
    const run = async (mode: 'dry-run' | 'apply', label: string) => {
      t = performance.now();
      const table = await readTable('bench.xlsx', file);
      if ('code' in table) throw new Error(`file refused: ${table.code} ${table.detail}`);
      const read = secs(t);
      const job = await ImportJobModel.create({
        kind: 'projects',
        mode,
        userId: user.id,
        filename: 'bench.xlsx',
        sha256: '-',
        heartbeatAt: new Date(),
      });
      // Progress as the job document shows it, so a long run reports its rate as it goes.
      const ticker = setInterval(() => {
        void ImportJobModel.collection
          .findOne({ _id: job._id })
          .then((j) => console.log(`  ${label}: ${j?.phase} ${j?.processed}/${j?.total} after ${secs(t)}`));
      }, 30_000);
      const report = await runImport(ctx, job._id, 'projects', mode, 'zh-CN', table).finally(() =>
        clearInterval(ticker),
      );
      console.log(
        `${label}: ${secs(t)} (reading the file ${read}); created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, refused ${report.refused}`,
      );
    };
    await run('dry-run', 'dry run');
    await run('apply', 'apply');
    await run('apply', 're-import of the same file');
  } finally {
    if (mongoose.connection.readyState === 1) await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
    await db.stop();
  }
}

const secs = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
