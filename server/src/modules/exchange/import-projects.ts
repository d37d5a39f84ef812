// Project import: every row checked against the file, the regions, the user's rights and the existing
// project of the same code, before anything is written; then written through the projects service.
import {
  createProjectInput,
  DEFAULT_DAC_CODE,
  PROJECT_TRANSITIONS,
  STATUSES_NEEDING_REASON,
  type ProjectStatus,
} from '@pat/shared';
import { Types } from 'mongoose';
import type { Context, CurrentUser } from '../../graphql/context';
import { ProjectModel } from '../projects/project.model';
import { canCreateProject, canWriteProject, inScope } from '../projects/projects.policy';
import { changeProjectStatus, createProject, updateProject, type ProjectRow } from '../projects/projects.service';
import { RegionModel } from '../regions/region.model';
import { PROJECT_COLUMNS, PROJECT_EXTRA_COLUMNS } from './export-kinds';
import { headerOf, mapHeaders, rowReader, type ImportColumn, type Problems } from './import-table';
import { codeOf, label, PROJECT_STATUS_LABELS, RISK_LABELS, SECTOR_LABELS, type Lang } from './labels';
import type { Table } from './read-table';

const REQUIRED = new Set(['code', 'nameZh', 'regionCode', 'sector', 'implementingUnit', 'plannedStart', 'plannedEnd']);
export const PROJECT_IMPORT_COLUMNS: ImportColumn[] = PROJECT_COLUMNS.map((c) => ({
  key: c.key,
  zh: c.zh,
  en: c.en,
  required: REQUIRED.has(c.key),
}));

type Fields = {
  name: { zh: string; en: string };
  description?: { zh: string; en: string };
  regionCode: string;
  sector: string;
  dacCode: string;
  implementingUnit: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  budget: { specialFund: number; districtBudget: number; donation: number };
  risk: string;
};

export type ProjectPlan = {
  row: number;
  code: string;
  action: 'create' | 'update' | 'unchanged';
  fields: Fields;
  /** Only the fields that differ from the existing project (update). */
  changes: Partial<Fields>;
  statusPath: ProjectStatus[];
  reason: string;
  /** The existing project's `_id` from the check's preload (update, unchanged): read by it, not by code. */
  existingId?: string;
  /** The region's path as the check read it, so the write needs no region lookup. */
  regionPath: string[];
};

/** The shortest way through the life cycle, passing through a state needing a reason only as the goal. */
export function statusPath(from: ProjectStatus, to: ProjectStatus): ProjectStatus[] | null {
  if (from === to) return [];
  const queue: ProjectStatus[][] = [[from]];
  const seen = new Set<ProjectStatus>([from]);
  while (queue.length) {
    const path = queue.shift()!;
    for (const next of PROJECT_TRANSITIONS[path.at(-1)!]) {
      if (seen.has(next)) continue;
      if (next === to) return [...path.slice(1), next];
      if (STATUSES_NEEDING_REASON.includes(next)) continue;
      seen.add(next);
      queue.push([...path, next]);
    }
  }
  return null;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const choices = (labels: Record<string, { zh: string; en: string }>, lang: Lang) =>
  Object.values(labels)
    .map((l) => (lang === 'en' ? l.en : l.zh))
    .join(lang === 'en' ? ', ' : '、');

/** Checks every row; returns the plan of each clean row. Rows with problems have no plan. */
export async function planProjects(
  user: CurrentUser,
  table: Table,
  lang: Lang,
  problems: Problems,
  progress: (done: number) => Promise<void>,
): Promise<ProjectPlan[]> {
  const index = mapHeaders(table, PROJECT_IMPORT_COLUMNS, PROJECT_EXTRA_COLUMNS, lang, problems);
  if (problems.list.length > 0) return [];
  const h = (key: string) =>
    headerOf(
      PROJECT_IMPORT_COLUMNS.find((c) => c.key === key)!,
      lang,
    );
  const regions = new Map(
    (await RegionModel.collection.find({ archived: false }, { projection: { code: 1, ancestors: 1 } }).toArray()).map(
      (r) => [String(r.code), [...((r.ancestors as string[]) ?? []), String(r.code)]],
    ),
  );
  const firstRowOf = new Map<string, number>();
  const drafts: { row: number; code: string; fields: Fields; status?: ProjectStatus; reason: string }[] = [];

  for (const row of table.rows) {
    const r = rowReader(row, index, PROJECT_IMPORT_COLUMNS, lang, problems);
    const code = r.code('code');
    if (code) {
      const first = firstRowOf.get(code);
      if (first) problems.add(row.row, h('code'), 'DUPLICATE_ROW', code, String(first));
      else firstRowOf.set(code, row.row);
    }
    const regionCode = r.code('regionCode');
    if (regionCode) {
      const path = regions.get(regionCode);
      if (!path) r.refuse('regionCode', 'UNKNOWN_REGION', regionCode);
      else if (!inScope(user, { regionPath: path })) r.refuse('regionCode', 'OUT_OF_SCOPE', regionCode);
    }
    const sectorText = r.text('sector');
    const sector = sectorText ? codeOf(SECTOR_LABELS, sectorText) : undefined;
    if (sectorText && !sector) r.refuse('sector', 'UNKNOWN_SECTOR', sectorText, choices(SECTOR_LABELS, lang));
    const statusText = r.text('status');
    const status = statusText ? codeOf(PROJECT_STATUS_LABELS, statusText) : undefined;
    if (statusText && !status) r.refuse('status', 'UNKNOWN_STATUS', statusText, choices(PROJECT_STATUS_LABELS, lang));
    const riskText = r.text('risk');
    const risk = riskText ? codeOf(RISK_LABELS, riskText) : undefined;
    if (riskText && !risk) r.refuse('risk', 'UNKNOWN_RISK', riskText, choices(RISK_LABELS, lang));
    const fields: Fields = {
      name: { zh: r.text('nameZh') ?? '', en: r.text('nameEn') ?? '' },
      regionCode: regionCode ?? '',
      sector: sector ?? '',
      dacCode: r.code('dacCode') ?? '',
      implementingUnit: r.text('implementingUnit') ?? '',
      plannedStart: r.date('plannedStart') ?? '',
      plannedEnd: r.date('plannedEnd') ?? '',
      actualStart: r.date('actualStart') ?? null,
      actualEnd: r.date('actualEnd') ?? null,
      budget: {
        specialFund: r.money('specialFund') ?? 0,
        districtBudget: r.money('districtBudget') ?? 0,
        donation: r.money('donation') ?? 0,
      },
      risk: risk ?? 'LOW',
    };
    if (r.has('descriptionZh') || r.has('descriptionEn'))
      fields.description = { zh: r.text('descriptionZh') ?? '', en: r.text('descriptionEn') ?? '' };
    if (!problems.has(row.row)) {
      // The service's own schema has the last word (lengths, code pattern, date order).
      const parsed = createProjectInput.safeParse({
        code,
        ...fields,
        dacCode: fields.dacCode || undefined,
        description: fields.description?.zh ? fields.description : undefined,
      });
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const key = columnOfPath(issue.path.map(String));
          const cell = key ? String(cellText(fields, code ?? '', key)) : '';
          problems.add(row.row, key ? h(key) : undefined, 'INVALID', cell, issue.message);
        }
    }
    if (!problems.has(row.row))
      drafts.push({ row: row.row, code: code!, fields, status, reason: r.text('statusReason') ?? '' });
    if (row.row % 200 === 0) await progress(drafts.length);
  }

  const existing = new Map<string, ProjectRow>();
  const codes = drafts.map((d) => d.code);
  for (let i = 0; i < codes.length; i += 1000) {
    const rows = (await ProjectModel.collection
      .find({ code: { $in: codes.slice(i, i + 1000) } })
      .toArray()) as ProjectRow[];
    for (const p of rows) existing.set(p.code, p);
  }

  const plans: ProjectPlan[] = [];
  for (const d of drafts) {
    const before = existing.get(d.code);
    if (before ? !canWriteProject(user, before) : !canCreateProject(user)) {
      problems.add(d.row, h('code'), 'FORBIDDEN', d.code);
      continue;
    }
    const from = before?.status ?? 'PROPOSED';
    const to = d.status ?? from;
    const path = statusPath(from, to);
    if (!path) {
      problems.add(
        d.row,
        h('status'),
        'BAD_TRANSITION',
        label(PROJECT_STATUS_LABELS, from, lang),
        label(PROJECT_STATUS_LABELS, to, lang),
      );
      continue;
    }
    if (path.some((s) => STATUSES_NEEDING_REASON.includes(s)) && !d.reason.trim()) {
      problems.add(d.row, h('statusReason'), 'REASON_REQUIRED', label(PROJECT_STATUS_LABELS, to, lang));
      continue;
    }
    const changes = before ? changedFields(before, d.fields) : {};
    const action = !before ? 'create' : Object.keys(changes).length || path.length ? 'update' : 'unchanged';
    plans.push({
      row: d.row,
      code: d.code,
      action,
      fields: d.fields,
      changes,
      statusPath: path,
      reason: d.reason,
      existingId: before ? String(before._id) : undefined,
      regionPath: regions.get(d.fields.regionCode)!,
    });
  }
  return plans;
}

function columnOfPath(path: string[]): string | undefined {
  const [first, second] = path;
  if (first === 'name') return second === 'en' ? 'nameEn' : 'nameZh';
  if (first === 'description') return second === 'en' ? 'descriptionEn' : 'descriptionZh';
  if (first === 'budget') return second;
  return PROJECT_IMPORT_COLUMNS.some((c) => c.key === first) ? first : undefined;
}

function cellText(f: Fields, code: string, key: string): unknown {
  if (key === 'code') return code;
  if (key === 'nameZh' || key === 'nameEn') return f.name[key === 'nameZh' ? 'zh' : 'en'];
  if (key === 'descriptionZh' || key === 'descriptionEn') return f.description?.[key === 'descriptionZh' ? 'zh' : 'en'];
  if (key in f.budget) return f.budget[key as keyof Fields['budget']];
  return (f as Record<string, unknown>)[key] ?? '';
}

function changedFields(before: ProjectRow, f: Fields): Partial<Fields> {
  const b = before as ProjectRow & Record<string, unknown>;
  const changes: Partial<Fields> = {};
  const budget = (b.budget ?? {}) as Record<string, number>;
  if (!sameJson({ zh: before.name.zh, en: before.name.en ?? '' }, f.name)) changes.name = f.name;
  if (f.description) {
    const d = (b.description ?? {}) as { zh?: string; en?: string };
    if (!sameJson({ zh: d.zh ?? '', en: d.en ?? '' }, f.description)) changes.description = f.description;
  }
  for (const key of ['regionCode', 'sector', 'implementingUnit', 'plannedStart', 'plannedEnd', 'risk'] as const)
    if (b[key] !== f[key]) (changes as Record<string, unknown>)[key] = f[key];
  // Empty DAC code and actual dates mean "as it is" (the service defaults or the life cycle set them).
  if (f.dacCode && b.dacCode !== f.dacCode) changes.dacCode = f.dacCode;
  else if (!f.dacCode && changes.sector) changes.dacCode = DEFAULT_DAC_CODE[f.sector as keyof typeof DEFAULT_DAC_CODE];
  for (const key of ['actualStart', 'actualEnd'] as const)
    if (f[key] !== null && (b[key] ?? null) !== f[key]) (changes as Record<string, unknown>)[key] = f[key];
  if (
    Number(budget.specialFund ?? 0) !== f.budget.specialFund ||
    Number(budget.districtBudget ?? 0) !== f.budget.districtBudget ||
    Number(budget.donation ?? 0) !== f.budget.donation
  )
    changes.budget = f.budget;
  return changes;
}

/**
 * Writes one planned row. Re-running after a crash converges: the check finds the project by its code
 * and compares again, so a row already written is `unchanged` (or finishes its remaining status steps).
 * The write reuses what the check read moments ago (no code or region lookup per row, see
 * docs/exchange.md); a project of the same code created since is refused by the unique index.
 */
export async function applyProjectPlan(ctx: Context, plan: ProjectPlan): Promise<void> {
  const regionPaths = new Map([[plan.fields.regionCode, plan.regionPath]]);
  let project: ProjectRow | null;
  if (plan.action === 'create') {
    project = (await createProject(
      ctx,
      {
        code: plan.code,
        ...plan.fields,
        dacCode: plan.fields.dacCode || undefined,
        description: plan.fields.description?.zh ? plan.fields.description : undefined,
        // The life cycle is walked below, so the dates it sets come from the file, not today.
        actualStart: plan.fields.actualStart ?? undefined,
        actualEnd: plan.fields.actualEnd ?? undefined,
      },
      { codeKnownNew: true, regionPaths },
    )) as ProjectRow;
  } else {
    project = (await ProjectModel.collection.findOne({
      _id: new Types.ObjectId(plan.existingId),
    })) as ProjectRow | null;
    if (!project) throw new Error(`project ${plan.code} disappeared during the import`);
    if (Object.keys(plan.changes).length > 0)
      project = (await updateProject(ctx, String(project._id), project.version, plan.changes, {
        regionPaths,
      })) as ProjectRow;
  }
  for (const status of plan.statusPath) {
    project = (await changeProjectStatus(
      ctx,
      String(project._id),
      project.version,
      status,
      STATUSES_NEEDING_REASON.includes(status) ? plan.reason : null,
    )) as ProjectRow;
  }
}
