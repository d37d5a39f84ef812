import type { LedgerKind } from '@pat/shared';
import { Types, type mongo } from 'mongoose';
import {
  AllocationModel,
  DisbursementModel,
  FundOperationModel,
  FundRollupModel,
  FundYearModel,
  LedgerEntryModel,
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
/** A change to one balance document; `id` is the year (as a string), an ObjectId hex, or "year:projectId". */
export type Effect = { model: BalanceModel; id: string; inc: Record<string, number> };
export type Change = { model: 'allocation' | 'disbursement'; id: string; set?: Record<string, unknown>; remove?: true };

export const collectionOf = (model: BalanceModel): mongo.Collection =>
  ({
    year: FundYearModel.collection,
    allocation: AllocationModel.collection,
    disbursement: DisbursementModel.collection,
    rollup: FundRollupModel.collection,
  })[model];

/** The filter selecting one balance document. */
export function idFilter(model: BalanceModel, id: string): Record<string, unknown> {
  if (model === 'year') return { year: Number(id) };
  if (model === 'rollup') return { _id: id };
  return { _id: new Types.ObjectId(id) };
}

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

/** Applies an unguarded balance change (roll-ups are created on first use). */
export async function applyEffect(effect: Effect, entry: LedgerEntry): Promise<void> {
  if (effect.model === 'rollup') {
    await FundRollupModel.collection.updateOne(
      { _id: effect.id } as Record<string, unknown>,
      {
        $inc: effect.inc,
        $setOnInsert: {
          year: entry.year,
          projectId: entry.projectId,
          regionPath: entry.regionPath ?? [],
          sector: entry.sector ?? 'OTHER',
        },
      },
      { upsert: true },
    );
    return;
  }
  await collectionOf(effect.model).updateOne(idFilter(effect.model, effect.id), { $inc: effect.inc });
}

export async function applyChange(change: Change): Promise<void> {
  const collection = collectionOf(change.model);
  const filter = idFilter(change.model, change.id);
  if (change.remove) await collection.deleteOne(filter);
  else if (change.set) await collection.updateOne(filter, { $set: change.set });
}

export type Operation = {
  kind: LedgerKind;
  entries: LedgerEntry[];
  /** The guarded balance: its condition (added to the id filter) and the model it lives in. */
  guard: { model: 'year' | 'allocation' | 'disbursement'; id: string; condition: Record<string, unknown> };
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

export const newOperationId = () => new Types.ObjectId().toHexString();

export const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/**
 * Runs one money movement without transactions:
 * 1. journal the operation (PENDING, with the entries it will write);
 * 2. the guarded single-document update: condition + $inc + the operation id in `pendingOps`;
 *    if the condition fails nothing changed: undo the claims, drop the journal, return false;
 * 3. the unguarded balances (year totals, roll-ups) with $inc;
 * 4. finish: ledger entries, completing field changes, marker pulled, journal DONE.
 * A crash after 2 leaves the marker and the PENDING journal: reconcile finishes the operation.
 */
export async function runOperation(opId: string, op: Operation): Promise<boolean> {
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
  const applied = await applyGuard(opId, op);
  if (!applied) {
    await abortOperation(row);
    return false;
  }
  await applySecondary(op);
  await finishOperation(row);
  return true;
}

/** Step 2 alone (exported so tests can simulate a crash right after it). */
export async function applyGuard(opId: string, op: Operation): Promise<boolean> {
  const inc: Record<string, number> = {};
  for (const entry of op.entries) {
    for (const effect of effectsOf(entry)) {
      if (effect.model !== op.guard.model || effect.id !== op.guard.id) continue;
      for (const [field, value] of Object.entries(effect.inc)) inc[field] = (inc[field] ?? 0) + value;
    }
  }
  const result = await collectionOf(op.guard.model).updateOne(
    { ...idFilter(op.guard.model, op.guard.id), ...op.guard.condition },
    { $inc: inc, $addToSet: { pendingOps: opId } },
  );
  return result.matchedCount === 1;
}

/** Step 3: every effect except the guarded one. */
export async function applySecondary(op: Pick<Operation, 'entries' | 'guard'>): Promise<void> {
  for (const entry of op.entries) {
    for (const effect of effectsOf(entry)) {
      if (effect.model === op.guard.model && effect.id === op.guard.id) continue;
      await applyEffect(effect, entry);
    }
  }
}

export async function finishOperation(row: OperationRow): Promise<void> {
  for (const entry of row.entries) {
    try {
      await LedgerEntryModel.collection.insertOne(entry as unknown as Record<string, unknown>);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  for (const change of row.sets ?? []) await applyChange(change);
  await collectionOf(row.guard.model).updateOne(idFilter(row.guard.model, row.guard.id), {
    $pull: { pendingOps: row._id },
  } as Record<string, unknown>);
  await FundOperationModel.collection.updateOne({ _id: row._id } as Record<string, unknown>, {
    $set: { status: 'DONE' },
  });
}

export async function abortOperation(row: OperationRow): Promise<void> {
  for (const change of row.undo ?? []) await applyChange(change);
  await FundOperationModel.collection.deleteOne({ _id: row._id } as Record<string, unknown>);
}
