import { isAgreementExpired, isAgreementExpiringSoon, isCommitmentOverdue, type CommitmentStatus } from '@pat/shared';
import type { Context } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { hasRole, isAuthenticated, type PermissionMap } from '../../graphql/permissions';
import { canRead } from '../projects/projects.policy';
import { stripNulls } from '../../graphql/inputs';
import { AGREEMENT_WRITERS, canReadAgreement, canWriteAgreement, canWriteAgreements } from './agreements.policy';
import {
  archiveAgreement,
  createAgreement,
  getAgreement,
  listAgreements,
  updateAgreement,
  type AGREEMENT_SORT_FIELDS,
  type AgreementFilter,
  type AgreementRow,
} from './agreements.service';
import {
  archiveCommitment,
  changeCommitmentStatus,
  createCommitment,
  listCommitments,
  updateCommitment,
  type CommitmentFilter,
  type CommitmentRow,
} from './commitments.service';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
const present = <T>(rows: (T | Error | null)[]): T[] => rows.filter((r): r is T => r !== null && !(r instanceof Error));

/** The commitments of an agreement the user may see (they share its regions, so its scope). */
async function visibleCommitments(a: AgreementRow, ctx: Context): Promise<CommitmentRow[]> {
  const rows = (await ctx.loaders.commitmentsByAgreement.load(String(a._id))) as CommitmentRow[];
  return rows.filter((c) => ctx.user !== null && canReadAgreement(ctx.user, c));
}

/** Whether the signed-in user may change the agreement: writer role and every region of it in scope. */
async function userCanEdit(a: AgreementRow, ctx: Context): Promise<boolean> {
  const user = ctx.user;
  if (!user || !canWriteAgreements(user)) return false;
  if (user.regionScope.length === 0) return true;
  const regions = present(await ctx.loaders.regionByCode.loadMany(a.regionCodes));
  const trails = a.regionCodes.map((code) => {
    const region = regions.find((r) => r.code === code);
    return [...((region?.ancestors as string[] | undefined) ?? []), code];
  });
  return canWriteAgreement(user, trails);
}

async function agreementOf(c: CommitmentRow, ctx: Context): Promise<AgreementRow> {
  const agreement = (await ctx.loaders.agreementById.load(String(c.agreementId))) as AgreementRow | null;
  if (!agreement || !ctx.user || !canReadAgreement(ctx.user, agreement))
    throw notFound('Agreement', String(c.agreementId));
  return agreement;
}

export const agreementsResolvers = {
  Agreement: {
    id: (a: AgreementRow) => String(a._id),
    fields: (a: AgreementRow) => a.fields ?? [],
    signatories: (a: AgreementRow) => a.signatories ?? [],
    regionCodes: (a: AgreementRow) => a.regionCodes ?? [],
    regions: async (a: AgreementRow, _: unknown, ctx: Context) =>
      present(await ctx.loaders.regionByCode.loadMany(a.regionCodes ?? [])),
    note: (a: AgreementRow) => a.note ?? '',
    expiringSoon: (a: AgreementRow) => isAgreementExpiringSoon(a.validUntil),
    expired: (a: AgreementRow) => isAgreementExpired(a.validUntil),
    commitments: (a: AgreementRow, _: unknown, ctx: Context) => visibleCommitments(a, ctx),
    overdueCommitmentCount: async (a: AgreementRow, _: unknown, ctx: Context) =>
      (await visibleCommitments(a, ctx)).filter((c) => isCommitmentOverdue(c.dueDate, c.status)).length,
    projects: async (a: AgreementRow, _: unknown, ctx: Context) =>
      (await ctx.loaders.projectsByAgreement.load(String(a._id))).filter(
        (p) => ctx.user !== null && canRead(ctx.user, { regionPath: (p.regionPath as string[] | undefined) ?? [] }),
      ),
    canEdit: (a: AgreementRow, _: unknown, ctx: Context) => userCanEdit(a, ctx),
    createdBy: (a: AgreementRow, _: unknown, ctx: Context) => ctx.loaders.userById.load(String(a.createdBy)),
    createdAt: (a: AgreementRow) => iso(a.createdAt),
    updatedAt: (a: AgreementRow) => iso(a.updatedAt),
  },
  Commitment: {
    id: (c: CommitmentRow) => String(c._id),
    agreementId: (c: CommitmentRow) => String(c.agreementId),
    agreement: (c: CommitmentRow, _: unknown, ctx: Context) => agreementOf(c, ctx),
    statusNote: (c: CommitmentRow) => c.statusNote ?? '',
    completedOn: (c: CommitmentRow) => c.completedOn ?? null,
    overdue: (c: CommitmentRow) => isCommitmentOverdue(c.dueDate, c.status),
    canEdit: async (c: CommitmentRow, _: unknown, ctx: Context) => userCanEdit(await agreementOf(c, ctx), ctx),
    createdAt: (c: CommitmentRow) => iso(c.createdAt),
    updatedAt: (c: CommitmentRow) => iso(c.updatedAt),
  },
  Query: {
    agreements: (
      _: unknown,
      args: {
        filter?: AgreementFilter;
        sort?: { field: keyof typeof AGREEMENT_SORT_FIELDS; direction: 'ASC' | 'DESC' };
        first?: number;
        after?: string;
      },
      ctx: Context,
    ) =>
      listAgreements(
        ctx.user!,
        args.filter ?? {},
        { field: args.sort?.field ?? 'CODE', direction: args.sort?.direction === 'DESC' ? -1 : 1 },
        args,
      ),
    agreement: (_: unknown, args: { id: string }, ctx: Context) => getAgreement(ctx.user!, args.id),
    commitments: (_: unknown, args: { filter?: CommitmentFilter; first?: number; after?: string }, ctx: Context) =>
      listCommitments(ctx.user!, args.filter ?? {}, args),
  },
  Mutation: {
    createAgreement: (_: unknown, args: { input: unknown }, ctx: Context) =>
      createAgreement(ctx, stripNulls(args.input)),
    updateAgreement: (_: unknown, args: { id: string; version: number; input: unknown }, ctx: Context) =>
      updateAgreement(ctx, args.id, args.version, stripNulls(args.input)),
    archiveAgreement: (_: unknown, args: { id: string; version: number }, ctx: Context) =>
      archiveAgreement(ctx, args.id, args.version),
    createCommitment: (_: unknown, args: { agreementId: string; input: unknown }, ctx: Context) =>
      createCommitment(ctx, args.agreementId, stripNulls(args.input)),
    updateCommitment: (_: unknown, args: { id: string; version: number; input: unknown }, ctx: Context) =>
      updateCommitment(ctx, args.id, args.version, stripNulls(args.input)),
    changeCommitmentStatus: (
      _: unknown,
      args: {
        id: string;
        version: number;
        status: CommitmentStatus;
        note?: string | null;
        completedOn?: string | null;
      },
      ctx: Context,
    ) =>
      changeCommitmentStatus(
        ctx,
        args.id,
        args.version,
        stripNulls({ status: args.status, note: args.note, completedOn: args.completedOn }),
      ),
    archiveCommitment: (_: unknown, args: { id: string; version: number }, ctx: Context) =>
      archiveCommitment(ctx, args.id, args.version),
  },
};

const agreementWriters = hasRole(...AGREEMENT_WRITERS);

// Reads: every signed-in role (region scope applies inside). Writes: the roles here, then the
// record rule (every region of the agreement within the user's scope) in the services.
export const agreementsPermissions: PermissionMap = {
  Query: { agreements: isAuthenticated, agreement: isAuthenticated, commitments: isAuthenticated },
  Mutation: {
    createAgreement: agreementWriters,
    updateAgreement: agreementWriters,
    archiveAgreement: agreementWriters,
    createCommitment: agreementWriters,
    updateCommitment: agreementWriters,
    changeCommitmentStatus: agreementWriters,
    archiveCommitment: agreementWriters,
  },
};
