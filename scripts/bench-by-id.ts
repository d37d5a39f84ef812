// `node --import tsx scripts/bench-by-id.ts`: how long a DataLoader batch of N projects takes to read
// by _id, as one `$in` query or as N parallel `findOne({ _id })`, among 1,000 projects in a throwaway
// database on the configured engine (FerretDB here). The finding is in docs/ferretdb.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { provisionDatabase } from '../server/src/db/provision';

const PROJECTS = 1000;
const ROUNDS = 9;

const millis = async (run: () => Promise<unknown>) => {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-by-id-'));
  const quiet = { info: () => {}, warn: () => {} };
  const db = await provisionDatabase({ mongodbUri: process.env.MONGODB_URI, dataDir, log: quiet });
  await mongoose.connect(db.uri, { dbName: `bench_by_id_${process.pid}` });
  try {
    const projects = mongoose.connection.db!.collection('projects');
    await projects.insertMany(
      Array.from({ length: PROJECTS }, (_, i) => ({
        code: `BENCH-${i}`,
        name: { zh: `项目${i}`, en: `Project ${i}` },
        description: { zh: '说明'.repeat(150), en: 'text '.repeat(60) },
        regionCode: '653125',
        regionPath: ['650000', '653100', '653125'],
        status: 'in_progress',
        budget: { specialFund: 100_000_00 },
        officerIds: [],
        archived: false,
      })),
    );
    const ids = (await projects.find({}, { projection: { _id: 1 } }).toArray()).map((p) => p._id);
    console.log(`engine ${db.engine}, ${PROJECTS} projects, median of ${ROUNDS} rounds`);
    for (const n of [1, 5, 20, 50, 100]) {
      const batch = Array.from({ length: n }, (_, i) => ids[(i * 37) % ids.length]!);
      const viaIn: number[] = [];
      const viaFindOne: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        viaIn.push(await millis(() => projects.find({ _id: { $in: batch } }).toArray()));
        viaFindOne.push(await millis(() => Promise.all(batch.map((_id) => projects.findOne({ _id })))));
      }
      console.log(
        `${n} ids: one $in ${median(viaIn).toFixed(1)} ms, parallel findOne ${median(viaFindOne).toFixed(1)} ms`,
      );
    }
    await mongoose.connection.db!.dropDatabase();
  } finally {
    await mongoose.disconnect();
    await db.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
