// Every milestone bar and progress bucket of the dashboard opens a list whose total equals the bar.
import { officeDate } from '@pat/shared';
import { startTestApp } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { seedDemo } from '../../seed/demo';
import { download } from '../exchange/testing';
import { ok, signIn, type SignedIn } from '../regions/testing';

useTestDatabase();
jest.setTimeout(240_000);

type Period = { period: string; due: number; completed: number; completedOnTime: number };
type Bucket = { from: number; to: number; count: number };
type Filter = { year: number; regionCode?: string; sector?: string };

const thisYear = Number(officeDate().slice(0, 4));
const FILTERS: Filter[] = [
  { year: thisYear },
  { year: thisYear - 1, regionCode: '653100' },
  { year: thisYear, sector: 'EDUCATION' },
  { year: thisYear - 1, regionCode: '650000', sector: 'HEALTH' },
];

let app: Awaited<ReturnType<typeof startTestApp>>;
let as: Record<string, SignedIn>;

beforeAll(async () => {
  await seedDemo({ info: () => {} });
  app = await startTestApp();
  as = await signIn(app, [
    { name: 'dd-manager', role: 'manager' },
    { name: 'dd-kashgar', role: 'viewer', regionScope: ['653100'] },
  ]);
  // An archived project and an archived milestone: neither counts on the dashboard nor in the list.
  const m = ok(
    await as['dd-manager']!.gql<{ milestones: { edges: { node: { id: string; version: number } }[] } }>(
      `{ milestones(filter: { regionCode: "653125", year: ${thisYear - 1} }, first: 2) { edges { node { id version project { id version } } } } }`,
    ),
  ).milestones.edges as unknown as {
    node: { id: string; version: number; project: { id: string; version: number } };
  }[];
  expect(m.length).toBe(2);
  ok(
    await as['dd-manager']!.gql(`mutation($id: ID!, $v: Int!) { archiveMilestone(id: $id, version: $v) { id } }`, {
      id: m[0]!.node.id,
      v: m[0]!.node.version,
    }),
  );
  const project = m.find((e) => e.node.project.id !== m[0]!.node.project.id)?.node.project ?? m[1]!.node.project;
  const fresh = ok(
    await as['dd-manager']!.gql<{ project: { version: number } }>(`query($id: ID!) { project(id: $id) { version } }`, {
      id: project.id,
    }),
  );
  ok(
    await as['dd-manager']!.gql(`mutation($id: ID!, $v: Int!) { archiveProject(id: $id, version: $v) { id } }`, {
      id: project.id,
      v: fresh.project.version,
    }),
  );
}, 180_000);
afterAll(() => app.stop());

const CHARTS = `query($f: DashboardFilter!) {
  milestonesByMonth(filter: $f) { period due completed completedOnTime }
  milestonesByYear(filter: $f, years: 3) { period due completed completedOnTime }
  progressDistribution(filter: $f) { from to count }
}`;
const COUNTS = `query($due: MilestoneFilter!, $done: MilestoneFilter!, $onTime: MilestoneFilter!) {
  due: milestones(filter: $due, first: 1) { totalCount }
  done: milestones(filter: $done, first: 1) { totalCount }
  onTime: milestones(filter: $onTime, first: 1) { totalCount }
}`;
type Counts = Record<'due' | 'done' | 'onTime', { totalCount: number }>;

/** The list filter a click on a period opens (as client/src/modules/dashboard/drillDown.ts builds it). */
const periodFilter = (f: Filter, period: string) => ({
  year: Number(period.slice(0, 4)),
  ...(period.length === 7 ? { month: Number(period.slice(5, 7)) } : {}),
  ...(f.regionCode ? { regionCode: f.regionCode } : {}),
  ...(f.sector ? { sector: f.sector } : {}),
});

async function expectBarsEqualLists(client: SignedIn, f: Filter) {
  const charts = ok(
    await client.gql<{ milestonesByMonth: Period[]; milestonesByYear: Period[]; progressDistribution: Bucket[] }>(
      CHARTS,
      { f },
    ),
  );
  const periods = [...charts.milestonesByMonth, ...charts.milestonesByYear];
  for (const bar of periods) {
    const due = periodFilter(f, bar.period);
    const lists = ok(
      await client.gql<Counts>(COUNTS, {
        due,
        done: { ...due, completed: true },
        onTime: { ...due, onTime: true },
      }),
    );
    expect({
      period: bar.period,
      due: lists.due.totalCount,
      completed: lists.done.totalCount,
      onTime: lists.onTime.totalCount,
    }).toEqual({
      period: bar.period,
      due: bar.due,
      completed: bar.completed,
      onTime: bar.completedOnTime,
    });
  }
  for (const bucket of charts.progressDistribution) {
    const list = ok(
      await client.gql<{ projects: { totalCount: number } }>(
        `query($f: ProjectFilter!) { projects(filter: $f, first: 1, sort: { field: PROGRESS }) { totalCount } }`,
        { f: { ...f, progressMin: bucket.from, progressMax: bucket.to } },
      ),
    );
    expect({ bucket: bucket.from, count: list.projects.totalCount }).toEqual({
      bucket: bucket.from,
      count: bucket.count,
    });
  }
  return { periods, buckets: charts.progressDistribution };
}

describe('drill-downs from the dashboard', () => {
  it.each(FILTERS)('every milestone bar and progress bucket equals its list (%o)', async (f) => {
    const { periods, buckets } = await expectBarsEqualLists(as['dd-manager']!, f);
    // Not a vacuous check: the demo data has milestones and projects under each filter.
    expect(periods.reduce((a, p) => a + p.due, 0)).toBeGreaterThan(0);
    if (!f.regionCode && !f.sector) {
      // Bars where "completed" and "on time" differ, so the on-time filter is really tested.
      const done = periods.reduce((a, p) => a + p.completed, 0);
      const onTime = periods.reduce((a, p) => a + p.completedOnTime, 0);
      expect(onTime).toBeGreaterThan(0);
      expect(done).toBeGreaterThan(onTime);
    }
    expect(buckets.reduce((a, b) => a + b.count, 0)).toBeGreaterThan(0);
  });

  it('holds for a region-scoped user too', async () => {
    await expectBarsEqualLists(as['dd-kashgar']!, { year: thisYear - 1 });
  });
});

describe('the milestone list', () => {
  const LIST = `query($f: MilestoneFilter, $s: MilestoneSort, $first: Int, $after: String) {
    milestones(filter: $f, sort: $s, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id plannedDate status overdue project { code regionAncestors { code } region { code } } } }
    }
  }`;
  type Page = {
    milestones: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: {
        node: {
          id: string;
          plannedDate: string;
          status: string;
          overdue: boolean;
          project: { code: string; region: { code: string }; regionAncestors: { code: string }[] };
        };
      }[];
    };
  };

  it('pages in planned-date order, with the project, and keeps a scoped user in scope', async () => {
    const f = { year: thisYear - 1, regionCode: '653100' };
    const first = ok(await as['dd-manager']!.gql<Page>(LIST, { f, first: 5 })).milestones;
    expect(first.totalCount).toBeGreaterThan(5);
    const second = ok(
      await as['dd-manager']!.gql<Page>(LIST, { f, first: 5, after: first.pageInfo.endCursor }),
    ).milestones;
    const dates = [...first.edges, ...second.edges].map((e) => e.node.plannedDate);
    expect(dates).toEqual([...dates].sort());
    expect(new Set([...first.edges, ...second.edges].map((e) => e.node.id)).size).toBe(10);
    for (const e of first.edges)
      expect([...e.node.project.regionAncestors, e.node.project.region].map((r) => r.code)).toContain('653100');

    const scoped = ok(await as['dd-kashgar']!.gql<Page>(LIST, { f: { year: thisYear - 1 } })).milestones;
    expect(scoped.totalCount).toBe(first.totalCount);
    const outside = ok(await as['dd-kashgar']!.gql<Page>(LIST, { f: { regionCode: '540200' } })).milestones;
    expect(outside.totalCount).toBe(0);
  });

  it('filters overdue milestones, and refuses bad filters', async () => {
    const overdue = ok(
      await as['dd-manager']!.gql<Page>(LIST, {
        f: { overdueOnly: true },
        s: { field: 'PLANNED_DATE', direction: 'DESC' },
      }),
    ).milestones;
    expect(overdue.totalCount).toBeGreaterThan(0);
    for (const e of overdue.edges) expect(e.node.overdue).toBe(true);
    for (const bad of [{ month: 3 }, { year: 1800 }, { year: thisYear, month: 13 }, { projectId: 'nope' }]) {
      const r = await as['dd-manager']!.gql(LIST, { f: bad });
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const badRange = await as['dd-manager']!.gql(`{ projects(filter: { progressMin: 102 }) { totalCount } }`);
    expect(badRange.errors?.[0]?.extensions?.field).toBe('filter.progressMin');
  });

  it('exports exactly the rows of the list with the same filter', async () => {
    const f = { year: thisYear - 1, month: 6, sector: 'EDUCATION', onTime: true };
    const list = ok(await as['dd-manager']!.gql<Page>(LIST, { f, first: 1 })).milestones;
    const qs = new URLSearchParams({
      format: 'csv',
      year: String(f.year),
      month: '6',
      sector: f.sector,
      onTime: 'true',
    });
    const csv = await download(as['dd-manager']!, `/api/export/milestones?${qs.toString()}`);
    expect(csv.status).toBe(200);
    const rows = csv.body.toString('utf8').trim().split('\r\n');
    expect(rows.length - 1).toBe(list.totalCount);
  });
});
