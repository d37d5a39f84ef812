// Runs an import: check every row (the dry run), and only when nothing is refused, write row by row
// through the services. Progress and the report are kept on the job document.
import type { ImportMode, ImportReport } from '@pat/shared';
import type { Types } from 'mongoose';
import type { Context } from '../../graphql/context';
import { applyMilestonePlan, planMilestones, type MilestonePlan } from './import-milestones';
import { applyProjectPlan, planProjects, type ProjectPlan } from './import-projects';
import { ImportJobModel } from './import-job.model';
import { problemList } from './import-table';
import type { Lang } from './labels';
import type { Table } from './read-table';

export type TabularKind = 'projects' | 'milestones';
/** A job whose heartbeat is older than this is no longer running anywhere. */
export const STALE_AFTER_MS = 2 * 60 * 1000;

const PROGRESS_EVERY_MS = 500;
// One row at a time: every project write refreshes the analytics roll-ups of its region and sector,
// and concurrent refreshes of one cell collide (E11000) on FerretDB, leaving a cell stale; SQLite
// serialises writes anyway. Raise this on MongoDB only once the roll-ups tolerate concurrency.
const WRITE_LANES = 1;

export async function runImport(
  ctx: Context,
  jobId: Types.ObjectId,
  kind: TabularKind,
  mode: ImportMode,
  lang: Lang,
  table: Table,
): Promise<ImportReport> {
  let last = 0;
  const progress = async (fields: Record<string, unknown>, force = false) => {
    const now = Date.now();
    if (!force && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    await ImportJobModel.collection.updateOne({ _id: jobId }, { $set: { ...fields, heartbeatAt: new Date() } });
  };
  const total = table.rows.length;
  await progress({ total, processed: 0, phase: 'checking' }, true);
  const problems = problemList(lang);
  if (table.rows.length === 0 && table.headers.length > 0) problems.add(1, undefined, 'NO_ROWS');
  const checked = (done: number) => progress({ processed: done });
  const plans: (ProjectPlan | MilestonePlan)[] =
    kind === 'projects'
      ? await planProjects(ctx.user!, table, lang, problems, checked)
      : await planMilestones(ctx.user!, table, lang, problems, checked);
  const refusedRows = new Set(problems.list.map((p) => p.row)).size;
  const count = (action: string) => plans.filter((p) => p.action === action).length;
  const report: ImportReport = {
    kind,
    mode,
    rows: total,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    refused: refusedRows,
    problems: problems.list.sort((a, b) => a.row - b.row),
    unmapped: [],
    dryRun: true,
  };
  if (mode === 'dry-run' || problems.list.length > 0) return report;

  // All-or-nothing without transactions: nothing is written unless every row passed the checks above.
  report.dryRun = false;
  const writes = plans.filter((p) => p.action !== 'unchanged');
  await progress({ phase: 'writing', processed: 0, total: writes.length }, true);
  // Lanes of rows (a project's milestones in order, for its roll-up); a failure stops the lanes and
  // reports the row.
  const lanes = new Map<string, (ProjectPlan | MilestonePlan)[]>();
  for (const plan of writes) {
    const key = 'projectId' in plan ? plan.projectId : plan.code;
    lanes.set(key, [...(lanes.get(key) ?? []), plan]);
  }
  const queue = [...lanes.values()];
  const written: (ProjectPlan | MilestonePlan)[] = [];
  const failed: { at?: { plan: ProjectPlan | MilestonePlan; error: Error } } = {};
  const worker = async () => {
    for (let lane = queue.shift(); lane && !failed.at; lane = queue.shift()) {
      for (const plan of lane) {
        if (failed.at) return;
        try {
          if (kind === 'projects') await applyProjectPlan(ctx, plan as ProjectPlan);
          else await applyMilestonePlan(ctx, plan as MilestonePlan);
        } catch (error) {
          failed.at ??= { plan, error: error as Error };
          return;
        }
        written.push(plan);
        await progress({ processed: written.length });
      }
    }
  };
  await Promise.all(Array.from({ length: WRITE_LANES }, worker));
  if (failed.at) {
    // Rows written so far stay; re-running the same file finishes the rest (see docs/exchange.md).
    problems.add(failed.at.plan.row, undefined, 'WRITE_FAILED', '', failed.at.error.message);
    report.refused = 1;
    report.problems = problems.list;
  }
  report.created = written.filter((p) => p.action === 'create').length;
  report.updated = written.filter((p) => p.action === 'update').length;
  return report;
}
