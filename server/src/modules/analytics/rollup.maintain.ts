import { SECTORS } from '@pat/shared';
import { Types } from 'mongoose';
import { FundRollupModel, LedgerEntryModel } from '../fund/fund.model';
import { MilestoneModel } from '../milestones/milestone.model';
import { ProjectModel } from '../projects/project.model';
import {
  ALL,
  childrenOf,
  computeOwnCells,
  computeTreeCells,
  DISBURSEMENT_KINDS,
  ownKey,
  sumPairs,
  yearsOf,
  type CellPair,
  type RawFund,
  type RawLedger,
  type RawMilestone,
  type RawProject,
  type RegionNode,
} from './rollup.compute';
import { AnalyticsCellModel, AnalyticsDetailModel, AnalyticsMetaModel } from './rollup.model';
import { addYears, cellId, loadRegionNodes, normalDetail, pathOf, readPairs, writePair } from './rollup.store';

// Keeping the roll-ups right. After every write the services call `refreshProjectRollups` (or the
// fund, `refreshLedgerRollups`): the own cells of the touched region+sector are recomputed from the
// raw records of that region+sector (bounded), then each tree cell up the region's path is
// recomputed from its own cell and its children's tree cells (bounded by the tree's fan-out).
// Recomputing instead of `$inc` makes every refresh idempotent and self-healing; FerretDB's `$inc`
// is not atomic under concurrency. Two writers racing on the same cell can still leave it one write
// behind; `npm run reconcile` compares every cell with a from-scratch computation and repairs it.

const PROJECT_FIELDS = {
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

/** Recomputes the own cells of a region+sector for `years`, from the raw records of that region+sector. */
async function refreshOwn(group: Group, years: number[], regions: Map<string, RegionNode>): Promise<void> {
  const projects = (await ProjectModel.collection
    .find({ regionCode: group.regionCode, sector: group.sector, archived: false }, { projection: PROJECT_FIELDS })
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
  const path = pathOf(group.regionCode, regions);
  await Promise.all(
    years.map((year) =>
      writePair(
        'o',
        year,
        group.regionCode,
        group.sector,
        path,
        own.get(ownKey(year, group.regionCode, group.sector)) ?? null,
      ),
    ),
  );
}

/** Recomputes the tree cells above the given groups' regions, bottom-up, for one year. */
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
      nodes.flatMap((node) =>
        [...todo.get(node)!].map(async (sector) => {
          const children = kids.get(node) ?? [];
          const parts = await readPairs([
            cellId('o', year, node, sector),
            ...children.map((c) => cellId('t', year, c, sector)),
          ]);
          await writePair('t', year, node, sector, pathOf(node, regions), sumPairs([...parts.values()]));
        }),
      ),
    );
    await Promise.all(
      nodes.map(async (node) => {
        const parts = await readPairs(SECTORS.map((s) => cellId('t', year, node, s)));
        await writePair('t', year, node, ALL, pathOf(node, regions), sumPairs([...parts.values()]));
      }),
    );
  }
}

/** Recomputes the cells of the given region+sector groups for the given years. */
export async function refreshRollups(groups: Group[], years: number[]): Promise<void> {
  const unique = [...new Map(groups.map((g) => [`${g.regionCode}|${g.sector}`, g])).values()];
  const yearList = [...new Set(years)].sort();
  if (unique.length === 0 || yearList.length === 0) return;
  const regions = new Map((await loadRegionNodes()).map((r) => [r.code, r]));
  // Different groups and years touch different cells: they are refreshed side by side.
  await Promise.all(unique.map((g) => refreshOwn(g, yearList, regions)));
  await Promise.all(yearList.map((year) => refreshTree(year, unique, regions)));
  await addYears(yearList);
}

/** The years a project's figures touch: its planned span, its milestones' years and its fund years. */
async function yearsTouched(projectId: Types.ObjectId, snapshots: ProjectKey[]): Promise<number[]> {
  const [milestones, funds] = await Promise.all([
    MilestoneModel.collection.find({ projectId }, { projection: { plannedDate: 1 } }).toArray(),
    FundRollupModel.collection.find({ projectId }, { projection: { year: 1 } }).toArray(),
  ]);
  return [
    ...snapshots.flatMap((s) => yearsOf(s)),
    ...milestones.map((m) => Number(String(m.plannedDate).slice(0, 4))),
    ...funds.map((f) => Number(f.year)),
  ];
}

// Refreshes run after the write has answered, one after another in this process: on FerretDB a
// refresh re-reads its region+sector by collection scan (seconds on demo data under load), which a
// user saving a milestone must not wait for. Analytics reads, reconcile and the seeds settle the
// queue first, so a process reads its own writes; a refresh lost with a crashed process is what
// `npm run reconcile` repairs.
let queue: Promise<void> = Promise.resolve();
const enqueue = (work: () => Promise<void>) => {
  queue = queue.then(work);
};

/** Resolves once every roll-up refresh this process has queued is done. */
export const settleRollups = (): Promise<void> => queue;

/**
 * After a write to a project or its milestones: queues a refresh of the cells of the project's
 * region+sector (before and after the write) for every year it touches. Never throws: the write has
 * happened, and reconcile repairs a roll-up a failure left behind.
 */
export async function refreshProjectRollups(
  projectId: Types.ObjectId | string,
  before?: ProjectKey | null,
): Promise<void> {
  enqueue(() => refreshProjectRollupsNow(projectId, before));
}

async function refreshProjectRollupsNow(projectId: Types.ObjectId | string, before?: ProjectKey | null) {
  try {
    const id = typeof projectId === 'string' ? new Types.ObjectId(projectId) : projectId;
    const after = (await ProjectModel.collection.findOne(
      { _id: id },
      { projection: PROJECT_FIELDS },
    )) as unknown as ProjectKey | null;
    const snapshots = [before, after].filter((s): s is ProjectKey => !!s);
    if (snapshots.length === 0) return;
    await refreshRollups(snapshots, await yearsTouched(id, snapshots));
  } catch (error) {
    process.emitWarning(`analytics roll-up refresh failed for project ${String(projectId)}: ${String(error)}`);
  }
}

/** After a special-fund operation: queues a refresh of the cells of the years and projects its entries touch. */
export async function refreshLedgerRollups(
  entries: { year: number; projectId: { toString(): string } | null }[],
): Promise<void> {
  enqueue(() => refreshLedgerRollupsNow(entries));
}

async function refreshLedgerRollupsNow(entries: { year: number; projectId: { toString(): string } | null }[]) {
  try {
    const byProject = new Map<string, Set<number>>();
    for (const e of entries)
      if (e.projectId)
        byProject.set(String(e.projectId), (byProject.get(String(e.projectId)) ?? new Set()).add(e.year));
    for (const [projectId, years] of byProject) {
      const project = (await ProjectModel.collection.findOne(
        { _id: new Types.ObjectId(projectId) },
        { projection: PROJECT_FIELDS },
      )) as unknown as ProjectKey | null;
      if (project) await refreshRollups([project], [...years]);
    }
  } catch (error) {
    process.emitWarning(`analytics roll-up refresh failed after a fund operation: ${String(error)}`);
  }
}

// ---------------------------------------------------------------- from scratch

export type ExpectedRollups = {
  cells: Map<string, { kind: 'o' | 't'; year: number; node: string; sector: string; path: string[]; pair: CellPair }>;
  years: number[];
};

/** Every cell computed from the raw records (what the roll-ups must hold). */
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
  const tree = computeTreeCells(own, regions);
  const cells: ExpectedRollups['cells'] = new Map();
  for (const [kind, map] of [
    ['o', own],
    ['t', tree],
  ] as const)
    for (const [key, pair] of map) {
      const [year, node, sector] = key.split('|') as [string, string, string];
      cells.set(cellId(kind, Number(year), node, sector), {
        kind,
        year: Number(year),
        node,
        sector,
        path: pathOf(node, byCode),
        pair,
      });
    }
  const years = [...new Set([...cells.values()].map((c) => c.year))].sort((a, b) => a - b);
  return { cells, years };
}

const BATCH = 1000;

/** Replaces every roll-up with a from-scratch computation (seeding, or after a bulk import). */
export async function writeAllRollups(expected: ExpectedRollups): Promise<number> {
  await Promise.all([
    AnalyticsCellModel.collection.deleteMany({}),
    AnalyticsDetailModel.collection.deleteMany({}),
    AnalyticsMetaModel.collection.deleteMany({}),
  ]);
  const rows = [...expected.cells.entries()];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await AnalyticsCellModel.collection.insertMany(
      batch.map(([_id, c]) => ({
        _id,
        kind: c.kind,
        year: c.year,
        node: c.node,
        sector: c.sector,
        regionPath: c.path,
        cell: c.pair.cell,
      })) as unknown as Record<string, unknown>[],
      { ordered: false },
    );
    await AnalyticsDetailModel.collection.insertMany(
      batch.map(([_id, c]) => ({ _id, year: c.year, regionPath: c.path, detail: c.pair.detail })) as unknown as Record<
        string,
        unknown
      >[],
      { ordered: false },
    );
  }
  await AnalyticsMetaModel.collection.insertOne({ _id: 'years', years: expected.years } as Record<string, unknown>);
  return rows.length;
}

export async function rebuildRollups(): Promise<number> {
  return writeAllRollups(await computeAllRollups());
}

/** A stable text of a cell pair, for comparing stored and computed cells. */
function canonical(pair: CellPair): string {
  const sortKeys = (m: Record<string, number>) =>
    Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));
  const d = normalDetail(pair.detail);
  return JSON.stringify({
    cell: pair.cell,
    due: sortKeys(d.due),
    onTime: sortKeys(d.onTime),
    open: sortKeys(d.open),
    behind: d.behind.map((b) => ({ p: String(b.p), d: b.d, o: b.o })),
  });
}

export type RollupReport = { checked: number; repaired: string[] };

/**
 * Compares every stored cell with a from-scratch computation; with `repair`, rewrites those that
 * differ, adds the missing and removes the extra. Meant for quiet times, like the fund's reconcile.
 */
export async function reconcileRollups(options: { repair?: boolean } = {}): Promise<RollupReport> {
  const expected = await computeAllRollups();
  const [cells, details] = await Promise.all([
    AnalyticsCellModel.collection.find({}).toArray(),
    AnalyticsDetailModel.collection.find({}).toArray(),
  ]);
  const detailById = new Map(details.map((d) => [String(d._id), d.detail]));
  const stored = new Map(
    cells.map((c) => [
      String(c._id),
      canonical({ cell: c.cell, detail: normalDetail(detailById.get(String(c._id))) } as CellPair),
    ]),
  );
  const wrong: string[] = [];
  for (const [id, c] of expected.cells) if (stored.get(id) !== canonical(c.pair)) wrong.push(id);
  const extra = [...stored.keys()].filter((id) => !expected.cells.has(id));
  const orphanDetails = [...detailById.keys()].filter((id) => !expected.cells.has(id) && !stored.has(id));
  const meta = await AnalyticsMetaModel.collection.findOne({ _id: 'years' } as Record<string, unknown>);
  const metaWrong = expected.years.some((y) => !((meta?.years as number[] | undefined) ?? []).includes(y));
  if (options.repair) {
    for (const id of wrong) {
      const c = expected.cells.get(id)!;
      await writePair(c.kind, c.year, c.node, c.sector, c.path, c.pair);
    }
    for (const id of [...extra, ...orphanDetails]) {
      await AnalyticsCellModel.collection.deleteOne({ _id: id } as Record<string, unknown>);
      await AnalyticsDetailModel.collection.deleteOne({ _id: id } as Record<string, unknown>);
    }
    if (metaWrong) await addYears(expected.years);
  }
  return {
    checked: expected.cells.size,
    repaired: [...wrong, ...extra, ...orphanDetails, ...(metaWrong ? ['years'] : [])],
  };
}
