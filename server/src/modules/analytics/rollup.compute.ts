import { PROJECT_STATUSES, SECTORS } from '@pat/shared';

// The dashboard's roll-ups, as plain data. A cell holds the figures of one budget year for one region
// node and one sector ('*' = every sector). "Own" cells count the projects sitting exactly at a
// region; "tree" cells add the region's subtree ('*' node = the whole tree). Every figure the
// dashboard shows for a year is a sum of tree cells, read by _id, so the work per query is bounded
// by the region tree and the years asked for, never by the number of records.

export const ALL = '*';
/** How many of the earliest-due running projects a cell keeps, for "most behind schedule". */
export const BEHIND_KEPT = 20;
/** Progress buckets [from, to): the last one is "complete". */
export const PROGRESS_BUCKETS: [number, number][] = [
  [0, 20],
  [20, 40],
  [40, 60],
  [60, 80],
  [80, 100],
  [100, 101],
];
export const DISBURSEMENT_KINDS = ['DISBURSEMENT', 'DISBURSEMENT_REVERSAL'];

/**
 * A running project with an open milestone: when it fell due, every open milestone's date, and what
 * the dashboard's list shows of it (code, name, region, progress), so the list reads no projects.
 */
export type BehindEntry = {
  p: string;
  d: string;
  o: string[];
  c: string;
  n: { zh: string; en: string };
  r: string;
  g: number;
};

export type Cell = {
  /** Projects running in the year, by status (PROJECT_STATUSES order). */
  status: number[];
  budget: number;
  allocated: number;
  disbursed: number;
  progress: number[];
  /** Net disbursements (payments minus reversals) of the budget year, by month. */
  disbMonth: number[];
  /** Milestones planned in the year, by month: due, done, done on time, not done. */
  msDue: number[];
  msDone: number[];
  msOnTime: number[];
  msOpen: number[];
};

/** Day-level detail of a cell, read only for "up to today" figures and the behind-schedule list. */
export type Detail = {
  /** "MMDD" → count, for the milestones planned on that day. */
  due: Record<string, number>;
  onTime: Record<string, number>;
  open: Record<string, number>;
  behind: BehindEntry[];
};

export type CellPair = { cell: Cell; detail: Detail };

export const emptyCell = (): Cell => ({
  status: PROJECT_STATUSES.map(() => 0),
  budget: 0,
  allocated: 0,
  disbursed: 0,
  progress: PROGRESS_BUCKETS.map(() => 0),
  disbMonth: Array<number>(12).fill(0),
  msDue: Array<number>(12).fill(0),
  msDone: Array<number>(12).fill(0),
  msOnTime: Array<number>(12).fill(0),
  msOpen: Array<number>(12).fill(0),
});
export const emptyDetail = (): Detail => ({ due: {}, onTime: {}, open: {}, behind: [] });
export const emptyPair = (): CellPair => ({ cell: emptyCell(), detail: emptyDetail() });

export const isEmptyCell = (cell: Cell): boolean =>
  cell.budget === 0 &&
  cell.allocated === 0 &&
  cell.disbursed === 0 &&
  [cell.status, cell.disbMonth, cell.msDue].every((a) => a.every((n) => n === 0));
export const isEmptyDetail = (d: Detail): boolean =>
  d.behind.length === 0 && [d.due, d.onTime, d.open].every((m) => Object.keys(m).length === 0);
export const isEmptyPair = ({ cell, detail }: CellPair): boolean => isEmptyCell(cell) && detail.behind.length === 0;

const addArrays = (into: number[], from: number[]) => from.forEach((n, i) => (into[i] = (into[i] ?? 0) + n));
const addMaps = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
};

const byDue = (a: BehindEntry, b: BehindEntry) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.p < b.p ? -1 : a.p > b.p ? 1 : 0);

/** Adds `b` into `a` (cells of disjoint record sets). */
export function addCell(a: Cell, b: Cell): Cell {
  addArrays(a.status, b.status);
  a.budget += b.budget;
  a.allocated += b.allocated;
  a.disbursed += b.disbursed;
  addArrays(a.progress, b.progress);
  addArrays(a.disbMonth, b.disbMonth);
  addArrays(a.msDue, b.msDue);
  addArrays(a.msDone, b.msDone);
  addArrays(a.msOnTime, b.msOnTime);
  addArrays(a.msOpen, b.msOpen);
  return a;
}

export function addDetail(a: Detail, b: Detail): Detail {
  addMaps(a.due, b.due);
  addMaps(a.onTime, b.onTime);
  addMaps(a.open, b.open);
  a.behind = [...a.behind, ...b.behind].sort(byDue).slice(0, BEHIND_KEPT);
  return a;
}

export const sumCells = (cells: (Cell | null | undefined)[]): Cell =>
  cells.reduce<Cell>((acc, c) => (c ? addCell(acc, c) : acc), emptyCell());
export const sumDetails = (details: (Detail | null | undefined)[]): Detail =>
  details.reduce<Detail>((acc, d) => (d ? addDetail(acc, d) : acc), emptyDetail());
export const sumPairs = (pairs: (CellPair | null | undefined)[]): CellPair => ({
  cell: sumCells(pairs.map((p) => p?.cell)),
  detail: sumDetails(pairs.map((p) => p?.detail)),
});

// ---------------------------------------------------------------- from raw records

export type RawProject = {
  _id: { toString(): string };
  code: string;
  name: { zh: string; en: string };
  regionCode: string;
  sector: string;
  status: string;
  plannedStart: string;
  plannedEnd: string;
  budget?: { specialFund?: number } | null;
  progress?: number | null;
  nextDueDate?: string | null;
};
export type RawMilestone = {
  projectId: { toString(): string };
  plannedDate: string;
  actualDate?: string | null;
  status: string;
};
/** A fund roll-up (one per budget year and project), as the fund module keeps it. */
export type RawFund = { year: number; projectId: { toString(): string }; allocated: number; disbursed: number };
export type RawLedger = {
  year: number;
  projectId: { toString(): string } | null;
  kind: string;
  amount: number;
  date: string;
};

export const yearsOf = (p: Pick<RawProject, 'plannedStart' | 'plannedEnd'>): number[] => {
  const from = Number(p.plannedStart.slice(0, 4));
  const to = Number(p.plannedEnd.slice(0, 4));
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
};

export const progressBucket = (progress: number) =>
  PROGRESS_BUCKETS.findIndex(([from, to]) => progress >= from && progress < to);

/** The month (0-11) of the budget year a ledger entry counts in: a later-booked reversal counts in December. */
export function ledgerMonth(year: number, date: string): number {
  const y = Number(date.slice(0, 4));
  if (y > year) return 11;
  if (y < year) return 0;
  return Number(date.slice(5, 7)) - 1;
}

export const ownKey = (year: number, regionCode: string, sector: string) => `${year}|${regionCode}|${sector}`;

/**
 * The own cells of live (non-archived) projects and their live milestones, fund roll-ups and
 * disbursement ledger entries, keyed `year|regionCode|sector`. `onlyYears` limits the years built.
 */
export function computeOwnCells(
  projects: RawProject[],
  milestones: RawMilestone[],
  funds: RawFund[],
  ledger: RawLedger[],
  onlyYears?: Set<number>,
): Map<string, CellPair> {
  const out = new Map<string, CellPair>();
  const want = (y: number) => !onlyYears || onlyYears.has(y);
  const at = (year: number, p: RawProject) => {
    const key = ownKey(year, p.regionCode, p.sector);
    let pair = out.get(key);
    if (!pair) out.set(key, (pair = emptyPair()));
    return pair;
  };
  const byId = new Map(projects.map((p) => [String(p._id), p]));
  const running = (p: RawProject, year: number) => yearsOf(p).includes(year);
  const openDates = new Map<string, string[]>();

  for (const m of milestones) {
    const p = byId.get(String(m.projectId));
    if (!p) continue;
    if (m.status !== 'DONE') {
      const list = openDates.get(String(p._id)) ?? [];
      list.push(m.plannedDate);
      openDates.set(String(p._id), list);
    }
    const year = Number(m.plannedDate.slice(0, 4));
    if (!want(year)) continue;
    const { cell, detail } = at(year, p);
    const month = Number(m.plannedDate.slice(5, 7)) - 1;
    const day = m.plannedDate.slice(5, 7) + m.plannedDate.slice(8, 10);
    cell.msDue[month]! += 1;
    detail.due[day] = (detail.due[day] ?? 0) + 1;
    if (m.status === 'DONE') {
      cell.msDone[month]! += 1;
      if (m.actualDate && m.actualDate <= m.plannedDate) {
        cell.msOnTime[month]! += 1;
        detail.onTime[day] = (detail.onTime[day] ?? 0) + 1;
      }
    } else {
      cell.msOpen[month]! += 1;
      detail.open[day] = (detail.open[day] ?? 0) + 1;
    }
  }

  for (const p of projects)
    for (const year of yearsOf(p)) {
      if (!want(year)) continue;
      const { cell, detail } = at(year, p);
      cell.status[PROJECT_STATUSES.indexOf(p.status as (typeof PROJECT_STATUSES)[number])]! += 1;
      cell.budget += p.budget?.specialFund ?? 0;
      cell.progress[progressBucket(p.progress ?? 0)]! += 1;
      if (p.nextDueDate)
        detail.behind.push({
          p: String(p._id),
          d: p.nextDueDate,
          o: (openDates.get(String(p._id)) ?? []).sort(),
          c: p.code,
          n: { zh: p.name.zh, en: p.name.en },
          r: p.regionCode,
          g: p.progress ?? 0,
        });
    }
  for (const pair of out.values()) pair.detail.behind = pair.detail.behind.sort(byDue).slice(0, BEHIND_KEPT);

  // Money counts for the projects running in the year, as the project list's totals do.
  for (const f of funds) {
    const p = byId.get(String(f.projectId));
    if (!p || !want(f.year) || !running(p, f.year)) continue;
    const { cell } = at(f.year, p);
    cell.allocated += f.allocated;
    cell.disbursed += f.disbursed;
  }
  for (const e of ledger) {
    const p = e.projectId ? byId.get(String(e.projectId)) : undefined;
    if (!p || !want(e.year) || !running(p, e.year) || !DISBURSEMENT_KINDS.includes(e.kind)) continue;
    const { cell } = at(e.year, p);
    cell.disbMonth[ledgerMonth(e.year, e.date)]! += e.kind === 'DISBURSEMENT' ? e.amount : -e.amount;
  }
  for (const [key, pair] of out) if (isEmptyPair(pair)) out.delete(key);
  return out;
}

export type RegionNode = { code: string; parentCode: string | null; ancestors: string[] };

/** Children of every node; the '*' node's children are the top-level regions. */
export function childrenOf(regions: RegionNode[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of regions) {
    const parent = r.parentCode ?? ALL;
    out.set(parent, [...(out.get(parent) ?? []), r.code]);
  }
  return out;
}

/** Tree cells of every node for every year present in `own`, keyed `year|node|sector` (sector '*' included). */
export function computeTreeCells(own: Map<string, CellPair>, regions: RegionNode[]): Map<string, CellPair> {
  const kids = childrenOf(regions);
  const years = new Set([...own.keys()].map((k) => Number(k.split('|')[0])));
  const out = new Map<string, CellPair>();
  const tree = (year: number, node: string, sector: string): CellPair => {
    const key = ownKey(year, node, sector);
    const done = out.get(key);
    if (done) return done;
    const parts =
      sector === ALL
        ? SECTORS.map((s) => tree(year, node, s))
        : [own.get(key), ...(kids.get(node) ?? []).map((c) => tree(year, c, sector))];
    const pair = sumPairs(parts);
    out.set(key, pair);
    return pair;
  };
  for (const year of years)
    for (const node of [ALL, ...regions.map((r) => r.code)])
      for (const sector of [...SECTORS, ALL]) tree(year, node, sector);
  for (const [key, pair] of out) if (isEmptyPair(pair)) out.delete(key);
  return out;
}

// ---------------------------------------------------------------- stored documents

/** One cell per sector code, '*' for every sector. */
export type SectorCells = Record<string, Cell>;
/** A child region's bar: [projects, budget, allocated, disbursed]. */
export type Bar = [number, number, number, number];
/** Milestones of a year: [due, done, done on time, open]. */
export type MsYear = [number, number, number, number];
export type Kids = Record<string, Record<string, Bar>>;

export type CellDoc = {
  _id: string;
  kind: 'o' | 't' | 'y';
  year?: number;
  node: string;
  regionPath: string[];
  s?: SectorCells;
  k?: Kids;
  y?: Record<string, Record<string, MsYear>>;
};
export type DetailDoc = { _id: string; year: number; regionPath: string[]; detail: Detail };

const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const barOf = (c: Cell): Bar => [total(c.status), c.budget, c.allocated, c.disbursed];
const msYearOf = (c: Cell): MsYear => [total(c.msDue), total(c.msDone), total(c.msOnTime), total(c.msOpen)];
const mapValues = <A, B>(o: Record<string, A>, f: (a: A) => B): Record<string, B> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/** A tree node's cells (its own plus its children's, per sector, and '*') and its children's bars. */
export function treeOf(own: SectorCells | undefined, children: [string, SectorCells | undefined][]) {
  const s: SectorCells = {};
  for (const sector of SECTORS) {
    const cell = sumCells([own?.[sector], ...children.map(([, c]) => c?.[sector])]);
    if (!isEmptyCell(cell)) s[sector] = cell;
  }
  const all = sumCells(Object.values(s));
  if (!isEmptyCell(all)) s[ALL] = all;
  return { s, k: kidsOf(children) };
}

/** Each child region's bar per sector, for the by-region chart. */
function kidsOf(children: [string, SectorCells | undefined][]): Kids {
  const k: Kids = {};
  for (const [code, c] of children) if (c && Object.keys(c).length) k[code] = mapValues(c, barOf);
  return k;
}

export const msYearsOf = (s: SectorCells) => mapValues(s, msYearOf);

/**
 * Every roll-up document, from the own and tree cells (keys `year|node|sector`): what the stored
 * roll-ups must hold. `pathOf` gives a node's region path.
 */
export function rollupDocs(
  own: Map<string, CellPair>,
  tree: Map<string, CellPair>,
  regions: RegionNode[],
  pathOf: (node: string) => string[],
): { cells: Map<string, CellDoc>; details: Map<string, DetailDoc> } {
  const cells = new Map<string, CellDoc>();
  const details = new Map<string, DetailDoc>();
  const doc = (kind: 'o' | 't', year: number, node: string) => {
    const _id = `${kind}|${year}|${node}`;
    let d = cells.get(_id);
    if (!d) cells.set(_id, (d = { _id, kind, year, node, regionPath: pathOf(node), s: {} }));
    return d;
  };
  for (const [kind, map] of [
    ['o', own],
    ['t', tree],
  ] as const)
    for (const [key, pair] of map) {
      const [y, node, sector] = key.split('|') as [string, string, string];
      const year = Number(y);
      doc(kind, year, node).s![sector] = pair.cell;
      if (!isEmptyDetail(pair.detail))
        details.set(`${kind}|${key}`, { _id: `${kind}|${key}`, year, regionPath: pathOf(node), detail: pair.detail });
    }
  const kids = childrenOf(regions);
  for (const d of [...cells.values()]) {
    if (d.kind !== 't') continue;
    const children = (kids.get(d.node) ?? []).map((c): [string, SectorCells | undefined] => [
      c,
      cells.get(`t|${d.year}|${c}`)?.s,
    ]);
    d.k = kidsOf(children);
    const yDoc = cells.get(`y|${d.node}`) ?? {
      _id: `y|${d.node}`,
      kind: 'y',
      node: d.node,
      regionPath: d.regionPath,
      y: {},
    };
    yDoc.y![String(d.year)] = msYearsOf(d.s!);
    cells.set(yDoc._id, yDoc);
  }
  return { cells, details };
}
