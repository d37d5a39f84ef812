import { startTestApp, type TestClient } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/factories';
import { createProject, seedRegions } from '../../../test/projects';
import { buildSchema } from '../../graphql/schema';
import { AuditEntryModel } from '../audit/audit.model';
import { UserModel } from './user.model';

useTestDatabase();

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id username role regionScope active version } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateUserInput!) { updateUser(id: $id, version: $v, input: $input) { role regionScope active version } }`;
const RESET = `mutation($id: ID!, $p: String!) { resetPassword(id: $id, password: $p) }`;
const ROLES = ['admin', 'manager', 'officer', 'coordinator', 'viewer'] as const;

let app: Awaited<ReturnType<typeof startTestApp>>;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  for (const role of ROLES) {
    await createUser({ username: `u-${role}`, role });
    as[role] = app.client();
    await as[role]!.login(`u-${role}`);
  }
});
afterAll(() => app.stop());

describe('user management (administrators only)', () => {
  it('an admin creates a user who can then sign in; the audit entry holds no password', async () => {
    const r = await as.admin!.gql<{ createUser: { id: string } }>(CREATE, {
      input: {
        username: 'New.Officer',
        displayName: '新专员',
        role: 'OFFICER',
        regionScope: ['653100'],
        password: 'first-password',
      },
    });
    expect(r.data?.createUser).toMatchObject({
      username: 'new.officer',
      role: 'OFFICER',
      regionScope: ['653100'],
      active: true,
      version: 0,
    });
    expect((await app.client().login('new.officer', 'first-password')).errors).toBeUndefined();
    const audit = await AuditEntryModel.findOne({ kind: 'User', action: 'create' }).lean();
    expect(JSON.stringify(audit)).not.toMatch(/passwordHash|first-password|argon2/);
  });

  it('refuses duplicates, short passwords, unknown regions and bad names, writing nothing', async () => {
    const before = await UserModel.countDocuments();
    const base = { username: 'someone', displayName: 'S', role: 'VIEWER', password: 'long-enough-pw' };
    expect(
      (await as.admin!.gql(CREATE, { input: { ...base, username: 'new.officer' } })).errors?.[0]?.extensions?.code,
    ).toBe('CONFLICT');
    expect(
      (await as.admin!.gql(CREATE, { input: { ...base, password: 'short' } })).errors?.[0]?.extensions?.field,
    ).toBe('input.password');
    expect(
      (await as.admin!.gql(CREATE, { input: { ...base, regionScope: ['999999'] } })).errors?.[0]?.extensions?.field,
    ).toBe('input.regionScope');
    expect((await as.admin!.gql(CREATE, { input: { ...base, username: 'a b' } })).errors?.[0]?.extensions?.field).toBe(
      'input.username',
    );
    expect(await UserModel.countDocuments()).toBe(before);
  });

  it.each(['manager', 'officer', 'coordinator', 'viewer'] as const)(
    'refuses %s every user-management operation',
    async (role) => {
      const target = await UserModel.findOne({ username: 'u-viewer' }).lean();
      const id = String(target!._id);
      for (const [query, variables] of [
        ['{ users { totalCount } }', {}],
        [CREATE, { input: { username: `x-${role}`, displayName: 'X', role: 'ADMIN', password: 'long-enough-pw' } }],
        [UPDATE, { id, v: 0, input: { role: 'ADMIN' } }],
        [RESET, { id, p: 'long-enough-pw' }],
      ] as const) {
        expect((await as[role]!.gql(query, variables)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    },
  );

  it('changing a role ends the user’s sessions; a stale version gets CONFLICT', async () => {
    const victim = app.client();
    await createUser({ username: 'u-changing', role: 'officer' });
    await victim.login('u-changing');
    const user = await UserModel.findOne({ username: 'u-changing' }).lean();
    const r = await as.admin!.gql(UPDATE, {
      id: String(user!._id),
      v: 0,
      input: { role: 'VIEWER', regionScope: ['540000'] },
    });
    expect(r.data).toEqual({ updateUser: { role: 'VIEWER', regionScope: ['540000'], active: true, version: 1 } });
    expect(await victim.gql('{ me { username } }')).toEqual({ data: { me: null } });
    expect(
      (await as.admin!.gql(UPDATE, { id: String(user!._id), v: 0, input: { active: false } })).errors?.[0]?.extensions
        ?.code,
    ).toBe('CONFLICT');
  });

  it('an admin cannot demote or deactivate themself', async () => {
    const me = await UserModel.findOne({ username: 'u-admin' }).lean();
    const r = await as.admin!.gql(UPDATE, { id: String(me!._id), v: 0, input: { role: 'VIEWER' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resetting a password replaces it and ends sessions', async () => {
    const victim = app.client();
    await victim.login('new.officer', 'first-password');
    const user = await UserModel.findOne({ username: 'new.officer' }).lean();
    expect((await as.admin!.gql(RESET, { id: String(user!._id), p: 'second-password' })).data).toEqual({
      resetPassword: true,
    });
    expect(await victim.gql('{ me { username } }')).toEqual({ data: { me: null } });
    expect((await app.client().login('new.officer', 'first-password')).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await app.client().login('new.officer', 'second-password')).errors).toBeUndefined();
  });
});

describe('the audit trail', () => {
  it('admins, managers and viewers list entries globally and per project; officers and coordinators may not', async () => {
    const project = await createProject();
    const q = `query($id: String!) { auditEntries(filter: { kind: "User" }, first: 50) { totalCount edges { node { actor { username } action changes { field } requestId } } }
      project: auditEntries(filter: { recordId: $id }) { totalCount } }`;
    for (const role of ['admin', 'manager', 'viewer'] as const) {
      const r = await as[role]!.gql<{
        auditEntries: { totalCount: number; edges: { node: { actor: { username: string }; requestId: string } }[] };
      }>(q, {
        id: String(project._id),
      });
      expect(r.errors).toBeUndefined();
      expect(r.data!.auditEntries.totalCount).toBeGreaterThanOrEqual(3);
      expect(r.data!.auditEntries.edges[0]!.node.actor.username).toBe('u-admin');
      expect(r.data!.auditEntries.edges[0]!.node.requestId).toMatch(/^[\w-]+$/);
    }
    for (const role of ['officer', 'coordinator'] as const) {
      expect((await as[role]!.gql(q, { id: String(project._id) })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const history = await as[role]!.gql(`query($id: ID!) { project(id: $id) { code history { totalCount } } }`, {
        id: String(project._id),
      });
      expect(history.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const viewerHistory = await as.viewer!.gql(`query($id: ID!) { project(id: $id) { history { totalCount } } }`, {
      id: String(project._id),
    });
    expect(viewerHistory.errors).toBeUndefined();
  });

  it('offers no way to change or delete audit entries', () => {
    const mutation = buildSchema().getMutationType()!;
    const names = Object.keys(mutation.getFields());
    expect(names.filter((n) => /audit/i.test(n))).toEqual([]);
  });
});
