// The import's write path reuses what its check read (no code or region lookup per row, which
// FerretDB answers by a collection scan), and still refuses a project of the same code created since.
import mongoose from 'mongoose';
import { useTestDatabase } from '../../../test/db';
import { seedRegions } from '../../../test/projects';
import { settleRollups } from '../analytics/rollup.maintain';
import { AuditEntryModel } from '../audit/audit.model';
import { fundContext } from '../fund/fund.fixtures';
import { ProjectModel } from '../projects/project.model';
import { createProject } from '../projects/projects.service';
import { applyProjectPlan, planProjects, PROJECT_IMPORT_COLUMNS } from './import-projects';
import { problemList } from './import-table';
import { readTable } from './read-table';
import { xlsxFile } from './testing';

useTestDatabase();
jest.setTimeout(120_000);
beforeAll(() => seedRegions());
afterEach(() => settleRollups()); // before the database is dropped

const ctx = fundContext('admin');
const EN = PROJECT_IMPORT_COLUMNS.map((c) => c.en);
const row = (code: string, over: Record<string, unknown> = {}) => {
  const cells: Record<string, unknown> = {
    code,
    nameZh: '导入项目',
    regionCode: '653125',
    sector: 'Education',
    implementingUnit: '市教育局',
    plannedStart: '2026-03-01',
    plannedEnd: '2026-12-31',
    specialFund: '10.00',
    ...over,
  };
  return PROJECT_IMPORT_COLUMNS.map((c) => (cells[c.key] ?? null) as never);
};

async function plan(...rows: unknown[][]) {
  const table = await readTable('p.xlsx', await xlsxFile([EN, ...(rows as never[][])]));
  if ('code' in table) throw new Error(table.code);
  const problems = problemList('en');
  const plans = await planProjects(ctx.user!, table, 'en', problems, async () => {});
  expect(problems.list).toEqual([]);
  return plans;
}

/**
 * The commands `run` sends that look a project or a region up by code (a collection scan on FerretDB).
 * The background roll-up refresh may run meanwhile; it reads by region, never by code.
 */
async function lookupsByCode(run: () => Promise<unknown>): Promise<string[]> {
  await settleRollups(); // background roll-up refreshes are not the write's commands
  const client = mongoose.connection.getClient();
  const seen: string[] = [];
  const listener = (e: { commandName: string; command: Record<string, unknown> }) => {
    const target = String(e.command[e.commandName]);
    if (target !== 'projects' && target !== 'regions') return;
    const { filter, query, updates } = e.command as Record<string, Record<string, unknown> | undefined>;
    const q = filter ?? query ?? (updates as unknown as { q?: Record<string, unknown> }[] | undefined)?.[0]?.q;
    if (q && 'code' in q) seen.push(`${e.commandName} ${target} ${JSON.stringify(q)}`);
  };
  client.on('commandStarted', listener);
  try {
    await run();
  } finally {
    client.off('commandStarted', listener);
  }
  return seen;
}

it('writes a new row and an update without looking a project or region up by code', async () => {
  const [created] = await plan(row('APPLY-001'));
  expect(created).toMatchObject({ action: 'create', regionPath: ['650000', '653100', '653125'] });
  expect(await lookupsByCode(() => applyProjectPlan(ctx, created!))).toEqual([]);
  const stored = await ProjectModel.collection.findOne({ code: 'APPLY-001' });
  expect(stored).toMatchObject({ regionPath: ['650000', '653100', '653125'], budgetTotal: 1000 });

  const [update] = await plan(row('APPLY-001', { regionCode: '653126', specialFund: '12.00', status: 'Approved' }));
  expect(update).toMatchObject({ action: 'update', existingId: String(stored!._id) });
  expect(await lookupsByCode(() => applyProjectPlan(ctx, update!))).toEqual([]);
  expect(await ProjectModel.collection.findOne({ _id: stored!._id })).toMatchObject({
    regionCode: '653126',
    regionPath: ['650000', '653100', '653126'],
    budgetTotal: 1200,
    status: 'APPROVED',
  });
  expect(await AuditEntryModel.countDocuments({ recordId: String(stored!._id) })).toBe(3);
});

it('refuses a project of the same code created after the check, writing nothing', async () => {
  const [planned] = await plan(row('APPLY-RACE'));
  expect(planned!.action).toBe('create');
  const racer = await createProject(ctx, {
    code: 'APPLY-RACE',
    name: { zh: '抢先', en: 'First' },
    regionCode: '653124',
    sector: 'HEALTH',
    implementingUnit: '卫健委',
    plannedStart: '2026-01-01',
    plannedEnd: '2026-06-30',
    budget: { specialFund: 1, districtBudget: 0, donation: 0 },
  });
  const audits = await AuditEntryModel.countDocuments();

  await expect(applyProjectPlan(ctx, planned!)).rejects.toMatchObject({
    extensions: { code: 'CONFLICT', field: 'input.code' },
  });
  const same = await ProjectModel.collection.find({ code: 'APPLY-RACE' }).toArray();
  expect(same.map((p) => [String(p._id), p.name.zh])).toEqual([[String(racer._id), '抢先']]);
  expect(await AuditEntryModel.countDocuments()).toBe(audits);
});
