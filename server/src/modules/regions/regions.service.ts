import { updateRegionInput } from '@pat/shared';
import type { Types } from 'mongoose';
import type { Context, CurrentUser } from '../../graphql/context';
import { badInput, conflict, forbidden, fromZod, notFound } from '../../graphql/errors';
import { ProjectModel } from '../projects/project.model';
import { inScope } from '../projects/projects.policy';
import { RegionModel } from './region.model';
import { regionScopeFilter } from './region-scope';
import { canWriteRegionRecord, refuseArchived, versionedWrite } from './region-records';

export type RegionRow = Record<string, unknown> & {
  _id: Types.ObjectId;
  code: string;
  parentCode: string | null;
  ancestors?: string[];
  archived?: boolean;
  version?: number;
};

/** A region's path: its ancestors, root first, then itself (what records in it carry as regionPath). */
export const pathOf = (r: RegionRow): string[] => [...(r.ancestors ?? []), r.code];

export const canReadRegion = (user: CurrentUser, r: RegionRow) => inScope(user, { regionPath: pathOf(r) });
export const canWriteRegion = (user: CurrentUser, r: RegionRow) =>
  canWriteRegionRecord(user, { regionPath: pathOf(r) });

/** Every live region the user may see, parents before children (codes sort that way). */
export async function listRegions(user: CurrentUser): Promise<RegionRow[]> {
  return (await RegionModel.collection
    .find({ archived: false, ...regionScopeFilter(user, 'code') })
    .sort({ code: 1 })
    .toArray()) as RegionRow[];
}

/** One region by code, archived ones included; out of scope answers NOT_FOUND like a missing one. */
export async function getRegion(user: CurrentUser, code: string): Promise<RegionRow> {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) throw badInput('code', 'must be a 6-digit region code');
  const region = (await RegionModel.collection.findOne({ code })) as RegionRow | null;
  if (!region || !canReadRegion(user, region)) throw notFound('Region', code);
  return region;
}

async function writableRegion(ctx: Context, code: string): Promise<RegionRow> {
  const region = await getRegion(ctx.user!, code);
  if (!canWriteRegion(ctx.user!, region)) throw forbidden('Only coordinators, managers and admins edit regions.');
  refuseArchived(region, `Region ${code}`);
  return region;
}

export async function updateRegion(ctx: Context, code: string, version: number, raw: unknown) {
  const region = await writableRegion(ctx, code);
  const parsed = updateRegionInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  return versionedWrite(ctx, RegionModel, 'Region', `Region ${code}`, region, version, parsed.data, 'update');
}

/** Archiving is refused while live projects or live sub-regions remain under the region. */
export async function archiveRegion(ctx: Context, code: string, version: number) {
  const region = await writableRegion(ctx, code);
  const [projects, children] = await Promise.all([
    ProjectModel.collection.countDocuments({ archived: false, regionPath: code }),
    RegionModel.collection.countDocuments({ archived: false, parentCode: code }),
  ]);
  if (projects > 0) {
    throw conflict(
      `Region ${code} still has ${projects} project${projects === 1 ? '' : 's'} that ${projects === 1 ? 'is' : 'are'} not archived (in it or in the regions under it); archive or move ${projects === 1 ? 'it' : 'them'} first.`,
      { projects },
    );
  }
  if (children > 0) {
    throw conflict(
      `Region ${code} still has ${children} sub-region${children === 1 ? '' : 's'} that ${children === 1 ? 'is' : 'are'} not archived; archive ${children === 1 ? 'it' : 'them'} first.`,
      { subRegions: children },
    );
  }
  return versionedWrite(ctx, RegionModel, 'Region', `Region ${code}`, region, version, { archived: true }, 'archive');
}
