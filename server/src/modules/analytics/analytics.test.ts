import { officeDate } from '@pat/shared';
import { startTestApp, type TestClient } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/factories';
import { seedDemo } from '../../seed/demo';
import { ok } from '../regions/testing';
import { DASHBOARD_QUERY, expected, loadRaw, type Filter, type Raw } from './testing';

useTestDatabase();
// The machine is shared: a generous timeout for the tests that walk every bar.
jest.setTimeout(180_000);

type Bar = { key: string; projectCount: number; budget: string; allocated: string; disbursed: string };
type Dashboard = {
  dashboardHeadline: Record<string, unknown>;
  spendingByRegion: Bar[];
  spendingBySector: Bar[];
  disbursementsByMonth: unknown[];
  milestonesByMonth: unknown[];
  milestonesByYear: unknown[];
  progressDistribution: unknown[];
  projectsBehindSchedule: { project: { code: string }; overdueMilestones: number; daysBehind: number }[];
  overdueCommitments: { id: string; dueDate: string }[];
  expiringAgreements: { id: string; validUntil: string }[];
};

const thisYear = Number(officeDate().slice(0, 4));
const FILTERS: Filter[] = [
  { year: thisYear },
  { year: thisYear - 1 },
  { year: thisYear, regionCode: '653100' },
  { year: thisYear, sector: 'EDUCATION' },
  { year: thisYear - 1, regionCode: '650000', sector: 'HEALTH' },
  { year: thisYear - 1, regionCode: '653125' },
];

let app: Awaited<ReturnType<typeof startTestApp>>;

async function signIn(_: unknown, username: string): Promise<TestClient> {
  const client = app.client();
  const r = await client.login(username);
  if (r.errors) throw new Error(`could not sign in ${username}: ${r.errors[0]?.message}`);
  return client;
}
let manager: TestClient;
let raw: Raw;

beforeAll(async () => {
  await seedDemo({ info: () => {} });
  app = await startTestApp();
  manager = await signIn(app, 'manager');
  raw = await loadRaw();
}, 120_000);
afterAll(() => app.stop());

const dashboard = async (client: TestClient, f: Filter) => ok(await client.gql<Dashboard>(DASHBOARD_QUERY, { f }));

const drillDown = (client: TestClient, filter: Record<string, unknown>) =>
  client.gql<{
    projects: { totalCount: number };
    projectTotals: Omit<Bar, 'key' | 'projectCount'> & { count: number };
  }>(
    `query($f: ProjectFilter!) { projects(filter: $f, first: 1) { totalCount } projectTotals(filter: $f) { count budget allocated disbursed } }`,
    { f: filter },
  );

describe('the dashboard on demo data', () => {
  it('has something to show: projects, milestones and money this year', async () => {
    const d = await dashboard(manager, { year: thisYear });
    const headline = d.dashboardHeadline as { projects: { current: number }; allocated: { current: string } };
    expect(headline.projects.current).toBeGreaterThan(20);
    expect(Number(headline.allocated.current)).toBeGreaterThan(0);
    expect(d.spendingByRegion.length).toBeGreaterThan(1);
    expect(d.projectsBehindSchedule.length).toBeGreaterThan(0);
  });

  it.each(FILTERS)('equals a computation over the raw records for %o', async (f) => {
    const d = await dashboard(manager, f);
    const want = expected(raw, f);
    expect(d.dashboardHeadline).toEqual(want.headline);
    expect(d.spendingBySector).toEqual(want.bySector);
    expect(d.disbursementsByMonth).toEqual(want.disbursementsByMonth);
    expect(d.milestonesByMonth).toEqual(want.milestonesByMonth);
    expect(d.milestonesByYear).toEqual(want.milestonesByYear);
    expect(d.progressDistribution).toEqual(want.progressDistribution);
    expect(d.projectsBehindSchedule.map(({ project, overdueMilestones }) => ({ project, overdueMilestones }))).toEqual(
      want.behind,
    );
    for (const b of d.projectsBehindSchedule) expect(b.daysBehind).toBeGreaterThan(0);
  });

  it.each(FILTERS)('drills down from every bar to a project list with the same count and totals (%o)', async (f) => {
    const d = ok(
      await manager.gql<Dashboard>(
        `query($f: DashboardFilter!) {
          dashboardHeadline(filter: $f) { projects { current } }
          spendingByRegion(filter: $f) { key projectCount budget allocated disbursed }
          spendingBySector(filter: $f) { key projectCount budget allocated disbursed }
        }`,
        { f },
      ),
    );
    expect(d.spendingBySector.length).toBeGreaterThan(0);
    for (const bar of d.spendingByRegion) {
      const list = ok(await drillDown(manager, { year: f.year, regionCode: bar.key, sector: f.sector }));
      expect(list.projects.totalCount).toBe(bar.projectCount);
      expect(list.projectTotals).toEqual({
        count: bar.projectCount,
        budget: bar.budget,
        allocated: bar.allocated,
        disbursed: bar.disbursed,
      });
    }
    for (const bar of d.spendingBySector) {
      const list = ok(await drillDown(manager, { year: f.year, regionCode: f.regionCode, sector: bar.key }));
      expect(list.projects.totalCount).toBe(bar.projectCount);
      expect(list.projectTotals.budget).toBe(bar.budget);
      expect(list.projectTotals.allocated).toBe(bar.allocated);
    }
    // The bars of a region filter split exactly the region's own projects and those of its children.
    const headline = d.dashboardHeadline as { projects: { current: number } };
    const barsTotal = d.spendingBySector.reduce((a, b) => a + b.projectCount, 0);
    expect(barsTotal).toBe(headline.projects.current);
  });

  it('lists overdue commitments and agreements expiring within 90 days, oldest first', async () => {
    const today = officeDate();
    const d = await dashboard(manager, { year: thisYear });
    expect(d.overdueCommitments.length).toBeGreaterThan(0);
    for (const c of d.overdueCommitments) expect(c.dueDate < today).toBe(true);
    const dues = d.overdueCommitments.map((c) => c.dueDate);
    expect(dues).toEqual([...dues].sort());
    const list = ok(
      await manager.gql<{ commitments: { totalCount: number } }>(
        `{ commitments(filter: { overdueOnly: true }) { totalCount } }`,
      ),
    );
    expect(d.overdueCommitments.length).toBe(Math.min(10, list.commitments.totalCount));
    const soon = ok(
      await manager.gql<{ agreements: { totalCount: number } }>(
        `{ agreements(filter: { expiringWithinDays: 90 }) { totalCount } }`,
      ),
    );
    expect(d.expiringAgreements.length).toBe(Math.min(10, soon.agreements.totalCount));
  });

  it('refuses a year outside 2000-2100 as bad input', async () => {
    const r = await manager.gql(DASHBOARD_QUERY, { f: { year: 1999 } });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('region scope', () => {
  let scoped: TestClient;
  beforeAll(async () => {
    await createUser({ username: 'kashgar-viewer', role: 'viewer', regionScope: ['653100'] });
    scoped = await signIn(app, 'kashgar-viewer');
  });

  it('counts only the records in scope, equal to the scoped project list', async () => {
    const d = await dashboard(scoped, { year: thisYear });
    expect(d.dashboardHeadline).toEqual(expected(raw, { year: thisYear }, ['653100']).headline);
    const list = ok(await drillDown(scoped, { year: thisYear }));
    const headline = d.dashboardHeadline as { projects: { current: number }; allocated: { current: string } };
    expect(headline.projects.current).toBe(list.projects.totalCount);
    expect(headline.allocated.current).toBe(list.projectTotals.allocated);
    // Only Xinjiang (which holds Kashgar) has a bar, and it counts Kashgar's projects only.
    expect(d.spendingByRegion.map((b) => b.key)).toEqual(['650000']);
    expect(d.spendingByRegion[0]!.projectCount).toBe(list.projects.totalCount);
    const codes = new Set(raw.projects.filter((p) => (p.regionPath as string[]).includes('653100')).map((p) => p.code));
    for (const b of d.projectsBehindSchedule) expect(codes.has(b.project.code)).toBe(true);
  });

  it('shows nothing for a region outside the scope', async () => {
    const d = await dashboard(scoped, { year: thisYear, regionCode: '540200' });
    const headline = d.dashboardHeadline as { projects: { current: number }; overdueMilestones: number };
    expect(headline.projects.current).toBe(0);
    expect(headline.overdueMilestones).toBe(0);
    expect(d.spendingByRegion).toEqual([]);
    expect(d.spendingBySector).toEqual([]);
    expect(d.projectsBehindSchedule).toEqual([]);
  });

  it('answers the same as an unscoped user for a region inside the scope', async () => {
    const f = { year: thisYear, regionCode: '653125' };
    expect((await dashboard(scoped, f)).dashboardHeadline).toEqual((await dashboard(manager, f)).dashboardHeadline);
  });
});

describe('permissions', () => {
  it.each(['admin', 'manager', 'officer', 'coordinator', 'viewer'])('%s reads the dashboard', async (username) => {
    const client = await signIn(app, username);
    const d = await dashboard(client, { year: thisYear });
    expect((d.dashboardHeadline as { projects: { current: number } }).projects.current).toBeGreaterThan(0);
  });

  it('refuses a visitor without a session', async () => {
    const r = await app.client().gql(DASHBOARD_QUERY, { f: { year: thisYear } });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
