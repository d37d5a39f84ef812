import { addDaysToDate, CLOSED_COMMITMENT_STATUSES, COMMITMENT_STATUSES, officeDate } from '@pat/shared';
import { Schema, model } from 'mongoose';
import { keyId } from '../../db/key-id';
import { AgreementModel } from './agreement.model';
import { CommitmentModel } from './commitment.model';

// The dashboard's two agreement lists, kept per region node so a request reads one small document
// per node and no record (FerretDB 1.24 scans a collection for every read, docs/ferretdb.md). In the
// `agreement_watch` collection, `_id = keyId(key)`, node = a region code or `*` (everything):
// - `c|node`: the first 100 open commitments under the node, by due date then id, with what the
//   dashboard shows (their agreement's code and title included): "overdue" is a prefix of it,
//   whatever today is;
// - `a|node`: the first 50 live agreements under the node on the day it was built, by end date then
//   code: "expiring within n days" is a slice of it from today (see expiringAgreementRows for when a
//   list built on an earlier day still holds enough).
// Rows are one JSON string (`v`): FerretDB stores a type schema beside every value, 2-4x the data,
// and parses it on every scan; a string is about 15x cheaper to scan. All nodes are rebuilt after
// every write that can change them (after the write has answered); a node without rows has no document.

/** Commitment statuses that still need doing. */
export const OPEN_STATUSES = COMMITMENT_STATUSES.filter((s) => !CLOSED_COMMITMENT_STATUSES.includes(s));

type Localized = { zh: string; en: string };
export type AgreementBrief = { id: string; code: string; title: Localized };
export type OverdueCommitment = {
  id: string;
  description: Localized;
  responsibleUnit: string;
  dueDate: string;
  agreement: AgreementBrief;
};
export type ExpiringAgreement = AgreementBrief & { counterpart: string; validUntil: string };

const watchSchema = new Schema(
  { _id: Schema.Types.ObjectId, key: { type: String, required: true }, v: { type: String, required: true } },
  { collection: 'agreement_watch', versionKey: false },
);
const WatchModel = model('AgreementWatch', watchSchema);

const ALL = '*';
/** Commitments kept per node: the dashboard asks for at most this many. */
export const WATCH_LIMIT = 100;
/** Agreements kept per node, soonest-ending first: the dashboard shows at most this many. */
export const EXPIRING_KEPT = 50;
type Kind = 'c' | 'a';
const idOf = (kind: Kind, node: string) => keyId(`${kind}|${node}`);

const byDue = (a: OverdueCommitment, b: OverdueCommitment) =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
const byEnd = (a: ExpiringAgreement, b: ExpiringAgreement) =>
  a.validUntil < b.validUntil ? -1 : a.validUntil > b.validUntil ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

const localized = (v: unknown): Localized => {
  const t = (v ?? {}) as Partial<Localized>;
  return { zh: String(t.zh ?? ''), en: String(t.en ?? '') };
};

/** Adds `row` to the list of `*` and of every node on its region paths. */
function group<T>(lists: Map<string, T[]>, row: T, paths: unknown) {
  for (const node of new Set([ALL, ...((paths as string[] | undefined) ?? [])])) {
    const list = lists.get(node);
    if (list) list.push(row);
    else lists.set(node, [row]);
  }
}

async function build(): Promise<void> {
  const today = officeDate();
  const [commitments, agreements, existing] = await Promise.all([
    CommitmentModel.collection
      .find(
        { archived: false, agreementArchived: false, status: { $in: OPEN_STATUSES } },
        { projection: { description: 1, responsibleUnit: 1, dueDate: 1, agreementId: 1, regionPaths: 1 } },
      )
      .toArray(),
    AgreementModel.collection
      .find({ archived: false }, { projection: { code: 1, title: 1, counterpart: 1, validUntil: 1, regionPaths: 1 } })
      .toArray(),
    WatchModel.collection.find({}).toArray(),
  ]);
  const briefs = new Map<string, AgreementBrief>();
  const live = new Map<string, ExpiringAgreement[]>();
  for (const a of agreements) {
    const brief = { id: String(a._id), code: String(a.code), title: localized(a.title) };
    briefs.set(brief.id, brief);
    const validUntil = String(a.validUntil);
    if (validUntil >= today) group(live, { ...brief, counterpart: String(a.counterpart), validUntil }, a.regionPaths);
  }
  const open = new Map<string, OverdueCommitment[]>();
  for (const c of commitments) {
    const agreement = briefs.get(String(c.agreementId));
    if (!agreement) continue; // archived a moment ago: the flag on its commitments follows
    const row = {
      id: String(c._id),
      description: localized(c.description),
      responsibleUnit: String(c.responsibleUnit),
      dueDate: String(c.dueDate),
      agreement,
    };
    group(open, row, c.regionPaths);
  }
  // `*` is always written, even empty: its presence says the lists have been built.
  const docs = new Map<string, string>([
    [`c|${ALL}`, '[]'],
    [`a|${ALL}`, '[]'],
  ]);
  for (const [node, rows] of open) docs.set(`c|${node}`, JSON.stringify(rows.sort(byDue).slice(0, WATCH_LIMIT)));
  for (const [node, rows] of live) docs.set(`a|${node}`, JSON.stringify(rows.sort(byEnd).slice(0, EXPIRING_KEPT)));
  const stored = new Map(existing.map((d) => [String(d._id), d]));
  await Promise.all(
    [...docs].map(([key, v]) => {
      const _id = keyId(key);
      if (stored.get(String(_id))?.v === v) return null; // unchanged: most writes touch a few nodes
      return WatchModel.collection.replaceOne({ _id }, { key, v }, { upsert: true });
    }),
  );
  const wanted = new Set([...docs.keys()].map((key) => String(keyId(key))));
  const stale = existing.filter((d) => !wanted.has(String(d._id))).map((d) => d._id);
  if (stale.length > 0) await WatchModel.collection.deleteMany({ _id: { $in: stale } });
}

// One rebuild at a time, each reading the records after the previous one has written.
let latest: Promise<void> = Promise.resolve();

/** Rebuilds every node's lists (after an agreement or commitment write, a seed, or by reconcile). */
export function refreshAgreementWatch(): Promise<void> {
  latest = latest.catch(() => undefined).then(build);
  return latest;
}

/** The lists of these nodes, built on first use (a database filled by a bulk load). */
async function lists<T>(kind: Kind, nodes: string[]): Promise<T[][]> {
  const read = () => Promise.all(nodes.map((node) => WatchModel.collection.findOne({ _id: idOf(kind, node) })));
  let docs = await read();
  // A node without rows has no document; only a missing `*` means nothing was built yet.
  if (docs.some((d) => !d) && !(await WatchModel.collection.findOne({ _id: idOf(kind, ALL) }))) {
    await refreshAgreementWatch();
    docs = await read();
  }
  return docs.map((d) => (d ? (JSON.parse(String(d.v)) as T[]) : []));
}

/** Keeps the first row of each id. */
function unique<T extends { id: string }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && Boolean(seen.add(r.id)));
}

/**
 * Open commitments past their due date under any of `nodes`, earliest first (the commitment list
 * with overdueOnly). Merging the nodes' lists is exact for `first` ≤ 100 although each keeps only its
 * first 100: an entry among the first N of the union lies under some node, and every entry before it
 * in that node's list is also in the union and before it, so it ranks ≤ N ≤ 100 there and was kept.
 */
export async function overdueCommitmentRows(nodes: string[], first: number): Promise<OverdueCommitment[]> {
  if (first > WATCH_LIMIT) throw new Error(`at most ${WATCH_LIMIT} overdue commitments are kept`);
  const today = officeDate();
  const rows = (await lists<OverdueCommitment>('c', nodes)).flat().filter((c) => c.dueDate < today);
  return unique(rows.sort(byDue)).slice(0, first);
}

/**
 * The first `first` live agreements under any of `nodes` ending within `days` from today, soonest
 * first (the agreement list's filter). Each node keeps its first 50 agreements ending on or after the
 * day it was built; those that have ended since drop off the front. A node's kept rows are enough
 * when it kept them all, when at least `first` of them fall in the window (the merge is then exact as
 * for commitments), or when the last one ends after the window; otherwise the lists are rebuilt first.
 */
export async function expiringAgreementRows(
  nodes: string[],
  days: number,
  first: number,
): Promise<ExpiringAgreement[]> {
  if (first > EXPIRING_KEPT) throw new Error(`at most ${EXPIRING_KEPT} expiring agreements are kept`);
  const today = officeDate();
  const until = addDaysToDate(today, days);
  const inWindow = (a: ExpiringAgreement) => a.validUntil >= today && a.validUntil <= until;
  const enough = (rows: ExpiringAgreement[]) =>
    rows.length < EXPIRING_KEPT || rows.filter(inWindow).length >= first || rows.at(-1)!.validUntil > until;
  let kept = await lists<ExpiringAgreement>('a', nodes);
  if (!kept.every(enough)) {
    await refreshAgreementWatch();
    kept = await lists<ExpiringAgreement>('a', nodes);
  }
  return unique(kept.flat().filter(inWindow).sort(byEnd)).slice(0, first);
}
