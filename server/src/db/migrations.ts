import mongoose from 'mongoose';
import type { Logger } from '../logger';
import { backfillMilestoneOnTime } from '../modules/milestones/milestone.model';

// One-time changes to the data of databases written by an earlier version, in order. Each runs once,
// at start after the indexes, and is recorded in `migrations` (`_id` = its name). A step must be safe
// to run again: a process that stops half-way runs it again at its next start.
const MIGRATIONS: { name: string; run: () => Promise<number> }[] = [
  { name: '2026-11-28 milestone onTime', run: backfillMilestoneOnTime },
];

export async function runMigrations(log: Pick<Logger, 'info'>): Promise<void> {
  const done = mongoose.connection.db!.collection<{ _id: string; at: Date; changed: number }>('migrations');
  for (const { name, run } of MIGRATIONS) {
    if (await done.findOne({ _id: name })) continue;
    const changed = await run();
    await done.replaceOne({ _id: name }, { at: new Date(), changed }, { upsert: true });
    if (changed > 0) log.info({ migration: name, changed }, 'migrated');
  }
}
