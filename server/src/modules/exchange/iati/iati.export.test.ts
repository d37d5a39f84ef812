import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LedgerKind } from '@pat/shared';
import { Types } from 'mongoose';
import { repoRoot } from '../../../config/paths';
import { startTestApp, type TestClient } from '../../../../test/app';
import { createUser } from '../../../../test/factories';
import { testConfig } from '../../../../test/config';
import { useTestDatabase } from '../../../../test/db';
import { seedDemo } from '../../../seed/demo';
import { LedgerEntryModel } from '../../fund/fund.model';
import { ProjectModel } from '../../projects/project.model';
import type { CurrentUser } from '../../../graphql/context';
import { budgetPeriods, buildIatiXml } from './iati.export';
import { parseXml, child, childrenNamed } from './xml';
import { activeCodes, describeWithIati, xmllint } from './testing';

const database = useTestDatabase();

const config = testConfig();
const admin: CurrentUser = {
  id: new Types.ObjectId().toHexString(),
  username: 'a',
  displayName: 'A',
  role: 'admin',
  regionScope: [],
};
const exportAll = () =>
  buildIatiXml(admin, config, { baseUrl: 'https://pat.example.org', filter: { includeArchived: false } });

let app: Awaited<ReturnType<typeof startTestApp>>;
const as: Record<string, TestClient> = {};
let moneyProjectId = '';

beforeAll(async () => {
  await seedDemo({ info: () => {} });
  await createUser({ username: 'x-tibet', role: 'viewer', regionScope: ['540000'] });
  // A project with a huge budget and a one-fen disbursement (fixture rows, written directly).
  const project = await ProjectModel.create({
    code: 'MONEY-001',
    name: { zh: '精确金额', en: 'Exact money' },
    regionCode: '653125',
    regionPath: ['650000', '653100', '653125'],
    sector: 'HEALTH',
    dacCode: '12220',
    implementingUnit: '市卫健委',
    plannedStart: '2026-01-01',
    plannedEnd: '2026-12-31',
    budget: { specialFund: 12345678901, districtBudget: 0, donation: 0 },
    budgetTotal: 12345678901,
    status: 'IN_PROGRESS',
    search: 'money-001',
    createdBy: new Types.ObjectId(),
  });
  moneyProjectId = String(project._id);
  const entry = (kind: LedgerKind, amount: number, date: string) => ({
    operationId: new Types.ObjectId().toHexString(),
    kind,
    year: 2026,
    bookedYear: 2026,
    date,
    month: date.slice(0, 7),
    amount,
    projectId: project._id,
    createdBy: new Types.ObjectId(),
    createdAt: new Date(),
  });
  await LedgerEntryModel.create([
    entry('ALLOCATION', 12345678901, '2026-03-01'),
    entry('DISBURSEMENT', 1, '2026-03-02'),
    entry('DISBURSEMENT_REVERSAL', 1, '2026-03-03'),
  ]);
  app = await startTestApp(config);
  for (const name of ['viewer', 'coordinator', 'x-tibet']) {
    as[name] = app.client();
    await as[name]!.login(name);
  }
}, 120_000);
afterAll(() => app.stop());

const activityOf = (xml: string, code: string) => {
  const root = parseXml(Buffer.from(xml));
  const found = childrenNamed(root, 'iati-activity').find(
    (a) => child(a, 'iati-identifier')!.text === `CN-PAT-OFFICE-${code}`,
  );
  if (!found) throw new Error(`no activity ${code}`);
  return found;
};

describe('IATI export', () => {
  it('writes exact money: 12345678901 fen as 123456789.01, one fen as 0.01, a reversal as a negative disbursement', async () => {
    const { xml } = await buildIatiXml(admin, config, { ids: [moneyProjectId], baseUrl: 'https://pat.example.org' });
    const a = activityOf(xml, 'MONEY-001');
    const budgets = childrenNamed(a, 'budget');
    expect(budgets.map((b) => child(b, 'value')!.text)).toEqual(['123456789.01']);
    expect(child(budgets[0]!, 'value')!.attrs).toEqual({ currency: 'CNY', 'value-date': '2026-01-01' });
    const tx = childrenNamed(a, 'transaction').map((t) => [
      child(t, 'transaction-type')!.attrs.code,
      child(t, 'transaction-date')!.attrs['iso-date'],
      child(t, 'value')!.text,
    ]);
    expect(tx).toEqual([
      ['2', '2026-03-01', '123456789.01'],
      ['3', '2026-03-02', '0.01'],
      ['3', '2026-03-03', '-0.01'],
    ]);
    expect(child(a, 'activity-status')!.attrs.code).toBe('2');
    expect(childrenNamed(a, 'sector').map((s) => s.attrs)).toEqual([
      { vocabulary: '1', code: '12220', percentage: '100' },
    ]);
  });

  it('splits a multi-year budget into calendar years that add up exactly', () => {
    const parts = budgetPeriods('2025-07-01', '2027-06-30', 100_000_01);
    expect(parts.map((p) => [p.start, p.end])).toEqual([
      ['2025-07-01', '2025-12-31'],
      ['2026-01-01', '2026-12-31'],
      ['2027-01-01', '2027-06-30'],
    ]);
    expect(parts.reduce((sum, p) => sum + p.fen, 0)).toBe(100_000_01);
    expect(budgetPeriods('2026-01-01', '2026-12-31', 12345678901)).toEqual([
      { start: '2026-01-01', end: '2026-12-31', fen: 12345678901 },
    ]);
  });

  it('over HTTP: any signed-in reader exports the list filter or chosen projects, within their region scope', async () => {
    const res = await as.coordinator!.agent.get('/api/export/iati.xml?year=2026&sector=HEALTH');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="iati-activities-\d{8}\.xml"$/);
    const root = parseXml(Buffer.from(res.text));
    const activities = childrenNamed(root, 'iati-activity');
    expect(activities.length).toBe(Number(res.headers['x-iati-activities']));
    const expected = await ProjectModel.countDocuments({
      archived: false,
      sector: 'HEALTH',
      plannedStart: { $lte: '2026-12-31' },
      plannedEnd: { $gte: '2026-01-01' },
    });
    expect(activities.length).toBe(expected);
    expect(
      activities.every((a) =>
        childrenNamed(a, 'sector').every((s) => s.attrs.code === '12220' || s.attrs.code!.length === 5),
      ),
    ).toBe(true);

    const chosen = await as.viewer!.agent.get(`/api/export/iati.xml?ids=${moneyProjectId}`);
    expect(childrenNamed(parseXml(Buffer.from(chosen.text)), 'iati-activity')).toHaveLength(1);

    // Scope: a Tibet-scoped viewer gets Tibet's projects only, and nothing of a Xinjiang project they name.
    const tibet = await as['x-tibet']!.agent.get('/api/export/iati.xml');
    const tibetActivities = childrenNamed(parseXml(Buffer.from(tibet.text)), 'iati-activity');
    expect(tibetActivities.length).toBe(await ProjectModel.countDocuments({ archived: false, regionPath: '540000' }));
    expect(tibetActivities.length).toBeGreaterThan(0);
    const outside = await as['x-tibet']!.agent.get(`/api/export/iati.xml?ids=${moneyProjectId}`);
    expect(outside.status).toBe(400);
    expect(outside.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect(outside.body.error.message).toContain(moneyProjectId);
    // Several chosen projects (the list's row selection): exactly those; an unknown id is named.
    const two = await ProjectModel.find({ archived: false }).sort({ code: 1 }).limit(2).lean();
    const both = await as.viewer!.agent.get(`/api/export/iati.xml?ids=${two.map((p) => String(p._id)).join(',')}`);
    const bothIds = childrenNamed(parseXml(Buffer.from(both.text)), 'iati-activity').map(
      (a) => child(a, 'iati-identifier')!.text,
    );
    expect(bothIds).toEqual(two.map((p) => `CN-PAT-OFFICE-${p.code}`));
    const unknown = '0123456789abcdef01234567';
    const withUnknown = await as.viewer!.agent.get(`/api/export/iati.xml?ids=${String(two[0]!._id)},${unknown}`);
    expect(withUnknown.status).toBe(400);
    expect(withUnknown.body.error.message).toContain(unknown);
    expect(withUnknown.body.error.message).not.toContain(String(two[0]!._id));

    expect((await app.client().agent.get('/api/export/iati.xml')).status).toBe(401);
    const bad = await as.viewer!.agent.get('/api/export/iati.xml?year=1800');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/year/);
  });
});

describeWithIati('IATI export of the demo data', () => {
  it('validates against the IATI 2.03 activity schema', async () => {
    const { xml, count } = await exportAll();
    expect(count).toBeGreaterThan(10);
    const result = xmllint(xml, 'demo-export.xml');
    console.log(
      `${result.command}\n${result.output}\n(exit ${result.status}, ${count} activities, ${xml.length} bytes)`,
    );
    expect(result.output).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('publishes as the configured reporting organisation, still valid', async () => {
    const office = { ...config, IATI_ORG_REF: 'CN-USC-11440300MB2C92', IATI_ORG_NAME_EN: 'Cooperation Office' };
    const { xml } = await buildIatiXml(admin, office, { ids: [moneyProjectId], baseUrl: 'https://pat.example.org' });
    const a = childrenNamed(parseXml(Buffer.from(xml)), 'iati-activity')[0]!;
    expect(child(a, 'iati-identifier')!.text).toBe('CN-USC-11440300MB2C92-MONEY-001');
    const org = child(a, 'reporting-org')!;
    expect(org.attrs.ref).toBe('CN-USC-11440300MB2C92');
    expect(childrenNamed(org, 'narrative').map((n) => n.text)).toContain('Cooperation Office');
    const result = xmllint(xml, 'configured-org.xml');
    expect(result.output).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('uses only active codes of the IATI codelists', async () => {
    const { xml } = await exportAll();
    const codes = (element: string, attr = 'code') =>
      new Set([...xml.matchAll(new RegExp(`<${element} [^>]*?\\b${attr}="([^"]+)"`, 'g'))].map((m) => m[1]!));
    const check = (element: string, codelist: string, attr = 'code') => {
      const used = codes(element, attr);
      expect(used.size).toBeGreaterThan(0);
      const active = activeCodes(codelist);
      expect([...used].filter((c) => !active.has(c))).toEqual([]);
    };
    check('sector', 'Sector');
    check('activity-status', 'ActivityStatus');
    check('activity-date', 'ActivityDateType', 'type');
    check('transaction-type', 'TransactionType');
    check('budget', 'BudgetType', 'type');
    check('budget', 'BudgetStatus', 'status');
    check('reporting-org', 'OrganisationType', 'type');
    check('participating-org', 'OrganisationRole', 'role');
    check('activity-scope', 'ActivityScope');
    check('location-class', 'GeographicLocationClass');
    check('location-reach', 'GeographicLocationReach');
    check('exactness', 'GeographicExactness');
    check('recipient-country', 'Country');
    check('document-link', 'FileFormat', 'format');
    check('category', 'DocumentCategory');
    check('indicator', 'IndicatorMeasure', 'measure');
    check('result', 'ResultType', 'type');
    check('value', 'Currency', 'currency');
  });

  it('the command line writes a valid file of the filtered projects', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'iati-cli-')), 'demo-2025.xml');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'scripts', 'iati-export.ts'), '--out', out, '--year', '2025'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: {
          ...process.env,
          MONGODB_URI: process.env.TEST_MONGODB_URI,
          MONGODB_DB: database.name,
          LOG_LEVEL: 'silent',
        },
        timeout: 120_000,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const count = Number(/Wrote (\d+) IATI activities/.exec(r.stdout)?.[1]);
    expect(count).toBeGreaterThan(0);
    const xml = fs.readFileSync(out, 'utf8');
    expect((xml.match(/<iati-activity /g) ?? []).length).toBe(count);
    const result = xmllint(xml, 'cli.xml');
    expect(result.status).toBe(0);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'iati-export.ts')], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--out FILE is required');
  }, 180_000);
});
