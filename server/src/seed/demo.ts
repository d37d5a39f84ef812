import type { mongo } from 'mongoose';
import type { Role } from '@pat/shared';
import type { Logger } from '../logger';
import { RegionModel } from '../modules/regions/region.model';
import { hashPassword } from '../modules/users/auth.service';
import { UserModel } from '../modules/users/user.model';
import { AgreementModel } from '../modules/agreements/agreement.model';
import { ProjectModel } from '../modules/projects/project.model';
import { refreshAgreementWatch } from '../modules/agreements/agreement-watch';
import { rebuildRollups, withoutRollupRefresh } from '../modules/analytics/rollup.maintain';
import { seedAgreements } from './agreements.seed';
import { seedFund } from './fund.seed';
import { seedLiaison } from './liaison.seed';
import { seedProjects } from './projects.seed';
import { REGION_SEED } from './regions.data';

/** Demo data only: every demo account shares this password, and the README says so. */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS: { username: string; role: Role; displayName: string; regionScope: string[] }[] = [
  { username: 'admin', role: 'admin', displayName: '系统管理员 Admin', regionScope: [] },
  { username: 'manager', role: 'manager', displayName: '资金管理 Manager', regionScope: [] },
  { username: 'officer', role: 'officer', displayName: '项目专员 Officer', regionScope: [] },
  { username: 'coordinator', role: 'coordinator', displayName: '联络协调员 Coordinator', regionScope: [] },
  { username: 'viewer', role: 'viewer', displayName: '领导 Viewer', regionScope: [] },
];

function ancestorsOf(code: string): string[] {
  const byCode = new Map(REGION_SEED.map((r) => [r.code, r]));
  const chain: string[] = [];
  let parent = byCode.get(code)?.parentCode ?? null;
  while (parent) {
    chain.unshift(parent);
    parent = byCode.get(parent)?.parentCode ?? null;
  }
  return chain;
}

type SeedableModel = {
  collection: Pick<mongo.Collection, 'find'>;
  insertMany: (docs: object[], options: { ordered: boolean }) => Promise<unknown>;
};

/**
 * Inserts the documents whose key is not in the collection yet; never overwrites what users changed.
 * (Not an upsert with $setOnInsert: FerretDB 1.24 drops empty arrays from such inserts.)
 */
async function insertMissing<T extends Record<string, unknown>>(
  model: SeedableModel,
  key: keyof T & string,
  docs: T[],
): Promise<number> {
  const existing = new Set(
    (
      await model.collection.find({ [key]: { $in: docs.map((d) => d[key]) } }, { projection: { [key]: 1 } }).toArray()
    ).map((d) => d[key]),
  );
  const missing = docs.filter((d) => !existing.has(d[key]));
  if (missing.length > 0) await model.insertMany(missing, { ordered: false });
  return missing.length;
}

/** The region tree and one user per role: what every other record refers to. */
export async function seedBase(log: Pick<Logger, 'info'>): Promise<void> {
  const regionsAdded = await insertMissing(
    RegionModel,
    'code',
    REGION_SEED.map((r) => ({
      code: r.code,
      parentCode: r.parentCode,
      ancestors: ancestorsOf(r.code),
      level: r.level,
      name: { zh: r.zh, en: r.en },
      location: { lng: r.lng, lat: r.lat },
    })),
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const usersAdded = await insertMissing(
    UserModel,
    'username',
    DEMO_USERS.map((u) => ({ ...u, passwordHash, demo: true })),
  );
  log.info({ regionsAdded, usersAdded }, 'demo data seeded');
}

export async function databaseIsEmpty(): Promise<boolean> {
  return (await UserModel.estimatedDocumentCount()) === 0;
}

/** Idempotent demo data: the base, then every kind of record, so the demo shows everything that exists. */
export async function seedDemo(log: Pick<Logger, 'info'>): Promise<void> {
  // The dashboard's roll-ups are built from the records at the end, not refreshed on each write.
  await withoutRollupRefresh(async () => {
    await seedBase(log);
    await seedProjects(log);
    await seedAgreements(log);
    await seedLiaison(log);
    await linkDemoAgreements();
    await seedFund(log);
  });
  await rebuildRollups();
  await refreshAgreementWatch(); // the agreements above were inserted directly, not through the service
}

/** Links each demo agreement to a few demo projects in its regions (only projects not yet linked). */
async function linkDemoAgreements(): Promise<void> {
  const agreements = await AgreementModel.collection
    .find({}, { projection: { regionPaths: 1 } })
    .sort({ code: 1 })
    .toArray();
  for (const agreement of agreements) {
    const projects = await ProjectModel.collection
      .find({ regionPath: { $in: agreement.regionPaths as string[] }, code: /^PA-/, agreementIds: { $size: 0 } })
      .sort({ code: 1 })
      .limit(3)
      .toArray();
    if (projects.length === 0) continue;
    await ProjectModel.collection.updateMany(
      { _id: { $in: projects.map((p) => p._id) } },
      { $set: { agreementIds: [agreement._id] } },
    );
  }
}
