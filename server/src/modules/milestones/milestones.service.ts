import { milestoneInput, officeDate, updateMilestoneInput } from '@pat/shared';
import { Types } from 'mongoose';
import type { Context } from '../../graphql/context';
import { badInput, conflict, forbidden, fromZod, notFound } from '../../graphql/errors';
import { refreshProjectRollups } from '../analytics/rollup.maintain';
import { recordAudit } from '../audit/audit.service';
import { ProjectModel } from '../projects/project.model';
import { canWriteProject } from '../projects/projects.policy';
import { getProject, type ProjectRow } from '../projects/projects.service';
import { MilestoneModel, onTimeOf } from './milestone.model';

type MilestoneRow = Record<string, unknown> & {
  _id: Types.ObjectId;
  projectId: Types.ObjectId;
  version: number;
  status: string;
  plannedDate: string;
};

/** Recomputes a project's milestone counters from its milestones (one read, one write). */
export async function refreshMilestoneSummary(projectId: Types.ObjectId): Promise<void> {
  const rows = await MilestoneModel.collection
    .find({ projectId, archived: false }, { projection: { status: 1, plannedDate: 1, percentComplete: 1 } })
    .toArray();
  const open = rows
    .filter((r) => r.status !== 'DONE')
    .map((r) => String(r.plannedDate))
    .sort();
  const progress = rows.length
    ? Math.round(rows.reduce((sum, r) => sum + Number(r.percentComplete ?? 0), 0) / rows.length)
    : 0;
  await ProjectModel.collection.updateOne(
    { _id: projectId },
    {
      $set: {
        milestoneCount: rows.length,
        milestoneDoneCount: rows.length - open.length,
        nextDueDate: open[0] ?? null,
        progress,
      },
    },
  );
  // Milestones and progress feed the dashboard's roll-ups.
  await refreshProjectRollups(projectId);
}

async function writableProject(ctx: Context, projectId: string): Promise<ProjectRow> {
  const project = await getProject(ctx.user!, projectId);
  if (!canWriteProject(ctx.user!, project)) {
    throw forbidden(
      `You may not log milestones on project ${project.code}: only its responsible officers, managers and admins may.`,
    );
  }
  return project;
}

function checkDone(m: { status?: string; actualDate?: string | null; percentComplete?: number }) {
  if (m.status === 'DONE' && !m.actualDate)
    throw badInput('input.actualDate', 'is required when the milestone is done');
  if (m.actualDate && m.actualDate > officeDate()) throw badInput('input.actualDate', 'must not be in the future');
}

export async function logMilestone(ctx: Context, projectId: string, raw: unknown) {
  const project = await writableProject(ctx, projectId);
  const parsed = milestoneInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const input = { ...parsed.data, percentComplete: parsed.data.status === 'DONE' ? 100 : parsed.data.percentComplete };
  checkDone(input);
  const created = await MilestoneModel.create({
    ...input,
    onTime: onTimeOf(input),
    note: input.note ?? '',
    projectId: project._id,
    regionPath: project.regionPath,
    loggedBy: new Types.ObjectId(ctx.user!.id),
    loggedAt: new Date(),
  });
  await refreshMilestoneSummary(project._id);
  const row = created.toObject() as unknown as MilestoneRow;
  await recordAudit(ctx, { action: 'create', kind: 'Milestone', recordId: String(row._id), before: null, after: row });
  return row;
}

async function writableMilestone(ctx: Context, id: string): Promise<MilestoneRow> {
  if (!Types.ObjectId.isValid(id)) throw badInput('id', 'is not a valid id');
  const milestone = (await MilestoneModel.collection.findOne({ _id: new Types.ObjectId(id) })) as MilestoneRow | null;
  if (!milestone) throw notFound('Milestone', id);
  await writableProject(ctx, String(milestone.projectId)).catch((e: unknown) => {
    // A milestone of a project out of reach is as unknown as the project.
    if (e instanceof Error && (e as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND')
      throw notFound('Milestone', id);
    throw e;
  });
  return milestone;
}

async function writeMilestone(
  ctx: Context,
  before: MilestoneRow,
  version: number,
  changes: Record<string, unknown>,
  action: string,
) {
  const updated = (await MilestoneModel.collection.findOneAndUpdate(
    { _id: before._id, version },
    {
      $set: { ...changes, onTime: onTimeOf({ ...before, ...changes } as MilestoneRow), updatedAt: new Date() },
      $inc: { version: 1 },
    },
    { returnDocument: 'after' },
  )) as MilestoneRow | null;
  if (!updated)
    throw conflict(
      `This milestone was changed by someone else (now version ${before.version}); reload and try again.`,
      { currentVersion: before.version },
    );
  await refreshMilestoneSummary(before.projectId);
  await recordAudit(ctx, { action, kind: 'Milestone', recordId: String(before._id), before, after: updated });
  return updated;
}

export async function updateMilestone(ctx: Context, id: string, version: number, raw: unknown) {
  const milestone = await writableMilestone(ctx, id);
  const parsed = updateMilestoneInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const changes: Record<string, unknown> = {
    ...parsed.data,
    loggedBy: new Types.ObjectId(ctx.user!.id),
    loggedAt: new Date(),
  };
  if (parsed.data.status === 'DONE') changes.percentComplete = 100;
  checkDone({ ...milestone, ...parsed.data } as { status?: string; actualDate?: string | null });
  return writeMilestone(ctx, milestone, version, changes, 'update');
}

export async function archiveMilestone(ctx: Context, id: string, version: number) {
  const milestone = await writableMilestone(ctx, id);
  return writeMilestone(ctx, milestone, version, { archived: true }, 'archive');
}
