import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '@pat/shared';
import { startTestApp, type TestClient } from '../../../../test/app';
import { testConfig } from '../../../../test/config';
import { useTestDatabase } from '../../../../test/db';
import { createUser } from '../../../../test/factories';
import { seedRegions } from '../../../../test/projects';
import { DEFAULT_DAC_CODE, PROJECT_STATUSES, SECTORS } from '@pat/shared';
import { Types } from 'mongoose';
import { RegionModel } from '../../regions/region.model';
import { AuditEntryModel } from '../../audit/audit.model';
import { ProjectModel } from '../../projects/project.model';
import { UserModel } from '../../users/user.model';
import type { CurrentUser } from '../../../graphql/context';
import { buildIatiXml } from './iati.export';
import { describeWithIati, samplesDir } from './testing';

useTestDatabase();

let app: Awaited<ReturnType<typeof startTestApp>>;
const as: Record<string, TestClient> = {};
const config = testConfig({ UPLOAD_MAX_MB: '1' });

const send = (c: TestClient, xml: string | Buffer, query = 'mode=dry-run', filename = 'activities.xml') =>
  c.agent
    .post(`/api/import/iati?${query}`)
    .set('x-pat-upload', '1')
    .attach('file', Buffer.isBuffer(xml) ? xml : Buffer.from(xml), filename);

const FIELDS = [
  'code',
  'name',
  'description',
  'status',
  'sector',
  'dacCode',
  'regionCode',
  'implementingUnit',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
] as const;
const snapshot = async (codes: string[]) =>
  (
    await ProjectModel.collection
      .find({ code: { $in: codes } })
      .sort({ code: 1 })
      .toArray()
  ).map((p) => ({
    ...Object.fromEntries(FIELDS.map((f) => [f, p[f] ?? null])),
    specialFund: (p.budget as { specialFund: number }).specialFund,
    indicators: ((p.indicators as Record<string, unknown>[]) ?? []).map(({ _id, ...rest }) => rest),
  }));

// Fixture projects written directly (two of every status, with and without descriptions, actual
// dates, multi-year budgets and odd fen), on regions and demo users only: project writes through the
// service are slow on a database full of demo records, and the round trip does dozens of them.
async function seedFixtures() {
  const regions = new Map(
    (await RegionModel.collection.find({ code: { $in: ['653125', '653124', '632600'] } }).toArray()).map((r) => [
      String(r.code),
      [...(r.ancestors as string[]), String(r.code)],
    ]),
  );
  const rows = PROJECT_STATUSES.flatMap((status, i) =>
    [0, 1].map((k) => {
      const regionCode = ['653125', '653124', '632600'][(i + k) % 3]!;
      const sector = SECTORS[(i * 2 + k) % SECTORS.length]!;
      const started = !['PROPOSED', 'APPROVED', 'CANCELLED'].includes(status) && !(status === 'SUSPENDED' && k === 1);
      const ended = status === 'COMPLETED' || status === 'ACCEPTED';
      const specialFund = k === 0 ? 12345678901 : 250_000_00 + i;
      return {
        code: `RT-${status.replace('_', '')}-${k + 1}`,
        name: { zh: `往返项目${i}${k}`, en: k === 0 ? `Round trip ${i}${k}` : '' },
        description: k === 0 ? { zh: `说明 ${i} & <${k}>`, en: `Description ${i}` } : { zh: '', en: '' },
        regionCode,
        regionPath: regions.get(regionCode)!,
        sector,
        dacCode: DEFAULT_DAC_CODE[sector],
        implementingUnit: k === 0 ? '市教育局' : '市卫生健康委员会',
        plannedStart: k === 0 ? '2025-03-01' : '2026-01-01',
        plannedEnd: k === 0 ? '2027-06-30' : '2026-12-31',
        actualStart: started ? '2025-04-02' : null,
        actualEnd: ended ? '2026-05-31' : null,
        budget: { specialFund, districtBudget: 0, donation: 0 },
        budgetTotal: specialFund,
        status,
        statusReason: ['SUSPENDED', 'CANCELLED'].includes(status) ? 'fixture' : null,
        indicators:
          k === 0
            ? [{ name: { zh: '受益人数', en: 'Beneficiaries' }, unit: '人', baseline: 0, target: 500, actual: 120 }]
            : [],
        search: `rt-${status}-${k}`.toLowerCase(),
        createdBy: new Types.ObjectId(),
      };
    }),
  );
  await ProjectModel.create(rows);
}

beforeAll(async () => {
  await seedRegions();
  await seedFixtures();
  await createUser({ username: 'i-scoped', role: 'officer', regionScope: ['540000'] });
  app = await startTestApp(config);
  for (const name of ['admin', 'manager', 'officer', 'coordinator', 'viewer', 'i-scoped']) {
    as[name] = app.client();
    await as[name]!.login(name);
  }
}, 120_000);
afterAll(() => app.stop());

describe('IATI import', () => {
  let codes: string[] = [];
  let xml = '';
  let before: Awaited<ReturnType<typeof snapshot>> = [];
  let n = 0;

  it('round trip: importing an export of the same records changes nothing', async () => {
    const admin = (await UserModel.findOne({ username: 'admin' }).lean())!;
    const user: CurrentUser = {
      id: String(admin._id),
      username: 'admin',
      displayName: 'A',
      role: 'admin',
      regionScope: [],
    };
    const all = await ProjectModel.collection.find({ code: /^RT-/ }).sort({ code: 1 }).toArray();
    n = all.length;
    codes = all.map((p) => String(p.code));
    expect(new Set(all.map((p) => p.status)).size).toBe(PROJECT_STATUSES.length);
    expect(all.some((p) => p.actualStart) && all.some((p) => !p.actualStart)).toBe(true);
    ({ xml } = await buildIatiXml(user, config, { ids: all.map((p) => String(p._id)), baseUrl: 'http://x' }));
    before = await snapshot(codes);
    const res = await send(as.admin!, xml, 'mode=apply');
    expect(res.status).toBe(200);
    const report = res.body as ImportReport;
    expect(report).toMatchObject({
      kind: 'iati',
      mode: 'apply',
      rows: n,
      unchanged: n,
      created: 0,
      updated: 0,
      refused: 0,
    });
    expect(report.problems).toEqual([]);
  });

  it('round trip: into a database without them, a dry run writes nothing, apply recreates the same records, again changes nothing', async () => {
    await ProjectModel.collection.deleteMany({ code: { $in: codes } });
    const audits = await AuditEntryModel.countDocuments();
    const dry = (await send(as.admin!, xml, 'mode=dry-run')).body as ImportReport;
    expect(dry).toMatchObject({ rows: n, created: n, refused: 0, dryRun: true });
    expect(await ProjectModel.collection.countDocuments({ code: { $in: codes } })).toBe(0);
    expect(await AuditEntryModel.countDocuments()).toBe(audits);

    const started = Date.now();
    const applied = (await send(as.admin!, xml, 'mode=apply')).body as ImportReport;
    console.log(`IATI apply of ${n} new activities: ${Date.now() - started} ms`);
    expect(applied.problems).toEqual([]);
    expect(applied).toMatchObject({ rows: n, created: n, refused: 0, dryRun: false });
    expect(await snapshot(codes)).toEqual(before);
    expect(await AuditEntryModel.countDocuments({ kind: 'Project', action: 'create' })).toBeGreaterThanOrEqual(n);

    const again = (await send(as.admin!, xml, 'mode=apply')).body as ImportReport;
    expect(again).toMatchObject({ rows: n, unchanged: n, created: 0, updated: 0 });
  }, 900_000);

  it('updates a changed record by its code, through the service (audited)', async () => {
    const edited = xml.replace(
      '<narrative xml:lang="zh">往返项目00</narrative>',
      '<narrative xml:lang="zh">改名后的项目</narrative>',
    );
    expect(edited).not.toBe(xml);
    const report = (await send(as.manager!, edited, 'mode=apply')).body as ImportReport;
    expect(report).toMatchObject({ updated: 1, unchanged: n - 1 });
    expect(await ProjectModel.collection.countDocuments({ 'name.zh': '改名后的项目' })).toBe(1);
    expect(await AuditEntryModel.countDocuments({ kind: 'Project', action: 'update', actorName: 'manager' })).toBe(1);
  }, 300_000);
});

describeWithIati('IATI sample files', () => {
  // What each sample is expected to give: the project code, and notes the report must carry.
  const expected: Record<string, { code: string; status: string; notes: RegExp[] }> = {
    '01-activity-standard-example-annotated.xml': {
      code: 'AA-AAA-123456789-ABC123',
      status: 'IN_PROGRESS',
      notes: [
        /^1 transactions \(types 1\)/,
        /^sector A1 of a non-DAC vocabulary/,
        /^a project has one sector; DAC 112/,
      ],
    },
    '02-fcdo-activity.xml': {
      code: 'GB-1-103662-101',
      status: 'ACCEPTED',
      notes: [/^14 transactions \(types 3, 4\) not imported/, /^a revised budget is not imported/],
    },
    '03-worldbank-activity.xml': {
      code: '44000-P175662',
      status: 'IN_PROGRESS',
      notes: [
        /transactions \(types 2, 3, 5\) not imported/,
        /^sector .* of a non-DAC vocabulary/,
        /USD is not converted/,
      ],
    },
    '06-canada-activity.xml': {
      code: 'CA-3-D002451001',
      status: 'IN_PROGRESS',
      notes: [
        /^recipient country VN is not in the region tree$/,
        /^a project has one sector; DAC 25010 \(40%\)/,
        /CAD is not converted/,
      ],
    },
  };
  const samples = fs.existsSync(samplesDir)
    ? fs
        .readdirSync(samplesDir)
        .filter((f) => f.endsWith('.xml'))
        .sort()
    : [];

  it('finds the samples', () => expect(samples).toEqual(Object.keys(expected)));

  it.each(Object.keys(expected))(
    '%s: refused without a region, mapped with one, and the report says what was left out',
    async (file) => {
      const want = expected[file]!;
      const data = fs.readFileSync(path.join(samplesDir, file));
      const plain = (await send(as.officer!, data, 'mode=dry-run&lang=en', file)).body as ImportReport;
      expect(plain).toMatchObject({ rows: 1, created: 0, refused: 1, dryRun: true });
      expect(plain.problems.map((p) => p.code)).toEqual(['UNKNOWN_REGION']);

      const applied = (await send(as.officer!, data, 'mode=apply&lang=en&region=653125', file)).body as ImportReport;
      expect(applied.problems).toEqual([]);
      expect(applied).toMatchObject({ rows: 1, created: 1, refused: 0, dryRun: false });
      const notes = applied.unmapped.map((u) => u.note);
      for (const note of want.notes) expect(notes.some((n) => note.test(n))).toBe(true);
      expect(applied.unmapped.every((u) => u.row === 1 && u.path && u.note)).toBe(true);
      const project = await ProjectModel.collection.findOne({ code: want.code });
      expect(project).toMatchObject({ status: want.status, regionCode: '653125' });
      expect(String(project!.dacCode)).toMatch(/^\d{5}$/);
      // The importing officer becomes responsible for what they created.
      expect((project!.officerIds as unknown[]).map(String)).toContain(
        String((await UserModel.findOne({ username: 'officer' }))!._id),
      );

      const again = (await send(as.officer!, data, 'mode=apply&lang=en&region=653125', file)).body as ImportReport;
      expect(again).toMatchObject({ rows: 1, unchanged: 1, created: 0, updated: 0 });
    },
    600_000,
  );

  it('maps the FCDO activity field by field', async () => {
    const p = (await ProjectModel.collection.findOne({ code: 'GB-1-103662-101' }))!;
    expect(p).toMatchObject({
      plannedStart: '2006-12-01',
      plannedEnd: '2010-03-31',
      actualStart: '2006-12-01',
      actualEnd: '2010-03-31',
      dacCode: '15110',
      sector: 'OTHER',
    });
    expect((p.name as { zh: string; en: string }).en).toMatch(/\S/);
  });
});

describe('IATI import refusals and permissions', () => {
  const activity = (code: string, region: string) => `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="CNY" xml:lang="zh">
    <iati-identifier>CN-PAT-OFFICE-${code}</iati-identifier>
    <reporting-org ref="CN-PAT-OFFICE" type="10"><narrative>办公室</narrative></reporting-org>
    <title><narrative>导入测试</narrative><narrative xml:lang="en">Import test</narrative></title>
    <description type="1"><narrative>说明</narrative></description>
    <participating-org role="4"><narrative>市教育局</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2026-01-01"/>
    <activity-date type="3" iso-date="2026-12-31"/>
    <location ref="${region}"/>
    <sector code="11120"/>
    <budget type="1"><period-start iso-date="2026-01-01"/><period-end iso-date="2026-12-31"/><value value-date="2026-01-01">123456789.01</value></budget>
  </iati-activity>
</iati-activities>`;
  const count = () => ProjectModel.collection.countDocuments();

  it('refuses DOCTYPEs (billion laughs, XXE), non-IATI and broken files as a whole, writing nothing', async () => {
    const before = await count();
    const laughs = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><iati-activities version="2.03"><iati-activity><iati-identifier>&c;</iati-identifier></iati-activity></iati-activities>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><iati-activities version="2.03"><iati-activity><iati-identifier>&x;</iati-identifier></iati-activity></iati-activities>`;
    for (const [xml, pattern] of [
      [laughs, /DOCTYPE/],
      [xxe, /DOCTYPE/],
      ['<projects><project/></projects>', /root element is <projects>/],
      ['<iati-activities version="1.05"><iati-activity/></iati-activities>', /version "1\.05"/],
      ['<iati-activities version="2.03"><iati-activity>', /not well-formed/],
    ] as const) {
      const res = await send(as.officer!, xml, 'mode=apply&lang=en');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
      expect(res.body.error.message).toMatch(pattern);
      expect(res.body.error.message).not.toContain('root:x:0');
    }
    const big = await send(
      as.officer!,
      Buffer.concat([Buffer.from('<iati-activities version="2.03">'), Buffer.alloc(1.2 * 1024 * 1024, 32)]),
    );
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/larger than the 1 MB limit/);
    expect(await count()).toBe(before);
  });

  it('reports problems per activity and writes only the good ones', async () => {
    const good = activity('IMP-GOOD', '653124');
    const bad = good
      .replace('IMP-GOOD', 'IMP-BAD')
      .replace('<activity-date type="3" iso-date="2026-12-31"/>', '')
      .replace('123456789.01', '12.345');
    const twoActivities = good.replace(
      '</iati-activities>',
      bad.slice(bad.indexOf('<iati-activity '), bad.indexOf('</iati-activities>')) + '</iati-activities>',
    );
    const report = (await send(as.officer!, twoActivities, 'mode=apply&lang=en')).body as ImportReport;
    expect(report).toMatchObject({ rows: 2, created: 1, refused: 1 });
    expect(report.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'MISSING_DATE'],
      [2, 'BAD_AMOUNT'],
    ]);
    const p = (await ProjectModel.collection.findOne({ code: 'IMP-GOOD' }))!;
    expect(p).toMatchObject({ status: 'IN_PROGRESS', regionCode: '653124', sector: 'EDUCATION', actualStart: null });
    expect((p.budget as { specialFund: number }).specialFund).toBe(12345678901);
    expect(await ProjectModel.collection.countDocuments({ code: 'IMP-BAD' })).toBe(0);
  }, 300_000);

  it('only officers, managers and admins import, within their region scope; anyone signed in may not skip the CSRF header', async () => {
    const xml = activity('IMP-SCOPE', '653125');
    expect((await send(as.viewer!, xml)).status).toBe(403);
    expect((await send(as.coordinator!, xml)).status).toBe(403);
    expect((await send(app.client(), xml)).status).toBe(401);
    const noHeader = await as
      .officer!.agent.post('/api/import/iati?mode=dry-run')
      .attach('file', Buffer.from(xml), 'a.xml');
    expect(noHeader.status).toBe(400);
    expect((await send(as.officer!, xml, 'mode=maybe')).status).toBe(400);
    // A Tibet-scoped officer may not create a Xinjiang project, nor change one they are not responsible for.
    const scoped = (await send(as['i-scoped']!, xml, 'mode=apply&lang=en')).body as ImportReport;
    expect(scoped).toMatchObject({ rows: 1, created: 0, refused: 1 });
    expect(scoped.problems[0]).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/outside your region scope/),
    });
    const notTheirs = (
      await send(as.officer!, activity('IMP-GOOD', '653124').replace('导入测试', '别人的项目'), 'mode=dry-run&lang=en')
    ).body as ImportReport;
    expect(notTheirs).toMatchObject({ updated: 1 }); // the officer created IMP-GOOD, so they may change it
    const manager = await send(as.manager!, xml, 'mode=dry-run');
    expect(manager.status).toBe(200);
    expect(manager.body).toMatchObject({ created: 1, dryRun: true });
  });
});
