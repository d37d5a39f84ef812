// Helpers for the tests of regions, contacts, the liaison log and "my work" (imported by tests only).
import type { Role } from '@pat/shared';
import mongoose, { Types, type mongo } from 'mongoose';
import type { GraphQLResult, TestClient, startTestApp } from '../../../test/app';
import { createUser } from '../../../test/factories';
import { settleRollups } from '../analytics/rollup.maintain';

export type SignedIn = TestClient & { id: string };
type App = Awaited<ReturnType<typeof startTestApp>>;

/** Creates the users and signs each in with a client of their own. */
export async function signIn(
  app: App,
  users: { name: string; role: Role; regionScope?: string[] }[],
): Promise<Record<string, SignedIn>> {
  const clients: Record<string, SignedIn> = {};
  for (const u of users) {
    const row = await createUser({ username: u.name, role: u.role, regionScope: u.regionScope ?? [] });
    const client = app.client();
    const login = await client.login(u.name);
    if (login.errors) throw new Error(`could not sign in ${u.name}: ${login.errors[0]?.message}`);
    clients[u.name] = { ...client, id: String(row._id) };
  }
  return clients;
}

/** The data of a result that must have succeeded (its errors shown when it did not). */
export function ok<T>(r: GraphQLResult<T>): T {
  expect(r.errors).toBeUndefined();
  return r.data as T;
}

/** The code, field and message of a result that must have failed. */
export function failure(r: GraphQLResult<unknown>) {
  expect(r.errors?.length).toBeGreaterThan(0);
  const e = r.errors![0]!;
  return { code: e.extensions?.code, field: e.extensions?.field, message: e.message };
}

/** How many database commands `run` sends (every find, aggregate, count, insert... is one). */
export async function countCommands(run: () => Promise<unknown>): Promise<number> {
  await settleRollups(); // earlier writes' background roll-up refreshes are not this request's commands
  const client = mongoose.connection.getClient();
  let commands = 0;
  const listener = () => void (commands += 1);
  client.on('commandStarted', listener);
  try {
    await run();
  } finally {
    client.off('commandStarted', listener);
  }
  return commands;
}

export const FIVE_ROLES: Role[] = ['admin', 'manager', 'officer', 'coordinator', 'viewer'];

/** The stored row, as the database holds it (version field included). */
export const stored = (model: { collection: mongo.Collection }, filter: Record<string, unknown> | string) =>
  model.collection.findOne(typeof filter === 'string' ? { _id: new Types.ObjectId(filter) } : filter);
