import { officeDate, PROJECT_STATUSES, SECTORS, type Sector } from '@pat/shared';
import type { Context, CurrentUser } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { EXPIRING_KEPT, expiringAgreementRows, overdueCommitmentRows } from '../agreements/agreement-watch';
import { MAX_EXPIRY_WINDOW_DAYS } from '../agreements/agreements.service';
import { FundRollupModel, FundYearModel } from '../fund/fund.model';
import { ProjectModel } from '../projects/project.model';
import { RegionModel } from '../regions/region.model';
import { projectFilter, type ProjectFilter } from '../projects/projects.service';
import {
  ALL,
  childrenOf,
  PROGRESS_BUCKETS,
  sumCells,
  sumDetails,
  type Bar,
  type Cell,
  type Detail,
  type MsYear,
  type RegionNode,
} from './rollup.compute';
import { detailId, docId, pathOf, readDetails, readDocs, regionNodeOf, yearsId, type ReadCache } from './rollup.store';

export type DashboardFilter = { year: number; regionCode?: string | null; sector?: Sector | null };

type Tree = { byCode: Map<string, RegionNode>; kids: Map<string, string[]> };

// The region tree is read once per request (a few dozen rows), not kept in process memory. The rows
// also fill the request's region loader, so the bars' and lists' regions cost no further read.
const trees = new WeakMap<object, Promise<Tree>>();
function regionTree(ctx: Context): Promise<Tree> {
  let tree = trees.get(ctx);
  if (!tree) {
    tree = RegionModel.collection
      .find({})
      .toArray()
      .then((rows) => {
        for (const row of rows) ctx.loaders.regionByCode.prime(String(row.code), row);
        const regions = rows.map(regionNodeOf);
        return { byCode: new Map(regions.map((r) => [r.code, r])), kids: childrenOf(regions) };
      });
    trees.set(ctx, tree);
  }
  return tree;
}

function checkFilter(f: DashboardFilter): void {
  if (!Number.isInteger(f.year) || f.year < 2000 || f.year > 2100)
    throw badInput('filter.year', 'must be a year between 2000 and 2100');
}

/**
 * The region nodes whose tree cells add up to what the user may see under `regionCode` (the whole
 * tree without one): the region itself when it lies in the user's scope, else the scope's regions
 * under it (a scope on a prefecture sees its counties only).
 */
export function baseNodes(user: CurrentUser, regionCode: string | null | undefined, tree: Tree): string[] {
  const node = regionCode ?? ALL;
  if (node !== ALL && !tree.byCode.has(node)) return [];
  if (user.regionScope.length === 0) return [node];
  const path = pathOf(node, tree.byCode);
  if (path.some((code) => user.regionScope.includes(code))) return [node];
  const under = user.regionScope.filter(
    (s) => tree.byCode.has(s) && (node === ALL || pathOf(s, tree.byCode).includes(node)),
  );
  return under.filter((s) => !under.some((o) => o !== s && pathOf(s, tree.byCode).includes(o)));
}

const sectorOf = (f: DashboardFilter) => f.sector ?? ALL;

// Cells read in this request, by _id (the fields of one dashboard request share most of them).
const caches = new WeakMap<object, ReadCache>();
function cacheOf(ctx: Context): ReadCache {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  return cache;
}

/** The tree cell of `sector` for `year`, summed over `nodes` (one document per node, all sectors). */
async function cellOf(year: number, nodes: string[], sector: string, cache: ReadCache): Promise<Cell> {
  const docs = await readDocs(
    nodes.map((n) => docId('t', year, n)),
    cache,
  );
  return sumCells([...docs.values()].map((d) => d?.s?.[sector]));
}

/** The day-level detail of one sector's tree cell for `year`, summed over `nodes`. */
async function detailOf(year: number, nodes: string[], sector: string, cache: ReadCache): Promise<Detail> {
  const details = await readDetails(
    nodes.map((n) => detailId('t', year, n, sector)),
    cache,
  );
  return sumDetails([...details.values()]);
}

/** Milestones [due, done, on time, open] of `sector` by year, summed over `nodes`. */
async function msByYear(nodes: string[], sector: string, cache: ReadCache): Promise<Map<number, MsYear>> {
  const docs = await readDocs(nodes.map(yearsId), cache);
  const out = new Map<number, MsYear>();
  for (const doc of docs.values())
    for (const [year, sectors] of Object.entries(doc?.y ?? {})) {
      const row = sectors[sector];
      if (!row) continue;
      const into = out.get(Number(year)) ?? [0, 0, 0, 0];
      out.set(Number(year), [into[0] + row[0], into[1] + row[1], into[2] + row[2], into[3] + row[3]]);
    }
  return out;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const sumDays = (days: Record<string, number>, keep: (mmdd: string) => boolean) =>
  sum(Object.entries(days).map(([d, n]) => (keep(d) ? n : 0)));

/** Milestones due in `year` up to today (the whole year once over, none before it starts), and those done on time. */
async function dueSoFar(
  year: number,
  cell: Cell,
  detail: () => Promise<Detail>,
  today: string,
): Promise<{ due: number; onTime: number }> {
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return { due: sum(cell.msDue), onTime: sum(cell.msOnTime) };
  if (year > thisYear) return { due: 0, onTime: 0 };
  const month = Number(today.slice(5, 7)) - 1;
  const mm = today.slice(5, 7);
  const upToToday = (d: string) => d.slice(0, 2) === mm && d <= mm + today.slice(8, 10);
  const days = await detail();
  return {
    due: sum(cell.msDue.slice(0, month)) + sumDays(days.due, upToToday),
    onTime: sum(cell.msOnTime.slice(0, month)) + sumDays(days.onTime, upToToday),
  };
}

/** Milestones past their planned date and not done, today, over every year (region and sector apply). */
async function overdueToday(nodes: string[], sector: string, today: string, cache: ReadCache): Promise<number> {
  const thisYear = Number(today.slice(0, 4));
  const [years, current, days] = await Promise.all([
    msByYear(nodes, sector, cache),
    cellOf(thisYear, nodes, sector, cache),
    detailOf(thisYear, nodes, sector, cache),
  ]);
  const month = Number(today.slice(5, 7)) - 1;
  const mm = today.slice(5, 7);
  return (
    sum([...years].map(([year, row]) => (year < thisYear ? row[3] : 0))) +
    sum(current.msOpen.slice(0, month)) +
    sumDays(days.open, (d) => d.slice(0, 2) === mm && d < mm + today.slice(8, 10))
  );
}

async function fundYear(year: number) {
  const doc = await FundYearModel.collection.findOne({ year });
  const appropriated = Number(doc?.appropriated ?? 0);
  return { appropriated, available: appropriated - Number(doc?.approved ?? 0) };
}

export async function dashboardHeadline(ctx: Context, f: DashboardFilter) {
  checkFilter(f);
  const tree = await regionTree(ctx);
  const nodes = baseNodes(ctx.user!, f.regionCode, tree);
  const sector = sectorOf(f);
  const today = officeDate();
  const cache = cacheOf(ctx);
  const [current, previous, overdue, fundNow, fundBefore] = await Promise.all([
    cellOf(f.year, nodes, sector, cache),
    cellOf(f.year - 1, nodes, sector, cache),
    overdueToday(nodes, sector, today, cache),
    fundYear(f.year),
    fundYear(f.year - 1),
  ]);
  const [dueNow, dueBefore] = await Promise.all([
    dueSoFar(f.year, current, () => detailOf(f.year, nodes, sector, cache), today),
    dueSoFar(f.year - 1, previous, () => detailOf(f.year - 1, nodes, sector, cache), today),
  ]);
  return {
    projectsByStatus: PROJECT_STATUSES.map((status, i) => ({ status, count: current.status[i] ?? 0 })),
    projects: { current: sum(current.status), previous: sum(previous.status) },
    milestonesDue: { current: dueNow.due, previous: dueBefore.due },
    milestonesOnTime: { current: dueNow.onTime, previous: dueBefore.onTime },
    overdueMilestones: overdue,
    appropriated: { current: fundNow.appropriated, previous: fundBefore.appropriated },
    allocated: { current: current.allocated, previous: previous.allocated },
    disbursed: { current: current.disbursed, previous: previous.disbursed },
    available: { current: fundNow.available, previous: fundBefore.available },
  };
}

export type Breakdown = {
  key: string;
  regionCode: string | null;
  sector: Sector | null;
  projectCount: number;
  budget: number;
  allocated: number;
  disbursed: number;
};

const breakdown = (key: string, cell: Cell, regionCode: string | null, sector: Sector | null): Breakdown => ({
  key,
  regionCode,
  sector,
  projectCount: sum(cell.status),
  budget: cell.budget,
  allocated: cell.allocated,
  disbursed: cell.disbursed,
});

const nonEmpty = (b: Breakdown) => b.projectCount > 0 || b.allocated !== 0 || b.disbursed !== 0;

const fromBar = (key: string, bar: Bar | undefined): Breakdown => ({
  key,
  regionCode: key,
  sector: null,
  projectCount: bar?.[0] ?? 0,
  budget: bar?.[1] ?? 0,
  allocated: bar?.[2] ?? 0,
  disbursed: bar?.[3] ?? 0,
});

/**
 * One bar per region one level below the filter's (top-level regions without one), with its
 * subtree: a child the user sees whole comes from the parent's document, one lookup for all bars.
 */
export async function spendingByRegion(ctx: Context, f: DashboardFilter): Promise<Breakdown[]> {
  checkFilter(f);
  const tree = await regionTree(ctx);
  const parent = f.regionCode ?? ALL;
  const children = (tree.kids.get(parent) ?? []).slice().sort();
  const sector = sectorOf(f);
  const cache = cacheOf(ctx);
  const parentDoc = (await readDocs([docId('t', f.year, parent)], cache)).get(docId('t', f.year, parent));
  const bars = await Promise.all(
    children.map(async (code) => {
      const nodes = baseNodes(ctx.user!, code, tree);
      if (nodes.length === 0) return null;
      if (nodes.length === 1 && nodes[0] === code) return fromBar(code, parentDoc?.k?.[code]?.[sector]);
      return breakdown(code, await cellOf(f.year, nodes, sector, cache), code, null);
    }),
  );
  return bars.filter((b): b is Breakdown => b !== null && nonEmpty(b));
}

/** One bar per sector (only the filter's sector when it has one). */
export async function spendingBySector(ctx: Context, f: DashboardFilter): Promise<Breakdown[]> {
  checkFilter(f);
  const nodes = baseNodes(ctx.user!, f.regionCode, await regionTree(ctx));
  const sectors = f.sector ? [f.sector] : SECTORS;
  const bars = await Promise.all(
    sectors.map(async (s) => breakdown(s, await cellOf(f.year, nodes, s, cacheOf(ctx)), null, s as Sector)),
  );
  return bars.filter(nonEmpty);
}

export async function disbursementsByMonth(ctx: Context, f: DashboardFilter) {
  checkFilter(f);
  const nodes = baseNodes(ctx.user!, f.regionCode, await regionTree(ctx));
  const cell = await cellOf(f.year, nodes, sectorOf(f), cacheOf(ctx));
  let cumulative = 0;
  return cell.disbMonth.map((disbursed, i) => {
    cumulative += disbursed;
    return {
      month: i + 1,
      disbursed,
      cumulativeDisbursed: cumulative,
      // Integer fen: the plan reaches the whole allocation in December.
      cumulativePlanned: Math.floor((cell.allocated * (i + 1)) / 12),
    };
  });
}

export async function milestonesByMonth(ctx: Context, f: DashboardFilter) {
  checkFilter(f);
  const nodes = baseNodes(ctx.user!, f.regionCode, await regionTree(ctx));
  const cell = await cellOf(f.year, nodes, sectorOf(f), cacheOf(ctx));
  return cell.msDue.map((due, i) => ({
    period: `${f.year}-${String(i + 1).padStart(2, '0')}`,
    due,
    completed: cell.msDone[i] ?? 0,
    completedOnTime: cell.msOnTime[i] ?? 0,
  }));
}

export async function milestonesByYear(ctx: Context, f: DashboardFilter, years = 5) {
  checkFilter(f);
  if (!Number.isInteger(years) || years < 1 || years > 10) throw badInput('years', 'must be from 1 to 10');
  const nodes = baseNodes(ctx.user!, f.regionCode, await regionTree(ctx));
  const list = Array.from({ length: years }, (_, i) => f.year - years + 1 + i);
  const byYear = await msByYear(nodes, sectorOf(f), cacheOf(ctx));
  return list.map((year) => {
    const [due, completed, completedOnTime] = byYear.get(year) ?? [0, 0, 0, 0];
    return { period: String(year), due, completed, completedOnTime };
  });
}

export async function progressDistribution(ctx: Context, f: DashboardFilter) {
  checkFilter(f);
  const nodes = baseNodes(ctx.user!, f.regionCode, await regionTree(ctx));
  const cell = await cellOf(f.year, nodes, sectorOf(f), cacheOf(ctx));
  return PROGRESS_BUCKETS.map(([from, to], i) => ({ from, to, count: cell.progress[i] ?? 0 }));
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Running projects of the year with the oldest overdue milestones, from the cells' kept lists (which
 * hold what the list shows, and lose a project once it is archived or moves out of the cell).
 */
export async function projectsBehindSchedule(ctx: Context, f: DashboardFilter, first = 10) {
  checkFilter(f);
  if (!Number.isInteger(first) || first < 1 || first > 20) throw badInput('first', 'must be from 1 to 20');
  const nodes = baseNodes(ctx.user!, f.regionCode, await regionTree(ctx));
  const today = officeDate();
  const detail = await detailOf(f.year, nodes, sectorOf(f), cacheOf(ctx));
  return detail.behind
    .filter((b) => b.d < today)
    .slice(0, first)
    .map((b) => ({
      project: { id: b.p, code: b.c, name: b.n, regionCode: b.r, progress: b.g },
      overdueMilestones: b.o.filter((d) => d < today).length,
      daysBehind: daysBetween(b.d, today),
    }));
}

export async function overdueCommitments(ctx: Context, f: DashboardFilter, first = 10) {
  checkFilter(f);
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be from 1 to 100');
  return overdueCommitmentRows(baseNodes(ctx.user!, f.regionCode, await regionTree(ctx)), first);
}

export async function expiringAgreements(ctx: Context, f: DashboardFilter, days = 90, first = 10) {
  checkFilter(f);
  if (!Number.isInteger(days) || days < 0 || days > MAX_EXPIRY_WINDOW_DAYS)
    throw badInput('days', `must be a whole number of days from 0 to ${MAX_EXPIRY_WINDOW_DAYS}`);
  if (!Number.isInteger(first) || first < 1 || first > EXPIRING_KEPT)
    throw badInput('first', `must be from 1 to ${EXPIRING_KEPT}`);
  return expiringAgreementRows(baseNodes(ctx.user!, f.regionCode, await regionTree(ctx)), days, first);
}

/** Count, special-fund budget and fund totals of exactly the project list with this filter. */
export async function projectTotals(ctx: Context, filter: ProjectFilter) {
  const projects = await ProjectModel.collection
    .find(projectFilter(ctx.user!, filter), { projection: { 'budget.specialFund': 1 } })
    .toArray();
  const ids = new Set(projects.map((p) => String(p._id)));
  const funds = await FundRollupModel.collection
    .find(filter.year != null ? { year: filter.year } : {}, {
      projection: { projectId: 1, allocated: 1, disbursed: 1 },
    })
    .toArray();
  const mine = funds.filter((r) => ids.has(String(r.projectId)));
  return {
    count: projects.length,
    budget: sum(projects.map((p) => Number((p.budget as { specialFund?: number } | undefined)?.specialFund ?? 0))),
    allocated: sum(mine.map((r) => Number(r.allocated ?? 0))),
    disbursed: sum(mine.map((r) => Number(r.disbursed ?? 0))),
  };
}
