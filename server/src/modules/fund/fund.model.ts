import { Schema, Types, model } from 'mongoose';
import { ALLOCATION_STATUSES, LEDGER_KINDS } from '@pat/shared';

// Balances. The authoritative balance of an account (a year, an allocation, a disbursement, a
// year+project roll-up) is its latest posting in `fund_postings`: each change inserts the posting
// with the next sequence number, and the unique _id (account#seq) lets exactly one of any number of
// racing writers win; the others re-read and retry or are refused. Only unique-index inserts are
// relied on: FerretDB 1.24 (SQLite) evaluates update filters and $inc on a stale read under
// concurrency (50 parallel `$inc: 1` gave 15; a `$gte`-guarded decrement let 22 of 50 through).
// The balance fields on the documents below are caches of the latest posting, synced after each write.

const fundYearSchema = new Schema(
  {
    year: { type: Number, required: true, unique: true },
    appropriated: { type: Number, default: 0 },
    approved: { type: Number, default: 0 },
    /** appropriated − approved: what approvals may still take (FerretDB has no $expr to compare fields). */
    unallocated: { type: Number, default: 0 },
    disbursed: { type: Number, default: 0 },
    closed: { type: Boolean, default: false },
    /** Milliseconds since the epoch (kept in the posting with `closed`). */
    closedAt: { type: Number, default: null },
    balanceSeq: { type: Number, default: 0 },
  },
  { timestamps: true, collection: 'fund_years' },
);
export const FundYearModel = model('FundYear', fundYearSchema);

const allocationSchema = new Schema(
  {
    year: { type: Number, required: true },
    projectId: { type: Types.ObjectId, required: true },
    regionPath: { type: [String], required: true },
    sector: { type: String, required: true },
    amount: { type: Number, required: true },
    purpose: { type: String, required: true },
    fundingSource: { type: String, required: true },
    /** PROPOSED | APPROVING (an approval in flight) | APPROVED | REJECTED | WITHDRAWN */
    status: { type: String, enum: [...ALLOCATION_STATUSES, 'APPROVING'], required: true },
    proposedBy: { type: Types.ObjectId, required: true },
    proposedAt: { type: Date, required: true },
    decidedBy: { type: Types.ObjectId, default: null },
    decidedAt: { type: Date, default: null },
    reason: { type: String, default: null },
    approved: { type: Number, default: 0 },
    disbursed: { type: Number, default: 0 },
    reversed: { type: Number, default: 0 },
    carriedOut: { type: Number, default: 0 },
    /** approved − disbursed − reversed − carriedOut; disbursements and reversals are guarded on it. */
    remaining: { type: Number, default: 0 },
    carriedFromId: { type: Types.ObjectId, default: null },
    operationId: { type: String, default: null },
    balanceSeq: { type: Number, default: 0 },
  },
  { timestamps: true, collection: 'fund_allocations' },
);
allocationSchema.index({ year: 1, status: 1 });
allocationSchema.index({ projectId: 1, year: 1 });
allocationSchema.index({ regionPath: 1, year: 1 });
allocationSchema.index({ status: 1, proposedAt: 1 });
export const AllocationModel = model('Allocation', allocationSchema);

const disbursementSchema = new Schema(
  {
    allocationId: { type: Types.ObjectId, required: true },
    projectId: { type: Types.ObjectId, required: true },
    regionPath: { type: [String], required: true },
    sector: { type: String, required: true },
    year: { type: Number, required: true },
    amount: { type: Number, required: true },
    date: { type: String, required: true },
    voucherNo: { type: String, required: true, unique: true },
    payee: { type: String, required: true },
    note: { type: String, default: '' },
    idempotencyKey: { type: String, required: true, unique: true },
    /** What the first request sent: a retry with the same key must send the same. */
    payloadHash: { type: String, required: true },
    /** PENDING while its operation runs, RECORDED once the ledger entry is written. */
    state: { type: String, enum: ['PENDING', 'RECORDED'], required: true },
    reversed: { type: Number, default: 0 },
    /** amount − reversed: reversals are guarded on it. */
    remaining: { type: Number, default: 0 },
    operationId: { type: String, required: true },
    recordedBy: { type: Types.ObjectId, required: true },
    balanceSeq: { type: Number, default: 0 },
  },
  { timestamps: true, collection: 'fund_disbursements' },
);
disbursementSchema.index({ allocationId: 1, date: 1 });
export const DisbursementModel = model('Disbursement', disbursementSchema);

// Append-only: one entry per money movement, keyed by the operation that made it.
const ledgerEntrySchema = new Schema(
  {
    operationId: { type: String, required: true, unique: true },
    kind: { type: String, enum: LEDGER_KINDS, required: true },
    /** The budget year whose balances the entry changes. */
    year: { type: Number, required: true },
    /** The year the entry is booked (dated) in: differs from `year` for a reversal of a closed year. */
    bookedYear: { type: Number, required: true },
    date: { type: String, required: true },
    month: { type: String, required: true },
    amount: { type: Number, required: true },
    allocationId: { type: Types.ObjectId, default: null },
    disbursementId: { type: Types.ObjectId, default: null },
    projectId: { type: Types.ObjectId, default: null },
    regionPath: { type: [String], default: undefined },
    sector: { type: String, default: null },
    reversesEntryId: { type: Types.ObjectId, default: null },
    counterpartYear: { type: Number, default: null },
    source: { type: String, default: null },
    documentRef: { type: String, default: null },
    reason: { type: String, default: null },
    createdBy: { type: Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'fund_ledger' },
);
ledgerEntrySchema.index({ year: 1, kind: 1, date: 1 });
ledgerEntrySchema.index({ projectId: 1, date: 1 });
ledgerEntrySchema.index({ regionPath: 1, date: 1 });
ledgerEntrySchema.index({ allocationId: 1 });
ledgerEntrySchema.index({ reversesEntryId: 1 });
export const LedgerEntryModel = model('LedgerEntry', ledgerEntrySchema);

// The journal: written before any balance changes, marked DONE after the ledger entry.
const fundOperationSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: LEDGER_KINDS, required: true },
    status: { type: String, enum: ['PENDING', 'DONE'], required: true },
    /** The account whose posting decides the operation: 'year' | 'allocation' | 'disbursement', and the id. */
    guard: { model: { type: String, required: true }, id: { type: String, required: true } },
    /** The ledger entries to write (operationId included), so reconcile can finish the operation. */
    entries: { type: [Schema.Types.Mixed], required: true },
    /** Field changes that complete the operation (e.g. allocation → APPROVED). */
    sets: { type: [Schema.Types.Mixed], default: undefined },
    /** What to undo if the guarded update did not happen (release a claim, delete a placeholder). */
    undo: { type: [Schema.Types.Mixed], default: undefined },
    createdAt: { type: Date, required: true },
  },
  { collection: 'fund_operations' },
);
fundOperationSchema.index({ status: 1, createdAt: 1 });
export const FundOperationModel = model('FundOperation', fundOperationSchema);

// Roll-ups per budget year and project, maintained with $inc on every write.
const fundRollupSchema = new Schema(
  {
    _id: { type: String, required: true },
    year: { type: Number, required: true },
    projectId: { type: Types.ObjectId, required: true },
    regionPath: { type: [String], required: true },
    sector: { type: String, required: true },
    allocated: { type: Number, default: 0 },
    disbursed: { type: Number, default: 0 },
    balanceSeq: { type: Number, default: 0 },
  },
  { collection: 'fund_rollups' },
);
fundRollupSchema.index({ year: 1, regionPath: 1 });
fundRollupSchema.index({ projectId: 1 });
export const FundRollupModel = model('FundRollup', fundRollupSchema);

// One row per balance change: `state` is the account's whole balance after it.
const postingSchema = new Schema(
  {
    _id: { type: String, required: true },
    account: { type: String, required: true },
    seq: { type: Number, required: true },
    state: { type: Schema.Types.Mixed, required: true },
    operationId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'fund_postings' },
);
postingSchema.index({ account: 1, seq: -1 });
postingSchema.index({ operationId: 1, account: 1 });
export const PostingModel = model('FundPosting', postingSchema);

// Exclusive claims by unique _id, e.g. "decision:<allocationId>": one decision per proposal.
const claimSchema = new Schema(
  {
    _id: { type: String, required: true },
    operationId: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'fund_claims' },
);
export const ClaimModel = model('FundClaim', claimSchema);
