// The milestone list: one filter builder for the GraphQL list and the .xlsx/CSV export, with the
// meaning of the dashboard's milestone charts (planned date, live milestones of live projects).
import { MILESTONE_STATUSES, officeDate, SECTORS } from '@pat/shared';
import { Types } from 'mongoose';
import type { CurrentUser } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { connection, type PageArgs } from '../../graphql/pagination';
import { ProjectModel } from '../projects/project.model';
import { MilestoneModel } from './milestone.model';

export type MilestoneFilter = {
  projectId?: string | null;
  regionCode?: string | null;
  sector?: string | null;
  status?: string | null;
  /** true: done; false: not done. */
  completed?: boolean | null;
  /** true: done on or before the planned date; false: done late (or without an actual date). */
  onTime?: boolean | null;
  /** Planned before today (office day) and not done. */
  overdueOnly?: boolean | null;
  /** Of the planned date. */
  year?: number | null;
  /** 1-12, with year. */
  month?: number | null;
  includeArchived?: boolean | null;
};

export const MILESTONE_SORT_FIELDS = {
  PLANNED_DATE: 'plannedDate',
  STATUS: 'status',
  PERCENT_COMPLETE: 'percentComplete',
  UPDATED_AT: 'updatedAt',
} as const;
export type MilestoneSortField = keyof typeof MILESTONE_SORT_FIELDS;

const pad = (n: number) => String(n).padStart(2, '0');

function plannedRange(f: MilestoneFilter): { $gte: string; $lte: string } | null {
  if (f.month != null && f.year == null) throw badInput('filter.month', 'needs filter.year');
  if (f.year == null) return null;
  if (!Number.isInteger(f.year) || f.year < 2000 || f.year > 2100)
    throw badInput('filter.year', 'must be a year between 2000 and 2100');
  if (f.month == null) return { $gte: `${f.year}-01-01`, $lte: `${f.year}-12-31` };
  if (!Number.isInteger(f.month) || f.month < 1 || f.month > 12)
    throw badInput('filter.month', 'must be a month from 1 to 12');
  return { $gte: `${f.year}-${pad(f.month)}-01`, $lte: `${f.year}-${pad(f.month)}-31` };
}

/** Which projects' milestones count: live projects (unless archived ones are asked for), of the sector. */
async function projectClause(f: MilestoneFilter, scope: Record<string, unknown>[]) {
  if (f.sector) {
    if (!(SECTORS as readonly string[]).includes(f.sector)) throw badInput('filter.sector', 'is not a sector');
    const where = { $and: [...scope, { sector: f.sector }, ...(f.includeArchived ? [] : [{ archived: false }])] };
    // Once per request: milestones carry no copy of their project's sector.
    return { projectId: { $in: await ProjectModel.collection.distinct('_id', where) } };
  }
  if (f.includeArchived) return null;
  const archived = await ProjectModel.collection.distinct('_id', { $and: [...scope, { archived: true }] });
  return archived.length ? { projectId: { $nin: archived } } : null;
}

/**
 * Done on time, or not: the stored `onTime`. Milestones written before the field existed lack it;
 * for them (none in a database created since) the comparison `actualDate <= plannedDate`, which no
 * query operator both engines share expresses, is spelled out per planned date. No backfill: on
 * FerretDB every single-document update is a scan of the collection, hours for a large one.
 */
async function onTimeClause(base: Record<string, unknown>[], onTime: boolean) {
  const legacy = { status: 'DONE', onTime: { $exists: false } };
  const dates = (await MilestoneModel.collection.distinct('plannedDate', { $and: [...base, legacy] })).map(String);
  if (dates.length === 0) return { onTime };
  const compared = onTime
    ? dates.map((d) => ({ plannedDate: d, actualDate: { $lte: d } }))
    : [{ actualDate: null }, ...dates.map((d) => ({ plannedDate: d, actualDate: { $gt: d } }))];
  return { $or: [{ onTime }, { ...legacy, $or: compared }] };
}

/** The database filter for a milestone list: the user's region scope and the filters they chose. */
export async function milestoneFilter(user: CurrentUser, f: MilestoneFilter = {}): Promise<Record<string, unknown>> {
  // Region scope and the region filter, on the milestone's copy of its project's regionPath.
  const scope: Record<string, unknown>[] = [];
  if (user.regionScope.length > 0) scope.push({ regionPath: { $in: user.regionScope } });
  if (f.regionCode) scope.push({ regionPath: f.regionCode });
  const and: Record<string, unknown>[] = [{ archived: f.includeArchived ? { $in: [true, false] } : false }, ...scope];
  if (f.projectId) {
    if (!Types.ObjectId.isValid(f.projectId)) throw badInput('filter.projectId', 'is not a valid id');
    and.push({ projectId: new Types.ObjectId(f.projectId) });
  }
  const range = plannedRange(f);
  if (range) and.push({ plannedDate: range });
  if (f.status) {
    if (!(MILESTONE_STATUSES as readonly string[]).includes(f.status))
      throw badInput('filter.status', 'is not a milestone status');
    and.push({ status: f.status });
  }
  if (f.completed != null) and.push({ status: f.completed ? 'DONE' : { $ne: 'DONE' } });
  if (f.overdueOnly) and.push({ status: { $ne: 'DONE' } }, { plannedDate: { $lt: officeDate() } });
  const projects = await projectClause(f, scope);
  if (projects) and.push(projects);
  if (f.onTime != null) and.push(await onTimeClause(and, f.onTime));
  return { $and: and };
}

export async function listMilestones(
  user: CurrentUser,
  filter: MilestoneFilter,
  sort: { field: MilestoneSortField; direction: 1 | -1 },
  page: PageArgs,
) {
  return connection<Record<string, unknown> & { _id: Types.ObjectId }>(
    MilestoneModel,
    await milestoneFilter(user, filter),
    { field: MILESTONE_SORT_FIELDS[sort.field], direction: sort.direction },
    page,
  );
}
