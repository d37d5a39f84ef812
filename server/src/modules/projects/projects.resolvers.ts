import { isOverdue, officeDate, PROJECT_TRANSITIONS, type ProjectStatus } from '@pat/shared';
import type { Context } from '../../graphql/context';
import { stripNulls } from '../../graphql/inputs';
import { hasRole, isAuthenticated, type PermissionMap } from '../../graphql/permissions';
import { canWriteProject, inScope } from './projects.policy';
import {
  archiveProject,
  changeProjectStatus,
  createProject,
  getProject,
  listProjects,
  updateProject,
  type ProjectFilter,
  type ProjectRow,
  type SORT_FIELDS,
} from './projects.service';

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
const present = <T>(rows: (T | null)[]): T[] => rows.filter((r): r is T => r !== null);

export const projectsResolvers = {
  Project: {
    id: (p: ProjectRow) => String(p._id),
    region: (p: ProjectRow, _: unknown, ctx: Context) => ctx.loaders.regionByCode.load(String(p.regionCode)),
    regionAncestors: async (p: ProjectRow, _: unknown, ctx: Context) =>
      present(
        await ctx.loaders.regionByCode
          .loadMany(p.regionPath.slice(0, -1))
          .then((r) => r.map((x) => (x instanceof Error ? null : x))),
      ),
    officers: async (p: ProjectRow, _: unknown, ctx: Context) =>
      present(
        (await ctx.loaders.userById.loadMany(p.officerIds.map(String))).map((x) => (x instanceof Error ? null : x)),
      ),
    agreementIds: (p: ProjectRow) => ((p.agreementIds as unknown[]) ?? []).map(String),
    agreements: async (p: ProjectRow, _: unknown, ctx: Context) => {
      const rows = await ctx.loaders.agreementById.loadMany(((p.agreementIds as unknown[]) ?? []).map(String));
      const user = ctx.user;
      return present(rows.map((a) => (a instanceof Error ? null : a))).filter(
        (a) =>
          !a.archived && user !== null && inScope(user, { regionPath: (a.regionPaths as string[] | undefined) ?? [] }),
      );
    },
    description: (p: ProjectRow) => p.description ?? { zh: '', en: '' },
    budget: (p: ProjectRow) => {
      const b = (p.budget ?? {}) as Record<string, number>;
      return {
        specialFund: b.specialFund ?? 0,
        districtBudget: b.districtBudget ?? 0,
        donation: b.donation ?? 0,
        total: p.budgetTotal ?? 0,
      };
    },
    allowedNextStatuses: (p: ProjectRow) => PROJECT_TRANSITIONS[p.status],
    indicators: (p: ProjectRow) => ((p.indicators as Row[]) ?? []).map((i) => ({ ...i, id: String(i._id) })),
    milestones: (p: ProjectRow, _: unknown, ctx: Context) => ctx.loaders.milestonesByProject.load(String(p._id)),
    milestoneSummary: (p: ProjectRow) => ({
      total: p.milestoneCount ?? 0,
      done: p.milestoneDoneCount ?? 0,
      nextDueDate: p.nextDueDate ?? null,
      overdue: p.nextDueDate != null && String(p.nextDueDate) < officeDate(),
    }),
    canEdit: (p: ProjectRow, _: unknown, ctx: Context) => (ctx.user ? canWriteProject(ctx.user, p) : false),
    createdAt: (p: ProjectRow) => iso(p.createdAt),
    updatedAt: (p: ProjectRow) => iso(p.updatedAt),
  },
  Milestone: {
    id: (m: Row) => String(m._id),
    projectId: (m: Row) => String(m.projectId),
    overdue: (m: Row) => isOverdue(String(m.plannedDate), String(m.status)),
    loggedBy: (m: Row, _: unknown, ctx: Context) => ctx.loaders.userById.load(String(m.loggedBy)),
    loggedAt: (m: Row) => iso(m.loggedAt),
    note: (m: Row) => m.note ?? '',
  },
  Query: {
    projects: (
      _: unknown,
      args: {
        filter?: ProjectFilter;
        sort?: { field: keyof typeof SORT_FIELDS; direction: 'ASC' | 'DESC' };
        first?: number;
        after?: string;
      },
      ctx: Context,
    ) =>
      listProjects(
        ctx.user!,
        args.filter ?? {},
        { field: args.sort?.field ?? 'CODE', direction: args.sort?.direction === 'DESC' ? -1 : 1 },
        args,
      ),
    project: (_: unknown, args: { id: string }, ctx: Context) => getProject(ctx.user!, args.id),
  },
  Mutation: {
    createProject: (_: unknown, args: { input: unknown }, ctx: Context) => createProject(ctx, stripNulls(args.input)),
    updateProject: (_: unknown, args: { id: string; version: number; input: unknown }, ctx: Context) =>
      updateProject(ctx, args.id, args.version, stripNulls(args.input)),
    changeProjectStatus: (
      _: unknown,
      args: { id: string; version: number; status: ProjectStatus; reason?: string },
      ctx: Context,
    ) => changeProjectStatus(ctx, args.id, args.version, args.status, args.reason),
    archiveProject: (_: unknown, args: { id: string; version: number }, ctx: Context) =>
      archiveProject(ctx, args.id, args.version),
  },
};

const projectWriters = hasRole('admin', 'manager', 'officer');

// Reads: every signed-in role (region scope applies inside). Writes: the role here, then the
// record rules (officers only on their own projects, scope) in the service.
export const projectsPermissions: PermissionMap = {
  Query: { projects: isAuthenticated, project: isAuthenticated },
  Mutation: {
    createProject: projectWriters,
    updateProject: projectWriters,
    changeProjectStatus: projectWriters,
    archiveProject: projectWriters,
  },
};
