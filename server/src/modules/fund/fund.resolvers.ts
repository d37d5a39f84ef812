import type { Context } from '../../graphql/context';
import { hasRole, isAuthenticated, type PermissionMap } from '../../graphql/permissions';
import { getProject, type ProjectRow } from '../projects/projects.service';
import type { LedgerEntry } from './fund.ledger';
import {
  appropriationsOf,
  approveAllocation,
  carryOver,
  closeFundYear,
  fundTotals,
  getAllocation,
  getFundYear,
  listAllocations,
  listDisbursements,
  listFundYears,
  listLedgerEntries,
  listPendingAllocations,
  proposeAllocation,
  recordAppropriation,
  recordDisbursement,
  rejectAllocation,
  reverseAllocation,
  reverseDisbursement,
  utilisation,
  withdrawAllocation,
  type AllocationFilter,
  type AllocationRow,
  type DisbursementRow,
  type FundGroupBy,
  type FundTotal,
  type FundYearRow,
  type LedgerFilter,
} from './fund.service';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));
const idOrNull = (v: unknown) => (v == null ? null : String(v));
const user = (ctx: Context, id: unknown) => (id ? ctx.loaders.userById.load(String(id)) : null);

export const fundResolvers = {
  FundYear: {
    allocated: (y: FundYearRow) => y.approved,
    available: (y: FundYearRow) => y.unallocated,
    closedAt: (y: FundYearRow) => iso(y.closedAt),
    appropriations: (y: FundYearRow) => appropriationsOf(y.year),
  },
  Appropriation: {
    id: (e: LedgerEntry) => String(e._id),
    recordedBy: (e: LedgerEntry, _: unknown, ctx: Context) => user(ctx, e.createdBy),
  },
  Allocation: {
    id: (a: AllocationRow) => String(a._id),
    projectId: (a: AllocationRow) => String(a.projectId),
    project: async (a: AllocationRow, _: unknown, ctx: Context) => {
      try {
        return await getProject(ctx.user!, String(a.projectId));
      } catch {
        return null;
      }
    },
    // An approval in flight is still a proposal to everyone reading.
    status: (a: AllocationRow) => (a.status === 'APPROVING' ? 'PROPOSED' : a.status),
    proposedBy: (a: AllocationRow, _: unknown, ctx: Context) => user(ctx, a.proposedBy),
    decidedBy: (a: AllocationRow, _: unknown, ctx: Context) => user(ctx, a.decidedBy),
    proposedAt: (a: AllocationRow) => iso(a.proposedAt),
    decidedAt: (a: AllocationRow) => iso(a.decidedAt),
    carriedFromId: (a: AllocationRow) => idOrNull(a.carriedFromId),
    disbursements: (a: AllocationRow, _: unknown, ctx: Context) => listDisbursements(ctx.user!, a),
  },
  Disbursement: {
    id: (d: DisbursementRow) => String(d._id),
    allocationId: (d: DisbursementRow) => String(d.allocationId),
    projectId: (d: DisbursementRow) => String(d.projectId),
    recordedBy: (d: DisbursementRow, _: unknown, ctx: Context) => user(ctx, d.recordedBy),
  },
  LedgerEntry: {
    id: (e: LedgerEntry) => String(e._id),
    allocationId: (e: LedgerEntry) => idOrNull(e.allocationId),
    disbursementId: (e: LedgerEntry) => idOrNull(e.disbursementId),
    projectId: (e: LedgerEntry) => idOrNull(e.projectId),
    reversesEntryId: (e: LedgerEntry) => idOrNull(e.reversesEntryId),
    createdBy: (e: LedgerEntry, _: unknown, ctx: Context) => user(ctx, e.createdBy),
    createdAt: (e: LedgerEntry) => iso(e.createdAt),
  },
  FundTotal: {
    utilisation: (t: FundTotal) => utilisation(t.allocated, t.disbursed),
  },
  Project: {
    fund: async (p: ProjectRow, _: unknown, ctx: Context) => {
      const f = await ctx.loaders.fundByProject.load(String(p._id));
      return {
        allocated: f.allocated,
        disbursed: f.disbursed,
        available: f.allocated - f.disbursed,
        utilisation: utilisation(f.allocated, f.disbursed),
      };
    },
  },
  Query: {
    fundYear: (_: unknown, args: { year: number }) => getFundYear(args.year),
    fundYears: () => listFundYears(),
    allocation: (_: unknown, args: { id: string }, ctx: Context) => getAllocation(ctx.user!, args.id),
    allocations: (_: unknown, args: { filter?: AllocationFilter; first?: number; after?: string }, ctx: Context) =>
      listAllocations(ctx.user!, args.filter ?? {}, args),
    pendingAllocations: (_: unknown, __: unknown, ctx: Context) => listPendingAllocations(ctx.user!),
    ledgerEntries: (_: unknown, args: { filter?: LedgerFilter; first?: number; after?: string }, ctx: Context) =>
      listLedgerEntries(ctx.user!, args.filter ?? {}, args),
    fundTotals: (
      _: unknown,
      args: { groupBy: FundGroupBy; year?: number | null; regionCode?: string | null },
      ctx: Context,
    ) => fundTotals(ctx.user!, args),
  },
  Mutation: {
    recordAppropriation: (_: unknown, args: { input: unknown }, ctx: Context) => recordAppropriation(ctx, args.input),
    closeFundYear: (_: unknown, args: { year: number }, ctx: Context) => closeFundYear(ctx, args.year),
    proposeAllocation: (_: unknown, args: { input: unknown }, ctx: Context) => proposeAllocation(ctx, args.input),
    approveAllocation: (_: unknown, args: { id: string }, ctx: Context) => approveAllocation(ctx, args.id),
    rejectAllocation: (_: unknown, args: { id: string; reason: string }, ctx: Context) =>
      rejectAllocation(ctx, args.id, args.reason),
    withdrawAllocation: (_: unknown, args: { id: string }, ctx: Context) => withdrawAllocation(ctx, args.id),
    recordDisbursement: (_: unknown, args: { input: Record<string, unknown> }, ctx: Context) =>
      recordDisbursement(ctx, withoutNulls(args.input)),
    reverseDisbursement: (_: unknown, args: { id: string; input: Record<string, unknown> }, ctx: Context) =>
      reverseDisbursement(ctx, args.id, withoutNulls(args.input)),
    reverseAllocation: (_: unknown, args: { id: string; input: Record<string, unknown> }, ctx: Context) =>
      reverseAllocation(ctx, args.id, withoutNulls(args.input)),
    carryOver: (_: unknown, args: { fromYear: number; allocationId: string; amount: number }, ctx: Context) =>
      carryOver(ctx, args.fromYear, args.allocationId, args.amount),
  },
};

const withoutNulls = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null));

const managers = hasRole('admin', 'manager');
const projectStaff = hasRole('admin', 'manager', 'officer');

// Reads: every signed-in role, region scope inside. Writes: the role here, then the record rules
// (officers only on their own projects, scope, separation of duties) in the service.
export const fundPermissions: PermissionMap = {
  Query: {
    fundYear: isAuthenticated,
    fundYears: isAuthenticated,
    allocation: isAuthenticated,
    allocations: isAuthenticated,
    pendingAllocations: isAuthenticated,
    ledgerEntries: isAuthenticated,
    fundTotals: isAuthenticated,
  },
  Mutation: {
    recordAppropriation: managers,
    closeFundYear: managers,
    approveAllocation: managers,
    rejectAllocation: managers,
    proposeAllocation: projectStaff,
    withdrawAllocation: projectStaff,
    recordDisbursement: projectStaff,
    reverseDisbursement: managers,
    reverseAllocation: managers,
    carryOver: managers,
  },
};
