import mongoose from 'mongoose';
import { startTestApp, type TestClient } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/factories';
import { createProject, seedRegions } from '../../../test/projects';
import { ok } from '../regions/testing';
import { MilestoneModel } from './milestone.model';

useTestDatabase();

const LOG = `mutation($p: ID!, $input: MilestoneInput!) { logMilestone(projectId: $p, input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, version: $v, input: $input) { version } }`;
const LIST = `query($f: MilestoneFilter!) { milestones(filter: $f, first: 100) { totalCount edges { node { title { zh } } } } }`;

let app: Awaited<ReturnType<typeof startTestApp>>;
let manager: TestClient;
let projectId = '';

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  await createUser({ username: 'ot-manager', role: 'manager' });
  manager = app.client();
  await manager.login('ot-manager');
  projectId = String((await createProject())._id);
});
afterAll(() => app.stop());

const titles = async (onTime: boolean) =>
  ok(
    await manager.gql<{ milestones: { edges: { node: { title: { zh: string } } }[] } }>(LIST, {
      f: { projectId, onTime },
    }),
  )
    .milestones.edges.map((e) => e.node.title.zh)
    .sort();

describe('the "done on time" filter', () => {
  it('follows every write: done by the planned date, done late, not done', async () => {
    const log = async (zh: string, input: Record<string, unknown>) =>
      ok(await manager.gql<{ logMilestone: { id: string } }>(LOG, { p: projectId, input: { title: { zh }, ...input } }))
        .logMilestone.id;
    await log('按期', { plannedDate: '2024-05-10', status: 'DONE', actualDate: '2024-05-10' });
    const late = await log('逾期完成', { plannedDate: '2024-05-10', status: 'DONE', actualDate: '2024-06-02' });
    await log('未完成', { plannedDate: '2024-05-10' });
    expect(await titles(true)).toEqual(['按期']);
    expect(await titles(false)).toEqual(['逾期完成']);

    // Moving the planned date past the day it was done makes it on time; reopening it takes it off both.
    ok(await manager.gql(UPDATE, { id: late, v: 0, input: { plannedDate: '2024-06-30' } }));
    expect(await titles(true)).toEqual(['按期', '逾期完成']);
    ok(await manager.gql(UPDATE, { id: late, v: 1, input: { status: 'PENDING', actualDate: null } }));
    expect(await titles(true)).toEqual(['按期']);
    expect(await titles(false)).toEqual([]);
  });

  it('holds for milestones written before the field existed, and a write adds it', async () => {
    const base = {
      projectId: new mongoose.Types.ObjectId(projectId),
      regionPath: (await mongoose.connection.collection('projects').findOne({}))!.regionPath,
      percentComplete: 100,
      note: '',
      loggedBy: new mongoose.Types.ObjectId(),
      loggedAt: new Date(),
      archived: false,
      version: 0,
    };
    await MilestoneModel.collection.insertMany([
      {
        ...base,
        title: { zh: '旧-按期', en: '' },
        plannedDate: '2023-03-01',
        actualDate: '2023-02-20',
        status: 'DONE',
      },
      {
        ...base,
        title: { zh: '旧-逾期', en: '' },
        plannedDate: '2023-03-02',
        actualDate: '2023-04-01',
        status: 'DONE',
      },
      { ...base, title: { zh: '旧-未完成', en: '' }, plannedDate: '2023-03-03', actualDate: null, status: 'LATE' },
    ]);
    expect(await titles(true)).toEqual(['按期', '旧-按期']);
    expect(await titles(false)).toEqual(['旧-逾期']);

    // Completing the old open one (late) stores its onTime; the lists stay right.
    const open = await MilestoneModel.collection.findOne({ 'title.zh': '旧-未完成' });
    ok(
      await manager.gql(UPDATE, {
        id: String(open!._id),
        v: 0,
        input: { status: 'DONE', actualDate: '2023-03-10' },
      }),
    );
    expect((await MilestoneModel.collection.findOne({ _id: open!._id }))!.onTime).toBe(false);
    expect(await titles(true)).toEqual(['按期', '旧-按期']);
    expect(await titles(false)).toEqual(['旧-未完成', '旧-逾期']);
  });
});
