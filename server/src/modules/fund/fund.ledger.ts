import type { LedgerKind } from '@pat/shared';
import { Types, type mongo } from 'mongoose';
import { refreshLedgerRollups } from '../analytics/rollup.maintain';
import {
  AllocationModel,
  ClaimModel,
  DisbursementModel,
  FundOperationModel,
  FundRollupModel,
  FundYearModel,
  LedgerEntryModel,
  PostingModel,
} from './fund.model';

/** A ledger entry as stored (the operation engine and reconcile share this shape). */
export type LedgerEntry = {
  _id: Types.ObjectId;
  operationId: string;
  kind: LedgerKind;
  year: number;
  bookedYear: number;
  date: string;
  month: string;
  amount: number;
  allocationId: Types.ObjectId | null;
  disbursementId: Types.ObjectId | null;
  projectId: Types.ObjectId | null;
  regionPath?: string[];
  sector: string | null;
  reversesEntryId: Types.ObjectId | null;
  counterpartYear: number | null;
  source: string | null;
  documentRef: string | null;
  reason: string | null;
  createdBy: Types.ObjectId;
  createdAt: Date;
};

export type BalanceModel = 'year' | 'allocation' | 'disbursement' | 'rollup';
/** A change to one balance; `id` is the year (as a string), an ObjectId hex, or "year:projectId". */
export type Effect = { model: BalanceModel; id: string; inc: Record<string, number> };
export type Change = {
  model: 'allocation' | 'disbursement' | 'claim';
  id: string;
  set?: Record<string, unknown>;
  remove?: true;
};
/** A balance: numbers, and for a year `closed` (1 when closed) and `closedAt` (ms). */
export type State = Record<string, number>;

export const FIELDS: Record<BalanceModel, string[]> = {
  year: ['appropriated', 'approved', 'unallocated', 'disbursed', 'closed', 'closedAt'],
  allocation: ['approved', 'disbursed', 'reversed', 'carriedOut', 'remaining'],
  disbursement: ['reversed', 'remaining'],
  rollup: ['allocated', 'disbursed'],
};

export const collectionOf = (model: BalanceModel | 'claim'): mongo.Collection =>
  ({
    year: FundYearModel.collection,
    allocation: AllocationModel.collection,
    disbursement: DisbursementModel.collection,
    rollup: FundRollupModel.collection,
    claim: ClaimModel.collection,
  })[model];

/** The filter selecting one balance document. */
export function idFilter(model: BalanceModel | 'claim', id: string): Record<string, unknown> {
  if (model === 'year') return { year: Number(id) };
  if (model === 'rollup' || model === 'claim') return { _id: id };
  return { _id: new Types.ObjectId(id) };
}

export const accountOf = (model: BalanceModel, id: string) => `${model}:${id}`;

export const rollupId = (year: number, projectId: Types.ObjectId | string) => `${year}:${String(projectId)}`;

/**
 * What one ledger entry does to the balances: the single definition used when writing and when
 * reconciling, so "balances equal what the ledger adds up to" is checked against the same rules.
 */
export function effectsOf(e: LedgerEntry): Effect[] {
  const a = e.amount;
  const year = String(e.year);
  const alloc = e.allocationId ? String(e.allocationId) : '';
  const rollup = e.projectId ? rollupId(e.year, e.projectId) : '';
  switch (e.kind) {
    case 'APPROPRIATION':
      return [{ model: 'year', id: year, inc: { appropriated: a, unallocated: a } }];
    case 'ALLOCATION':
      return [
        { model: 'year', id: year, inc: { approved: a, unallocated: -a } },
        { model: 'allocation', id: alloc, inc: { approved: a, remaining: a } },
        { model: 'rollup', id: rollup, inc: { allocated: a } },
      ];
    case 'ALLOCATION_REVERSAL':
      return [
        { model: 'allocation', id: alloc, inc: { reversed: a, remaining: -a } },
        { model: 'year', id: year, inc: { approved: -a, unallocated: a } },
        { model: 'rollup', id: rollup, inc: { allocated: -a } },
      ];
    case 'DISBURSEMENT':
      return [
        { model: 'allocation', id: alloc, inc: { disbursed: a, remaining: -a } },
        { model: 'disbursement', id: String(e.disbursementId), inc: { remaining: a } },
        { model: 'year', id: year, inc: { disbursed: a } },
        { model: 'rollup', id: rollup, inc: { disbursed: a } },
      ];
    case 'DISBURSEMENT_REVERSAL':
      return [
        { model: 'disbursement', id: String(e.disbursementId), inc: { reversed: a, remaining: -a } },
        { model: 'allocation', id: alloc, inc: { disbursed: -a, remaining: a } },
        { model: 'year', id: year, inc: { disbursed: -a } },
        { model: 'rollup', id: rollup, inc: { disbursed: -a } },
      ];
    case 'CARRY_OUT':
      // The unspent money leaves this year: it is no longer appropriated nor approved here.
      return [
        { model: 'allocation', id: alloc, inc: { carriedOut: a, remaining: -a } },
        { model: 'year', id: year, inc: { appropriated: -a, approved: -a } },
        { model: 'rollup', id: rollup, inc: { allocated: -a } },
      ];
    case 'CARRY_IN':
      // ... and arrives in the next year already approved, on the new allocation.
      return [
        { model: 'year', id: year, inc: { appropriated: a, approved: a } },
        { model: 'allocation', id: alloc, inc: { approved: a, remaining: a } },
        { model: 'rollup', id: rollup, inc: { allocated: a } },
      ];
  }
}

/**
 * `$match` + `$group` with one `$sum`, per field: FerretDB 1.24 answers 0 for every `$sum`
 * accumulator after the first in one `$group`, so each total gets a stage of its own.
 */
export async function sumBy(
  collection: mongo.Collection,
  match: Record<string, unknown>,
  key: string,
  fields: string[],
): Promise<Map<string, { id: unknown; sums: Record<string, number> }>> {
  const out = new Map<string, { id: unknown; sums: Record<string, number> }>();
  const results = await Promise.all(
    fields.map((field) =>
      collection.aggregate([{ $match: match }, { $group: { _id: key, total: { $sum: `$${field}` } } }]).toArray(),
    ),
  );
  results.forEach((rows, i) => {
    for (const row of rows) {
      const k = JSON.stringify(row._id);
      const item = out.get(k) ?? { id: row._id, sums: {} as Record<string, number> };
      item.sums[fields[i]!] = Number(row.total);
      out.set(k, item);
    }
  });
  return out;
}

export const newOperationId = () => new Types.ObjectId().toHexString();

export const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type PostingRow = { _id: string; account: string; seq: number; state: State; operationId: string };

const parseAccount = (account: string): [BalanceModel, string] => {
  const i = account.indexOf(':');
  return [account.slice(0, i) as BalanceModel, account.slice(i + 1)];
};

/** The last sequence number seen per account in this process: where the search for the head starts. */
const heads = new Map<string, number>();

const postingById = async (account: string, seq: number) =>
  (await PostingModel.collection.findOne({ _id: `${account}#${seq}` } as Record<string, unknown>)) as PostingRow | null;

/**
 * The account's latest posting (seq 0 and an empty state when it has none). Chains have no gaps,
 * so the head is found by stepping forward by _id from the last known seq (or the cached one):
 * primary-key lookups, which FerretDB answers without scanning the collection.
 */
export async function latestPosting(account: string): Promise<{ seq: number; state: State }> {
  let seq = heads.get(account);
  if (seq === undefined) {
    const [model, id] = parseAccount(account);
    const doc = await collectionOf(model).findOne(idFilter(model, id), { projection: { balanceSeq: 1 } });
    seq = Math.max(0, Number(doc?.balanceSeq ?? 0));
  }
  let row = seq > 0 ? await postingById(account, seq) : null;
  if (seq > 0 && !row) seq = 0;
  for (;;) {
    const next = await postingById(account, seq + 1);
    if (!next) break;
    row = next;
    seq += 1;
  }
  heads.set(account, seq);
  return { seq, state: row?.state ?? {} };
}

/** Refuses with a reason, or accepts, the next state of an account. */
export type Check = (state: State) => string | null;

/**
 * Changes an account's balance: reads the latest posting, checks, inserts posting seq+1. The
 * unique _id makes concurrent writers of the same seq fail with E11000: they re-read and retry.
 * Returns the refusal reason when `check` refuses.
 */
export async function post(
  account: string,
  operationId: string,
  inc: Record<string, number>,
  check: Check = () => null,
  set: State = {},
): Promise<{ refused: string | null; seq: number; state: State }> {
  for (let attempt = 0; ; attempt++) {
    const { seq, state } = await latestPosting(account);
    const refused = check(state);
    if (refused) return { refused, seq, state };
    const next: State = { ...state, ...set };
    for (const [field, value] of Object.entries(inc)) next[field] = (next[field] ?? 0) + value;
    try {
      await PostingModel.collection.insertOne({
        _id: `${account}#${seq + 1}`,
        account,
        seq: seq + 1,
        state: next,
        operationId,
        createdAt: new Date(),
      } as Record<string, unknown>);
      return { refused: null, seq: seq + 1, state: next };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (attempt > 2000) throw new Error(`posting to ${account} kept colliding`, { cause: error });
      await sleep(Math.random() * Math.min(50, 2 + attempt));
    }
  }
}

/** Brings a balance document's cached fields up to the account's latest posting (retries until it sticks). */
export async function syncCache(account: string, create?: Record<string, unknown>): Promise<void> {
  const [model, id] = parseAccount(account);
  const collection = collectionOf(model);
  for (let i = 0; i < 50; i++) {
    const { seq, state } = await latestPosting(account);
    const doc = await collection.findOne(idFilter(model, id));
    if (!doc && create) {
      try {
        await collection.insertOne({ ...create, balanceSeq: 0 });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      continue;
    }
    if (!doc || Number(doc.balanceSeq ?? 0) >= seq) return;
    const fields: Record<string, unknown> = { balanceSeq: seq };
    for (const field of FIELDS[model]) fields[field] = state[field] ?? 0;
    if (model === 'year') {
      fields.closed = state.closed === 1;
      fields.closedAt = state.closedAt ?? null;
    }
    await collection.updateOne(idFilter(model, id), { $set: fields });
  }
}

const rollupDoc = (entry: LedgerEntry, id: string) => ({
  _id: id,
  year: entry.year,
  projectId: entry.projectId,
  regionPath: entry.regionPath ?? [],
  sector: entry.sector ?? 'OTHER',
  allocated: 0,
  disbursed: 0,
});

export async function applyChange(change: Change): Promise<void> {
  const collection = collectionOf(change.model);
  const filter = idFilter(change.model, change.id);
  if (change.remove) await collection.deleteOne(filter);
  else if (change.set) await collection.updateOne(filter, { $set: change.set });
}

export type Operation = {
  kind: LedgerKind;
  entries: LedgerEntry[];
  /** The account whose posting decides the operation, and what it must satisfy. */
  guard: { model: 'year' | 'allocation' | 'disbursement'; id: string; check: Check };
  sets?: Change[];
  undo?: Change[];
};

export type OperationRow = {
  _id: string;
  kind: LedgerKind;
  status: 'PENDING' | 'DONE';
  guard: { model: 'year' | 'allocation' | 'disbursement'; id: string };
  entries: LedgerEntry[];
  sets?: Change[];
  undo?: Change[];
  createdAt: Date;
};

/** The balance changes of an operation, merged per account. */
function incsOf(
  entries: LedgerEntry[],
): Map<string, { inc: Record<string, number>; entry: LedgerEntry; model: BalanceModel; id: string }> {
  const out = new Map<string, { inc: Record<string, number>; entry: LedgerEntry; model: BalanceModel; id: string }>();
  for (const entry of entries)
    for (const effect of effectsOf(entry)) {
      const account = accountOf(effect.model, effect.id);
      const item = out.get(account) ?? { inc: {}, entry, model: effect.model, id: effect.id };
      for (const [field, value] of Object.entries(effect.inc)) item.inc[field] = (item.inc[field] ?? 0) + value;
      out.set(account, item);
    }
  return out;
}

/**
 * Runs one money movement without transactions:
 * 1. journal the operation (PENDING, with the entries it will write);
 * 2. the guarded posting (checked against the latest balance, won by unique seq); if refused,
 *    nothing changed: undo the claims, drop the journal, return the reason;
 * 3. the other balances (year totals, roll-ups), each its own posting;
 * 4. finish: ledger entries, completing field changes, journal DONE, caches synced.
 * A crash after 2 leaves a posting carrying the operation id and a PENDING journal: reconcile
 * finishes the operation. A crash before 2 leaves a journal without posting: reconcile undoes it.
 */
export async function runOperation(opId: string, op: Operation): Promise<string | null> {
  const row: OperationRow = {
    _id: opId,
    kind: op.kind,
    status: 'PENDING',
    guard: { model: op.guard.model, id: op.guard.id },
    entries: op.entries,
    sets: op.sets ?? [],
    undo: op.undo ?? [],
    createdAt: new Date(),
  };
  await FundOperationModel.collection.insertOne(row as unknown as Record<string, unknown>);
  // Read after the journal is written: a close either is seen here or waits for this operation.
  const closed = await closedBookingYear(op.entries);
  const refused = closed ? `the year ${closed} is closed; no entry may be dated in it` : await applyGuard(opId, op);
  if (refused) {
    await abortOperation(row);
    return refused;
  }
  await finishOperation(row);
  return null;
}

/** The first year an entry is booked in that is closed (its cached flag: see waitForOperationsIn). */
async function closedBookingYear(entries: LedgerEntry[]): Promise<number | null> {
  for (const year of new Set(entries.map((e) => e.bookedYear)))
    if ((await FundYearModel.collection.findOne({ year }, { projection: { closed: 1 } }))?.closed) return year;
  return null;
}

/**
 * Waits until no operation booking into `year` is still running; called by closing the year, after
 * its closed flag is posted and cached. Every operation writes its journal before it reads that flag,
 * so one that read "open" has its journal written before the close looks here, and the close returns
 * only once it has finished (or was refused): nothing is dated in the year after the close answers.
 * A journal left by a crashed process is finished or undone by reconcile; after `timeoutMs` the
 * close goes on and names the operations.
 */
export async function waitForOperationsIn(year: number, timeoutMs = 30_000): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const running = (await FundOperationModel.collection
      .find({ status: 'PENDING' }, { projection: { entries: 1 } })
      .toArray()) as unknown as Pick<OperationRow, '_id' | 'entries'>[];
    const inYear = running.filter((op) => op.entries.some((e) => e.bookedYear === year)).map((op) => op._id);
    if (inYear.length === 0 || Date.now() > until) return inYear;
    await sleep(50);
  }
}

/** Step 2 alone (exported so tests can simulate a crash right after it). */
export async function applyGuard(opId: string, op: Operation): Promise<string | null> {
  const account = accountOf(op.guard.model, op.guard.id);
  const item = incsOf(op.entries).get(account);
  return (await post(account, opId, item?.inc ?? {}, op.guard.check)).refused;
}

/** Steps 3 and 4; safe to run again (a posting already made by this operation is not repeated). */
export async function finishOperation(row: OperationRow): Promise<void> {
  const guardAccount = accountOf(row.guard.model, row.guard.id);
  const accounts = incsOf(row.entries);
  for (const [account, item] of accounts) {
    if (account === guardAccount) continue;
    if (await PostingModel.collection.findOne({ operationId: row._id, account })) continue;
    await post(account, row._id, item.inc);
  }
  for (const entry of row.entries) {
    try {
      await LedgerEntryModel.collection.insertOne(entry as unknown as Record<string, unknown>);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  for (const change of row.sets ?? []) await applyChange(change);
  await FundOperationModel.collection.updateOne({ _id: row._id } as Record<string, unknown>, {
    $set: { status: 'DONE' },
  });
  for (const [account, item] of accounts)
    await syncCache(account, item.model === 'rollup' ? rollupDoc(item.entry, item.id) : undefined);
  // The dashboard's roll-ups read the fund roll-ups and disbursements just written.
  await refreshLedgerRollups(row.entries);
}

export async function abortOperation(row: OperationRow): Promise<void> {
  for (const change of row.undo ?? []) await applyChange(change);
  await FundOperationModel.collection.deleteOne({ _id: row._id } as Record<string, unknown>);
}

/** Takes an exclusive claim (unique _id); false when someone holds it. */
export async function claim(id: string, operationId: string | null): Promise<boolean> {
  try {
    await ClaimModel.collection.insertOne({ _id: id, operationId, createdAt: new Date() } as Record<string, unknown>);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
