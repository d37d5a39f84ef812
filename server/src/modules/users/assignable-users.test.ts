import { startTestApp } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { seedRegions } from '../../../test/projects';
import { createUser } from '../../../test/factories';
import { failure, FIVE_ROLES, ok, signIn, type SignedIn } from '../regions/testing';

useTestDatabase();

const ASSIGNABLE = `query($role: Role, $region: String) { assignableUsers(role: $role, regionCode: $region) { id displayName role } }`;
type Person = { id: string; displayName: string; role: string };
type Answer = { assignableUsers: Person[] };

let app: Awaited<ReturnType<typeof startTestApp>>;
let as: Record<string, SignedIn> = {};

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  as = await signIn(
    app,
    FIVE_ROLES.map((role) => ({ name: `a-${role}`, role })),
  );
  await createUser({ username: 'a-gone', role: 'coordinator', active: false });
  await createUser({ username: 'a-kashgar', role: 'coordinator', regionScope: ['653100'] });
  await createUser({ username: 'a-golog', role: 'officer', regionScope: ['632600'] });
  await createUser({ username: 'a-scoped-manager', role: 'manager', regionScope: ['653100'] });
});
afterAll(() => app.stop());

const names = (people: Person[]) => people.map((p) => p.displayName);

describe('assignableUsers: who a follow-up can be given to', () => {
  it('is read by those who create follow-ups, and refused to officers, viewers and strangers', async () => {
    for (const role of ['admin', 'manager', 'coordinator']) ok(await as[`a-${role}`]!.gql(ASSIGNABLE));
    for (const role of ['officer', 'viewer'])
      expect(failure(await as[`a-${role}`]!.gql(ASSIGNABLE)).code).toBe('FORBIDDEN');
    expect(failure(await app.client().gql(ASSIGNABLE)).code).toBe('UNAUTHENTICATED');
  });

  it('lists active users who are not viewers, coordinators first, with id, name and role only', async () => {
    const people = ok(await as['a-coordinator']!.gql<Answer>(ASSIGNABLE)).assignableUsers;
    expect(names(people)).toEqual(expect.arrayContaining(['a-admin', 'a-manager', 'a-officer', 'a-coordinator']));
    expect(names(people)).not.toContain('a-viewer');
    expect(names(people)).not.toContain('a-gone');
    const roles = people.map((p) => p.role);
    expect(roles.lastIndexOf('COORDINATOR')).toBeLessThan(roles.indexOf('MANAGER'));
    expect(roles.lastIndexOf('MANAGER')).toBeLessThan(roles.indexOf('OFFICER'));
    expect(roles.lastIndexOf('OFFICER')).toBeLessThan(roles.indexOf('ADMIN'));
    expect(Object.keys(people[0]!).sort()).toEqual(['displayName', 'id', 'role']);
    const scoped = await as['a-coordinator']!.gql(`{ assignableUsers { username } }`);
    expect(failure(scoped).code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('keeps to one role, and to those whose region scope reaches the region', async () => {
    const coordinators = ok(await as['a-manager']!.gql<Answer>(ASSIGNABLE, { role: 'COORDINATOR' })).assignableUsers;
    expect(new Set(coordinators.map((p) => p.role))).toEqual(new Set(['COORDINATOR']));
    expect(names(coordinators)).toContain('a-kashgar');
    expect(ok(await as['a-manager']!.gql<Answer>(ASSIGNABLE, { role: 'VIEWER' })).assignableUsers).toEqual([]);

    const shache = names(ok(await as['a-manager']!.gql<Answer>(ASSIGNABLE, { region: '653125' })).assignableUsers);
    expect(shache).toEqual(expect.arrayContaining(['a-kashgar', 'a-scoped-manager', 'a-officer']));
    expect(shache).not.toContain('a-golog');
    const golog = names(ok(await as['a-manager']!.gql<Answer>(ASSIGNABLE, { region: '632600' })).assignableUsers);
    expect(golog).toContain('a-golog');
    expect(golog).not.toContain('a-kashgar');
  });

  it('refuses a region outside the caller’s own scope as not found', async () => {
    const [kashgarManager] = Object.values(
      await signIn(app, [{ name: 'a-kashgar-lead', role: 'manager', regionScope: ['653100'] }]),
    );
    ok(await kashgarManager!.gql(ASSIGNABLE, { region: '653125' }));
    expect(failure(await kashgarManager!.gql(ASSIGNABLE, { region: '632600' })).code).toBe('NOT_FOUND');
    expect(failure(await kashgarManager!.gql(ASSIGNABLE, { region: 'abc' })).code).toBe('BAD_USER_INPUT');
  });
});
