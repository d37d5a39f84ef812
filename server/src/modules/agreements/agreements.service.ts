import { afterWrite } from '../analytics/rollup.maintain';
import { refreshAgreementWatch } from './agreement-watch';
import { addDaysToDate, createAgreementInput, officeDate, updateAgreementInput } from '@pat/shared';
import { Types } from 'mongoose';
import type { Context, CurrentUser } from '../../graphql/context';
import { badInput, conflict, forbidden, fromZod, notFound } from '../../graphql/errors';
import { connection, type PageArgs } from '../../graphql/pagination';
import { recordAudit } from '../audit/audit.service';
import { inScope } from '../projects/projects.policy';
import { RegionModel } from '../regions/region.model';
import { AgreementModel } from './agreement.model';
import { canReadAgreement, canWriteAgreement, canWriteAgreements } from './agreements.policy';
import { CommitmentModel } from './commitment.model';

export type AgreementRow = Record<string, unknown> & {
  _id: Types.ObjectId;
  code: string;
  title: { zh: string; en: string };
  counterpart: string;
  regionCodes: string[];
  regionPaths: string[];
  validFrom: string;
  validUntil: string;
  archived: boolean;
  version: number;
};

export type AgreementFilter = {
  regionCode?: string | null;
  kind?: string | null;
  field?: string | null;
  search?: string | null;
  expiringWithinDays?: number | null;
  includeExpired?: boolean | null;
  includeArchived?: boolean | null;
};

export const AGREEMENT_SORT_FIELDS = {
  CODE: 'code',
  SIGNED_ON: 'signedOn',
  VALID_UNTIL: 'validUntil',
  TITLE_ZH: 'title.zh',
} as const;

/** The longest look-ahead the expiry filter accepts (ten years). */
export const MAX_EXPIRY_WINDOW_DAYS = 3660;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const searchText = (a: { code: string; title: { zh: string; en: string }; counterpart: string }) =>
  [a.code, a.title.zh, a.title.en, a.counterpart].join(' ').toLowerCase();

/** The database filter for an agreement list: the user's region scope and the filters they chose. */
export function agreementFilter(user: CurrentUser, f: AgreementFilter = {}): Record<string, unknown> {
  const and: Record<string, unknown>[] = [{ archived: f.includeArchived ? { $in: [true, false] } : false }];
  if (user.regionScope.length > 0) and.push({ regionPaths: { $in: user.regionScope } });
  if (f.regionCode) and.push({ regionPaths: f.regionCode });
  if (f.kind) and.push({ kind: f.kind });
  if (f.field) and.push({ fields: f.field });
  const today = officeDate();
  const validUntil: Record<string, string> = {};
  // "Expiring within n days" means still valid and ending by then, so it leaves out expired ones too.
  if (!f.includeExpired || f.expiringWithinDays != null) validUntil.$gte = today;
  if (f.expiringWithinDays != null) {
    const days = f.expiringWithinDays;
    if (!Number.isInteger(days) || days < 0 || days > MAX_EXPIRY_WINDOW_DAYS)
      throw badInput('filter.expiringWithinDays', `must be a whole number of days from 0 to ${MAX_EXPIRY_WINDOW_DAYS}`);
    validUntil.$lte = addDaysToDate(today, days);
  }
  if (Object.keys(validUntil).length > 0) and.push({ validUntil });
  if (f.search) {
    const term = f.search.trim().toLowerCase();
    if (term.length > 100) throw badInput('filter.search', 'must be at most 100 characters');
    if (term) and.push({ search: { $regex: escapeRegex(term) } });
  }
  return and.length === 1 ? and[0]! : { $and: and };
}

export function listAgreements(
  user: CurrentUser,
  filter: AgreementFilter,
  sort: { field: keyof typeof AGREEMENT_SORT_FIELDS; direction: 1 | -1 },
  page: PageArgs,
) {
  return connection<AgreementRow>(
    AgreementModel,
    agreementFilter(user, filter),
    { field: AGREEMENT_SORT_FIELDS[sort.field], direction: sort.direction },
    page,
  );
}

export async function getAgreement(user: CurrentUser, id: string, field = 'id'): Promise<AgreementRow> {
  if (!Types.ObjectId.isValid(id)) throw badInput(field, 'is not a valid id');
  const agreement = (await AgreementModel.collection.findOne({
    _id: new Types.ObjectId(id),
  })) as AgreementRow | null;
  // Out-of-scope records answer NOT_FOUND, so a scoped user cannot even learn that they exist.
  if (!agreement || !canReadAgreement(user, agreement)) throw notFound('Agreement', id);
  return agreement;
}

/** Per region code, the region's ancestors and itself (a region no longer in the tree stands alone). */
export async function regionTrails(codes: string[]): Promise<Map<string, string[]>> {
  const rows = await RegionModel.collection
    .find({ code: { $in: codes } }, { projection: { code: 1, ancestors: 1 } })
    .toArray();
  const trails = new Map(rows.map((r) => [String(r.code), [...((r.ancestors as string[] | undefined) ?? []), r.code]]));
  return new Map(codes.map((code) => [code, trails.get(code) ?? [code]]));
}

/** The regionPaths of an agreement concerning `codes`: every code must be a region in the user's scope. */
async function regionPathsFor(codes: string[], user: CurrentUser, field: string): Promise<string[]> {
  const regions = await RegionModel.collection
    .find({ code: { $in: codes }, archived: false }, { projection: { code: 1, ancestors: 1 } })
    .toArray();
  const byCode = new Map(regions.map((r) => [String(r.code), (r.ancestors as string[] | undefined) ?? []]));
  const paths = new Set<string>();
  for (const code of codes) {
    const ancestors = byCode.get(code);
    if (!ancestors) throw badInput(field, `no region has the code ${code}`);
    const path = [...ancestors, code];
    if (!inScope(user, { regionPath: path })) throw forbidden(`Region ${code} is outside your region scope.`);
    path.forEach((c) => paths.add(c));
  }
  return [...paths];
}

function requireWriterRole(user: CurrentUser) {
  if (!canWriteAgreements(user))
    throw forbidden('Only coordinators, managers and admins change agreements and commitments.');
}

/** The agreement, if the user may change it (and its commitments): NOT_FOUND out of scope, FORBIDDEN partly out. */
export async function writableAgreement(ctx: Context, id: string, field = 'id'): Promise<AgreementRow> {
  const user = ctx.user!;
  requireWriterRole(user);
  const agreement = await getAgreement(user, id, field);
  const trails = await regionTrails(agreement.regionCodes);
  if (!canWriteAgreement(user, [...trails.values()]))
    throw forbidden(`You may not change agreement ${agreement.code}: it concerns regions outside your region scope.`);
  return agreement;
}

export async function createAgreement(ctx: Context, raw: unknown) {
  const user = ctx.user!;
  requireWriterRole(user);
  const parsed = createAgreementInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const input = parsed.data;
  const regionPaths = await regionPathsFor(input.regionCodes, user, 'input.regionCodes');
  const duplicate = () => conflict(`An agreement with the code ${input.code} already exists.`, { field: 'input.code' });
  if (await AgreementModel.exists({ code: input.code })) throw duplicate();
  let created;
  try {
    created = await AgreementModel.create({
      ...input,
      regionPaths,
      search: searchText(input),
      createdBy: new Types.ObjectId(user.id),
    });
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw duplicate();
    throw error;
  }
  const row = created.toObject() as unknown as AgreementRow;
  await recordAudit(ctx, { action: 'create', kind: 'Agreement', recordId: String(row._id), before: null, after: row });
  afterWrite(refreshAgreementWatch);
  return row;
}

/** Applies `changes` only if the agreement is still at `version`; otherwise CONFLICT and nothing changes. */
async function writeAgreement(
  ctx: Context,
  before: AgreementRow,
  version: number,
  changes: Record<string, unknown>,
  action: string,
) {
  const updated = (await AgreementModel.collection.findOneAndUpdate(
    { _id: before._id, version },
    { $set: { ...changes, updatedAt: new Date() }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  )) as AgreementRow | null;
  if (!updated) {
    throw conflict(
      `Agreement ${before.code} was changed by someone else (now version ${before.version}, you sent ${version}); reload and try again.`,
      { currentVersion: before.version },
    );
  }
  await recordAudit(ctx, { action, kind: 'Agreement', recordId: String(before._id), before, after: updated });
  return updated;
}

export async function updateAgreement(ctx: Context, id: string, version: number, raw: unknown) {
  const agreement = await writableAgreement(ctx, id);
  const parsed = updateAgreementInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const input = parsed.data;
  const validFrom = input.validFrom ?? agreement.validFrom;
  const validUntil = input.validUntil ?? agreement.validUntil;
  if (validUntil < validFrom) throw badInput('input.validUntil', 'must not be before validFrom');
  const changes: Record<string, unknown> = { ...input };
  if (input.regionCodes) changes.regionPaths = await regionPathsFor(input.regionCodes, ctx.user!, 'input.regionCodes');
  if (input.title || input.counterpart)
    changes.search = searchText({
      code: agreement.code,
      title: input.title ?? agreement.title,
      counterpart: input.counterpart ?? agreement.counterpart,
    });
  const updated = await writeAgreement(ctx, agreement, version, changes, 'update');
  // Commitments carry the agreement's regions for scope filtering: keep them in step.
  if (changes.regionPaths)
    await CommitmentModel.collection.updateMany(
      { agreementId: agreement._id },
      { $set: { regionPaths: changes.regionPaths } },
    );
  afterWrite(refreshAgreementWatch);
  return updated;
}

export async function archiveAgreement(ctx: Context, id: string, version: number) {
  const agreement = await writableAgreement(ctx, id);
  if (agreement.archived) throw badInput('id', `agreement ${agreement.code} is already archived`);
  const updated = await writeAgreement(ctx, agreement, version, { archived: true }, 'archive');
  // Its commitments leave the lists with it (they keep their own archived flag and history).
  await CommitmentModel.collection.updateMany({ agreementId: agreement._id }, { $set: { agreementArchived: true } });
  afterWrite(refreshAgreementWatch);
  return updated;
}

/**
 * What another module (documents attached to an agreement) needs to know: the agreement's regions,
 * and whether the user may attach to it. NOT_FOUND when the user may not read it.
 */
export async function agreementAccess(user: CurrentUser, id: string) {
  const agreement = await getAgreement(user, id, 'recordId');
  const trails = await regionTrails(agreement.regionCodes);
  return { regionPath: agreement.regionPaths, canRead: true, canAttach: canWriteAgreement(user, [...trails.values()]) };
}
