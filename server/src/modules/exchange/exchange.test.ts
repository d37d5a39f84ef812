import { startTestApp, type TestClient } from '../../../test/app';
import { testConfig } from '../../../test/config';
import { useTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/factories';
import { createProject, seedRegions } from '../../../test/projects';
import { AuditEntryModel } from '../audit/audit.model';
import { MilestoneModel } from '../milestones/milestone.model';
import { ProjectModel } from '../projects/project.model';
import { BOM } from './csv';
import { PROJECT_IMPORT_COLUMNS } from './import-projects';
import { download, importFile, makeZip, workbookOf, xlsxFile, zipEntries } from './testing';

useTestDatabase();
// Imports run as jobs through the services (audit, roll-ups): slow on FerretDB on a shared machine.
jest.setTimeout(180_000);

let app: Awaited<ReturnType<typeof startTestApp>>;
const as: Record<string, TestClient> = {};
let officerId = '';

const EN = PROJECT_IMPORT_COLUMNS.map((c) => c.en);
const row = (over: Record<string, unknown> = {}) => {
  const base: Record<string, unknown> = {
    code: 'IMP-001',
    nameZh: '导入项目',
    nameEn: 'Imported project',
    regionCode: '653125',
    sector: 'Education',
    dacCode: '',
    implementingUnit: '市教育局',
    plannedStart: new Date('2026-03-01T00:00:00Z'),
    plannedEnd: '2026-12-31',
    actualStart: null,
    actualEnd: null,
    specialFund: 123456789.01,
    districtBudget: '0.01',
    donation: 0,
    status: 'Proposed',
    statusReason: '',
    risk: 'Low',
    descriptionZh: '',
    descriptionEn: '',
    ...over,
  };
  return PROJECT_IMPORT_COLUMNS.map((c) => base[c.key] as never);
};
const projectCount = () => ProjectModel.countDocuments();

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp(testConfig({ UPLOAD_MAX_MB: '1' }));
  for (const [name, role, scope] of [
    ['x-admin', 'admin', []],
    ['x-officer', 'officer', []],
    ['x-officer2', 'officer', []],
    ['x-viewer', 'viewer', []],
    ['x-coord', 'coordinator', []],
    ['x-tibet', 'viewer', ['540000']],
  ] as const) {
    const u = await createUser({ username: name, role, regionScope: [...scope] });
    if (name === 'x-officer') officerId = String(u._id);
    as[name] = app.client();
    await as[name]!.login(name);
  }
});
afterAll(() => app.stop());

describe('export', () => {
  beforeAll(async () => {
    await ProjectModel.create({
      code: 'EXP-MONEY',
      name: { zh: '=HYPERLINK("x")', en: 'Money test' },
      regionCode: '653125',
      regionPath: ['650000', '653100', '653125'],
      sector: 'HEALTH',
      dacCode: '12220',
      implementingUnit: '+市卫健委',
      plannedStart: '2026-01-05',
      plannedEnd: '2026-11-30',
      budget: { specialFund: 12345678901, districtBudget: 1, donation: 0 },
      budgetTotal: 12345678902,
      search: 'exp-money',
      createdBy: officerId,
    });
    await createProject({ code: 'EXP-TIBET', regionCode: '540222', regionPath: ['540000', '540200', '540222'] });
  });

  it('writes money as exact 0.00 number cells and dates as date cells, headers in Chinese', async () => {
    const res = await download(as['x-viewer']!, '/api/export/projects?format=xlsx&lang=zh-CN&search=exp-money');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''%E9%A1%B9%E7%9B%AE-");
    const ws = await workbookOf(res.body);
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['项目编号', '项目名称', '英文名称']);
    expect(ws.rowCount).toBe(2);
    const cell = (header: string) => ws.getRow(2).getCell(headers.indexOf(header) + 1);
    expect(cell('专项资金（元）').value).toBe(123456789.01);
    expect(cell('专项资金（元）').numFmt).toBe('0.00');
    expect(cell('区级预算（元）').value).toBe(0.01);
    expect(cell('预算合计（元）').value).toBe(123456789.02);
    expect(cell('计划开始').value).toEqual(new Date('2026-01-05T00:00:00Z'));
    expect(cell('计划开始').numFmt).toBe('yyyy-mm-dd');
    expect(cell('领域').value).toBe('卫生健康');
  });

  it('writes CSV with a BOM, English headers, exact yuan and defused formulas', async () => {
    const res = await download(as['x-viewer']!, '/api/export/projects?format=csv&lang=en&search=exp-money');
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.body.toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    const [header, line] = text.slice(1).split('\r\n');
    expect(header!.startsWith('Project code,Name (Chinese),Name (English)')).toBe(true);
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain(",'+市卫健委,");
    expect(line).toContain(',123456789.01,0.01,0.00,');
    expect(line).toContain(',2026-01-05,2026-11-30,');
  });

  it('respects region scope and the filters, and refuses bad filters and strangers', async () => {
    const tibet = await download(as['x-tibet']!, '/api/export/projects?format=csv');
    expect(tibet.body.toString()).toContain('EXP-TIBET');
    expect(tibet.body.toString()).not.toContain('EXP-MONEY');
    const filtered = await download(as['x-viewer']!, '/api/export/projects?format=csv&sector=HEALTH');
    expect(filtered.body.toString()).toContain('EXP-MONEY');
    expect(filtered.body.toString()).not.toContain('EXP-TIBET');
    expect((await download(app.client(), '/api/export/projects')).status).toBe(401);
    const bad = await as['x-viewer']!.agent.get('/api/export/projects?year=soon');
    expect(bad.status).toBe(400);
    expect((await as['x-viewer']!.agent.get('/api/export/projects?colour=red')).status).toBe(400);
    expect((await as['x-viewer']!.agent.get('/api/export/projects?format=pdf')).status).toBe(400);
  });

  it.each(['milestones', 'ledger', 'liaison', 'agreements', 'commitments'])(
    'exports %s in both languages',
    async (kind) => {
      for (const lang of ['zh-CN', 'en']) {
        const res = await download(as['x-viewer']!, `/api/export/${kind}?format=xlsx&lang=${lang}`);
        expect(res.status).toBe(200);
        const first = String((await workbookOf(res.body)).getRow(1).getCell(1).value);
        expect(/[\u4e00-\u9fff]/.test(first)).toBe(lang === 'zh-CN');
      }
    },
  );
});

describe('import', () => {
  it('checks, applies, and changes nothing when the same file comes again', async () => {
    const file = await xlsxFile([
      EN,
      row(),
      row({ code: 'IMP-002', nameZh: '进行中项目', status: 'In progress', actualStart: '2026-03-05', specialFund: 1 }),
      row({ code: 'IMP-003', nameZh: '取消的项目', status: '已取消', statusReason: '资金调整', sector: '基础设施' }),
    ]);
    const before = await projectCount();
    const dry = await importFile(as['x-officer']!, 'projects', 'dry-run', file, 'p.xlsx');
    expect(dry.job!.report).toMatchObject({ rows: 3, created: 3, refused: 0, problems: [], dryRun: true });
    expect(await projectCount()).toBe(before);

    const applied = await importFile(as['x-officer']!, 'projects', 'apply', file, 'p.xlsx');
    expect(applied.job!.report).toMatchObject({ created: 3, updated: 0, unchanged: 0, dryRun: false });
    const p = await ProjectModel.findOne({ code: 'IMP-001' }).lean();
    expect(p!.budget).toMatchObject({ specialFund: 12345678901, districtBudget: 1 });
    expect(p!.plannedStart).toBe('2026-03-01');
    expect(p!.officerIds.map(String)).toEqual([officerId]);
    expect((await ProjectModel.findOne({ code: 'IMP-002' }).lean())!).toMatchObject({
      status: 'IN_PROGRESS',
      actualStart: '2026-03-05',
    });
    expect((await ProjectModel.findOne({ code: 'IMP-003' }).lean())!).toMatchObject({
      status: 'CANCELLED',
      statusReason: '资金调整',
      sector: 'INFRASTRUCTURE',
    });
    expect(await AuditEntryModel.countDocuments({ kind: 'Project', action: 'create' })).toBeGreaterThanOrEqual(3);

    const again = await importFile(as['x-officer']!, 'projects', 'apply', file, 'p.xlsx');
    expect(again.job!.report).toMatchObject({ created: 0, updated: 0, unchanged: 3 });

    const changed = await xlsxFile([EN, row({ donation: '2.50' })]);
    const update = await importFile(as['x-officer']!, 'projects', 'apply', changed, 'p.xlsx');
    expect(update.job!.report).toMatchObject({ created: 0, updated: 1 });
    expect((await ProjectModel.findOne({ code: 'IMP-001' }).lean())!.budget!.donation).toBe(250);
  });

  it('round-trips: an export imports back as the same records, through xlsx and CSV', async () => {
    for (const format of ['xlsx', 'csv']) {
      const exported = await download(as['x-officer']!, `/api/export/projects?format=${format}&lang=zh-CN&search=imp-`);
      const re = await importFile(as['x-officer']!, 'projects', 'apply', exported.body, `export.${format}`, 'zh-CN');
      expect(re.job!.report).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, problems: [] });
    }
    // Into an empty office: the records come back equal, field by field.
    const csv = (await download(as['x-admin']!, '/api/export/projects?format=csv&lang=en&search=imp-')).body;
    const xlsx = (await download(as['x-admin']!, '/api/export/projects?format=xlsx&lang=en&search=imp-')).body;
    const fields =
      'code name description regionCode regionPath sector dacCode implementingUnit plannedStart plannedEnd actualStart actualEnd budget budgetTotal status statusReason risk';
    const snapshot = async () =>
      (await ProjectModel.find({ code: /^IMP-/ }).sort({ code: 1 }).select(fields).lean()).map(
        ({ _id, ...rest }) => rest,
      );
    const original = await snapshot();
    for (const [file, name] of [
      [csv, 'again.csv'],
      [xlsx, 'again.xlsx'],
    ] as const) {
      await ProjectModel.deleteMany({ code: /^IMP-/ });
      const restored = await importFile(as['x-admin']!, 'projects', 'apply', file, name);
      expect(restored.job!.report).toMatchObject({ created: 3, problems: [] });
      expect(await snapshot()).toEqual(original);
    }
  });

  it('imports milestones by project code and title, idempotently', async () => {
    const header = [
      'Project code',
      'Milestone (Chinese)',
      'Milestone (English)',
      'Planned date',
      'Actual date',
      'Percent complete',
      'Status',
      'Note',
    ];
    const file = await xlsxFile([
      header,
      ['IMP-001', '完成招标', 'Tender', '2026-04-30', '2026-04-20', 100, 'Done', ''],
      ['IMP-001', '主体完工', '', new Date('2026-09-30T00:00:00Z'), null, 40, '待完成', '注意工期'],
    ]);
    const applied = await importFile(as['x-admin']!, 'milestones', 'apply', file, 'm.xlsx');
    expect(applied.job!.report).toMatchObject({ created: 2, problems: [] });
    const project = await ProjectModel.findOne({ code: 'IMP-001' }).lean();
    expect(project).toMatchObject({ milestoneCount: 2, milestoneDoneCount: 1, nextDueDate: '2026-09-30' });
    const again = await importFile(as['x-admin']!, 'milestones', 'apply', file, 'm.xlsx');
    expect(again.job!.report).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const exported = await download(
      as['x-admin']!,
      `/api/export/milestones?format=csv&projectId=${String(project!._id)}`,
    );
    const round = await importFile(as['x-admin']!, 'milestones', 'dry-run', exported.body, 'm.csv', 'zh-CN');
    expect(round.job!.report).toMatchObject({ unchanged: 2, problems: [] });
    expect(await MilestoneModel.countDocuments({ projectId: project!._id })).toBe(2);
  });
});

describe('refusals: named, and nothing written', () => {
  const expectRefused = async (file: Buffer, name: string, code: string, column?: string) => {
    const before = await projectCount();
    const res = await importFile(as['x-officer']!, 'projects', 'apply', file, name);
    expect(res.job!.report!.dryRun).toBe(true);
    expect(res.job!.report!.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code, ...(column ? { column } : {}) })]),
    );
    expect(await projectCount()).toBe(before);
    return res.job!.report!;
  };

  it('refuses missing and unknown columns', async () => {
    const missing = await expectRefused(
      await xlsxFile([EN.filter((h) => h !== 'Name (Chinese)'), row().slice(0, -1)]),
      'a.xlsx',
      'MISSING_COLUMN',
      'Name (Chinese)',
    );
    expect(missing.problems[0]!.message).toContain('"Name (Chinese)" is missing');
    await expectRefused(
      await xlsxFile([
        [...EN, 'Colour'],
        [...row({ code: 'NEW-1' }), 'red'],
      ]),
      'a.xlsx',
      'UNKNOWN_COLUMN',
      'Colour',
    );
  });

  it.each([
    ['a bad date', { plannedEnd: '2026-02-30' }, 'BAD_DATE', 'Planned end'],
    ['an unknown region', { regionCode: '999999' }, 'UNKNOWN_REGION', 'Region code'],
    ['an unknown sector', { sector: '农业' }, 'UNKNOWN_SECTOR', 'Sector'],
    ['a negative amount', { specialFund: -5 }, 'NEGATIVE_AMOUNT', 'Special fund (yuan)'],
    ['a non-numeric amount', { donation: 'lots' }, 'NOT_A_NUMBER', 'Donations (yuan)'],
    ['a third decimal', { donation: '1.005' }, 'TOO_PRECISE', 'Donations (yuan)'],
    ['a formula', { specialFund: { formula: '1+1', result: 2 } }, 'FORMULA', 'Special fund (yuan)'],
  ])('refuses %s', async (_what, over, code, column) => {
    // A clean row beside the bad one is not written either.
    const report = await expectRefused(
      await xlsxFile([EN, row({ code: 'OK-ROW' }), row({ code: 'BAD-ROW', ...over })]),
      'a.xlsx',
      code,
      column,
    );
    expect(report.problems.every((p) => p.row === 3)).toBe(true);
  });

  it('refuses a formula in a CSV and wrong or missing values', async () => {
    const csv = `${EN.join(',')}\r\nCSV-1,=cmd|' /C calc'!A0,,653125,Education,,u,2026-01-01,2026-02-01,,,1,0,0,,,,,\r\n`;
    await expectRefused(Buffer.from(csv), 'a.csv', 'FORMULA', 'Name (Chinese)');
    await expectRefused(
      await xlsxFile([EN, row({ implementingUnit: null })]),
      'a.xlsx',
      'REQUIRED',
      'Implementing unit',
    );
  });

  it('refuses an officer changing a project they are not responsible for', async () => {
    const report = await importFile(
      as['x-officer2']!,
      'projects',
      'dry-run',
      await xlsxFile([EN, row({ risk: 'High' })]),
      'a.xlsx',
    );
    expect(report.job!.report!.problems).toEqual([expect.objectContaining({ code: 'FORBIDDEN', row: 2 })]);
  });

  const refusedFile = async (file: Buffer, name: string, status: number, message: RegExp) => {
    const before = await projectCount();
    const res = await importFile(as['x-officer']!, 'projects', 'apply', file, name);
    expect(res.status).toBe(status);
    expect(res.error!.message).toMatch(message);
    expect(await projectCount()).toBe(before);
  };

  it('refuses macros, zip bombs, broken archives, wrong types and big files', async () => {
    const good = await xlsxFile([EN, row({ code: 'FILE-1' })]);
    await refusedFile(good, 'a.xlsm', 400, /macros \(\.xlsm\)/);
    const withMacro = makeZip([...zipEntries(good), { name: 'xl/vbaProject.bin', data: Buffer.alloc(100, 1) }]);
    await refusedFile(withMacro, 'a.xlsx', 400, /macros \(xl\/vbaProject\.bin\)/);
    const bomb = makeZip([...zipEntries(good), { name: 'xl/media/zeros.bin', data: Buffer.alloc(60 * 1024 * 1024) }]);
    await refusedFile(bomb, 'a.xlsx', 400, /inflate beyond the limits.*compressed \d+:1/);
    const liar = makeZip([
      ...zipEntries(good),
      { name: 'xl/big.xml', data: Buffer.alloc(5_000_000), declaredSize: 1000 },
    ]);
    await refusedFile(liar, 'a.xlsx', 400, /inflates beyond its declared size/);
    await refusedFile(good.subarray(0, Math.floor(good.length / 2)), 'a.xlsx', 400, /damaged/);
    await refusedFile(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      'a.xlsx',
      400,
      /Wrong file type/,
    );
    await refusedFile(Buffer.from('%PDF-1.7 hello'), 'a.pdf', 400, /Wrong file type \(\.pdf\)/);
    await refusedFile(Buffer.concat([good, Buffer.alloc(1024 * 1024)]), 'a.xlsx', 413, /1 MB limit/);
    await refusedFile(Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x2c, 0x31]), 'a.csv', 400, /not UTF-8/);
  });
});

describe('permissions', () => {
  it('lets only officers, managers and admins import, with the upload header', async () => {
    const file = await xlsxFile([EN, row({ code: 'PERM-1' })]);
    for (const who of ['x-viewer', 'x-coord']) {
      expect((await importFile(as[who]!, 'projects', 'dry-run', file, 'a.xlsx')).status).toBe(403);
      expect((await as[who]!.agent.get('/api/import/projects/template')).status).toBe(403);
    }
    expect((await importFile(app.client(), 'projects', 'dry-run', file, 'a.xlsx')).status).toBe(401);
    const noHeader = await as['x-officer']!.agent.post('/api/import/projects').attach('file', file, 'a.xlsx');
    expect(noHeader.status).toBe(400);
    expect(await ProjectModel.countDocuments({ code: 'PERM-1' })).toBe(0);
  });

  it('shows an import job only to the user who started it', async () => {
    const res = await importFile(as['x-officer']!, 'projects', 'dry-run', await xlsxFile([EN, row()]), 'a.xlsx');
    expect((await as['x-officer2']!.agent.get(`/api/import/jobs/${res.job!.id}`)).status).toBe(404);
  });
});

describe('templates', () => {
  it('has the headers in the chosen language, pick lists, and the example on its own sheet', async () => {
    const res = await download(as['x-officer']!, '/api/import/projects/template?lang=zh-CN');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const [data, example] = wb.worksheets;
    expect(data!.getRow(1).getCell(1).value).toBe('项目编号');
    expect(data!.rowCount).toBe(1);
    expect(example!.getRow(2).getCell(1).value).toBe('XJ-2027-001');
    const sector = PROJECT_IMPORT_COLUMNS.findIndex((c) => c.key === 'sector') + 1;
    expect(data!.getRow(2).getCell(sector).dataValidation).toMatchObject({ type: 'list' });
    expect(String(data!.getRow(2).getCell(sector).dataValidation.formulae[0])).toContain('卫生健康');
    const csv = await download(as['x-officer']!, '/api/import/milestones/template?lang=en&format=csv');
    expect(csv.body.toString()).toBe(
      `${BOM}Project code,Milestone (Chinese),Milestone (English),Planned date,Actual date,Percent complete,Status,Note\r\n`,
    );
  });
});
