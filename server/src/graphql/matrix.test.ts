// The permission matrix of docs/permissions.md, cell by cell: every write operation, for every role.
import { ROLES, type Role } from '@pat/shared';
import mongoose from 'mongoose';
import { startTestApp, type GraphQLResult, type TestClient } from '../../test/app';
import { useTestDatabase } from '../../test/db';
import { createUser } from '../../test/factories';
import { createProject, seedRegions } from '../../test/projects';
import { insertAgreement, insertCommitment } from '../modules/agreements/agreements.fixtures';
import { appropriate, approvedAllocation, insertProposal, recordedDisbursement } from '../modules/fund/fund.fixtures';
import { FollowUpModel } from '../modules/liaison/follow-up.model';
import { LiaisonActivityModel } from '../modules/liaison/liaison-activity.model';
import { MilestoneModel } from '../modules/milestones/milestone.model';
import { RegionModel } from '../modules/regions/region.model';
import { UserModel } from '../modules/users/user.model';

useTestDatabase();

type Cell = 'allow' | 'deny';
type Row = {
  action: string;
  cells: Record<Role, Cell>;
  run: (c: TestClient, user: { id: string; role: Role }) => Promise<GraphQLResult>;
};

const all = (cell: Cell): Record<Role, Cell> => ({
  admin: cell,
  manager: cell,
  officer: cell,
  coordinator: cell,
  viewer: cell,
});
const only = (...roles: Role[]): Record<Role, Cell> =>
  Object.fromEntries(ROLES.map((r) => [r, roles.includes(r) ? 'allow' : 'deny'])) as Record<Role, Cell>;

let seq = 0;
const next = () => (seq += 1);
const oid = (id: string) => new mongoose.Types.ObjectId(id);

async function milestoneOn(projectId: mongoose.Types.ObjectId) {
  return MilestoneModel.create({
    projectId,
    regionPath: ['650000', '653100', '653125'],
    title: { zh: '测试' },
    plannedDate: '2026-06-01',
    loggedBy: new mongoose.Types.ObjectId(),
    loggedAt: new Date(),
  });
}

async function followUpOwnedBy(ownerId: string) {
  const activity = await LiaisonActivityModel.create({
    kind: 'MEETING',
    date: '2026-03-01',
    regionCode: '653125',
    regionPath: ['650000', '653100', '653125'],
    title: '会议',
    followUpOwnerIds: [oid(ownerId)],
    search: '会议',
    createdBy: new mongoose.Types.ObjectId(),
  });
  return FollowUpModel.create({
    activityId: activity._id,
    regionCode: '653125',
    regionPath: ['650000', '653100', '653125'],
    action: '回访',
    ownerId: oid(ownerId),
    dueDate: '2026-04-01',
    createdBy: new mongoose.Types.ObjectId(),
  });
}

const ROWS: Row[] = [
  {
    action: 'create a project',
    cells: only('admin', 'manager', 'officer'),
    run: (c) =>
      c.gql(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, {
        i: {
          code: `MX-${next()}`,
          name: { zh: '矩阵' },
          regionCode: '653125',
          sector: 'HEALTH',
          implementingUnit: 'U',
          plannedStart: '2026-01-01',
          plannedEnd: '2026-12-31',
        },
      }),
  },
  {
    action: 'update a project one is responsible for',
    cells: only('admin', 'manager', 'officer'),
    run: async (c, u) => {
      const p = await createProject({ officerIds: [oid(u.id)] });
      return c.gql(
        `mutation($id: ID!) { updateProject(id: $id, version: 0, input: { implementingUnit: "V" }) { id } }`,
        { id: String(p._id) },
      );
    },
  },
  {
    action: "update someone else's project",
    cells: only('admin', 'manager'),
    run: async (c) => {
      const p = await createProject();
      return c.gql(
        `mutation($id: ID!) { updateProject(id: $id, version: 0, input: { implementingUnit: "V" }) { id } }`,
        { id: String(p._id) },
      );
    },
  },
  {
    action: "change the status of someone else's project",
    cells: only('admin', 'manager'),
    run: async (c) => {
      const p = await createProject();
      return c.gql(`mutation($id: ID!) { changeProjectStatus(id: $id, version: 0, status: APPROVED) { id } }`, {
        id: String(p._id),
      });
    },
  },
  {
    action: 'archive a project one is responsible for',
    cells: only('admin', 'manager', 'officer'),
    run: async (c, u) => {
      const p = await createProject({ officerIds: [oid(u.id)] });
      return c.gql(`mutation($id: ID!) { archiveProject(id: $id, version: 0) { id } }`, { id: String(p._id) });
    },
  },
  {
    action: 'log a milestone on an own project',
    cells: only('admin', 'manager', 'officer'),
    run: async (c, u) => {
      const p = await createProject({ officerIds: [oid(u.id)] });
      return c.gql(
        `mutation($id: ID!) { logMilestone(projectId: $id, input: { title: { zh: "M" }, plannedDate: "2026-05-01" }) { id } }`,
        { id: String(p._id) },
      );
    },
  },
  {
    action: "update a milestone of someone else's project",
    cells: only('admin', 'manager'),
    run: async (c) => {
      const m = await milestoneOn((await createProject())._id);
      return c.gql(
        `mutation($id: ID!) { updateMilestone(id: $id, version: 0, input: { percentComplete: 50 }) { id } }`,
        { id: String(m._id) },
      );
    },
  },
  {
    action: 'create an agreement',
    cells: only('admin', 'manager', 'coordinator'),
    run: (c) =>
      c.gql(`mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }`, {
        i: {
          code: `AG-MX-${next()}`,
          title: { zh: '协议' },
          counterpart: '上海市',
          kind: 'MEMORANDUM',
          signedOn: '2026-01-01',
          validFrom: '2026-01-01',
          validUntil: '2028-01-01',
          regionCodes: ['653125'],
        },
      }),
  },
  {
    action: 'update an agreement',
    cells: only('admin', 'manager', 'coordinator'),
    run: async (c) => {
      const a = await insertAgreement();
      return c.gql(
        `mutation($id: ID!) { updateAgreement(id: $id, version: 0, input: { counterpart: "北京市" }) { id } }`,
        { id: String(a._id) },
      );
    },
  },
  {
    action: 'add a commitment',
    cells: only('admin', 'manager', 'coordinator'),
    run: async (c) => {
      const a = await insertAgreement();
      return c.gql(
        `mutation($id: ID!) { createCommitment(agreementId: $id, input: { party: OURS, description: { zh: "承诺" }, responsibleUnit: "U", dueDate: "2026-09-01" }) { id } }`,
        { id: String(a._id) },
      );
    },
  },
  {
    action: 'change a commitment status',
    cells: only('admin', 'manager', 'coordinator'),
    run: async (c) => {
      const cm = await insertCommitment(await insertAgreement());
      return c.gql(`mutation($id: ID!) { changeCommitmentStatus(id: $id, version: 0, status: IN_PROGRESS) { id } }`, {
        id: String(cm._id),
      });
    },
  },
  {
    action: "update a region's profile",
    cells: only('admin', 'manager', 'coordinator'),
    run: async (c) => {
      const region = await RegionModel.collection.findOne({ code: '653124' });
      return c.gql(
        `mutation($v: Int!) { updateRegion(code: "653124", version: $v, input: { population: 210000 }) { code } }`,
        {
          v: Number(region?.version ?? 0),
        },
      );
    },
  },
  {
    action: 'create a contact',
    cells: only('admin', 'manager', 'coordinator'),
    run: (c) => c.gql(`mutation { createContact(input: { regionCode: "653125", name: "联系人" }) { id } }`),
  },
  {
    action: 'log a liaison activity with a follow-up',
    cells: only('admin', 'manager', 'coordinator'),
    run: async (c) => {
      const coordinator = await UserModel.findOne({ username: 'mx-coordinator' }).lean();
      return c.gql(
        `mutation($o: ID!) { createLiaisonActivity(input: { kind: VISIT, date: "2026-03-02", regionCode: "653125", title: "考察",
          followUps: [{ action: "回访", ownerId: $o, dueDate: "2026-04-01" }] }) { id } }`,
        { o: String(coordinator!._id) },
      );
    },
  },
  {
    action: 'complete a follow-up one owns',
    cells: only('admin', 'manager', 'officer', 'coordinator'),
    run: async (c, u) => {
      const f = await followUpOwnedBy(u.id);
      return c.gql(`mutation($id: ID!) { completeFollowUp(id: $id, version: 0) { id } }`, { id: String(f._id) });
    },
  },
  {
    action: "complete someone else's follow-up",
    cells: only('admin', 'manager', 'coordinator'),
    run: async (c) => {
      const f = await followUpOwnedBy(String(new mongoose.Types.ObjectId()));
      return c.gql(`mutation($id: ID!) { completeFollowUp(id: $id, version: 0) { id } }`, { id: String(f._id) });
    },
  },
  {
    action: 'list audit entries',
    cells: only('admin', 'manager', 'viewer'),
    run: (c) => c.gql(`{ auditEntries(first: 1) { totalCount } }`),
  },
  {
    action: 'list users',
    cells: only('admin'),
    run: (c) => c.gql(`{ users(first: 1) { totalCount } }`),
  },
  {
    action: 'create a user',
    cells: only('admin'),
    run: (c) =>
      c.gql(
        `mutation($u: String!) { createUser(input: { username: $u, displayName: "X", role: VIEWER, password: "long-enough-pw" }) { id } }`,
        {
          u: `mx-user-${next()}`,
        },
      ),
  },
  {
    action: 'read projects, agreements, regions and "my work"',
    cells: all('allow'),
    run: (c) =>
      c.gql(`{ projects(first: 1) { totalCount } agreements(first: 1) { totalCount } regions { code } me { id } }`),
  },
  {
    action: 'record a special-fund appropriation',
    cells: only('admin', 'manager'),
    run: (c) =>
      c.gql(
        `mutation { recordAppropriation(input: { year: 2045, amount: "1000000", source: "市财政", documentRef: "MX" }) { id } }`,
      ),
  },
  {
    action: 'close a fund year',
    cells: only('admin', 'manager'),
    run: async (c) => {
      const year = 2070 + next();
      await appropriate(year);
      return c.gql(`mutation($y: Int!) { closeFundYear(year: $y) { closed } }`, { y: year });
    },
  },
  {
    action: "approve someone else's allocation proposal",
    cells: only('admin', 'manager'),
    run: async (c) => {
      await appropriate(2045);
      const a = await insertProposal(await createProject(), String(new mongoose.Types.ObjectId()));
      return c.gql(`mutation($id: ID!) { approveAllocation(id: $id) { status } }`, { id: String(a._id) });
    },
  },
  {
    action: 'reject an allocation proposal',
    cells: only('admin', 'manager'),
    run: async (c) => {
      await appropriate(2045);
      const a = await insertProposal(await createProject(), String(new mongoose.Types.ObjectId()));
      return c.gql(`mutation($id: ID!) { rejectAllocation(id: $id, reason: "不符合") { status } }`, {
        id: String(a._id),
      });
    },
  },
  {
    action: 'propose an allocation for an own project',
    cells: only('admin', 'manager', 'officer'),
    run: async (c, u) => {
      await appropriate(2045);
      const p = await createProject({ officerIds: [oid(u.id)] });
      return c.gql(
        `mutation($p: ID!) { proposeAllocation(input: { projectId: $p, year: 2045, amount: "500000", purpose: "建设", fundingSource: "专项" }) { id } }`,
        { p: String(p._id) },
      );
    },
  },
  {
    action: 'withdraw an own allocation proposal',
    cells: only('admin', 'manager', 'officer'),
    run: async (c, u) => {
      const a = await insertProposal(await createProject({ officerIds: [oid(u.id)] }), u.id);
      return c.gql(`mutation($id: ID!) { withdrawAllocation(id: $id) { status } }`, { id: String(a._id) });
    },
  },
  {
    action: 'record a disbursement on an own project',
    cells: only('admin', 'manager', 'officer'),
    run: async (c, u) => {
      const a = await approvedAllocation(await createProject({ officerIds: [oid(u.id)] }));
      const n = next();
      return c.gql(
        `mutation($a: ID!, $v: String!, $k: String!) { recordDisbursement(input: { allocationId: $a, amount: "1000", date: "2045-04-01", voucherNo: $v, payee: "收款", idempotencyKey: $k }) { id } }`,
        { a: String(a._id), v: `MX-V-${n}`, k: `matrix-key-${n}` },
      );
    },
  },
  {
    action: 'reverse a disbursement',
    cells: only('admin', 'manager'),
    run: async (c) => {
      const d = await recordedDisbursement(await approvedAllocation(await createProject()));
      return c.gql(
        `mutation($id: ID!) { reverseDisbursement(id: $id, input: { amount: "100", reason: "更正" }) { id } }`,
        {
          id: String(d._id),
        },
      );
    },
  },
  {
    action: 'reverse an allocation',
    cells: only('admin', 'manager'),
    run: async (c) => {
      const a = await approvedAllocation(await createProject());
      return c.gql(
        `mutation($id: ID!) { reverseAllocation(id: $id, input: { amount: "100", reason: "调减" }) { id } }`,
        {
          id: String(a._id),
        },
      );
    },
  },
  {
    action: 'carry an unspent balance over to the next year',
    cells: only('admin', 'manager'),
    run: async (c) => {
      const a = await approvedAllocation(await createProject());
      return c.gql(`mutation($a: ID!) { carryOver(fromYear: 2045, allocationId: $a, amount: "1000") { id } }`, {
        a: String(a._id),
      });
    },
  },
  {
    action: 'read special-fund years, allocations, the approval queue, ledger and totals',
    cells: all('allow'),
    run: (c) =>
      c.gql(
        `{ fundYears { year } allocations(first: 1) { totalCount } pendingAllocations { id } ledgerEntries(first: 1) { totalCount } fundTotals(groupBy: REGION) { key } }`,
      ),
  },
  {
    action: 'read the milestone list',
    cells: all('allow'),
    run: (c) =>
      c.gql(`{ milestones(filter: { year: 2026 }, first: 1) { totalCount edges { node { project { code } } } } }`),
  },
  {
    action: 'read the dashboard (headline, charts, lists, project totals)',
    cells: all('allow'),
    run: (c) =>
      c.gql(
        `query($f: DashboardFilter!) {
          dashboardHeadline(filter: $f) { projects { current } }
          spendingByRegion(filter: $f) { key }
          spendingBySector(filter: $f) { key }
          disbursementsByMonth(filter: $f) { month }
          milestonesByMonth(filter: $f) { period }
          milestonesByYear(filter: $f) { period }
          progressDistribution(filter: $f) { count }
          projectsBehindSchedule(filter: $f) { daysBehind }
          overdueCommitments(filter: $f) { id }
          expiringAgreements(filter: $f) { id }
          projectTotals(filter: { year: 2026 }) { count }
        }`,
        { f: { year: 2026 } },
      ),
  },
  {
    action: 'list the people a follow-up can be assigned to',
    cells: only('admin', 'manager', 'coordinator'),
    run: (c) => c.gql(`{ assignableUsers(regionCode: "653125") { id displayName role } }`),
  },
];

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients = {} as Record<Role, { client: TestClient; id: string }>;

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  for (const role of ROLES) {
    const user = await createUser({ username: `mx-${role}`, role });
    const client = app.client();
    await client.login(`mx-${role}`);
    clients[role] = { client, id: String(user._id) };
  }
});
afterAll(() => app.stop());

describe.each(ROWS)('$action', (row) => {
  it.each([...ROLES])('%s', async (role) => {
    const { client, id } = clients[role];
    const result = await row.run(client, { id, role });
    if (row.cells[role] === 'allow') {
      expect(result.errors).toBeUndefined();
    } else {
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('without a session', () => {
  it.each(ROWS.map((r) => r.action))('%s is refused as UNAUTHENTICATED', async (action) => {
    const row = ROWS.find((r) => r.action === action)!;
    const someone = await UserModel.findOne({ username: 'mx-admin' }).lean();
    const result = await row.run(app.client(), { id: String(someone!._id), role: 'admin' });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
