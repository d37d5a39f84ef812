import mongoose from 'mongoose';
import { startTestApp, type TestClient } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/factories';
import { createProject, seedRegions } from '../../../test/projects';
import { AuditEntryModel } from '../audit/audit.model';
import { ProjectModel } from '../projects/project.model';
import { MilestoneModel } from './milestone.model';

useTestDatabase();

const LOG = `mutation($p: ID!, $input: MilestoneInput!) { logMilestone(projectId: $p, input: $input) { id version status overdue percentComplete loggedBy { username } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, version: $v, input: $input) { version status overdue percentComplete } }`;
const SUMMARY = `query($id: ID!) { project(id: $id) { progress milestoneSummary { total done overdue nextDueDate } milestones { title { zh } overdue } } }`;

let app: Awaited<ReturnType<typeof startTestApp>>;
const as: Record<string, TestClient> = {};
let projectId = '';

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  const officer = await createUser({ username: 'm-officer', role: 'officer' });
  for (const [name, role] of [
    ['m-other', 'officer'],
    ['m-coord', 'coordinator'],
    ['m-viewer', 'viewer'],
    ['m-manager', 'manager'],
  ] as const) {
    await createUser({ username: name, role });
  }
  for (const name of ['m-officer', 'm-other', 'm-coord', 'm-viewer', 'm-manager']) {
    as[name] = app.client();
    await as[name]!.login(name);
  }
  projectId = String((await createProject({ officerIds: [new mongoose.Types.ObjectId(String(officer._id))] }))._id);
});
afterAll(() => app.stop());

describe('logging milestones', () => {
  it('the responsible officer logs milestones; the project shows them, overdue flagged, with its summary', async () => {
    const late = await as['m-officer']!.gql<{ logMilestone: { id: string } }>(LOG, {
      p: projectId,
      input: { title: { zh: '完成地基' }, plannedDate: '2020-05-01', percentComplete: 40 },
    });
    expect(late.data?.logMilestone).toMatchObject({
      version: 0,
      status: 'PENDING',
      overdue: true,
      loggedBy: { username: 'm-officer' },
    });
    await as['m-officer']!.gql(LOG, { p: projectId, input: { title: { zh: '主体封顶' }, plannedDate: '2099-01-01' } });
    const page = await as['m-viewer']!.gql<{ project: Record<string, unknown> }>(SUMMARY, { id: projectId });
    expect(page.data?.project).toEqual({
      progress: 20,
      milestoneSummary: { total: 2, done: 0, overdue: true, nextDueDate: '2020-05-01' },
      milestones: [
        { title: { zh: '完成地基' }, overdue: true },
        { title: { zh: '主体封顶' }, overdue: false },
      ],
    });

    // Marking it done needs the actual date; then it is no longer overdue anywhere.
    const id = late.data!.logMilestone.id;
    const noDate = await as['m-officer']!.gql(UPDATE, { id, v: 0, input: { status: 'DONE' } });
    expect(noDate.errors?.[0]?.extensions?.field).toBe('input.actualDate');
    const done = await as['m-officer']!.gql(UPDATE, { id, v: 0, input: { status: 'DONE', actualDate: '2020-06-01' } });
    expect(done.data).toEqual({
      updateMilestone: { version: 1, status: 'DONE', overdue: false, percentComplete: 100 },
    });
    const after = await as['m-viewer']!.gql<{ project: { milestoneSummary: unknown } }>(SUMMARY, { id: projectId });
    expect(after.data?.project.milestoneSummary).toEqual({
      total: 2,
      done: 1,
      overdue: false,
      nextDueDate: '2099-01-01',
    });
    expect((await ProjectModel.findById(projectId).lean())?.progress).toBe(50);

    const stale = await as['m-manager']!.gql(UPDATE, { id, v: 0, input: { note: '迟到的修改' } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await AuditEntryModel.countDocuments({ kind: 'Milestone' })).toBe(3);
    const archived = await as['m-officer']!.gql(`mutation($id: ID!) { archiveMilestone(id: $id, version: 1) { id } }`, {
      id,
    });
    expect(archived.errors).toBeUndefined();
    expect(await AuditEntryModel.countDocuments({ kind: 'Milestone', recordId: id, action: 'archive' })).toBe(1);
    const afterArchive = await as['m-viewer']!.gql<{ project: { milestoneSummary: { total: number } } }>(SUMMARY, {
      id: projectId,
    });
    expect(afterArchive.data?.project.milestoneSummary.total).toBe(1);
  });

  it('refuses other officers, coordinators and viewers, and bad input, writing nothing', async () => {
    const before = await MilestoneModel.countDocuments();
    const input = { title: { zh: '验收' }, plannedDate: '2026-09-01' };
    expect((await as['m-other']!.gql(LOG, { p: projectId, input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as['m-coord']!.gql(LOG, { p: projectId, input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as['m-viewer']!.gql(LOG, { p: projectId, input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await as['m-officer']!.gql(LOG, { p: projectId, input: { ...input, percentComplete: 140 } });
    expect(bad.errors?.[0]?.extensions?.field).toBe('input.percentComplete');
    const badDate = await as['m-officer']!.gql(LOG, { p: projectId, input: { ...input, plannedDate: '2026-13-01' } });
    expect(badDate.errors?.[0]?.extensions?.field).toBe('input.plannedDate');
    expect((await as['m-officer']!.gql(LOG, { p: 'nope', input })).errors?.[0]?.extensions?.field).toBe('id');
    expect(await MilestoneModel.countDocuments()).toBe(before);
  });
});
