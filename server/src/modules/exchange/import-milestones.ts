// Milestone import. A milestone is matched by its project's code and its Chinese title (milestones
// have no code of their own): a project may not have two milestones of one title in the file.
import { milestoneInput, officeDate, type MilestoneStatus } from '@pat/shared';
import { Types } from 'mongoose';
import type { Context, CurrentUser } from '../../graphql/context';
import { MilestoneModel } from '../milestones/milestone.model';
import { logMilestone, updateMilestone } from '../milestones/milestones.service';
import { ProjectModel } from '../projects/project.model';
import { canRead, canWriteProject } from '../projects/projects.policy';
import type { ProjectRow } from '../projects/projects.service';
import { MILESTONE_COLUMNS, MILESTONE_EXTRA_COLUMNS } from './export-kinds';
import { headerOf, mapHeaders, rowReader, type ImportColumn, type Problems } from './import-table';
import { codeOf, MILESTONE_STATUS_LABELS, type Lang } from './labels';
import type { Table } from './read-table';

const REQUIRED = new Set(['projectCode', 'titleZh', 'plannedDate']);
export const MILESTONE_IMPORT_COLUMNS: ImportColumn[] = MILESTONE_COLUMNS.map((c) => ({
  key: c.key,
  zh: c.zh,
  en: c.en,
  required: REQUIRED.has(c.key),
}));

type Fields = {
  title: { zh: string; en: string };
  plannedDate: string;
  actualDate: string | null;
  percentComplete: number;
  status: MilestoneStatus;
  note: string;
};

export type MilestonePlan = {
  row: number;
  projectCode: string;
  projectId: string;
  milestoneId?: string;
  action: 'create' | 'update' | 'unchanged';
  fields: Fields;
};

type MilestoneDoc = Fields & { _id: Types.ObjectId; projectId: Types.ObjectId; version: number };

export async function planMilestones(
  user: CurrentUser,
  table: Table,
  lang: Lang,
  problems: Problems,
  progress: (done: number) => Promise<void>,
): Promise<MilestonePlan[]> {
  const index = mapHeaders(table, MILESTONE_IMPORT_COLUMNS, MILESTONE_EXTRA_COLUMNS, lang, problems);
  if (problems.list.length > 0) return [];
  const h = (key: string) =>
    headerOf(
      MILESTONE_IMPORT_COLUMNS.find((c) => c.key === key)!,
      lang,
    );
  const today = officeDate();
  const firstRowOf = new Map<string, number>();
  const drafts: { row: number; projectCode: string; fields: Fields }[] = [];
  for (const row of table.rows) {
    const r = rowReader(row, index, MILESTONE_IMPORT_COLUMNS, lang, problems);
    const projectCode = r.code('projectCode');
    const titleZh = r.text('titleZh');
    const statusText = r.text('status');
    const status = statusText ? codeOf(MILESTONE_STATUS_LABELS, statusText) : 'PENDING';
    if (!status)
      r.refuse(
        'status',
        'UNKNOWN_STATUS',
        statusText ?? '',
        Object.values(MILESTONE_STATUS_LABELS)
          .map((l) => (lang === 'en' ? l.en : l.zh))
          .join(', '),
      );
    const actualDate = r.date('actualDate') ?? null;
    const fields: Fields = {
      title: { zh: titleZh ?? '', en: r.text('titleEn') ?? '' },
      plannedDate: r.date('plannedDate') ?? '',
      actualDate,
      percentComplete: status === 'DONE' ? 100 : (r.percent('percentComplete') ?? 0),
      status: status ?? 'PENDING',
      note: r.text('note') ?? '',
    };
    if (fields.status === 'DONE' && !actualDate && !problems.has(row.row, h('actualDate')))
      problems.add(row.row, h('actualDate'), 'DONE_NEEDS_DATE');
    if (actualDate && actualDate > today) problems.add(row.row, h('actualDate'), 'FUTURE_DATE', actualDate);
    if (projectCode && titleZh) {
      const key = `${projectCode}\u0000${titleZh}`;
      const first = firstRowOf.get(key);
      if (first) problems.add(row.row, h('titleZh'), 'DUPLICATE_ROW', titleZh, String(first));
      else firstRowOf.set(key, row.row);
    }
    if (!problems.has(row.row)) {
      const parsed = milestoneInput.safeParse({ ...fields, actualDate: fields.actualDate ?? undefined });
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const [first, second] = issue.path.map(String);
          const key = first === 'title' ? (second === 'en' ? 'titleEn' : 'titleZh') : first;
          problems.add(row.row, key && index.has(key) ? h(key) : undefined, 'INVALID', '', issue.message);
        }
    }
    if (!problems.has(row.row)) drafts.push({ row: row.row, projectCode: projectCode!, fields });
    if (row.row % 200 === 0) await progress(drafts.length);
  }

  const codes = [...new Set(drafts.map((d) => d.projectCode))];
  const projects = new Map<string, ProjectRow>();
  for (let i = 0; i < codes.length; i += 1000)
    for (const p of (await ProjectModel.collection
      .find({ code: { $in: codes.slice(i, i + 1000) }, archived: false })
      .toArray()) as ProjectRow[])
      projects.set(p.code, p);
  const existing = new Map<string, MilestoneDoc[]>();
  const ids = [...projects.values()].map((p) => p._id);
  for (let i = 0; i < ids.length; i += 1000)
    for (const m of (await MilestoneModel.collection
      .find({ projectId: { $in: ids.slice(i, i + 1000) }, archived: false })
      .toArray()) as unknown as MilestoneDoc[]) {
      const key = `${String(m.projectId)}\u0000${m.title.zh}`;
      existing.set(key, [...(existing.get(key) ?? []), m]);
    }

  const plans: MilestonePlan[] = [];
  for (const d of drafts) {
    const project = projects.get(d.projectCode);
    if (!project || !canRead(user, project)) {
      problems.add(d.row, h('projectCode'), 'UNKNOWN_PROJECT', d.projectCode);
      continue;
    }
    if (!canWriteProject(user, project)) {
      problems.add(d.row, h('projectCode'), 'FORBIDDEN', d.projectCode);
      continue;
    }
    const matches = existing.get(`${String(project._id)}\u0000${d.fields.title.zh}`) ?? [];
    if (matches.length > 1) {
      problems.add(d.row, h('titleZh'), 'AMBIGUOUS', d.fields.title.zh);
      continue;
    }
    const before = matches[0];
    const same =
      before &&
      (before.title.en ?? '') === d.fields.title.en &&
      before.plannedDate === d.fields.plannedDate &&
      (before.actualDate ?? null) === d.fields.actualDate &&
      Number(before.percentComplete ?? 0) === d.fields.percentComplete &&
      before.status === d.fields.status &&
      (before.note ?? '') === d.fields.note;
    plans.push({
      row: d.row,
      projectCode: d.projectCode,
      projectId: String(project._id),
      milestoneId: before ? String(before._id) : undefined,
      action: !before ? 'create' : same ? 'unchanged' : 'update',
      fields: d.fields,
    });
  }
  return plans;
}

/** Writes one planned row; a re-run finds what a crashed run wrote by project and title. */
export async function applyMilestonePlan(ctx: Context, plan: MilestonePlan): Promise<void> {
  const input = { ...plan.fields, actualDate: plan.fields.actualDate ?? undefined };
  if (plan.action === 'create') {
    await logMilestone(ctx, plan.projectId, input);
    return;
  }
  const current = (await MilestoneModel.collection.findOne({
    _id: new Types.ObjectId(plan.milestoneId),
  })) as unknown as MilestoneDoc | null;
  if (!current)
    throw new Error(`milestone ${plan.fields.title.zh} of ${plan.projectCode} disappeared during the import`);
  await updateMilestone(ctx, plan.milestoneId!, current.version, { ...input, actualDate: plan.fields.actualDate });
}
