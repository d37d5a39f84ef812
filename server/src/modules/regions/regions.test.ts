import { Types } from 'mongoose';
import { startTestApp } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { createProject, seedRegions } from '../../../test/projects';
import { AuditEntryModel } from '../audit/audit.model';
import { ContactModel } from '../contacts/contact.model';
import { LiaisonActivityModel } from '../liaison/liaison-activity.model';
import { ProjectModel } from '../projects/project.model';
import { RegionModel } from './region.model';
import { countCommands, failure, FIVE_ROLES, ok, signIn, stored, type SignedIn } from './testing';

useTestDatabase();

let app: Awaited<ReturnType<typeof startTestApp>>;
let as: Record<string, SignedIn> = {};

const REGION = `query($code: String!) { region(code: $code) { code level version population povertyStatus pairedUnits
  liaisonOffice { name address phone head } ancestors ancestorRegions { code } children { code } archived canEdit } }`;
const UPDATE = `mutation($code: String!, $v: Int!, $input: UpdateRegionInput!) { updateRegion(code: $code, version: $v, input: $input) {
  code version population povertyStatus pairedUnits liaisonOffice { name phone head } location { lng lat } } }`;
const ARCHIVE = `mutation($code: String!, $v: Int!) { archiveRegion(code: $code, version: $v) { code archived version } }`;
const COUNTS = `counts { projects projectsIncludingDescendants contacts liaisonActivities }`;

const path = (code: string, ...above: string[]) => ({ regionCode: code, regionPath: [...above, code] });

async function addContact(code: string, above: string[], archived = false) {
  await ContactModel.create({
    ...path(code, ...above),
    name: `联系人${code}`,
    search: 'x',
    archived,
    createdBy: new Types.ObjectId(),
  });
}
async function addActivity(code: string, above: string[], archived = false) {
  await LiaisonActivityModel.create({
    ...path(code, ...above),
    kind: 'VISIT',
    date: '2026-05-01',
    title: `调研${code}`,
    search: 'x',
    archived,
    createdBy: new Types.ObjectId(),
  });
}

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  as = await signIn(app, [
    ...FIVE_ROLES.map((role) => ({ name: `r-${role}`, role })),
    { name: 'r-scoped', role: 'coordinator', regionScope: ['653100'] },
    { name: 'r-scoped-viewer', role: 'viewer', regionScope: ['540000'] },
  ]);
});
afterAll(() => app.stop());

describe('reading regions', () => {
  it('keeps the flat list the client reads, parents before children, filtered by scope', async () => {
    const all = ok(
      await as['r-viewer']!.gql<{ regions: { code: string; parentCode: string | null; ancestors: string[] }[] }>(
        `{ regions { id code parentCode level name { zh en } ancestors } }`,
      ),
    ).regions;
    expect(all).toHaveLength(await RegionModel.countDocuments({ archived: false }));
    expect(all.find((r) => r.code === '653125')).toMatchObject({
      parentCode: '653100',
      ancestors: ['650000', '653100'],
    });
    const scoped = ok(await as['r-scoped']!.gql<{ regions: { code: string }[] }>(`{ regions { code } }`)).regions;
    expect(scoped.map((r) => r.code)).toEqual(['653100', '653124', '653125', '653126', '653130']);
  });

  it('answers one region with its profile defaults, ancestors and children', async () => {
    const r = ok(await as['r-officer']!.gql<{ region: Record<string, unknown> }>(REGION, { code: '653100' })).region;
    expect(r).toEqual({
      code: '653100',
      level: 'PREFECTURE',
      version: 0,
      population: null,
      povertyStatus: 'NOT_DESIGNATED',
      pairedUnits: [],
      liaisonOffice: null,
      ancestors: ['650000'],
      ancestorRegions: [{ code: '650000' }],
      children: [{ code: '653124' }, { code: '653125' }, { code: '653126' }, { code: '653130' }],
      archived: false,
      canEdit: false,
    });
  });

  it('refuses a malformed code and answers NOT_FOUND for an unknown or out-of-scope region', async () => {
    expect(failure(await as['r-viewer']!.gql(REGION, { code: 'abc' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'code',
    });
    expect(failure(await as['r-viewer']!.gql(REGION, { code: '999999' })).code).toBe('NOT_FOUND');
    expect(failure(await as['r-scoped']!.gql(REGION, { code: '540200' })).code).toBe('NOT_FOUND');
    // Its own ancestors are outside the scope too: not readable, and not listed as ancestor regions.
    expect(failure(await as['r-scoped']!.gql(REGION, { code: '650000' })).code).toBe('NOT_FOUND');
    const own = ok(await as['r-scoped']!.gql<{ region: { ancestorRegions: unknown[] } }>(REGION, { code: '653125' }));
    expect(own.region.ancestorRegions).toEqual([{ code: '653100' }]);
  });

  it('gives the tree from the top the user may see', async () => {
    const TREE = `{ regionTree { code children { code children { code } } } }`;
    const full = ok(await as['r-viewer']!.gql<{ regionTree: { code: string; children: { code: string }[] }[] }>(TREE));
    expect(full.regionTree.map((r) => r.code)).toEqual([
      '420000',
      '500000',
      '520000',
      '530000',
      '540000',
      '630000',
      '650000',
    ]);
    expect(full.regionTree.find((r) => r.code === '650000')?.children.map((c) => c.code)).toEqual(['653100', '659003']);
    const scoped = ok(await as['r-scoped']!.gql<{ regionTree: unknown }>(TREE));
    expect(scoped.regionTree).toEqual([
      {
        code: '653100',
        children: [
          { code: '653124', children: [] },
          { code: '653125', children: [] },
          { code: '653126', children: [] },
          { code: '653130', children: [] },
        ],
      },
    ]);
    const unauthenticated = await app.client().gql(TREE);
    expect(failure(unauthenticated).code).toBe('UNAUTHENTICATED');
  });
});

describe('updating a region profile', () => {
  const PROFILE = {
    population: 927000,
    povertyStatus: 'NATIONAL_KEY_COUNTY',
    pairedUnits: ['闵行区', '宝山区'],
    liaisonOffice: { name: '上海援疆莎车分指挥部', phone: '0998-8512002', head: '李明' },
  };

  it('admin, manager and coordinator update it, each write versioned and audited', async () => {
    let version = 0;
    for (const name of ['r-coordinator', 'r-manager', 'r-admin']) {
      const r = ok(
        await as[name]!.gql<{ updateRegion: { version: number } }>(UPDATE, {
          code: '653125',
          v: version,
          input: { ...PROFILE, population: PROFILE.population + version },
        }),
      );
      expect(r.updateRegion.version).toBe(version + 1);
      version += 1;
    }
    const region = ok(
      await as['r-viewer']!.gql<{ region: Record<string, unknown> }>(REGION, { code: '653125' }),
    ).region;
    expect(region).toMatchObject({
      version: 3,
      population: 927002,
      povertyStatus: 'NATIONAL_KEY_COUNTY',
      pairedUnits: ['闵行区', '宝山区'],
      liaisonOffice: { name: '上海援疆莎车分指挥部', address: '', phone: '0998-8512002', head: '李明' },
    });
    const audits = await AuditEntryModel.find({
      kind: 'Region',
      recordId: String((await RegionModel.findOne({ code: '653125' }))!._id),
    })
      .sort({ at: 1 })
      .lean();
    expect(audits.map((a) => [a.action, a.actorName])).toEqual([
      ['update', 'r-coordinator'],
      ['update', 'r-manager'],
      ['update', 'r-admin'],
    ]);
    expect(audits[0]!.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['population', 'povertyStatus', 'pairedUnits', 'liaisonOffice']),
    );
  });

  it('a stale version gets CONFLICT and changes nothing', async () => {
    const before = await stored(RegionModel, { code: '653125' });
    const audits = await AuditEntryModel.countDocuments({ kind: 'Region' });
    const r = await as['r-coordinator']!.gql(UPDATE, { code: '653125', v: 1, input: { population: 1 } });
    expect(failure(r).code).toBe('CONFLICT');
    expect(failure(r).message).toMatch(/changed by someone else/);
    const after = await stored(RegionModel, { code: '653125' });
    expect(after?.population).toBe(before?.population);
    expect(after?.version).toBe(before?.version);
    expect(await AuditEntryModel.countDocuments({ kind: 'Region' })).toBe(audits);
  });

  it('officers, viewers and anonymous callers are refused; scoped writers only reach their scope', async () => {
    for (const name of ['r-officer', 'r-viewer', 'r-scoped-viewer'])
      expect(failure(await as[name]!.gql(UPDATE, { code: '653124', v: 0, input: { population: 5 } })).code).toBe(
        'FORBIDDEN',
      );
    expect(failure(await app.client().gql(UPDATE, { code: '653124', v: 0, input: { population: 5 } })).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(failure(await as['r-scoped']!.gql(UPDATE, { code: '540200', v: 0, input: { population: 5 } })).code).toBe(
      'NOT_FOUND',
    );
    ok(await as['r-scoped']!.gql(UPDATE, { code: '653124', v: 0, input: { population: 221000 } }));
    expect((await RegionModel.findOne({ code: '540200' }).lean())?.population ?? null).toBeNull();
  });

  it.each([
    ['input.population', { population: -1 }],
    ['input.pairedUnits', { pairedUnits: ['闵行区', '闵行区'] }],
    ['input.pairedUnits.0', { pairedUnits: [''] }],
    ['input.liaisonOffice.phone', { liaisonOffice: { name: '前方', phone: 'call me' } }],
    ['input.location.lat', { location: { lng: 77, lat: 100 } }],
  ])('refuses bad input naming %s, changing nothing', async (field, input) => {
    const before = await stored(RegionModel, { code: '653126' });
    const r = await as['r-manager']!.gql(UPDATE, { code: '653126', v: before!.version, input });
    expect(failure(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await stored(RegionModel, { code: '653126' }))?.version).toBe(before!.version);
  });

  it('refuses fractional populations and unknown statuses at the schema', async () => {
    for (const input of [{ population: 1.5 }, { povertyStatus: 'RICH' }]) {
      const r = await as['r-manager']!.gql(UPDATE, { code: '653126', v: 0, input });
      expect(failure(r).code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('archiving a region', () => {
  it('is refused while live projects or live sub-regions remain, with a clear message', async () => {
    const project = await createProject({ regionCode: '632621', regionPath: ['630000', '632600', '632621'] });
    const withProject = await as['r-coordinator']!.gql(ARCHIVE, { code: '632621', v: 0 });
    expect(failure(withProject)).toMatchObject({ code: 'CONFLICT' });
    expect(failure(withProject).message).toMatch(/Region 632621 still has 1 project that is not archived/);
    // Counted through the tree: the prefecture holds the county's project.
    expect(failure(await as['r-coordinator']!.gql(ARCHIVE, { code: '632600', v: 0 })).message).toMatch(/1 project/);
    await ProjectModel.updateOne({ _id: project._id }, { $set: { archived: true } });
    const withChildren = await as['r-coordinator']!.gql(ARCHIVE, { code: '632600', v: 0 });
    expect(failure(withChildren).message).toMatch(/still has 6 sub-regions that are not archived/);
    expect((await RegionModel.findOne({ code: '632600' }).lean())?.archived).toBe(false);
  });

  it('archives an empty region: gone from lists, still readable, no longer editable', async () => {
    expect(failure(await as['r-viewer']!.gql(ARCHIVE, { code: '632626', v: 0 })).code).toBe('FORBIDDEN');
    expect(failure(await as['r-officer']!.gql(ARCHIVE, { code: '632626', v: 0 })).code).toBe('FORBIDDEN');
    expect(failure(await as['r-coordinator']!.gql(ARCHIVE, { code: '632626', v: 7 })).code).toBe('CONFLICT');
    const r = ok(await as['r-coordinator']!.gql<{ archiveRegion: unknown }>(ARCHIVE, { code: '632626', v: 0 }));
    expect(r.archiveRegion).toEqual({ code: '632626', archived: true, version: 1 });
    const list = ok(await as['r-viewer']!.gql<{ regions: { code: string }[] }>(`{ regions { code } }`)).regions;
    expect(list.map((x) => x.code)).not.toContain('632626');
    const golog = ok(
      await as['r-viewer']!.gql<{ region: { children: { code: string }[] } }>(REGION, { code: '632600' }),
    );
    expect(golog.region.children.map((c) => c.code)).not.toContain('632626');
    expect(
      ok(await as['r-viewer']!.gql<{ region: { archived: boolean } }>(REGION, { code: '632626' })).region.archived,
    ).toBe(true);
    const again = await as['r-coordinator']!.gql(UPDATE, { code: '632626', v: 1, input: { population: 3 } });
    expect(failure(again)).toMatchObject({ code: 'CONFLICT' });
    expect(failure(again).message).toMatch(/archived/);
    const audit = await AuditEntryModel.findOne({ kind: 'Region', action: 'archive' }).lean();
    expect(audit?.changes).toEqual([{ field: 'archived', before: false, after: true }]);
  });
});

describe('region counts and pages', () => {
  beforeAll(async () => {
    await ProjectModel.deleteMany({});
    const xj = ['650000', '653100'];
    await createProject({ regionCode: '653100', regionPath: ['650000', '653100'] });
    for (let i = 0; i < 3; i++) await createProject({ regionCode: '653125', regionPath: [...xj, '653125'] });
    await createProject({ regionCode: '653124', regionPath: [...xj, '653124'] });
    await createProject({ regionCode: '659003', regionPath: ['650000', '659003'] });
    const archived = await createProject({ regionCode: '653125', regionPath: [...xj, '653125'] });
    await ProjectModel.updateOne({ _id: archived._id }, { $set: { archived: true } });
    await addContact('653125', xj);
    await addContact('653125', xj);
    await addContact('653100', ['650000']);
    await addContact('653124', xj, true);
    await addContact('540200', ['540000']);
    await addActivity('653126', xj);
    await addActivity('653100', ['650000']);
    await addActivity('659003', ['650000']);
    await addActivity('653126', xj, true);
  });

  it('equal a direct count of live records, for every region', async () => {
    const list = ok(
      await as['r-viewer']!.gql<{ regions: { code: string; counts: Record<string, number> }[] }>(
        `{ regions { code ${COUNTS} } }`,
      ),
    ).regions;
    for (const { code, counts } of list) {
      const live = { archived: false, regionPath: code };
      expect({ code, ...counts }).toEqual({
        code,
        projects: await ProjectModel.countDocuments({ archived: false, regionCode: code }),
        projectsIncludingDescendants: await ProjectModel.countDocuments(live),
        contacts: await ContactModel.countDocuments(live),
        liaisonActivities: await LiaisonActivityModel.countDocuments(live),
      });
    }
    expect(list.find((r) => r.code === '653100')?.counts).toEqual({
      projects: 1,
      projectsIncludingDescendants: 5,
      contacts: 3,
      liaisonActivities: 2,
    });
  });

  it('lists the region page: projects (filters kept, region forced), contacts and liaison activities', async () => {
    const PAGE = `query($code: String!, $f: ProjectFilter) { region(code: $code) {
      projects(first: 2, filter: $f) { totalCount pageInfo { hasNextPage } edges { node { region { code } } } }
      contacts { totalCount } liaisonActivities { totalCount } } }`;
    const page = ok(
      await as['r-viewer']!.gql<{ region: Record<string, { totalCount: number }> }>(PAGE, {
        code: '653100',
        f: { regionCode: '540200' },
      }),
    ).region;
    expect(page.projects).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    expect(page.contacts!.totalCount).toBe(3);
    expect(page.liaisonActivities!.totalCount).toBe(2);
  });

  it('a scoped user never sees counts of regions out of scope, even above their scope', async () => {
    const scoped = ok(
      await as['r-scoped']!.gql<{ regions: { code: string; counts: { contacts: number } }[] }>(
        `{ regions { code ${COUNTS} } }`,
      ),
    ).regions;
    expect(scoped.map((r) => r.code)).not.toContain('540200');
    // Xinjiang reached through a project's ancestors: only what lies under Kashgar is counted
    // (not Tumxuk's project and activity).
    const project = await ProjectModel.findOne({ regionCode: '653125', archived: false }).lean();
    await RegionModel.updateOne(
      { code: '650000' },
      { $set: { population: 25_852_000, pairedUnits: ['市合作交流办'], liaisonOffice: { name: '前方指挥部' } } },
    );
    const q = `query($id: ID!) { project(id: $id) { regionAncestors { code ${COUNTS} children { code }
      population povertyStatus pairedUnits liaisonOffice { name } contacts { totalCount } } } }`;
    const ancestors = ok(
      await as['r-scoped']!.gql<{
        project: { regionAncestors: { code: string; counts: unknown; children: unknown }[] };
      }>(q, {
        id: String(project!._id),
      }),
    ).project.regionAncestors;
    expect(ancestors.find((a) => a.code === '650000')).toEqual({
      code: '650000',
      counts: { projects: 0, projectsIncludingDescendants: 5, contacts: 3, liaisonActivities: 2 },
      children: [{ code: '653100' }],
      population: null,
      povertyStatus: null,
      pairedUnits: [],
      liaisonOffice: null,
      contacts: { totalCount: 3 },
    });
    const unscoped = ok(
      await as['r-viewer']!.gql<{ project: { regionAncestors: Record<string, unknown>[] } }>(q, {
        id: String(project!._id),
      }),
    ).project.regionAncestors;
    expect(unscoped.find((a) => a.code === '650000')).toMatchObject({
      population: 25_852_000,
      povertyStatus: 'NOT_DESIGNATED',
      pairedUnits: ['市合作交流办'],
      liaisonOffice: { name: '前方指挥部' },
      children: [{ code: '653100' }, { code: '659003' }],
    });
    const viewer = ok(
      await as['r-scoped-viewer']!.gql<{ regions: { code: string; counts: { contacts: number } }[] }>(
        `{ regions { code ${COUNTS} } }`,
      ),
    );
    expect(viewer.regions.find((r) => r.code === '540000')?.counts.contacts).toBe(1);
  });

  it('costs the same number of database commands for the tree with counts, whatever the number of regions', async () => {
    const TREE = `{ regionTree { code ${COUNTS} children { code ${COUNTS} children { code ${COUNTS} } } } }`;
    const FLAT = `{ regions { code ${COUNTS} } }`;
    const measure = async (query: string) => {
      let regions = 0;
      const commands = await countCommands(async () => {
        const r = ok(await as['r-manager']!.gql<Record<string, unknown[]>>(query));
        regions = JSON.stringify(r).split('"code"').length - 1;
      });
      return { commands, regions };
    };
    const treeBefore = await measure(TREE);
    const flatBefore = await measure(FLAT);
    // Forty more counties under Wenshan.
    await RegionModel.insertMany(
      Array.from({ length: 40 }, (_, i) => ({
        code: String(532601 + i),
        parentCode: '532600',
        ancestors: ['530000', '532600'],
        level: 'county',
        name: { zh: `测试县${i}`, en: `Test County ${i}` },
      })),
    );
    const treeAfter = await measure(TREE);
    const flatAfter = await measure(FLAT);
    console.log(
      `database commands: region tree with counts ${treeBefore.commands} for ${treeBefore.regions} regions, ${treeAfter.commands} for ${treeAfter.regions}; flat list ${flatBefore.commands} / ${flatAfter.commands}`,
    );
    expect(treeAfter.regions).toBe(treeBefore.regions + 40);
    expect(treeAfter.commands).toBe(treeBefore.commands);
    expect(flatAfter.commands).toBe(flatBefore.commands);
    expect(treeBefore.commands).toBeLessThanOrEqual(6);
  });
});
