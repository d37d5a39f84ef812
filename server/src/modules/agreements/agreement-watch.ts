import { addDaysToDate, CLOSED_COMMITMENT_STATUSES, COMMITMENT_STATUSES, officeDate } from '@pat/shared';
import { Schema, model, type Types } from 'mongoose';
import type { CurrentUser } from '../../graphql/context';
import { AgreementModel } from './agreement.model';
import { CommitmentModel } from './commitment.model';

// The dashboard's two agreement lists without a collection scan per request (FerretDB 1.24 scans
// for every filter but a single `_id`, docs/dashboard.md). Two documents read by `_id`:
// - `open-commitments`: every open commitment of a live agreement, [id, due date, region paths],
//   by due date: "overdue" is a prefix of it, whatever today is;
// - `live-agreements`: every live agreement valid on the day it was built, [id, valid until, code,
//   region paths], by end date: "expiring within n days" is a slice of it.
// Each is rebuilt whole (one read of the open / live records) after every write that can change it,
// after the write has answered; the records themselves are then read by `_id`, and checked again.

/** Commitment statuses that still need doing. */
export const OPEN_STATUSES = COMMITMENT_STATUSES.filter((s) => !CLOSED_COMMITMENT_STATUSES.includes(s));

type Row = { i: Types.ObjectId; d: string; r: string[]; c?: string };
const watchSchema = new Schema(
  { _id: { type: String, required: true }, rows: { type: [Schema.Types.Mixed], default: [] }, builtOn: String },
  { collection: 'agreement_watch', versionKey: false },
);
const WatchModel = model('AgreementWatch', watchSchema);

const COMMITMENTS = 'open-commitments';
const AGREEMENTS = 'live-agreements';
const byId = (_id: string) => ({ _id }) as Record<string, unknown>;
const order = (a: Row, b: Row) =>
  a.d < b.d ? -1 : a.d > b.d ? 1 : (a.c ?? String(a.i)) < (b.c ?? String(b.i)) ? -1 : 1;

async function build(id: string): Promise<Row[]> {
  const rows =
    id === COMMITMENTS
      ? (
          await CommitmentModel.collection
            .find(
              { archived: false, agreementArchived: false, status: { $in: OPEN_STATUSES } },
              { projection: { dueDate: 1, regionPaths: 1 } },
            )
            .toArray()
        ).map((c) => ({ i: c._id, d: String(c.dueDate), r: (c.regionPaths as string[]) ?? [] }))
      : (
          await AgreementModel.collection
            .find(
              { archived: false, validUntil: { $gte: officeDate() } },
              { projection: { validUntil: 1, code: 1, regionPaths: 1 } },
            )
            .toArray()
        ).map((a) => ({ i: a._id, d: String(a.validUntil), c: String(a.code), r: (a.regionPaths as string[]) ?? [] }));
  rows.sort(order);
  await WatchModel.collection.replaceOne(byId(id), { rows, builtOn: officeDate() }, { upsert: true });
  return rows;
}

/** Rebuilds both lists (after an agreement or commitment write, a seed, or by reconcile). */
export async function refreshAgreementWatch(): Promise<void> {
  await build(COMMITMENTS);
  await build(AGREEMENTS);
}

/** The list, built on first use (a database filled by a bulk load), and again once a day for agreements. */
async function rows(id: string): Promise<Row[]> {
  const doc = await WatchModel.collection.findOne(byId(id));
  if (!doc || (id === AGREEMENTS && doc.builtOn !== officeDate())) return build(id);
  return doc.rows as Row[];
}

const visible = (user: CurrentUser, regionCode: string | null | undefined, paths: string[]) =>
  (user.regionScope.length === 0 || paths.some((p) => user.regionScope.includes(p))) &&
  (!regionCode || paths.includes(regionCode));

/** Reads records by `_id`, in parallel, keeping the order and dropping those no longer there. */
async function fetch(collection: typeof CommitmentModel.collection, ids: Types.ObjectId[]) {
  const found = await Promise.all(ids.map((_id) => collection.findOne({ _id })));
  return found.filter((r) => r !== null);
}

/** Open commitments past their due date, earliest first (the commitment list with overdueOnly). */
export async function overdueCommitmentRows(user: CurrentUser, regionCode: string | null | undefined, first: number) {
  const today = officeDate();
  const wanted: Types.ObjectId[] = [];
  for (const row of await rows(COMMITMENTS)) {
    if (row.d >= today || wanted.length >= first) break;
    if (visible(user, regionCode, row.r)) wanted.push(row.i);
  }
  // Checked again against the records (the list is rebuilt just after a write has answered).
  return (await fetch(CommitmentModel.collection, wanted))
    .filter(
      (c) =>
        !c.archived &&
        !c.agreementArchived &&
        (OPEN_STATUSES as readonly string[]).includes(String(c.status)) &&
        String(c.dueDate) < today &&
        visible(user, regionCode, (c.regionPaths as string[]) ?? []),
    )
    .slice(0, first);
}

/** Live agreements ending within `days` from today, soonest first (the agreement list's filter). */
export async function expiringAgreementRows(user: CurrentUser, regionCode: string | null | undefined, days: number) {
  const today = officeDate();
  const until = addDaysToDate(today, days);
  const wanted = (await rows(AGREEMENTS))
    .filter((row) => row.d >= today && row.d <= until && visible(user, regionCode, row.r))
    .map((row) => row.i);
  return (await fetch(AgreementModel.collection, wanted)).filter(
    (a) =>
      !a.archived &&
      String(a.validUntil) >= today &&
      String(a.validUntil) <= until &&
      visible(user, regionCode, (a.regionPaths as string[]) ?? []),
  );
}
