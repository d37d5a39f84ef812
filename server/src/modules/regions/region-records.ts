import type { Role } from '@pat/shared';
import { Types, type mongo } from 'mongoose';
import type { Context, CurrentUser } from '../../graphql/context';
import { badInput, conflict, forbidden } from '../../graphql/errors';
import { recordAudit, type AuditKind } from '../audit/audit.service';
import { inScope } from '../projects/projects.policy';
import { RegionModel } from './region.model';

/** Roles that keep regions, contacts and the liaison log (docs/permissions.md). */
export const REGION_RECORD_WRITERS: Role[] = ['admin', 'manager', 'coordinator'];

/** Whether the user may change this region-bound record: a writer's role, and the record in scope. */
export const canWriteRegionRecord = (user: CurrentUser, record: { regionPath: string[] }) =>
  REGION_RECORD_WRITERS.includes(user.role) && inScope(user, record);

/** Every record these modules keep: region-bound, versioned, archivable. */
export type RegionRecord = Record<string, unknown> & {
  _id: Types.ObjectId;
  regionCode: string;
  regionPath: string[];
  archived: boolean;
  version: number;
};

export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lower-cased text the search box matches. */
export const searchText = (...parts: (string | string[] | undefined | null)[]) =>
  parts
    .flat()
    .filter((p): p is string => Boolean(p))
    .join(' ')
    .toLowerCase();

/** The filter conditions every region-bound list shares: archived, the user's scope, a region (subtree), a search. */
export function regionListConditions(
  user: CurrentUser,
  f: { regionCode?: string | null; search?: string | null; includeArchived?: boolean | null },
): Record<string, unknown>[] {
  const and: Record<string, unknown>[] = [{ archived: f.includeArchived ? { $in: [true, false] } : false }];
  if (user.regionScope.length > 0) and.push({ regionPath: { $in: user.regionScope } });
  if (f.regionCode) and.push({ regionPath: f.regionCode });
  if (f.search) {
    const term = f.search.trim().toLowerCase();
    if (term.length > 100) throw badInput('filter.search', 'must be at most 100 characters');
    if (term) and.push({ search: { $regex: escapeRegex(term) } });
  }
  return and;
}

export const andAll = (and: Record<string, unknown>[]) => (and.length === 1 ? and[0]! : { $and: and });

/** An id from a client, or BAD_USER_INPUT naming the argument. */
export function toObjectId(id: string, field = 'id'): Types.ObjectId {
  if (typeof id !== 'string' || !/^[a-f0-9]{24}$/i.test(id)) throw badInput(field, 'is not a valid id');
  return new Types.ObjectId(id);
}

/**
 * The regionPath (ancestors, then the region) a new or moved record gets. The region must exist and be
 * live (else BAD_USER_INPUT naming `field`) and lie in the user's scope (else FORBIDDEN, as for projects).
 */
export async function regionPathFor(user: CurrentUser, code: string, field: string): Promise<string[]> {
  const region = await RegionModel.collection.findOne({ code, archived: false });
  if (!region) throw badInput(field, `no region has the code ${code}`);
  const path = [...((region.ancestors as string[] | undefined) ?? []), code];
  if (!inScope(user, { regionPath: path })) throw forbidden(`Region ${code} is outside your region scope.`);
  return path;
}

/**
 * Applies `changes` only if the record is still at `version` (one conditional update, no transaction);
 * otherwise CONFLICT and nothing changes. A successful write records its audit entry.
 */
export async function versionedWrite<T extends { _id: Types.ObjectId; version?: number }>(
  ctx: Context,
  model: { collection: mongo.Collection },
  kind: AuditKind,
  label: string,
  before: T,
  version: number,
  changes: Record<string, unknown>,
  action: string,
): Promise<T> {
  const current = before.version ?? 0;
  // Rows written before versioning existed have no version field: they count as version 0.
  const versionMatch = version === 0 ? { $in: [0, null] } : version;
  const after = (await model.collection.findOneAndUpdate(
    { _id: before._id, version: versionMatch },
    { $set: { ...changes, updatedAt: new Date() }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  )) as T | null;
  if (!after) {
    throw conflict(
      `${label} was changed by someone else (now version ${current}, you sent ${version}); reload and try again.`,
      { currentVersion: current },
    );
  }
  await recordAudit(ctx, { action, kind, recordId: String(before._id), before, after });
  return after;
}

/** Archived records stay readable but are not edited any more. */
export function refuseArchived(record: { archived?: boolean }, label: string): void {
  if (record.archived) throw conflict(`${label} is archived; it can no longer be changed.`);
}
