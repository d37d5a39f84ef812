import {
  abortOperation,
  accountOf,
  collectionOf,
  effectsOf,
  FIELDS,
  finishOperation,
  idFilter,
  latestPosting,
  newOperationId,
  post,
  syncCache,
  type BalanceModel,
  type LedgerEntry,
  type OperationRow,
} from './fund.ledger';
import {
  AllocationModel,
  ClaimModel,
  DisbursementModel,
  FundOperationModel,
  LedgerEntryModel,
  PostingModel,
} from './fund.model';

const MODELS = ['year', 'allocation', 'disbursement', 'rollup'] as const;
/** The money fields of each balance (a year's `closed` flag is not money). */
const MONEY: Record<BalanceModel, string[]> = {
  year: FIELDS.year.filter((f) => f !== 'closed' && f !== 'closedAt'),
  allocation: FIELDS.allocation,
  disbursement: FIELDS.disbursement,
  rollup: FIELDS.rollup,
};

export type ReconcileReport = {
  ledgerEntries: number;
  /** Operations whose guarded balance changed but that did not finish: completed from the journal. */
  operationsFinished: string[];
  /** Operations journalled whose guarded balance never changed: their claims were released. */
  operationsAborted: string[];
  /** Claims (pending disbursements, decisions in flight) left without an operation: released. */
  claimsReleased: string[];
  /** Balances or cached fields that differed from the ledger and were brought back to it. */
  repaired: string[];
  /** Differences or broken rules that cannot be repaired automatically. */
  unrepairable: string[];
  /** Accounts left alone because an operation younger than the cut-off is still writing them. */
  skipped: string[];
  checked: Record<BalanceModel, number>;
};

const splitAccount = (account: string): [BalanceModel, string] => {
  const i = account.indexOf(':');
  return [account.slice(0, i) as BalanceModel, account.slice(i + 1)];
};

/**
 * Recomputes every balance and roll-up from the ledger and repairs what differs.
 * 1. Finishes journalled operations whose guarded posting exists (older than `pendingOlderThanMs`),
 *    writing the missing postings and ledger entries; undoes those whose posting never happened.
 * 2. Releases claims that never got an operation.
 * 3. Sums the ledger with the rules the writes use and compares each account's latest posting;
 *    a difference is compensated by a correcting posting, a stale cached field is re-synced.
 * A negative balance, approvals above appropriations or an entry for a missing record is
 * reported as unrepairable. Meant for quiet times (`npm run reconcile`); in-flight operations
 * younger than the cut-off are left alone.
 */
export async function reconcile(options: { pendingOlderThanMs?: number } = {}): Promise<ReconcileReport> {
  const cutoff = new Date(Date.now() - (options.pendingOlderThanMs ?? 60_000));
  const report: ReconcileReport = {
    ledgerEntries: 0,
    operationsFinished: [],
    operationsAborted: [],
    claimsReleased: [],
    repaired: [],
    unrepairable: [],
    skipped: [],
    checked: { year: 0, allocation: 0, disbursement: 0, rollup: 0 },
  };

  const pending = (await FundOperationModel.collection
    .find({ status: 'PENDING', createdAt: { $lt: cutoff } })
    .toArray()) as unknown as OperationRow[];
  for (const op of pending) {
    const posted = await PostingModel.collection.findOne({
      operationId: op._id,
      account: accountOf(op.guard.model, op.guard.id),
    });
    if (posted) {
      await finishOperation(op);
      report.operationsFinished.push(`${op.kind} ${op._id}`);
    } else {
      await abortOperation(op);
      report.operationsAborted.push(`${op.kind} ${op._id}`);
    }
  }

  const journalled = async (operationId: unknown) =>
    operationId != null &&
    (await FundOperationModel.collection.countDocuments({ _id: String(operationId) } as Record<string, unknown>)) > 0;
  for (const d of await DisbursementModel.collection.find({ state: 'PENDING', createdAt: { $lt: cutoff } }).toArray()) {
    if (await journalled(d.operationId)) continue;
    await DisbursementModel.collection.deleteOne({ _id: d._id, state: 'PENDING' });
    report.claimsReleased.push(`disbursement ${String(d.voucherNo)}`);
  }
  for (const a of await AllocationModel.collection
    .find({ status: 'APPROVING', updatedAt: { $lt: cutoff } })
    .toArray()) {
    if (await journalled(a.operationId)) continue;
    if (a.carriedFromId) await AllocationModel.collection.deleteOne({ _id: a._id, status: 'APPROVING' });
    else {
      await AllocationModel.collection.updateOne({ _id: a._id }, { $set: { status: 'PROPOSED', operationId: null } });
      await ClaimModel.collection.deleteOne({ _id: `decision:${String(a._id)}` } as Record<string, unknown>);
    }
    report.claimsReleased.push(`allocation ${String(a._id)}`);
  }
  for (const c of await ClaimModel.collection
    .find({ operationId: { $ne: null }, createdAt: { $lt: cutoff } })
    .toArray()) {
    const allocationId = String(c._id).replace(/^decision:/, '');
    const a = await AllocationModel.collection.findOne(idFilter('allocation', allocationId));
    if (a?.status !== 'PROPOSED' || (await journalled(c.operationId))) continue;
    await ClaimModel.collection.deleteOne({ _id: c._id });
    report.claimsReleased.push(`decision on allocation ${allocationId}`);
  }

  // The ledger's view of every account.
  const sums = new Map<string, Record<string, number>>();
  const rollupInfo = new Map<string, LedgerEntry>();
  for await (const raw of LedgerEntryModel.collection.find({}).sort({ _id: 1 })) {
    const entry = raw as unknown as LedgerEntry;
    report.ledgerEntries += 1;
    for (const effect of effectsOf(entry)) {
      const account = accountOf(effect.model, effect.id);
      const target = sums.get(account) ?? {};
      for (const [field, value] of Object.entries(effect.inc)) target[field] = (target[field] ?? 0) + value;
      sums.set(account, target);
      if (effect.model === 'rollup' && !rollupInfo.has(effect.id)) rollupInfo.set(effect.id, entry);
    }
  }
  const accounts = new Set<string>([
    ...sums.keys(),
    ...(await PostingModel.collection.distinct('account')).map(String),
  ]);

  // Postings against the ledger, except accounts an unfinished (younger) operation has posted to.
  const inFlight = (await FundOperationModel.collection.distinct('_id', { status: 'PENDING' })).map(String);
  for (const account of [...accounts].sort()) {
    const [model] = splitAccount(account);
    if (inFlight.length > 0 && (await PostingModel.collection.findOne({ account, operationId: { $in: inFlight } }))) {
      report.skipped.push(`${account}: an operation is in flight`);
      continue;
    }
    const expected = sums.get(account) ?? {};
    const { state } = await latestPosting(account);
    const fix: Record<string, number> = {};
    for (const field of MONEY[model]) {
      const want = expected[field] ?? 0;
      if (want < 0) report.unrepairable.push(`${account}: the ledger makes ${field} negative (${want})`);
      if ((state[field] ?? 0) !== want) fix[field] = want - (state[field] ?? 0);
    }
    if (Object.keys(fix).length > 0) {
      await post(account, `reconcile-${newOperationId()}`, fix);
      report.repaired.push(
        `${account}: ${Object.entries(fix)
          .map(([f, d]) => `${f} ${state[f] ?? 0} → ${(state[f] ?? 0) + d}`)
          .join(', ')}`,
      );
    }
    if (model === 'year' && (expected.approved ?? 0) > (expected.appropriated ?? 0))
      report.unrepairable.push(
        `${account}: approved ${expected.approved} exceeds appropriated ${expected.appropriated}`,
      );
  }

  // Cached fields against the postings.
  for (const model of MODELS) {
    const seen = new Set<string>();
    for await (const doc of collectionOf(model).find(model === 'disbursement' ? { state: 'RECORDED' } : {})) {
      const id = model === 'year' ? String(doc.year) : String(doc._id);
      seen.add(id);
      report.checked[model] += 1;
      const { state } = await latestPosting(accountOf(model, id));
      const stale = MONEY[model].filter((f) => Number(doc[f] ?? 0) !== (state[f] ?? 0));
      if (stale.length === 0) continue;
      await collectionOf(model).updateOne(idFilter(model, id), { $set: { balanceSeq: -1 } });
      await syncCache(accountOf(model, id));
      report.repaired.push(`${model} ${id}: cached ${stale.join(', ')} re-synced`);
    }
    for (const account of accounts) {
      const [m, id] = splitAccount(account);
      if (m !== model || seen.has(id)) continue;
      if (model === 'rollup' && rollupInfo.has(id)) {
        const e = rollupInfo.get(id)!;
        await syncCache(account, {
          _id: id,
          year: e.year,
          projectId: e.projectId,
          regionPath: e.regionPath ?? [],
          sector: e.sector ?? 'OTHER',
        });
        report.repaired.push(`rollup ${id}: created from the ledger`);
      } else if (model === 'year' && sums.has(account)) {
        report.unrepairable.push(`year ${id}: ledger entries refer to it but it does not exist`);
      } else if (model !== 'year' && model !== 'rollup') {
        report.unrepairable.push(`${model} ${id}: ledger entries refer to it but it does not exist`);
      }
    }
  }
  return report;
}

export function formatReport(r: ReconcileReport): string {
  return [
    `Special fund reconcile: ${r.ledgerEntries} ledger entries; checked ${r.checked.year} years, ${r.checked.allocation} allocations, ${r.checked.disbursement} disbursements, ${r.checked.rollup} roll-ups.`,
    `Operations finished: ${r.operationsFinished.length}; aborted: ${r.operationsAborted.length}; claims released: ${r.claimsReleased.length}; balances repaired: ${r.repaired.length}; skipped (in flight): ${r.skipped.length}; unrepairable: ${r.unrepairable.length}.`,
    ...[...r.operationsFinished, ...r.operationsAborted, ...r.claimsReleased, ...r.repaired].map(
      (l) => `  repaired  ${l}`,
    ),
    ...r.unrepairable.map((l) => `  MISMATCH  ${l}`),
  ].join('\n');
}
