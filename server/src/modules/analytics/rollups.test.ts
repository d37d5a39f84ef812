import { officeDate, SECTORS } from '@pat/shared';
import mongoose, { Types } from 'mongoose';
import { startTestApp, type TestClient } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { seedRegions } from '../../../test/projects';
import { seededRandom } from '../../seed/random';
import { approvedAllocation, fundContext, recordedDisbursement } from '../fund/fund.fixtures';
import { reverseDisbursement } from '../fund/fund.service';
import { ProjectModel } from '../projects/project.model';
import { ok } from '../regions/testing';
import { reconcileRollups } from './rollup.maintain';
import { collectionOf } from './rollup.store';
import { keyId } from '../../db/key-id';
import { DASHBOARD_QUERY, expected, loadRaw } from './testing';

useTestDatabase();
jest.setTimeout(300_000);

const PLACES = ['653124', '653125', '653126', '653100', '632600', '540200', '500101', '420506'];
const thisYear = Number(officeDate().slice(0, 4));

let app: Awaited<ReturnType<typeof startTestApp>>;
let manager: TestClient;

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  manager = app.client();
  await manager.login('manager');
});
afterAll(() => app.stop());

type P = { id: string; version: number; status: string };
type M = { id: string; version: number };

describe('roll-ups under a sequence of random writes', () => {
  it('equal a from-scratch recomputation, and the dashboard equals the raw records', async () => {
    const rnd = seededRandom(4242);
    const projects: P[] = [];
    const milestones: M[] = [];
    const date = (y: number) =>
      `${y}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    const pastDate = () => {
      const d = date(rnd.int(thisYear - 1, thisYear));
      return d > officeDate() ? `${thisYear}-01-15` : d;
    };
    const create = async () => {
      const start = date(rnd.int(thisYear - 1, thisYear));
      const r = await manager.gql<{ createProject: P }>(
        `mutation($i: CreateProjectInput!) { createProject(input: $i) { id version status } }`,
        {
          i: {
            code: `RW-${projects.length + 1}`,
            name: { zh: `随机项目${projects.length + 1}` },
            regionCode: rnd.pick(PLACES),
            sector: rnd.pick(SECTORS),
            implementingUnit: '市教育局',
            plannedStart: start,
            plannedEnd: `${Number(start.slice(0, 4)) + rnd.int(0, 1)}-12-31`,
            budget: { specialFund: String(rnd.int(1, 50) * 1_000_000) },
          },
        },
      );
      projects.push(ok(r).createProject);
    };
    for (let i = 0; i < 5; i++) await create();

    const steps: (() => Promise<void>)[] = [
      create,
      async () => {
        const p = rnd.pick(projects);
        const r = await manager.gql<{ updateProject: P }>(
          `mutation($id: ID!, $v: Int!, $i: UpdateProjectInput!) { updateProject(id: $id, version: $v, input: $i) { id version status } }`,
          {
            id: p.id,
            v: p.version,
            i: {
              regionCode: rnd.pick(PLACES),
              sector: rnd.pick(SECTORS),
              budget: { specialFund: String(rnd.int(1, 50) * 1_000_000) },
            },
          },
        );
        Object.assign(p, ok(r).updateProject);
      },
      async () => {
        const p = rnd.pick(projects);
        const next = { PROPOSED: 'APPROVED', APPROVED: 'IN_PROGRESS', IN_PROGRESS: 'COMPLETED' }[p.status];
        if (!next) return;
        const r = await manager.gql<{ changeProjectStatus: P }>(
          `mutation($id: ID!, $v: Int!, $s: ProjectStatus!) { changeProjectStatus(id: $id, version: $v, status: $s) { id version status } }`,
          { id: p.id, v: p.version, s: next },
        );
        Object.assign(p, ok(r).changeProjectStatus);
      },
      async () => {
        const p = rnd.pick(projects);
        const done = rnd.next() < 0.5;
        const plannedDate = done ? pastDate() : date(rnd.int(thisYear - 1, thisYear + 1));
        const r = await manager.gql<{ logMilestone: M }>(
          `mutation($p: ID!, $i: MilestoneInput!) { logMilestone(projectId: $p, input: $i) { id version } }`,
          {
            p: p.id,
            i: {
              title: { zh: '节点' },
              plannedDate,
              status: done ? 'DONE' : 'PENDING',
              actualDate: done ? pastDate() : null,
            },
          },
        );
        milestones.push(ok(r).logMilestone);
      },
      async () => {
        const m = milestones.length ? rnd.pick(milestones) : null;
        if (!m) return;
        const r = await manager.gql<{ updateMilestone: M }>(
          `mutation($id: ID!, $v: Int!, $i: UpdateMilestoneInput!) { updateMilestone(id: $id, version: $v, input: $i) { id version } }`,
          { id: m.id, v: m.version, i: { status: 'DONE', actualDate: pastDate() } },
        );
        Object.assign(m, ok(r).updateMilestone);
      },
      async () => {
        const project = await ProjectModel.collection.findOne({ _id: new Types.ObjectId(rnd.pick(projects).id) });
        if (!project || project.archived) return;
        const allocation = await approvedAllocation(
          project as unknown as { _id: Types.ObjectId; regionPath: string[]; sector: string },
          thisYear,
          rnd.int(2, 9) * 1_000_000,
        );
        const paid = await recordedDisbursement(allocation, 1_000_000);
        if (rnd.next() < 0.5)
          await reverseDisbursement(fundContext('admin'), String(paid._id), { amount: 250_000, reason: '冲回' });
      },
    ];
    for (let i = 0; i < 24; i++) await rnd.pick(steps)();
    // One project leaves the lists (and the dashboard) by being archived.
    const gone = projects[0]!;
    ok(
      await manager.gql(`mutation($id: ID!, $v: Int!) { archiveProject(id: $id, version: $v) { id } }`, {
        id: gone.id,
        v: gone.version,
      }),
    );

    expect((await reconcileRollups()).repaired).toEqual([]);
    const raw = await loadRaw();
    for (const f of [{ year: thisYear }, { year: thisYear - 1 }, { year: thisYear, regionCode: '653100' }]) {
      const d = ok(
        await manager.gql<{ dashboardHeadline: unknown; spendingBySector: unknown }>(DASHBOARD_QUERY, { f }),
      );
      const want = expected(raw, f);
      expect(d.dashboardHeadline).toEqual(want.headline);
      expect(d.spendingBySector).toEqual(want.bySector);
    }
  });
});

describe('reconcile', () => {
  it('finds a tampered roll-up and repairs it', async () => {
    const id = `t|${thisYear}|*`;
    const cells = mongoose.connection.db!.collection(collectionOf(id));
    const stored = async () => JSON.parse(String((await cells.findOne({ _id: keyId(id) }))!.v));
    const before = await stored();
    const all = (before.s as Record<string, { budget: number }>)['*']!;
    const tampered = { ...before, s: { ...before.s, '*': { ...all, budget: all.budget + 100 } } };
    await cells.updateOne({ _id: keyId(id) }, { $set: { v: JSON.stringify(tampered) } });
    await cells.deleteOne({ _id: keyId(`t|${thisYear}|650000`) });

    expect((await reconcileRollups()).repaired.sort()).toEqual([id, `t|${thisYear}|650000`].sort());
    expect((await reconcileRollups({ repair: true })).repaired.length).toBe(2);
    expect((await reconcileRollups()).repaired).toEqual([]);
    const after = await stored();
    expect(after.s).toEqual(before.s);
    expect(after.k).toEqual(before.k);
  });
});
