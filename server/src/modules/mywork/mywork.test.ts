import { officeDate } from '@pat/shared';
import { Types } from 'mongoose';
import { startTestApp } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { createProject, seedRegions } from '../../../test/projects';
import { FollowUpModel } from '../liaison/follow-up.model';
import { LiaisonActivityModel } from '../liaison/liaison-activity.model';
import { MilestoneModel } from '../milestones/milestone.model';
import { ProjectModel } from '../projects/project.model';
import { countCommands, failure, FIVE_ROLES, ok, signIn, type SignedIn } from '../regions/testing';

useTestDatabase();

let app: Awaited<ReturnType<typeof startTestApp>>;
let as: Record<string, SignedIn> = {};

const MY_WORK = `{ myWork { overdueMilestones { id title { zh } plannedDate status overdue }
  openFollowUps { id action dueDate overdue owner { username } activity { title } } } }`;
type MyWork = {
  myWork: {
    overdueMilestones: { title: { zh: string }; plannedDate: string; overdue: boolean }[];
    openFollowUps: { action: string; dueDate: string; overdue: boolean; owner: { username: string } }[];
  };
};

const daysAgo = (n: number) => {
  const d = new Date(`${officeDate()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};
const oid = (id: string) => new Types.ObjectId(id);

async function milestone(
  project: { _id: Types.ObjectId; regionPath: string[] },
  title: string,
  plannedDate: string,
  extra = {},
) {
  await MilestoneModel.create({
    projectId: project._id,
    regionPath: project.regionPath,
    title: { zh: title, en: '' },
    plannedDate,
    loggedBy: new Types.ObjectId(),
    loggedAt: new Date(),
    ...extra,
  });
}

let activity: { _id: Types.ObjectId; regionCode: string; regionPath: string[] };
async function followUp(owner: string, action: string, dueDate: string, extra = {}) {
  await FollowUpModel.create({
    activityId: activity._id,
    regionCode: activity.regionCode,
    regionPath: activity.regionPath,
    action,
    ownerId: oid(owner),
    dueDate,
    createdBy: new Types.ObjectId(),
    ...extra,
  });
}

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  as = await signIn(app, [
    ...FIVE_ROLES.map((role) => ({ name: `w-${role}`, role })),
    { name: 'w-other', role: 'officer' },
    { name: 'w-scoped', role: 'officer', regionScope: ['540000'] },
  ]);
  const me = oid(as['w-officer']!.id);
  const other = oid(as['w-other']!.id);
  const scoped = oid(as['w-scoped']!.id);
  const mine = await createProject({ officerIds: [me, scoped] });
  const theirs = await createProject({ officerIds: [other] });
  const archived = await createProject({ officerIds: [me] });
  await ProjectModel.updateOne({ _id: archived._id }, { $set: { archived: true } });
  const shared = await createProject({
    officerIds: [other, me, scoped],
    regionCode: '540200',
    regionPath: ['540000', '540200'],
  });
  await milestone(mine, '完成地基', '2020-01-01');
  await milestone(mine, '主体封顶', '2021-06-01', { status: 'LATE' });
  await milestone(mine, '已完成的', '2020-02-01', { status: 'DONE', actualDate: '2020-02-01' });
  await milestone(mine, '未来的', '2099-01-01');
  await milestone(mine, '已归档的', '2020-03-01', { archived: true });
  await milestone(mine, '昨天到期', daysAgo(1), { status: 'AT_RISK' });
  await milestone(mine, '今天到期', officeDate());
  await milestone(theirs, '别人的', '2020-01-01');
  await milestone(archived, '归档项目的', '2020-01-01');
  await milestone(shared, '共同负责的', '2022-01-01');

  activity = await LiaisonActivityModel.create({
    kind: 'VISIT',
    date: '2026-01-10',
    regionCode: '653125',
    regionPath: ['650000', '653100', '653125'],
    title: '赴莎车县调研',
    search: 'x',
    createdBy: new Types.ObjectId(),
  });
  await followUp(as['w-officer']!.id, '报送调研报告', '2020-05-01');
  await followUp(as['w-officer']!.id, '对接采购意向', '2099-01-01');
  await followUp(as['w-officer']!.id, '已办结', '2020-01-01', { done: true, doneAt: new Date() });
  await followUp(as['w-officer']!.id, '已归档', '2020-01-01', { archived: true });
  await followUp(as['w-other']!.id, '别人的事项', '2020-01-01');
  await followUp(as['w-coordinator']!.id, '协调员的事项', daysAgo(3));
});
afterAll(() => app.stop());

describe('my work', () => {
  it('holds exactly the user’s overdue milestones and open follow-ups, most urgent first', async () => {
    const work = ok(await as['w-officer']!.gql<MyWork>(MY_WORK)).myWork;
    expect(work.overdueMilestones.map((m) => [m.title.zh, m.overdue])).toEqual([
      ['完成地基', true],
      ['主体封顶', true],
      ['共同负责的', true],
      ['昨天到期', true],
    ]);
    expect(work.openFollowUps).toEqual([
      expect.objectContaining({ action: '报送调研报告', overdue: true, owner: { username: 'w-officer' } }),
      expect.objectContaining({ action: '对接采购意向', overdue: false }),
    ]);
  });

  it('answers every signed-in role with their own items, and refuses anonymous callers', async () => {
    for (const role of ['admin', 'manager', 'viewer']) {
      expect(ok(await as[`w-${role}`]!.gql<MyWork>(MY_WORK)).myWork).toEqual({
        overdueMilestones: [],
        openFollowUps: [],
      });
    }
    const coordinator = ok(await as['w-coordinator']!.gql<MyWork>(MY_WORK)).myWork;
    expect(coordinator.overdueMilestones).toEqual([]);
    expect(coordinator.openFollowUps.map((f) => [f.action, f.overdue])).toEqual([['协调员的事项', true]]);
    const other = ok(await as['w-other']!.gql<MyWork>(MY_WORK)).myWork;
    expect(other.overdueMilestones.map((m) => m.title.zh)).toEqual(['别人的', '共同负责的']);
    expect(other.openFollowUps.map((f) => f.action)).toEqual(['别人的事项']);
    expect(failure(await app.client().gql(MY_WORK)).code).toBe('UNAUTHENTICATED');
  });

  it('keeps to the user’s region scope', async () => {
    const work = ok(await as['w-scoped']!.gql<MyWork>(MY_WORK)).myWork;
    expect(work.overdueMilestones.map((m) => m.title.zh)).toEqual(['共同负责的']);
  });

  it('costs the same number of database commands for few and for many items', async () => {
    const before = await countCommands(() => as['w-officer']!.gql(MY_WORK));
    const projects = await ProjectModel.find({ officerIds: oid(as['w-officer']!.id), archived: false }).lean();
    for (let i = 0; i < 20; i++) {
      await milestone(projects[i % projects.length]!, `补充里程碑${i}`, '2023-01-01');
      await followUp(as['w-officer']!.id, `补充事项${i}`, '2023-01-01');
    }
    let sizes: number[] = [];
    const after = await countCommands(async () => {
      const work = ok(await as['w-officer']!.gql<MyWork>(MY_WORK)).myWork;
      sizes = [work.overdueMilestones.length, work.openFollowUps.length];
    });
    console.log(`database commands: my work with 4+2 items = ${before}, with 24+22 items = ${after}`);
    expect(sizes).toEqual([24, 22]);
    expect(after).toBe(before);
  });
});
