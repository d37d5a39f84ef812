import mongoose from 'mongoose';
import { startTestApp, type TestClient } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/factories';
import { createProject, seedRegions } from '../../../test/projects';
import { insertAgreement } from '../agreements/agreements.fixtures';
import { AuditEntryModel } from '../audit/audit.model';
import { MilestoneModel } from '../milestones/milestone.model';
import { ProjectModel } from './project.model';
import { settleRollups } from '../analytics/rollup.maintain';

useTestDatabase();

const NEW_PROJECT = {
  code: 'PA-2026-001',
  name: { zh: '莎车县第一小学扩建', en: 'Shache No. 1 Primary School extension' },
  regionCode: '653125',
  sector: 'EDUCATION',
  implementingUnit: '市教育局',
  plannedStart: '2026-03-01',
  plannedEnd: '2027-06-30',
  budget: { specialFund: '1250000000', districtBudget: '300000000' },
};
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) {
  id code version status dacCode budget { specialFund total } region { code } regionAncestors { code } officers { username } canEdit } }`;
const PAGE = `query($filter: ProjectFilter, $first: Int, $after: String, $sort: ProjectSort) {
  projects(filter: $filter, first: $first, after: $after, sort: $sort) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`;

let app: Awaited<ReturnType<typeof startTestApp>>;
const as: Record<string, TestClient> = {};
let officerId = '';

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  const officer = await createUser({ username: 'p-officer', role: 'officer' });
  officerId = String(officer._id);
  await createUser({ username: 'p-officer2', role: 'officer' });
  await createUser({ username: 'p-manager', role: 'manager' });
  await createUser({ username: 'p-coord', role: 'coordinator' });
  await createUser({ username: 'p-viewer', role: 'viewer' });
  await createUser({ username: 'p-scoped', role: 'officer', regionScope: ['540000'] });
  for (const name of ['p-officer', 'p-officer2', 'p-manager', 'p-coord', 'p-viewer', 'p-scoped']) {
    as[name] = app.client();
    await as[name]!.login(name);
  }
});
afterAll(() => app.stop());

describe('creating a project', () => {
  it('an officer creates one and becomes its responsible officer; an audit entry records it', async () => {
    const r = await as['p-officer']!.gql<{ createProject: Record<string, unknown> }>(CREATE, { input: NEW_PROJECT });
    expect(r.errors).toBeUndefined();
    expect(r.data?.createProject).toMatchObject({
      code: 'PA-2026-001',
      version: 0,
      status: 'PROPOSED',
      dacCode: '11120',
      budget: { specialFund: '1250000000', total: '1550000000' },
      region: { code: '653125' },
      regionAncestors: [{ code: '650000' }, { code: '653100' }],
      officers: [{ username: 'p-officer' }],
      canEdit: true,
    });
    const audit = await AuditEntryModel.findOne({ kind: 'Project', action: 'create' }).lean();
    expect(audit?.actorName).toBe('p-officer');
    expect(audit?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['code', 'name', 'budget']));
  });

  it('refuses a duplicate code with CONFLICT and writes nothing', async () => {
    const before = await ProjectModel.countDocuments();
    const r = await as['p-manager']!.gql(CREATE, { input: NEW_PROJECT });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    expect(await ProjectModel.countDocuments()).toBe(before);
  });

  it.each([
    ['input.plannedEnd', { plannedEnd: '2025-01-01' }],
    ['input.plannedStart', { plannedStart: '2026-02-30' }],
    ['input.plannedStart', { plannedStart: '1800-01-01' }],
    ['input.regionCode', { regionCode: '999999' }],
    ['input.code', { code: 'lower case' }],
    ['input.name.zh', { name: { zh: 'x'.repeat(300) } }],
    ['input.officerIds', { officerIds: ['not-an-id'] }],
    ['input.agreementIds', { agreementIds: ['0123456789abcdef01234567'] }],
  ])('refuses bad input naming %s, writing nothing', async (field, change) => {
    const before = await ProjectModel.countDocuments();
    const r = await as['p-manager']!.gql(CREATE, { input: { ...NEW_PROJECT, code: 'PA-BAD-1', ...change } });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.field ?? r.errors?.[0]?.message).toContain(field.replace('input.', ''));
    expect(await ProjectModel.countDocuments()).toBe(before);
  });

  it('refuses a 10 MB string with BAD_USER_INPUT naming the field', async () => {
    const r = await as['p-manager']!.gql(CREATE, {
      input: { ...NEW_PROJECT, code: 'PA-HUGE', implementingUnit: 'x'.repeat(10 * 1024 * 1024) },
    });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.implementingUnit' });
    expect(await ProjectModel.countDocuments({ code: 'PA-HUGE' })).toBe(0);
  });

  it('refuses operator-shaped values, unknown enums and negative or fractional money at the schema', async () => {
    for (const change of [
      { code: { $gt: '' } },
      { sector: 'SPACE' },
      { budget: { specialFund: '-5' } },
      { budget: { specialFund: '1.5' } },
      { budget: { specialFund: '99999999999999999999' } },
    ]) {
      const r = await as['p-manager']!.gql(CREATE, { input: { ...NEW_PROJECT, code: 'PA-BAD-2', ...change } });
      expect(r.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT/);
    }
    expect(await ProjectModel.countDocuments({ code: 'PA-BAD-2' })).toBe(0);
  });

  it('refuses coordinators and viewers, and officers outside their region scope', async () => {
    for (const name of ['p-coord', 'p-viewer']) {
      const r = await as[name]!.gql(CREATE, { input: { ...NEW_PROJECT, code: `PA-${name.toUpperCase()}` } });
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const r = await as['p-scoped']!.gql(CREATE, { input: { ...NEW_PROJECT, code: 'PA-SCOPED' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.errors?.[0]?.message).toMatch(/outside your region scope/);
  });
});

describe('changing a project', () => {
  const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateProjectInput!) { updateProject(id: $id, version: $v, input: $input) { version implementingUnit } }`;
  const STATUS = `mutation($id: ID!, $v: Int!, $s: ProjectStatus!, $r: String) { changeProjectStatus(id: $id, version: $v, status: $s, reason: $r) { status version actualStart allowedNextStatuses } }`;

  it('a stale version gets CONFLICT and changes nothing', async () => {
    const p = await createProject({ officerIds: [new mongoose.Types.ObjectId(officerId)] });
    const ok = await as['p-officer']!.gql(UPDATE, { id: String(p._id), v: 0, input: { implementingUnit: '市卫健委' } });
    expect(ok.data).toEqual({ updateProject: { version: 1, implementingUnit: '市卫健委' } });
    const stale = await as['p-manager']!.gql(UPDATE, {
      id: String(p._id),
      v: 0,
      input: { implementingUnit: '别的单位' },
    });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await ProjectModel.findById(p._id).lean())?.implementingUnit).toBe('市卫健委');
    expect(await AuditEntryModel.countDocuments({ recordId: String(p._id), action: 'update' })).toBe(1);
  });

  it('changing one field leaves the others as they were (officers, budget, risk, indicators)', async () => {
    const p = await createProject({ officerIds: [new mongoose.Types.ObjectId(officerId)] });
    await ProjectModel.updateOne(
      { _id: p._id },
      { $set: { budget: { specialFund: 123_456, districtBudget: 7, donation: 0 }, risk: 'HIGH' } },
    );
    const before = await ProjectModel.findById(p._id).lean();
    await as['p-officer']!.gql(UPDATE, { id: String(p._id), v: 0, input: { implementingUnit: '市教育局' } });
    const after = await ProjectModel.findById(p._id).lean();
    expect(after?.implementingUnit).toBe('市教育局');
    expect(after?.officerIds.map(String)).toEqual([officerId]);
    expect(after?.budget).toEqual(before?.budget);
    expect(after?.risk).toBe('HIGH');
    expect(after?.indicators).toEqual(before?.indicators);
  });

  it('moving a project to another region moves its milestones with it (scope follows)', async () => {
    const p = await createProject({ officerIds: [new mongoose.Types.ObjectId(officerId)] });
    await MilestoneModel.create({
      projectId: p._id,
      regionPath: p.regionPath,
      title: { zh: '里程碑' },
      plannedDate: '2026-05-01',
      loggedBy: p.createdBy,
      loggedAt: new Date(),
    });
    const r = await as['p-officer']!.gql(UPDATE, { id: String(p._id), v: 0, input: { regionCode: '540200' } });
    expect(r.errors).toBeUndefined();
    const m = await MilestoneModel.findOne({ projectId: p._id }).lean();
    expect(m?.regionPath).toEqual(['540000', '540200']);
  });

  it('links agreements and shows them on the project page', async () => {
    const agreement = await insertAgreement({ regionCodes: ['653125'] });
    const p = await createProject({ officerIds: [new mongoose.Types.ObjectId(officerId)] });
    const r = await as['p-officer']!.gql<{ updateProject: { agreements: { code: string }[] } }>(
      `mutation($id: ID!, $a: [ID!]) { updateProject(id: $id, version: 0, input: { agreementIds: $a }) { agreements { code } } }`,
      { id: String(p._id), a: [String(agreement._id)] },
    );
    expect(r.data?.updateProject.agreements).toEqual([{ code: agreement.code }]);
    // A user scoped elsewhere does not see the agreement through the project.
    const other = await createProject({ regionCode: '540200', regionPath: ['540000', '540200'] });
    await ProjectModel.updateOne({ _id: other._id }, { $set: { agreementIds: [agreement._id] } });
    const scoped = await as['p-scoped']!.gql<{ project: { agreements: unknown[] } }>(
      `query($id: ID!) { project(id: $id) { agreements { code } } }`,
      { id: String(other._id) },
    );
    expect(scoped.data?.project.agreements).toEqual([]);
  });

  it('archives a project with its version, leaves it out of lists, and audits it', async () => {
    const p = await createProject({ officerIds: [new mongoose.Types.ObjectId(officerId)] });
    const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveProject(id: $id, version: $v) { archived version } }`;
    expect((await as['p-officer']!.gql(ARCHIVE, { id: String(p._id), v: 0 })).data).toEqual({
      archiveProject: { archived: true, version: 1 },
    });
    const list = await as['p-officer']!.gql<{ projects: { edges: { node: { code: string } }[] } }>(PAGE, {
      filter: { search: p.code },
      first: 5,
    });
    expect(list.data?.projects.edges).toEqual([]);
    const withArchived = await as['p-officer']!.gql<{ projects: { totalCount: number } }>(PAGE, {
      filter: { search: p.code, includeArchived: true },
    });
    expect(withArchived.data?.projects.totalCount).toBe(1);
    expect(await AuditEntryModel.countDocuments({ recordId: String(p._id), action: 'archive' })).toBe(1);
  });

  it('an officer may not change a project they are not responsible for', async () => {
    const p = await createProject({ officerIds: [new mongoose.Types.ObjectId(officerId)] });
    const r = await as['p-officer2']!.gql(UPDATE, { id: String(p._id), v: 0, input: { implementingUnit: 'x' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('follows the life cycle and names the allowed next states when refusing', async () => {
    const p = await createProject({ officerIds: [new mongoose.Types.ObjectId(officerId)] });
    const id = String(p._id);
    const skip = await as['p-officer']!.gql(STATUS, { id, v: 0, s: 'COMPLETED' });
    expect(skip.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(skip.errors?.[0]?.message).toMatch(
      /cannot go from PROPOSED to COMPLETED; allowed next states: APPROVED, SUSPENDED, CANCELLED/,
    );
    const approved = await as['p-officer']!.gql(STATUS, { id, v: 0, s: 'APPROVED' });
    expect(approved.data).toMatchObject({ changeProjectStatus: { status: 'APPROVED', version: 1 } });
    const started = await as['p-officer']!.gql<{ changeProjectStatus: { actualStart: string } }>(STATUS, {
      id,
      v: 1,
      s: 'IN_PROGRESS',
    });
    expect(started.data?.changeProjectStatus.actualStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const noReason = await as['p-officer']!.gql(STATUS, { id, v: 2, s: 'SUSPENDED' });
    expect(noReason.errors?.[0]?.extensions?.field).toBe('reason');
    const suspended = await as['p-officer']!.gql(STATUS, { id, v: 2, s: 'SUSPENDED', r: '冬季停工' });
    expect(suspended.data).toMatchObject({
      changeProjectStatus: { status: 'SUSPENDED', allowedNextStatuses: ['IN_PROGRESS', 'CANCELLED'] },
    });
    expect(await AuditEntryModel.countDocuments({ recordId: id, action: /^status:/ })).toBe(3);
  });
});

describe('listing projects', () => {
  beforeAll(async () => {
    await ProjectModel.deleteMany({});
    await createProject({
      code: 'L-001',
      regionCode: '653124',
      regionPath: ['650000', '653100', '653124'],
      sector: 'HEALTH',
      nameZh: '泽普县医院',
    });
    await createProject({ code: 'L-002', regionCode: '653125', nextDueDate: '2020-01-01' });
    await createProject({
      code: 'L-003',
      regionCode: '540200',
      regionPath: ['540000', '540200'],
      plannedStart: '2019-01-01',
      plannedEnd: '2019-12-31',
    });
    for (let i = 4; i <= 25; i++)
      await createProject({
        code: `L-${String(i).padStart(3, '0')}`,
        regionCode: '632600',
        regionPath: ['630000', '632600'],
      });
  });

  it('filters by a prefecture including its counties, by sector, year, overdue and search in either language', async () => {
    const q = async (filter: Record<string, unknown>) =>
      (
        await as['p-viewer']!.gql<{ projects: { totalCount: number; edges: { node: { code: string } }[] } }>(PAGE, {
          filter,
          first: 100,
        })
      ).data!.projects;
    expect((await q({ regionCode: '653100' })).edges.map((e) => e.node.code)).toEqual(['L-001', 'L-002']);
    expect((await q({ regionCode: '650000' })).totalCount).toBe(2);
    expect((await q({ sector: 'HEALTH' })).edges.map((e) => e.node.code)).toEqual(['L-001']);
    expect((await q({ year: 2019 })).edges.map((e) => e.node.code)).toEqual(['L-003']);
    expect((await q({ overdueOnly: true })).edges.map((e) => e.node.code)).toEqual(['L-002']);
    expect((await q({ search: '泽普' })).edges.map((e) => e.node.code)).toEqual(['L-001']);
    expect((await q({ search: 'l-00' })).totalCount).toBe(9);
    expect((await q({ search: '.*' })).totalCount).toBe(0);
  });

  it('pages with cursors: first page, middle, last page, empty, and the size cap', async () => {
    const first = (
      await as['p-viewer']!.gql<{
        projects: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: unknown[] };
      }>(PAGE, { first: 10 })
    ).data!.projects;
    expect(first.totalCount).toBe(25);
    expect(first.edges).toHaveLength(10);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (
      await as['p-viewer']!.gql<{
        projects: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { code: string } }[] };
      }>(PAGE, { first: 10, after: first.pageInfo.endCursor })
    ).data!.projects;
    expect(second.edges[0]?.node.code).toBe('L-011');
    const last = (
      await as['p-viewer']!.gql<{
        projects: { pageInfo: { hasNextPage: boolean }; edges: { node: { code: string } }[] };
      }>(PAGE, { first: 10, after: second.pageInfo.endCursor })
    ).data!.projects;
    expect(last.edges.map((e) => e.node.code)).toEqual(['L-021', 'L-022', 'L-023', 'L-024', 'L-025']);
    expect(last.pageInfo.hasNextPage).toBe(false);
    const empty = (
      await as['p-viewer']!.gql<{ projects: { totalCount: number; edges: unknown[] } }>(PAGE, {
        filter: { sector: 'CULTURE' },
      })
    ).data!.projects;
    expect(empty).toMatchObject({ totalCount: 0, edges: [] });
    const capped = (await as['p-viewer']!.gql<{ projects: { edges: unknown[] } }>(PAGE, { first: 10000 })).data!
      .projects;
    expect(capped.edges).toHaveLength(25);
    const bad = await as['p-viewer']!.gql(PAGE, { first: 10, after: 'garbage' });
    expect(bad.errors?.[0]?.extensions?.field).toBe('after');
    const desc = (
      await as['p-viewer']!.gql<{ projects: { edges: { node: { code: string } }[] } }>(PAGE, {
        first: 2,
        sort: { field: 'CODE', direction: 'DESC' },
      })
    ).data!.projects;
    expect(desc.edges.map((e) => e.node.code)).toEqual(['L-025', 'L-024']);
  });

  it('a region-scoped user never sees another region’s project, in lists or by id', async () => {
    const list = (
      await as['p-scoped']!.gql<{ projects: { totalCount: number; edges: { node: { code: string } }[] } }>(PAGE, {
        first: 100,
      })
    ).data!.projects;
    expect(list.edges.map((e) => e.node.code)).toEqual(['L-003']);
    const other = await ProjectModel.findOne({ code: 'L-001' }).lean();
    const byId = await as['p-scoped']!.gql(`query($id: ID!) { project(id: $id) { code } }`, { id: String(other!._id) });
    expect(byId.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const filtered = (
      await as['p-scoped']!.gql<{ projects: { totalCount: number } }>(PAGE, { filter: { regionCode: '653100' } })
    ).data!.projects;
    expect(filtered.totalCount).toBe(0);
  });

  it('costs the same number of database round trips for a page of 10 and of 50', async () => {
    await ProjectModel.updateMany({}, { $set: { officerIds: [new mongoose.Types.ObjectId(officerId)] } });
    for (let i = 26; i <= 60; i++)
      await createProject({
        code: `L-${String(i).padStart(3, '0')}`,
        officerIds: [new mongoose.Types.ObjectId(officerId)],
      });
    const FULL = `query($first: Int) { projects(first: $first) { totalCount edges { node { code region { code name { zh } } regionAncestors { code }
      officers { username } milestoneSummary { total done overdue } milestones { title { zh } overdue } budget { total } } } } }`;
    const client = mongoose.connection.getClient();
    const count = async (first: number) => {
      await settleRollups(); // earlier writes' background roll-up refreshes are not this request's
      let commands = 0;
      const listener = () => void (commands += 1);
      client.on('commandStarted', listener);
      const r = await as['p-manager']!.gql<{ projects: { edges: unknown[] } }>(FULL, { first });
      client.off('commandStarted', listener);
      expect(r.data?.projects.edges).toHaveLength(first);
      return commands;
    };
    const ten = await count(10);
    const fifty = await count(50);
    console.log(`database commands: page of 10 = ${ten}, page of 50 = ${fifty}`);
    expect(fifty).toBe(ten);
    expect(ten).toBeLessThanOrEqual(8);
  });
});
