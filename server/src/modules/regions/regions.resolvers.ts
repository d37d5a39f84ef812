import type { Context } from '../../graphql/context';
import { hasRole, isAuthenticated, type PermissionMap } from '../../graphql/permissions';
import { stripNulls } from '../../graphql/inputs';
import { listProjects, type ProjectFilter, type SORT_FIELDS } from '../projects/projects.service';
import { childrenByParent, type RegionCounts } from './region-loaders';
import { REGION_RECORD_WRITERS } from './region-records';
import {
  archiveRegion,
  canReadRegion,
  canWriteRegion,
  getRegion,
  listRegions,
  updateRegion,
  type RegionRow,
} from './regions.service';

const present = <T>(rows: (T | Error | null)[]): T[] => rows.filter((r): r is T => r !== null && !(r instanceof Error));

const NO_OFFICE = { name: '', address: '', phone: '', head: '' };

/** Counts of a region above the user's scope: the sums over the topmost scope regions under it. */
async function countsWithinScope(r: RegionRow, ctx: Context): Promise<RegionCounts> {
  const scope = ctx.user!.regionScope;
  const scoped = present((await ctx.loaders.regionByCode.loadMany(scope)) as (RegionRow | Error | null)[]);
  const tops = scoped.filter((s) => {
    const above = s.ancestors ?? [];
    return above.includes(r.code) && !above.some((code) => scope.includes(code));
  });
  const counts = present(await ctx.loaders.regionCounts.loadMany(tops.map((s) => s.code)));
  const sum = (key: keyof RegionCounts) => counts.reduce((total, c) => total + c[key], 0);
  return {
    projects: 0,
    projectsIncludingDescendants: sum('projectsIncludingDescendants'),
    contacts: sum('contacts'),
    liaisonActivities: sum('liaisonActivities'),
  };
}

export const regionsResolvers = {
  RegionLevel: { PROVINCE: 'province', PREFECTURE: 'prefecture', COUNTY: 'county' },
  Region: {
    id: (r: RegionRow) => String(r._id),
    location: (r: { location?: { lng?: number | null; lat?: number | null } }) =>
      r.location?.lng != null && r.location?.lat != null ? r.location : null,
    ancestors: (r: RegionRow) => r.ancestors ?? [],
    ancestorRegions: async (r: RegionRow, _: unknown, ctx: Context) =>
      present((await ctx.loaders.regionByCode.loadMany(r.ancestors ?? [])) as (RegionRow | Error | null)[]).filter(
        (a) => canReadRegion(ctx.user!, a),
      ),
    children: async (r: RegionRow, _: unknown, ctx: Context) =>
      (await ctx.loaders.regionChildren.load(r.code)).filter((c) => canReadRegion(ctx.user!, c)),
    // A region above the user's scope (reached as a project's ancestor) shows its name, not its profile.
    population: (r: RegionRow, _: unknown, ctx: Context) =>
      canReadRegion(ctx.user!, r) ? (r.population ?? null) : null,
    povertyStatus: (r: RegionRow, _: unknown, ctx: Context) =>
      canReadRegion(ctx.user!, r) ? (r.povertyStatus ?? 'NOT_DESIGNATED') : null,
    pairedUnits: (r: RegionRow, _: unknown, ctx: Context) => (canReadRegion(ctx.user!, r) ? (r.pairedUnits ?? []) : []),
    liaisonOffice: (r: RegionRow, _: unknown, ctx: Context) => {
      const office = { ...NO_OFFICE, ...(r.liaisonOffice as Partial<typeof NO_OFFICE> | undefined) };
      return canReadRegion(ctx.user!, r) && Object.values(office).some(Boolean) ? office : null;
    },
    counts: (r: RegionRow, _: unknown, ctx: Context) =>
      canReadRegion(ctx.user!, r) ? ctx.loaders.regionCounts.load(r.code) : countsWithinScope(r, ctx),
    projects: (
      r: RegionRow,
      args: {
        filter?: ProjectFilter | null;
        sort?: { field: keyof typeof SORT_FIELDS; direction: 'ASC' | 'DESC' } | null;
        first?: number | null;
        after?: string | null;
      },
      ctx: Context,
    ) =>
      listProjects(
        ctx.user!,
        { ...(args.filter ?? {}), regionCode: r.code },
        { field: args.sort?.field ?? 'CODE', direction: args.sort?.direction === 'DESC' ? -1 : 1 },
        args,
      ),
    archived: (r: RegionRow) => r.archived ?? false,
    canEdit: (r: RegionRow, _: unknown, ctx: Context) => canWriteRegion(ctx.user!, r) && !r.archived,
    version: (r: RegionRow) => r.version ?? 0,
    updatedAt: (r: RegionRow) => (r.updatedAt instanceof Date ? r.updatedAt.toISOString() : null),
  },
  Query: {
    regions: (_: unknown, __: unknown, ctx: Context) => listRegions(ctx.user!),
    region: (_: unknown, args: { code: string }, ctx: Context) => getRegion(ctx.user!, args.code),
    regionTree: async (_: unknown, __: unknown, ctx: Context) => {
      const visible = await listRegions(ctx.user!);
      // Every visible region's subtree is visible too, so the children lists are complete: prime them
      // (and the regions by code) and the whole tree resolves without another query.
      for (const [code, children] of childrenByParent(
        visible,
        visible.map((r) => r.code),
      ))
        ctx.loaders.regionChildren.prime(code, children);
      for (const r of visible) ctx.loaders.regionByCode.prime(r.code, r);
      const codes = new Set(visible.map((r) => r.code));
      return visible.filter((r) => !r.parentCode || !codes.has(r.parentCode));
    },
  },
  Mutation: {
    updateRegion: (_: unknown, a: { code: string; version: number; input: unknown }, ctx: Context) =>
      updateRegion(ctx, a.code, a.version, stripNulls(a.input)),
    archiveRegion: (_: unknown, a: { code: string; version: number }, ctx: Context) =>
      archiveRegion(ctx, a.code, a.version),
  },
};

const regionWriters = hasRole(...REGION_RECORD_WRITERS);

// Reads: every signed-in role, region scope applied in the service. Writes: the roles here, then
// the region scope in the service.
export const regionsPermissions: PermissionMap = {
  Query: { regions: isAuthenticated, region: isAuthenticated, regionTree: isAuthenticated },
  Mutation: { updateRegion: regionWriters, archiveRegion: regionWriters },
};
