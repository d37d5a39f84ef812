import {
  createProjectInput,
  DEFAULT_DAC_CODE,
  officeDate,
  PROJECT_TRANSITIONS,
  STATUSES_NEEDING_REASON,
  updateProjectInput,
  type ProjectStatus,
} from '@pat/shared';
import { Types } from 'mongoose';
import type { Context, CurrentUser } from '../../graphql/context';
import { badInput, conflict, forbidden, fromZod, notFound } from '../../graphql/errors';
import { connection, type PageArgs } from '../../graphql/pagination';
import { AgreementModel } from '../agreements/agreement.model';
import { refreshProjectRollups } from '../analytics/rollup.maintain';
import { recordAudit } from '../audit/audit.service';
import { DocumentModel } from '../documents/document.model';
import { MilestoneModel } from '../milestones/milestone.model';
import { RegionModel } from '../regions/region.model';
import { UserModel } from '../users/user.model';
import { ProjectModel } from './project.model';
import { canCreateProject, canRead, canWriteProject, inScope } from './projects.policy';

export type ProjectRow = Record<string, unknown> & {
  _id: Types.ObjectId;
  code: string;
  name: { zh: string; en: string };
  regionPath: string[];
  officerIds: Types.ObjectId[];
  status: ProjectStatus;
  version: number;
};

export type ProjectFilter = {
  regionCode?: string | null;
  sector?: string | null;
  status?: string | null;
  year?: number | null;
  officerId?: string | null;
  implementingUnit?: string | null;
  overdueOnly?: boolean | null;
  risk?: string | null;
  search?: string | null;
  /** Progress (0-100) at least this… */
  progressMin?: number | null;
  /** …and below this (the dashboard's buckets are [from, to); 101 includes 100). */
  progressMax?: number | null;
  includeArchived?: boolean | null;
};

export const SORT_FIELDS = {
  CODE: 'code',
  NAME_ZH: 'name.zh',
  NAME_EN: 'name.en',
  PLANNED_START: 'plannedStart',
  PLANNED_END: 'plannedEnd',
  STATUS: 'status',
  BUDGET: 'budgetTotal',
  PROGRESS: 'progress',
  UPDATED_AT: 'updatedAt',
  NEXT_DUE: 'nextDueDate',
} as const;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const searchText = (p: { code: string; name: { zh: string; en: string } }) =>
  [p.code, p.name.zh, p.name.en].join(' ').toLowerCase();

function progressRange(f: ProjectFilter): Record<string, number> | null {
  const range: Record<string, number> = {};
  for (const [name, op] of [
    ['progressMin', '$gte'],
    ['progressMax', '$lt'],
  ] as const) {
    const v = f[name];
    if (v == null) continue;
    if (!Number.isInteger(v) || v < 0 || v > 101)
      throw badInput(`filter.${name}`, 'must be a whole number from 0 to 101');
    range[op] = v;
  }
  return Object.keys(range).length ? range : null;
}

/** The database filter for a project list: the user's region scope and the filters they chose. */
export function projectFilter(user: CurrentUser, f: ProjectFilter = {}): Record<string, unknown> {
  const and: Record<string, unknown>[] = [{ archived: f.includeArchived ? { $in: [true, false] } : false }];
  if (user.regionScope.length > 0) and.push({ regionPath: { $in: user.regionScope } });
  if (f.regionCode) and.push({ regionPath: f.regionCode });
  if (f.sector) and.push({ sector: f.sector });
  if (f.status) and.push({ status: f.status });
  if (f.risk) and.push({ risk: f.risk });
  if (f.implementingUnit) and.push({ implementingUnit: f.implementingUnit });
  if (f.officerId) {
    if (!Types.ObjectId.isValid(f.officerId)) throw badInput('filter.officerId', 'is not a valid id');
    and.push({ officerIds: new Types.ObjectId(f.officerId) });
  }
  if (f.year != null) {
    if (!Number.isInteger(f.year) || f.year < 2000 || f.year > 2100)
      throw badInput('filter.year', 'must be a year between 2000 and 2100');
    // Projects running at some point in that year.
    and.push({ plannedStart: { $lte: `${f.year}-12-31` } }, { plannedEnd: { $gte: `${f.year}-01-01` } });
  }
  if (f.overdueOnly) and.push({ nextDueDate: { $lt: officeDate(), $ne: null } });
  const progress = progressRange(f);
  if (progress) and.push({ progress });
  if (f.search) {
    const term = f.search.trim().toLowerCase();
    if (term.length > 100) throw badInput('filter.search', 'must be at most 100 characters');
    if (term) and.push({ search: { $regex: escapeRegex(term) } });
  }
  return and.length === 1 ? and[0]! : { $and: and };
}

export function listProjects(
  user: CurrentUser,
  filter: ProjectFilter,
  sort: { field: keyof typeof SORT_FIELDS; direction: 1 | -1 },
  page: PageArgs,
) {
  return connection<ProjectRow>(
    ProjectModel,
    projectFilter(user, filter),
    { field: SORT_FIELDS[sort.field], direction: sort.direction },
    page,
  );
}

export async function getProject(user: CurrentUser, id: string): Promise<ProjectRow> {
  if (!Types.ObjectId.isValid(id)) throw badInput('id', 'is not a valid id');
  const project = (await ProjectModel.collection.findOne({ _id: new Types.ObjectId(id) })) as ProjectRow | null;
  // Out-of-scope records answer NOT_FOUND, so a scoped user cannot even learn that they exist.
  if (!project || !canRead(user, project)) throw notFound('Project', id);
  return project;
}

/**
 * What a bulk caller (the import) checked for its whole file moments before writing, so each row's
 * write skips a lookup that FerretDB answers by a collection scan (docs/ferretdb.md).
 */
export type ProjectWriteOptions = {
  /** No project had this code at the caller's check; the unique index still refuses a race. */
  codeKnownNew?: boolean;
  /** Path (ancestors, then the region) of each unarchived region by code, as the caller read them. */
  regionPaths?: ReadonlyMap<string, string[]>;
};

async function regionPathOf(
  code: string,
  user: CurrentUser,
  field = 'regionCode',
  known?: ReadonlyMap<string, string[]>,
): Promise<string[]> {
  let path = known?.get(code);
  if (!known) {
    const region = await RegionModel.collection.findOne({ code, archived: false });
    if (region) path = [...((region.ancestors as string[] | undefined) ?? []), code];
  }
  if (!path) throw badInput(field, `no region has the code ${code}`);
  if (!inScope(user, { regionPath: path })) throw forbidden(`Region ${code} is outside your region scope.`);
  return path;
}

async function checkAgreements(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await AgreementModel.countDocuments({ _id: { $in: ids }, archived: false });
  if (found !== new Set(ids).size) throw badInput('input.agreementIds', 'must name existing, non-archived agreements');
}

async function checkOfficers(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await UserModel.countDocuments({
    _id: { $in: ids },
    role: { $in: ['officer', 'manager', 'admin'] },
    active: true,
  });
  if (found !== new Set(ids).size) throw badInput('officerIds', 'must name active officers, managers or admins');
}

export async function createProject(ctx: Context, raw: unknown, options: ProjectWriteOptions = {}) {
  const user = ctx.user!;
  if (!canCreateProject(user)) throw forbidden('Only officers, managers and admins create projects.');
  const parsed = createProjectInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const input = parsed.data;
  const officerIds =
    user.role === 'officer' && !input.officerIds.includes(user.id) ? [user.id, ...input.officerIds] : input.officerIds;
  const regionPath = await regionPathOf(input.regionCode, user, 'input.regionCode', options.regionPaths);
  await checkOfficers(officerIds);
  await checkAgreements(input.agreementIds);
  if (!options.codeKnownNew && (await ProjectModel.exists({ code: input.code })))
    throw conflict(`A project with the code ${input.code} already exists.`, { field: 'input.code' });
  const doc = {
    ...input,
    description: input.description ?? { zh: '', en: '' },
    dacCode: input.dacCode ?? DEFAULT_DAC_CODE[input.sector],
    officerIds: officerIds.map((id) => new Types.ObjectId(id)),
    agreementIds: input.agreementIds.map((id) => new Types.ObjectId(id)),
    regionPath,
    budgetTotal: input.budget.specialFund + input.budget.districtBudget + input.budget.donation,
    status: 'PROPOSED' as const,
    search: searchText(input),
    createdBy: new Types.ObjectId(user.id),
  };
  let created;
  try {
    created = await ProjectModel.create(doc);
  } catch (error) {
    if ((error as { code?: number }).code === 11000)
      throw conflict(`A project with the code ${input.code} already exists.`, { field: 'input.code' });
    throw error;
  }
  const row = created.toObject() as unknown as ProjectRow;
  await recordAudit(ctx, { action: 'create', kind: 'Project', recordId: String(row._id), before: null, after: row });
  await refreshProjectRollups(row._id);
  return row;
}

/** Applies `changes` only if the record is still at `version`; otherwise CONFLICT and nothing changes. */
async function writeProject(
  ctx: Context,
  before: ProjectRow,
  version: number,
  changes: Record<string, unknown>,
  action: string,
) {
  const updated = (await ProjectModel.collection.findOneAndUpdate(
    { _id: before._id, version },
    { $set: { ...changes, updatedAt: new Date() }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  )) as ProjectRow | null;
  if (!updated) {
    throw conflict(
      `Project ${before.code} was changed by someone else (now version ${before.version}, you sent ${version}); reload and try again.`,
      {
        currentVersion: before.version,
      },
    );
  }
  await recordAudit(ctx, { action, kind: 'Project', recordId: String(before._id), before, after: updated });
  // The dashboard's roll-ups of the project's region and sector, before and after the change.
  await refreshProjectRollups(before._id, before as unknown as Parameters<typeof refreshProjectRollups>[1]);
  return updated;
}

async function writableProject(ctx: Context, id: string): Promise<ProjectRow> {
  const project = await getProject(ctx.user!, id);
  if (!canWriteProject(ctx.user!, project))
    throw forbidden(
      `You may not change project ${project.code}: only its responsible officers, managers and admins may.`,
    );
  return project;
}

export async function updateProject(
  ctx: Context,
  id: string,
  version: number,
  raw: unknown,
  options: Pick<ProjectWriteOptions, 'regionPaths'> = {},
) {
  const project = await writableProject(ctx, id);
  const parsed = updateProjectInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const input = parsed.data;
  const merged = { ...project, ...input } as ProjectRow & Record<string, unknown>;
  if (String(merged.plannedEnd) < String(merged.plannedStart))
    throw badInput('input.plannedEnd', 'must not be before plannedStart');
  const changes: Record<string, unknown> = { ...input };
  if (input.regionCode)
    changes.regionPath = await regionPathOf(input.regionCode, ctx.user!, 'input.regionCode', options.regionPaths);
  if (input.officerIds) {
    await checkOfficers(input.officerIds);
    changes.officerIds = input.officerIds.map((o) => new Types.ObjectId(o));
  }
  if (input.agreementIds) await checkAgreements(input.agreementIds);
  if (input.agreementIds) changes.agreementIds = input.agreementIds.map((o) => new Types.ObjectId(o));
  if (input.budget)
    changes.budgetTotal = input.budget.specialFund + input.budget.districtBudget + input.budget.donation;
  if (input.name) changes.search = searchText({ code: project.code, name: input.name });
  if (input.sector && !input.dacCode) changes.dacCode = DEFAULT_DAC_CODE[input.sector];
  const updated = await writeProject(ctx, project, version, changes, 'update');
  if (changes.regionPath) await moveRelatedRecords(project._id, changes.regionPath as string[]);
  return updated;
}

/** Milestones and documents carry their project's region for scope checks: keep them with it. */
async function moveRelatedRecords(projectId: Types.ObjectId, regionPath: string[]): Promise<void> {
  const milestoneIds = (await MilestoneModel.collection.find({ projectId }, { projection: { _id: 1 } }).toArray()).map(
    (m) => m._id,
  );
  await MilestoneModel.collection.updateMany({ projectId }, { $set: { regionPath } });
  await DocumentModel.collection.updateMany(
    {
      $or: [
        { recordKind: 'PROJECT', recordId: String(projectId) },
        { recordKind: 'MILESTONE', recordId: { $in: milestoneIds.map(String) } },
      ],
    },
    { $set: { regionPath } },
  );
}

export async function changeProjectStatus(
  ctx: Context,
  id: string,
  version: number,
  status: ProjectStatus,
  reason?: string | null,
) {
  const project = await writableProject(ctx, id);
  const allowed = PROJECT_TRANSITIONS[project.status];
  if (!allowed.includes(status)) {
    throw badInput(
      'status',
      `cannot go from ${project.status} to ${status}; allowed next states: ${allowed.length ? allowed.join(', ') : 'none (final state)'}`,
    );
  }
  const why = reason?.trim() ?? '';
  if (STATUSES_NEEDING_REASON.includes(status) && !why)
    throw badInput('reason', `is required to move a project to ${status}`);
  if (why.length > 1000) throw badInput('reason', 'must be at most 1000 characters');
  const changes: Record<string, unknown> = { status, statusReason: why || null };
  if (status === 'IN_PROGRESS' && !project.actualStart) changes.actualStart = officeDate();
  if (status === 'COMPLETED' && !project.actualEnd) changes.actualEnd = officeDate();
  return writeProject(ctx, project, version, changes, `status:${status}`);
}

export async function archiveProject(ctx: Context, id: string, version: number) {
  const project = await writableProject(ctx, id);
  return writeProject(ctx, project, version, { archived: true }, 'archive');
}
