import crypto from 'node:crypto';
import {
  appropriationInput,
  disbursementInput,
  fundYear,
  officeDate,
  positiveFen,
  proposeAllocationInput,
  reasonInput,
  reversalInput,
  type AllocationStatus,
  type LedgerKind,
} from '@pat/shared';
import { Types } from 'mongoose';
import type { z } from 'zod';
import type { Context, CurrentUser } from '../../graphql/context';
import { badInput, conflict, forbidden, fromZod, notFound } from '../../graphql/errors';
import { connection, type PageArgs } from '../../graphql/pagination';
import { recordAudit } from '../audit/audit.service';
import { ProjectModel } from '../projects/project.model';
import { canRead } from '../projects/projects.policy';
import { canDecide, canProposeFor, canReverse } from './fund.policy';
import {
  accountOf,
  claim,
  isDuplicateKey,
  newOperationId,
  post,
  runOperation,
  sumBy,
  syncCache,
  waitForOperationsIn,
  type Check,
  type LedgerEntry,
  type Operation,
} from './fund.ledger';
import { AllocationModel, DisbursementModel, FundRollupModel, FundYearModel, LedgerEntryModel } from './fund.model';

export type FundYearRow = {
  _id: Types.ObjectId;
  year: number;
  appropriated: number;
  approved: number;
  unallocated: number;
  disbursed: number;
  closed: boolean;
  closedAt?: number | null;
};
export type AllocationRow = {
  _id: Types.ObjectId;
  year: number;
  projectId: Types.ObjectId;
  regionPath: string[];
  sector: string;
  amount: number;
  purpose: string;
  fundingSource: string;
  status: AllocationStatus | 'APPROVING';
  proposedBy: Types.ObjectId;
  proposedAt: Date;
  decidedBy: Types.ObjectId | null;
  decidedAt: Date | null;
  reason: string | null;
  approved: number;
  disbursed: number;
  reversed: number;
  carriedOut: number;
  remaining: number;
  carriedFromId: Types.ObjectId | null;
  operationId: string | null;
};
export type DisbursementRow = {
  _id: Types.ObjectId;
  allocationId: Types.ObjectId;
  projectId: Types.ObjectId;
  regionPath: string[];
  sector: string;
  year: number;
  amount: number;
  date: string;
  voucherNo: string;
  payee: string;
  note: string;
  idempotencyKey: string;
  payloadHash: string;
  state: 'PENDING' | 'RECORDED';
  reversed: number;
  remaining: number;
  operationId: string;
  recordedBy: Types.ObjectId;
};
type ProjectRow = {
  _id: Types.ObjectId;
  code: string;
  regionPath: string[];
  sector: string;
  officerIds: Types.ObjectId[];
  budget?: { specialFund?: number };
};

const oid = (id: string) => new Types.ObjectId(id);
const yearOf = (date: string) => Number(date.slice(0, 4));

/** Today (office time) if it falls in `year`, else that year's nearest end: entries stay dated in their year. */
export function dateIn(year: number, today = officeDate()): string {
  if (yearOf(today) === year) return today;
  return yearOf(today) > year ? `${year}-12-31` : `${year}-01-01`;
}

function ledgerEntry(
  user: CurrentUser,
  kind: LedgerKind,
  fields: Partial<LedgerEntry> & { year: number; amount: number; date: string },
): LedgerEntry {
  return {
    _id: new Types.ObjectId(),
    operationId: '',
    kind,
    bookedYear: yearOf(fields.date),
    month: fields.date.slice(0, 7),
    allocationId: null,
    disbursementId: null,
    projectId: null,
    sector: null,
    reversesEntryId: null,
    counterpartYear: null,
    source: null,
    documentRef: null,
    reason: null,
    createdBy: oid(user.id),
    createdAt: new Date(),
    ...fields,
  };
}

function parse<S extends z.ZodType>(schema: S, raw: unknown, prefix: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, prefix);
  return parsed.data;
}

async function findYear(year: number): Promise<FundYearRow | null> {
  return (await FundYearModel.collection.findOne({ year })) as FundYearRow | null;
}

/** The year must have appropriations and be open, else BAD_USER_INPUT naming `field`. */
async function openYear(year: number, field: string): Promise<FundYearRow> {
  const row = await findYear(year);
  if (!row || row.appropriated <= 0) throw badInput(field, `the year ${year} has no appropriation`);
  if (row.closed) throw badInput(field, `the year ${year} is closed; no entry may be dated in it`);
  return row;
}

async function projectOf(id: Types.ObjectId | string): Promise<ProjectRow | null> {
  return (await ProjectModel.collection.findOne({ _id: typeof id === 'string' ? oid(id) : id })) as ProjectRow | null;
}

// ---------------------------------------------------------------- reads

export async function getFundYear(year: number): Promise<FundYearRow | null> {
  parse(fundYear, year, 'year');
  return findYear(year);
}

export async function listFundYears(): Promise<FundYearRow[]> {
  return (await FundYearModel.collection.find({}).sort({ year: -1 }).toArray()) as FundYearRow[];
}

export async function getAllocation(user: CurrentUser, id: string): Promise<AllocationRow> {
  if (!Types.ObjectId.isValid(id)) throw badInput('id', 'is not a valid id');
  const row = (await AllocationModel.collection.findOne({ _id: oid(id) })) as AllocationRow | null;
  if (!row || !canRead(user, row)) throw notFound('Allocation', id);
  return row;
}

export type AllocationFilter = {
  year?: number | null;
  status?: AllocationStatus | null;
  projectId?: string | null;
  regionCode?: string | null;
  sector?: string | null;
};

function scopeClause(user: CurrentUser, and: Record<string, unknown>[]) {
  if (user.regionScope.length > 0) and.push({ regionPath: { $in: user.regionScope } });
}
const combine = (and: Record<string, unknown>[]) =>
  and.length === 0 ? {} : and.length === 1 ? and[0]! : { $and: and };

export function allocationFilter(user: CurrentUser, f: AllocationFilter = {}): Record<string, unknown> {
  const and: Record<string, unknown>[] = [];
  scopeClause(user, and);
  if (f.year != null) and.push({ year: parse(fundYear, f.year, 'filter.year') });
  // An approval in flight still shows as proposed.
  if (f.status) and.push({ status: f.status === 'PROPOSED' ? { $in: ['PROPOSED', 'APPROVING'] } : f.status });
  if (f.projectId) {
    if (!Types.ObjectId.isValid(f.projectId)) throw badInput('filter.projectId', 'is not a valid id');
    and.push({ projectId: oid(f.projectId) });
  }
  if (f.regionCode) and.push({ regionPath: f.regionCode });
  if (f.sector) and.push({ sector: f.sector });
  return combine(and);
}

export const listAllocations = (user: CurrentUser, filter: AllocationFilter, page: PageArgs) =>
  connection<AllocationRow>(
    AllocationModel,
    allocationFilter(user, filter),
    { field: 'proposedAt', direction: -1 },
    page,
  );

export const listPendingAllocations = async (user: CurrentUser) =>
  (await AllocationModel.collection
    .find(allocationFilter(user, { status: 'PROPOSED' }))
    .sort({ proposedAt: 1, _id: 1 })
    .limit(500)
    .toArray()) as AllocationRow[];

export type LedgerFilter = {
  year?: number | null;
  kind?: LedgerKind | null;
  projectId?: string | null;
  regionCode?: string | null;
  from?: string | null;
  to?: string | null;
};

export function ledgerFilter(user: CurrentUser, f: LedgerFilter = {}): Record<string, unknown> {
  const and: Record<string, unknown>[] = [];
  // Appropriations concern no region: scoped users see only entries of projects in their scope.
  scopeClause(user, and);
  if (f.year != null) and.push({ year: parse(fundYear, f.year, 'filter.year') });
  if (f.kind) and.push({ kind: f.kind });
  if (f.projectId) {
    if (!Types.ObjectId.isValid(f.projectId)) throw badInput('filter.projectId', 'is not a valid id');
    and.push({ projectId: oid(f.projectId) });
  }
  if (f.regionCode) and.push({ regionPath: f.regionCode });
  if (f.from) and.push({ date: { $gte: dateArg(f.from, 'filter.from') } });
  if (f.to) and.push({ date: { $lte: dateArg(f.to, 'filter.to') } });
  return combine(and);
}

function dateArg(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw badInput(field, 'must be a date as YYYY-MM-DD');
  return value;
}

export const listLedgerEntries = (user: CurrentUser, filter: LedgerFilter, page: PageArgs) =>
  connection<LedgerEntry>(LedgerEntryModel, ledgerFilter(user, filter), { field: 'createdAt', direction: -1 }, page);

export const listDisbursements = async (user: CurrentUser, allocation: AllocationRow) =>
  canRead(user, allocation)
    ? ((await DisbursementModel.collection
        .find({ allocationId: allocation._id, state: 'RECORDED' })
        .sort({ date: 1, _id: 1 })
        .toArray()) as DisbursementRow[])
    : [];

export const appropriationsOf = async (year: number) =>
  (await LedgerEntryModel.collection
    .find({ year, kind: 'APPROPRIATION' })
    .sort({ createdAt: 1, _id: 1 })
    .toArray()) as LedgerEntry[];

export type FundTotal = { key: string; budget: number; allocated: number; disbursed: number };
export type FundGroupBy = 'REGION' | 'SECTOR' | 'PROJECT';

/**
 * Totals from the roll-up documents (one per year and project), never from the ledger:
 * one $match + $group with $sum. Regions: grouped by the whole regionPath and tallied up the tree.
 */
export async function fundTotals(
  user: CurrentUser,
  args: { groupBy: FundGroupBy; year?: number | null; regionCode?: string | null },
): Promise<FundTotal[]> {
  const and: Record<string, unknown>[] = [];
  scopeClause(user, and);
  if (args.regionCode) and.push({ regionPath: args.regionCode });
  const projectMatch = combine([...and, { archived: false }]);
  if (args.year != null) and.push({ year: parse(fundYear, args.year, 'year') });
  const match = combine(and);
  const key = args.groupBy === 'REGION' ? '$regionPath' : args.groupBy === 'SECTOR' ? '$sector' : '$projectId';
  const [rollups, budgets] = await Promise.all([
    sumBy(FundRollupModel.collection, match, key, ['allocated', 'disbursed']),
    sumBy(ProjectModel.collection, projectMatch, args.groupBy === 'PROJECT' ? '$_id' : key, ['budget.specialFund']),
  ]);
  const totals = new Map<string, FundTotal>();
  const at = (k: string) => {
    let t = totals.get(k);
    if (!t) totals.set(k, (t = { key: k, budget: 0, allocated: 0, disbursed: 0 }));
    return t;
  };
  const keysOf = (id: unknown): string[] => {
    if (args.groupBy !== 'REGION') return [String(id)];
    const path = (id as string[]) ?? [];
    // With a region filter, only that region and what lies under it.
    const from = args.regionCode ? path.indexOf(args.regionCode) : 0;
    return from < 0 ? [] : path.slice(from);
  };
  for (const r of rollups.values())
    for (const k of keysOf(r.id)) {
      at(k).allocated += r.sums.allocated ?? 0;
      at(k).disbursed += r.sums.disbursed ?? 0;
    }
  for (const b of budgets.values()) for (const k of keysOf(b.id)) at(k).budget += b.sums['budget.specialFund'] ?? 0;
  return [...totals.values()].sort((x, y) => x.key.localeCompare(y.key));
}

export const utilisation = (allocated: number, disbursed: number) =>
  allocated > 0 ? Math.round((disbursed * 10000) / allocated) / 10000 : 0;

// ---------------------------------------------------------------- writes

const closedReason = (year: number) => `the year ${year} is closed; no entry may be dated in it`;
const yearOpen =
  (year: number): Check =>
  (s) =>
    s.closed === 1 ? closedReason(year) : null;
const atLeast =
  (field: string, amount: number, what: string): Check =>
  (s) =>
    (s[field] ?? 0) >= amount ? null : `exceeds ${what} (${s[field] ?? 0} fen)`;

async function audit(
  ctx: Context,
  kind: 'FundYear' | 'Allocation' | 'Disbursement',
  id: string,
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  await recordAudit(ctx, { action, kind, recordId: id, before, after });
}

/** Creates the year's balance document if it does not exist (open, all zero). */
async function ensureYear(year: number): Promise<void> {
  try {
    await FundYearModel.collection.updateOne(
      { year },
      {
        $setOnInsert: {
          year,
          appropriated: 0,
          approved: 0,
          unallocated: 0,
          disbursed: 0,
          closed: false,
          closedAt: null,
          closedBy: null,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      },
      { upsert: true },
    );
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

export async function recordAppropriation(ctx: Context, raw: unknown): Promise<LedgerEntry> {
  const input = parse(appropriationInput, raw, 'input');
  const before = await findYear(input.year);
  if (before?.closed) throw badInput('input.year', `the year ${input.year} is closed; no entry may be dated in it`);
  await ensureYear(input.year);
  const opId = newOperationId();
  const entry = ledgerEntry(ctx.user!, 'APPROPRIATION', {
    operationId: opId,
    year: input.year,
    amount: input.amount,
    date: dateIn(input.year),
    source: input.source,
    documentRef: input.documentRef,
  });
  const refused = await runOperation(opId, {
    kind: 'APPROPRIATION',
    entries: [entry],
    guard: { model: 'year', id: String(input.year), check: yearOpen(input.year) },
  });
  if (refused) throw badInput('input.year', refused);
  await audit(ctx, 'FundYear', String(input.year), 'appropriate', before, await findYear(input.year));
  return entry;
}

export async function closeFundYear(ctx: Context, year: number): Promise<FundYearRow> {
  parse(fundYear, year, 'year');
  const before = await findYear(year);
  if (!before) throw badInput('year', `the year ${year} has no appropriation`);
  if (before.closed) throw badInput('year', `the year ${year} is already closed`);
  const account = accountOf('year', String(year));
  const { refused } = await post(account, newOperationId(), {}, yearOpen(year), { closed: 1, closedAt: Date.now() });
  if (refused) throw badInput('year', `the year ${year} is already closed`);
  await syncCache(account);
  const unfinished = await waitForOperationsIn(year);
  if (unfinished.length > 0)
    ctx.log.warn(
      { year, operations: unfinished },
      'year closed while operations dated in it were unfinished; run reconcile',
    );
  await syncCache(account); // the totals those operations posted
  const after = (await findYear(year))!;
  await audit(
    ctx,
    'FundYear',
    String(year),
    'close',
    before as unknown as Record<string, unknown>,
    after as unknown as Record<string, unknown>,
  );
  return after;
}

export async function proposeAllocation(ctx: Context, raw: unknown): Promise<AllocationRow> {
  const user = ctx.user!;
  const input = parse(proposeAllocationInput, raw, 'input');
  const project = await projectOf(input.projectId);
  if (!project || !canRead(user, project)) throw notFound('Project', input.projectId);
  if (!canProposeFor(user, project))
    throw forbidden(
      `You may not propose allocations for project ${project.code}: only its officers, managers and admins may.`,
    );
  await openYear(input.year, 'input.year');
  const row = {
    _id: new Types.ObjectId(),
    year: input.year,
    projectId: project._id,
    regionPath: project.regionPath,
    sector: project.sector,
    amount: input.amount,
    purpose: input.purpose,
    fundingSource: input.fundingSource,
    status: 'PROPOSED' as const,
    proposedBy: oid(user.id),
    proposedAt: new Date(),
    decidedBy: null,
    decidedAt: null,
    reason: null,
    approved: 0,
    disbursed: 0,
    reversed: 0,
    carriedOut: 0,
    remaining: 0,
    carriedFromId: null,
    operationId: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  await AllocationModel.collection.insertOne(row);
  await audit(ctx, 'Allocation', String(row._id), 'propose', null, row);
  return row;
}

async function decidable(ctx: Context, id: string, action: string): Promise<AllocationRow> {
  const allocation = await getAllocation(ctx.user!, id);
  if (allocation.status !== 'PROPOSED')
    throw badInput('id', `the allocation is ${allocation.status}; only a PROPOSED allocation can be ${action}`);
  return allocation;
}

export async function approveAllocation(ctx: Context, id: string): Promise<AllocationRow> {
  const user = ctx.user!;
  const allocation = await decidable(ctx, id, 'approved');
  if (!canDecide(user)) throw forbidden('Only managers and admins approve allocations.');
  if (ctx.config.SEPARATE_DUTIES && String(allocation.proposedBy) === user.id)
    throw forbidden('Separation of duties: you may not approve an allocation you proposed yourself.');
  await openYear(allocation.year, 'id');
  const opId = newOperationId();
  // Claim the allocation so a second approver cannot take the same money twice.
  if (!(await claim(`decision:${id}`, opId)))
    throw conflict('This allocation is being decided by someone else; reload.');
  await AllocationModel.collection.updateOne(
    { _id: allocation._id },
    { $set: { status: 'APPROVING', operationId: opId } },
  );
  const decided = { decidedBy: oid(user.id), decidedAt: new Date(), updatedAt: new Date() };
  const op: Operation = {
    kind: 'ALLOCATION',
    entries: [
      ledgerEntry(user, 'ALLOCATION', {
        operationId: opId,
        year: allocation.year,
        amount: allocation.amount,
        date: dateIn(allocation.year),
        allocationId: allocation._id,
        projectId: allocation.projectId,
        regionPath: allocation.regionPath,
        sector: allocation.sector,
      }),
    ],
    guard: {
      model: 'year',
      id: String(allocation.year),
      check: (s) =>
        yearOpen(allocation.year)(s) ??
        atLeast('unallocated', allocation.amount, `what the year ${allocation.year} has left unallocated`)(s),
    },
    sets: [{ model: 'allocation', id, set: { status: 'APPROVED', ...decided } }],
    undo: [
      { model: 'allocation', id, set: { status: 'PROPOSED', operationId: null } },
      { model: 'claim', id: `decision:${id}`, remove: true },
    ],
  };
  const refused = await runOperation(opId, op);
  if (refused)
    throw badInput('id', refused.startsWith('exceeds') ? `the amount ${allocation.amount} fen ${refused}` : refused);
  const after = (await AllocationModel.collection.findOne({ _id: allocation._id })) as AllocationRow;
  await audit(ctx, 'Allocation', id, 'approve', allocation, after);
  return after;
}

export async function rejectAllocation(ctx: Context, id: string, reason: string): Promise<AllocationRow> {
  const why = parse(reasonInput, reason ?? '', 'reason');
  const allocation = await decidable(ctx, id, 'rejected');
  if (!canDecide(ctx.user!)) throw forbidden('Only managers and admins reject allocations.');
  return decide(ctx, allocation, 'REJECTED', why);
}

export async function withdrawAllocation(ctx: Context, id: string): Promise<AllocationRow> {
  const user = ctx.user!;
  const allocation = await decidable(ctx, id, 'withdrawn');
  const project = await projectOf(allocation.projectId);
  const mayManage = (user.role === 'admin' || user.role === 'manager') && project && canProposeFor(user, project);
  if (String(allocation.proposedBy) !== user.id && !mayManage)
    throw forbidden('Only the proposer, a manager or an admin may withdraw this proposal.');
  return decide(ctx, allocation, 'WITHDRAWN', null);
}

async function decide(ctx: Context, allocation: AllocationRow, status: AllocationStatus, reason: string | null) {
  if (!(await claim(`decision:${String(allocation._id)}`, null)))
    throw conflict('This allocation was decided by someone else; reload.');
  const after = (await AllocationModel.collection.findOneAndUpdate(
    { _id: allocation._id, status: 'PROPOSED' },
    { $set: { status, reason, decidedBy: oid(ctx.user!.id), decidedAt: new Date(), updatedAt: new Date() } },
    { returnDocument: 'after' },
  )) as AllocationRow | null;
  if (!after) throw conflict('This allocation was decided by someone else; reload.');
  await audit(ctx, 'Allocation', String(allocation._id), status.toLowerCase(), allocation, after);
  return after;
}

const payloadHash = (input: Record<string, unknown>) =>
  crypto
    .createHash('sha256')
    .update(JSON.stringify(['allocationId', 'amount', 'date', 'voucherNo', 'payee', 'note'].map((k) => input[k])))
    .digest('hex');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request with a key already used: the same payload gets the first result, another payload CONFLICT. */
async function replay(key: string, hash: string): Promise<DisbursementRow | null> {
  for (let i = 0; i < 200; i++) {
    const existing = (await DisbursementModel.collection.findOne({ idempotencyKey: key })) as DisbursementRow | null;
    if (!existing) return null;
    if (existing.payloadHash !== hash)
      throw conflict('This idempotency key was already used for a different disbursement.', {
        field: 'input.idempotencyKey',
      });
    if (existing.state === 'RECORDED') return existing;
    await sleep(25);
  }
  throw conflict('The first request with this idempotency key is still being processed; retry shortly.');
}

export async function recordDisbursement(ctx: Context, raw: unknown): Promise<DisbursementRow> {
  const user = ctx.user!;
  const input = parse(disbursementInput, raw, 'input');
  const hash = payloadHash(input);
  for (let attempt = 0; attempt < 3; attempt++) {
    const earlier = await replay(input.idempotencyKey, hash);
    if (earlier) return earlier;
    const result = await disburseOnce(ctx, user, input, hash);
    if (result) return result;
  }
  throw conflict('The disbursement could not be recorded; retry.');
}

async function disburseOnce(
  ctx: Context,
  user: CurrentUser,
  input: ReturnType<typeof disbursementInput.parse>,
  hash: string,
): Promise<DisbursementRow | null> {
  const allocation = (await AllocationModel.collection.findOne({
    _id: oid(input.allocationId),
  })) as AllocationRow | null;
  if (!allocation || !canRead(user, allocation)) throw notFound('Allocation', input.allocationId);
  const project = await projectOf(allocation.projectId);
  if (!project || !canProposeFor(user, project))
    throw forbidden(`You may not record disbursements for project ${project?.code ?? ''}: it is not one of yours.`);
  if (allocation.status !== 'APPROVED')
    throw badInput(
      'input.allocationId',
      `the allocation is ${allocation.status === 'APPROVING' ? 'PROPOSED' : allocation.status}; only an APPROVED allocation can be paid from`,
    );
  if (yearOf(input.date) !== allocation.year)
    throw badInput('input.date', `must be within the allocation's year ${allocation.year}`);
  await openYear(allocation.year, 'input.date');
  if (input.amount > allocation.remaining)
    throw badInput('input.amount', `exceeds the allocation's remaining balance (${allocation.remaining} fen)`);
  const opId = newOperationId();
  const disbursement: DisbursementRow = {
    _id: new Types.ObjectId(),
    allocationId: allocation._id,
    projectId: allocation.projectId,
    regionPath: allocation.regionPath,
    sector: allocation.sector,
    year: allocation.year,
    amount: input.amount,
    date: input.date,
    voucherNo: input.voucherNo,
    payee: input.payee,
    note: input.note,
    idempotencyKey: input.idempotencyKey,
    payloadHash: hash,
    state: 'PENDING',
    reversed: 0,
    remaining: 0,
    operationId: opId,
    recordedBy: oid(user.id),
  };
  // The claim: unique idempotency key and voucher number, before any money moves.
  try {
    await DisbursementModel.collection.insertOne({ ...disbursement, createdAt: new Date(), updatedAt: new Date() });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    if (await DisbursementModel.collection.findOne({ idempotencyKey: input.idempotencyKey })) return null;
    throw conflict(`The voucher number ${input.voucherNo} is already recorded.`, { field: 'input.voucherNo' });
  }
  const id = String(disbursement._id);
  const refused = await runOperation(opId, {
    kind: 'DISBURSEMENT',
    entries: [
      ledgerEntry(user, 'DISBURSEMENT', {
        operationId: opId,
        year: allocation.year,
        amount: input.amount,
        date: input.date,
        allocationId: allocation._id,
        disbursementId: disbursement._id,
        projectId: allocation.projectId,
        regionPath: allocation.regionPath,
        sector: allocation.sector,
      }),
    ],
    guard: {
      model: 'allocation',
      id: String(allocation._id),
      check: atLeast('remaining', input.amount, "the allocation's remaining balance"),
    },
    sets: [{ model: 'disbursement', id, set: { state: 'RECORDED' } }],
    undo: [{ model: 'disbursement', id, remove: true }],
  });
  if (refused) throw badInput('input.amount', refused);
  const after = (await DisbursementModel.collection.findOne({ _id: disbursement._id })) as DisbursementRow;
  await audit(ctx, 'Disbursement', id, 'disburse', null, after);
  return after;
}

/** Where a reversal is booked: the original's year while open, else the open year given. */
async function bookingYear(original: number, bookYear: number | undefined): Promise<number> {
  const orig = await findYear(original);
  if (orig && !orig.closed && (bookYear == null || bookYear === original)) return original;
  if (bookYear == null)
    throw badInput('input.bookYear', `the year ${original} is closed; give the open year to book the reversal in`);
  const target = await findYear(bookYear);
  if (!target) throw badInput('input.bookYear', `the year ${bookYear} has no appropriation`);
  if (target.closed) throw badInput('input.bookYear', `the year ${bookYear} is closed; no entry may be dated in it`);
  return bookYear;
}

async function originalEntry(kind: LedgerKind, field: 'allocationId' | 'disbursementId', id: Types.ObjectId) {
  return (await LedgerEntryModel.collection.findOne({ kind, [field]: id })) as LedgerEntry | null;
}

export async function reverseDisbursement(ctx: Context, id: string, raw: unknown): Promise<LedgerEntry> {
  const user = ctx.user!;
  const input = parse(reversalInput, raw, 'input');
  if (!Types.ObjectId.isValid(id)) throw badInput('id', 'is not a valid id');
  const d = (await DisbursementModel.collection.findOne({ _id: oid(id) })) as DisbursementRow | null;
  if (!d || !canRead(user, d) || d.state !== 'RECORDED') throw notFound('Disbursement', id);
  const project = await projectOf(d.projectId);
  if (!project || !canReverse(user, project)) throw forbidden('Only managers and admins reverse entries.');
  if (input.amount > d.remaining)
    throw badInput('input.amount', `exceeds what remains of the disbursement (${d.remaining} fen)`);
  const booked = await bookingYear(d.year, input.bookYear);
  const original = await originalEntry('DISBURSEMENT', 'disbursementId', d._id);
  const opId = newOperationId();
  const entry = ledgerEntry(user, 'DISBURSEMENT_REVERSAL', {
    operationId: opId,
    year: d.year,
    amount: input.amount,
    date: dateIn(booked),
    allocationId: d.allocationId,
    disbursementId: d._id,
    projectId: d.projectId,
    regionPath: d.regionPath,
    sector: d.sector,
    reversesEntryId: original?._id ?? null,
    reason: input.reason,
  });
  const refused = await runOperation(opId, {
    kind: 'DISBURSEMENT_REVERSAL',
    entries: [entry],
    guard: { model: 'disbursement', id, check: atLeast('remaining', input.amount, 'what remains of the disbursement') },
  });
  if (refused) throw badInput('input.amount', refused);
  await audit(ctx, 'Disbursement', id, 'reverse', d, await DisbursementModel.collection.findOne({ _id: d._id }));
  return entry;
}

export async function reverseAllocation(ctx: Context, id: string, raw: unknown): Promise<LedgerEntry> {
  const user = ctx.user!;
  const input = parse(reversalInput, raw, 'input');
  const a = await getAllocation(user, id);
  const project = await projectOf(a.projectId);
  if (!project || !canReverse(user, project)) throw forbidden('Only managers and admins reverse entries.');
  if (a.status !== 'APPROVED')
    throw badInput('id', `the allocation is ${a.status}; only an APPROVED one can be reversed`);
  if (input.amount > a.remaining)
    throw badInput('input.amount', `exceeds what remains of the allocation (${a.remaining} fen)`);
  const booked = await bookingYear(a.year, input.bookYear);
  const original =
    (await originalEntry('ALLOCATION', 'allocationId', a._id)) ??
    (await originalEntry('CARRY_IN', 'allocationId', a._id));
  const opId = newOperationId();
  const entry = ledgerEntry(user, 'ALLOCATION_REVERSAL', {
    operationId: opId,
    year: a.year,
    amount: input.amount,
    date: dateIn(booked),
    allocationId: a._id,
    projectId: a.projectId,
    regionPath: a.regionPath,
    sector: a.sector,
    reversesEntryId: original?._id ?? null,
    reason: input.reason,
  });
  const refused = await runOperation(opId, {
    kind: 'ALLOCATION_REVERSAL',
    entries: [entry],
    guard: { model: 'allocation', id, check: atLeast('remaining', input.amount, 'what remains of the allocation') },
  });
  if (refused) throw badInput('input.amount', refused);
  await audit(ctx, 'Allocation', id, 'reverse', a, await AllocationModel.collection.findOne({ _id: a._id }));
  return entry;
}

/** Moves unspent money of an allocation into a new APPROVED allocation of the next year, explicitly. */
export async function carryOver(
  ctx: Context,
  fromYear: number,
  allocationId: string,
  amount: number,
): Promise<AllocationRow> {
  const user = ctx.user!;
  parse(fundYear, fromYear, 'fromYear');
  const fen = parse(positiveFen, amount, 'amount');
  const a = await getAllocation(user, allocationId);
  if (a.year !== fromYear) throw badInput('allocationId', `the allocation belongs to ${a.year}, not ${fromYear}`);
  const project = await projectOf(a.projectId);
  if (!project || !canReverse(user, project)) throw forbidden('Only managers and admins carry money over.');
  if (a.status !== 'APPROVED')
    throw badInput('allocationId', `the allocation is ${a.status}; only an APPROVED one can be carried over`);
  if (fen > a.remaining) throw badInput('amount', `exceeds the allocation's unspent balance (${a.remaining} fen)`);
  const toYear = fromYear + 1;
  await ensureYear(toYear);
  const target = await findYear(toYear);
  if (target?.closed) throw badInput('fromYear', `the year ${toYear} is closed; no entry may be dated in it`);
  const opId = newOperationId();
  const now = new Date();
  const next = {
    ...a,
    _id: new Types.ObjectId(),
    year: toYear,
    amount: fen,
    status: 'APPROVING' as const,
    purpose: a.purpose,
    fundingSource: `carry-over from ${fromYear}`,
    proposedBy: oid(user.id),
    proposedAt: now,
    decidedBy: oid(user.id),
    decidedAt: now,
    reason: null,
    approved: 0,
    disbursed: 0,
    reversed: 0,
    carriedOut: 0,
    remaining: 0,
    carriedFromId: a._id,
    operationId: opId,
    balanceSeq: 0,
    createdAt: now,
    updatedAt: now,
  };
  await AllocationModel.collection.insertOne(next);
  const common = { amount: fen, projectId: a.projectId, regionPath: a.regionPath, sector: a.sector };
  const out = ledgerEntry(user, 'CARRY_OUT', {
    ...common,
    operationId: `${opId}:out`,
    year: fromYear,
    date: dateIn(toYear),
    allocationId: a._id,
    counterpartYear: toYear,
  });
  const into = ledgerEntry(user, 'CARRY_IN', {
    ...common,
    operationId: `${opId}:in`,
    year: toYear,
    date: dateIn(toYear),
    allocationId: next._id,
    counterpartYear: fromYear,
    reversesEntryId: null,
  });
  const refused = await runOperation(opId, {
    kind: 'CARRY_OUT',
    entries: [out, into],
    guard: {
      model: 'allocation',
      id: allocationId,
      check: atLeast('remaining', fen, "the allocation's unspent balance"),
    },
    sets: [{ model: 'allocation', id: String(next._id), set: { status: 'APPROVED' } }],
    undo: [{ model: 'allocation', id: String(next._id), remove: true }],
  });
  if (refused) throw badInput('amount', refused);
  const after = (await AllocationModel.collection.findOne({ _id: next._id })) as AllocationRow;
  await audit(ctx, 'Allocation', String(next._id), 'carry-over', null, after);
  return after;
}
