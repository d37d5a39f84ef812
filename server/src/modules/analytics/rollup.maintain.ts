import { SECTORS } from '@pat/shared';
import { Types } from 'mongoose';
import { findByIds } from '../../db/by-ids';
import { FundRollupModel, LedgerEntryModel } from '../fund/fund.model';
import { MilestoneModel } from '../milestones/milestone.model';
import { ProjectModel } from '../projects/project.model';
import {
  ALL,
  childrenOf,
  computeOwnCells,
  computeTreeCells,
  DISBURSEMENT_KINDS,
  emptyDetail,
  msYearsOf,
  ownKey,
  rollupDocs,
  sumDetails,
  treeOf,
  yearsOf,
  type CellDoc,
  type Detail,
  type DetailDoc,
  type SectorCells,
  type RawFund,
  type RawLedger,
  type RawMilestone,
  type RawProject,
  type RegionNode,
} from './rollup.compute';
import { DirtyModel } from './rollup.model';
import {
  detailId,
  docId,
  loadRegionNodes,
  normalDetail,
  pathOf,
  putDoc,
  readAll,
  readDetails,
  readDocs,
  replaceAll,
  writeDetail,
  writeDoc,
  writeYear,
} from './rollup.store';

// Keeping the roll-ups right. After every write the services call `refreshProjectRollups` (or the
// fund, `refreshLedgerRollups`): the own documents of the touched region are recomputed from the
// raw records of that region (bounded), then each tree cell up the region's path is
// recomputed from its own cell and its children's tree cells (bounded by the tree's fan-out).
// Recomputing instead of `$inc` makes every refresh idempotent and self-healing; FerretDB's `$inc`
// is not atomic under concurrency. Two writers racing on the same cell can still leave it one write
// behind; `npm run reconcile` compares every cell with a from-scratch computation and repairs it.

const PROJECT_FIELDS = {
  code: 1,
  name: 1,
  regionCode: 1,
  sector: 1,
  status: 1,
  plannedStart: 1,
  plannedEnd: 1,
  'budget.specialFund': 1,
  progress: 1,
  nextDueDate: 1,
};
const MILESTONE_FIELDS = { projectId: 1, plannedDate: 1, actualDate: 1, status: 1 };

type Group = { regionCode: string; sector: string };
type ProjectKey = Pick<RawProject, 'regionCode' | 'sector' | 'plannedStart' | 'plannedEnd'>;

/**
 * Recomputes a region's own documents for `years` from the raw records of that region (every
 * sector: the document holds them all), and the day-level details of the touched `sectors`.
 */
async function refreshOwn(
  regionCode: string,
  sectors: string[],
  years: number[],
  regions: Map<string, RegionNode>,
): Promise<void> {
  const projects = (await ProjectModel.collection
    .find({ regionCode, archived: false }, { projection: PROJECT_FIELDS })
    .toArray()) as unknown as RawProject[];
  const ids = projects.map((p) => p._id as Types.ObjectId);
  const [milestones, funds, ledger] = ids.length
    ? await Promise.all([
        MilestoneModel.collection
          .find({ projectId: { $in: ids }, archived: false }, { projection: MILESTONE_FIELDS })
          .toArray(),
        FundRollupModel.collection.find({ projectId: { $in: ids }, year: { $in: years } }).toArray(),
        LedgerEntryModel.collection
          .find({ projectId: { $in: ids }, year: { $in: years }, kind: { $in: DISBURSEMENT_KINDS } })
          .toArray(),
      ])
    : [[], [], []];
  const own = computeOwnCells(
    projects,
    milestones as unknown as RawMilestone[],
    funds as unknown as RawFund[],
    ledger as unknown as RawLedger[],
    new Set(years),
  );
  const regionPath = pathOf(regionCode, regions);
  for (const year of years) {
    const s: SectorCells = {};
    for (const sector of SECTORS) {
      const pair = own.get(ownKey(year, regionCode, sector));
      if (pair) s[sector] = pair.cell;
    }
    await writeDoc({ _id: docId('o', year, regionCode), kind: 'o', year, node: regionCode, regionPath, s });
    for (const sector of sectors)
      await writeDetail(
        detailId('o', year, regionCode, sector),
        year,
        regionPath,
        own.get(ownKey(year, regionCode, sector))?.detail ?? emptyDetail(),
      );
  }
}

/**
 * Recomputes the tree documents above the given groups' regions, bottom-up, for one year: each
 * node's document whole (its own document plus its children's), its milestone-by-year entry, and
 * the details of the touched sectors and '*'.
 */
async function refreshTree(year: number, groups: Group[], regions: Map<string, RegionNode>): Promise<void> {
  const kids = childrenOf([...regions.values()]);
  // Nodes to recompute, deepest first; '*' (the whole tree) last.
  const depth = (node: string) => (node === ALL ? -1 : (regions.get(node)?.ancestors.length ?? 0));
  const todo = new Map<string, Set<string>>();
  for (const g of groups)
    for (const node of [...pathOf(g.regionCode, regions), ALL])
      todo.set(node, (todo.get(node) ?? new Set()).add(g.sector));
  const levels = [...new Set([...todo.keys()].map(depth))].sort((a, b) => b - a);
  for (const level of levels) {
    const nodes = [...todo.keys()].filter((n) => depth(n) === level);
    await Promise.all(
      nodes.map(async (node) => {
        const children = kids.get(node) ?? [];
        const regionPath = pathOf(node, regions);
        const docs = await readDocs([docId('o', year, node), ...children.map((c) => docId('t', year, c))]);
        const { s, k } = treeOf(
          docs.get(docId('o', year, node))?.s,
          children.map((c) => [c, docs.get(docId('t', year, c))?.s]),
        );
        await writeDoc({ _id: docId('t', year, node), kind: 't', year, node, regionPath, s, k });
        await writeYear(node, regionPath, year, msYearsOf(s));
        for (const sector of todo.get(node)!) {
          const parts = await readDetails([
            detailId('o', year, node, sector),
            ...children.map((c) => detailId('t', year, c, sector)),
          ]);
          await writeDetail(detailId('t', year, node, sector), year, regionPath, sumDetails([...parts.values()]));
        }
        const sectors = await readDetails(SECTORS.map((sector) => detailId('t', year, node, sector)));
        await writeDetail(detailId('t', year, node, ALL), year, regionPath, sumDetails([...sectors.values()]));
      }),
    );
  }
}

/** Recomputes the roll-ups of the given region+sector groups, each for its years. */
export async function refreshRollups(work: { group: Group; years: number[] }[]): Promise<void> {
  // region → sector → years, and year → groups.
  const byRegion = new Map<string, { sectors: Set<string>; years: Set<number> }>();
  const byYear = new Map<number, Map<string, Group>>();
  for (const { group, years } of work)
    for (const year of years) {
      const r = byRegion.get(group.regionCode) ?? { sectors: new Set(), years: new Set() };
      byRegion.set(group.regionCode, r);
      r.sectors.add(group.sector);
      r.years.add(year);
      const groups = byYear.get(year) ?? new Map<string, Group>();
      byYear.set(year, groups);
      groups.set(`${group.regionCode}|${group.sector}`, group);
    }
  if (byYear.size === 0) return;
  const regions = new Map((await loadRegionNodes()).map((r) => [r.code, r]));
  // Different regions touch different documents: they are refreshed side by side. The years one
  // after another, as they share each node's milestone-by-year document.
  await Promise.all(
    [...byRegion].map(([region, r]) => refreshOwn(region, [...r.sectors], [...r.years].sort(), regions)),
  );
  for (const year of [...byYear.keys()].sort()) await refreshTree(year, [...byYear.get(year)!.values()], regions);
}

// Refreshes run after the write has answered: a write marks its project dirty (one upsert by _id
// into `analytics_dirty`, kept in the database so a crashed process's marks are picked up by any
// other), and each process drains the marks in batches, one batch after another: every project
// marked while a batch runs goes into the next one, so a burst of writes (an import) costs a few
// refreshes, not one per write. On FerretDB a refresh re-reads its regions by collection scan
// (seconds), which a user saving a milestone must not wait for. Analytics reads, reconcile and the
// seeds settle first, so a process reads its own writes; `npm run reconcile` repairs anything a
// lost or failed refresh left behind.
type Mark = { _id: Types.ObjectId; befores?: ProjectKey[]; years?: number[]; at?: Date };

let queue: Promise<void> = Promise.resolve();
let scheduled = false;
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  queue = queue.then(async () => {
    scheduled = false;
    await drain();
  });
}

const waiting = new Set<() => Promise<void>>();

/**
 * Runs `work` after the write that asks for it has answered, in this process's refresh queue (other
 * derived lists than the roll-ups use it too); analytics reads settle it like the roll-ups.
 */
export function afterWrite(work: () => Promise<void>): void {
  // Already queued and not yet started: that run reads the records after this write, so a burst of
  // writes costs one run. Once a run starts, the next write queues another.
  if (waiting.has(work)) return;
  waiting.add(work);
  queue = queue.then(() => {
    waiting.delete(work);
    return work().catch((error: unknown) => process.emitWarning(`derived list refresh failed: ${String(error)}`));
  });
}

/** Resolves once no roll-up refresh this process has started or marked is outstanding. */
export async function settleRollups(): Promise<void> {
  let last: Promise<void>;
  do {
    last = queue;
    await last;
  } while (last !== queue);
}

let deferred = 0;

/**
 * Runs `bulk` without marking anything: for seeds and bulk loads that rebuild every roll-up from
 * scratch afterwards (`rebuildRollups`), so no refresh repeats work the rebuild does anyway.
 */
export async function withoutRollupRefresh<T>(bulk: () => Promise<T>): Promise<T> {
  deferred += 1;
  try {
    return await bulk();
  } finally {
    deferred -= 1;
  }
}

async function mark(projectId: string, before: ProjectKey | null | undefined, years: number[]): Promise<void> {
  if (deferred > 0) return;
  try {
    await DirtyModel.collection.updateOne(
      { _id: new Types.ObjectId(projectId) },
      {
        $set: { at: new Date() },
        $push: {
          befores: {
            $each: before
              ? [
                  {
                    regionCode: before.regionCode,
                    sector: before.sector,
                    plannedStart: before.plannedStart,
                    plannedEnd: before.plannedEnd,
                  },
                ]
              : [],
          },
        },
        $addToSet: { years: { $each: years } },
      } as Record<string, unknown>,
      { upsert: true },
    );
  } catch (error) {
    process.emitWarning(`analytics roll-up mark failed for project ${projectId}: ${String(error)}`);
  }
  schedule();
}

/** Picks up marks left by a process that stopped before refreshing them. */
export const drainLeftoverMarks = (): void => schedule();

/**
 * After a write to a project or its milestones: marks the project so the roll-ups of its region
 * and sector (before and after the write) are refreshed for every year it touches. Never throws:
 * the write has happened, and reconcile repairs a roll-up a failure left behind.
 */
export async function refreshProjectRollups(
  projectId: Types.ObjectId | string,
  before?: ProjectKey | null,
): Promise<void> {
  await mark(String(projectId), before, []);
}

/** After a special-fund operation: marks the projects its entries touch, with the entries' years. */
export async function refreshLedgerRollups(
  entries: { year: number; projectId: { toString(): string } | null }[],
): Promise<void> {
  const byProject = new Map<string, Set<number>>();
  for (const e of entries)
    if (e.projectId) byProject.set(String(e.projectId), (byProject.get(String(e.projectId)) ?? new Set()).add(e.year));
  for (const [projectId, years] of byProject) await mark(projectId, null, [...years]);
}

/** Refreshes the roll-ups of every marked project at once, then removes the marks it handled. */
async function drain(): Promise<void> {
  try {
    const marks = (await DirtyModel.collection.find({}).toArray()) as unknown as Mark[];
    if (marks.length === 0) return;
    const ids = marks.map((m) => m._id);
    const projects = (await findByIds(ProjectModel.collection, ids, {
      projection: PROJECT_FIELDS,
    })) as unknown as ProjectKey[];
    const [milestones, funds] = await Promise.all([
      MilestoneModel.collection
        .find({ projectId: { $in: ids } }, { projection: { projectId: 1, plannedDate: 1 } })
        .toArray(),
      FundRollupModel.collection.find({ projectId: { $in: ids } }, { projection: { projectId: 1, year: 1 } }).toArray(),
    ]);
    const after = new Map(projects.map((p) => [String((p as unknown as { _id: unknown })._id), p]));
    const yearsOfProject = new Map<string, number[]>();
    const add = (id: string, year: number) => yearsOfProject.set(id, [...(yearsOfProject.get(id) ?? []), year]);
    for (const m of milestones) add(String(m.projectId), Number(String(m.plannedDate).slice(0, 4)));
    for (const f of funds) add(String(f.projectId), Number(f.year));
    // Each project's groups (where it was before each write and where it is now), for the years
    // its figures touch: its planned spans, its milestones' and fund years.
    const work = marks.flatMap((m) => {
      const id = String(m._id);
      const snapshots = [...(m.befores ?? []), ...(after.has(id) ? [after.get(id)!] : [])];
      const years = [
        ...new Set([...snapshots.flatMap((p) => yearsOf(p)), ...(m.years ?? []), ...(yearsOfProject.get(id) ?? [])]),
      ];
      return snapshots.map((p) => ({ group: { regionCode: p.regionCode, sector: p.sector }, years }));
    });
    await refreshRollups(work);
    // A mark written again while this ran keeps its newer time and waits for the next batch.
    for (const m of marks) await DirtyModel.collection.deleteOne({ _id: m._id, at: m.at });
  } catch (error) {
    process.emitWarning(`analytics roll-up refresh failed: ${String(error)}`);
  }
}

// ---------------------------------------------------------------- from scratch

export type ExpectedRollups = { cells: Map<string, CellDoc>; details: Map<string, DetailDoc> };

/** Every roll-up document computed from the raw records (what the stored roll-ups must hold). */
export async function computeAllRollups(): Promise<ExpectedRollups> {
  await settleRollups();
  const [regions, projects, milestones, funds, ledger] = await Promise.all([
    loadRegionNodes(),
    ProjectModel.collection.find({ archived: false }, { projection: PROJECT_FIELDS }).toArray(),
    MilestoneModel.collection.find({ archived: false }, { projection: MILESTONE_FIELDS }).toArray(),
    FundRollupModel.collection
      .find({}, { projection: { year: 1, projectId: 1, allocated: 1, disbursed: 1 } })
      .toArray(),
    LedgerEntryModel.collection
      .find(
        { kind: { $in: DISBURSEMENT_KINDS } },
        { projection: { year: 1, projectId: 1, kind: 1, amount: 1, date: 1 } },
      )
      .toArray(),
  ]);
  return expectedFrom(
    regions,
    projects as unknown as RawProject[],
    milestones as unknown as RawMilestone[],
    funds as unknown as RawFund[],
    ledger as unknown as RawLedger[],
  );
}

/** The same from records in memory (the scale seed builds its roll-ups with this). */
export function expectedFrom(
  regions: RegionNode[],
  projects: RawProject[],
  milestones: RawMilestone[],
  funds: RawFund[],
  ledger: RawLedger[],
): ExpectedRollups {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const own = computeOwnCells(projects, milestones, funds, ledger);
  return rollupDocs(own, computeTreeCells(own, regions), regions, (node) => pathOf(node, byCode));
}

/** Replaces every roll-up with a from-scratch computation (seeding, or after a bulk import). */
export async function writeAllRollups(expected: ExpectedRollups): Promise<number> {
  await replaceAll([...expected.cells.values(), ...expected.details.values()]);
  return expected.cells.size;
}

export async function rebuildRollups(): Promise<number> {
  return writeAllRollups(await computeAllRollups());
}

/** A stable text of a stored or computed document (keys sorted, empty parts dropped), for comparing. */
function canonical(doc: Record<string, unknown> | undefined): string | undefined {
  if (!doc) return undefined;
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v && typeof v === 'object' && !(v instanceof Date) && !('_bsontype' in v))
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => [k, sorted(x)]),
      );
    return typeof v === 'object' && v !== null ? String(v) : v;
  };
  const { _id: _ignored, key: _key, ...rest } = doc;
  if ('detail' in rest) rest.detail = normalDetail(rest.detail as Partial<Detail>);
  for (const key of ['s', 'k', 'y']) if (rest[key] && Object.keys(rest[key] as object).length === 0) delete rest[key];
  if (!rest.s && !rest.y && !rest.detail) return undefined;
  return JSON.stringify(sorted(rest));
}

export type RollupReport = { checked: number; repaired: string[] };

/**
 * Compares every stored roll-up document with a from-scratch computation; with `repair`, rewrites
 * those that differ, adds the missing and removes the extra. Meant for quiet times, like the fund's
 * reconcile.
 */
export async function reconcileRollups(options: { repair?: boolean } = {}): Promise<RollupReport> {
  const { cells, details } = await computeAllRollups();
  const expected = new Map<string, CellDoc | DetailDoc>([...cells, ...details]);
  const stored = new Map([...(await readAll())].map(([key, d]) => [key, canonical(d)]));
  const wrong = [...expected.keys()].filter(
    (id) => stored.get(id) !== canonical(expected.get(id) as unknown as Record<string, unknown>),
  );
  const extra = [...stored.keys()].filter((id) => !expected.has(id));
  if (options.repair) {
    for (const id of wrong) await putDoc(id, expected.get(id) as unknown as { _id: string });
    for (const id of extra) await putDoc(id, null);
  }
  // An empty leftover (a document whose last figure went) is removed but is not a wrong figure.
  const repaired = [...wrong, ...extra.filter((id) => stored.get(id) !== undefined)];
  return { checked: expected.size, repaired: repaired.map((id) => (details.has(id) ? `detail ${id}` : id)) };
}
