import { Types } from 'mongoose';
import { startTestApp } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { seedRegions } from '../../../test/projects';
import { AuditEntryModel } from '../audit/audit.model';
import { failure, FIVE_ROLES, ok, signIn, stored, type SignedIn } from '../regions/testing';
import { ContactModel } from './contact.model';

useTestDatabase();

let app: Awaited<ReturnType<typeof startTestApp>>;
let as: Record<string, SignedIn> = {};

const NEW_CONTACT = {
  regionCode: '653125',
  name: '阿卜杜拉·买买提',
  title: '副县长',
  organisation: '莎车县人民政府',
  phone: '0998-8512345',
  email: 'Abdulla@Example.org',
};
const FIELDS = `id regionCode region { code } name title organisation phone email note archived canEdit version`;
const CREATE = `mutation($input: CreateContactInput!) { createContact(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateContactInput!) { updateContact(id: $id, version: $v, input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveContact(id: $id, version: $v) { id archived version } }`;
const ONE = `query($id: ID!) { contact(id: $id) { id name } }`;
const LIST = `query($filter: ContactFilter, $first: Int, $after: String) { contacts(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { name regionCode } } } }`;

type Contact = { id: string; version: number; name: string };
type Page = {
  contacts: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { node: { name: string; regionCode: string } }[];
  };
};

const create = async (who: string, input: Record<string, unknown>) =>
  ok(await as[who]!.gql<{ createContact: Contact }>(CREATE, { input })).createContact;

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  as = await signIn(app, [
    ...FIVE_ROLES.map((role) => ({ name: `c-${role}`, role })),
    { name: 'c-scoped', role: 'coordinator', regionScope: ['540000'] },
  ]);
});
afterAll(() => app.stop());

describe('creating contacts', () => {
  it('a coordinator creates one; it carries the region path and an audit entry records it', async () => {
    const r = ok(
      await as['c-coordinator']!.gql<{ createContact: Record<string, unknown> }>(CREATE, { input: NEW_CONTACT }),
    );
    expect(r.createContact).toMatchObject({
      regionCode: '653125',
      region: { code: '653125' },
      name: '阿卜杜拉·买买提',
      email: 'Abdulla@Example.org',
      note: '',
      archived: false,
      canEdit: true,
      version: 0,
    });
    const row = await ContactModel.findById(r.createContact.id).lean();
    expect(row?.regionPath).toEqual(['650000', '653100', '653125']);
    const audit = await AuditEntryModel.findOne({
      kind: 'Contact',
      action: 'create',
      recordId: String(r.createContact.id),
    }).lean();
    expect(audit?.actorName).toBe('c-coordinator');
    expect(audit?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['name', 'phone', 'regionCode']));
  });

  it('admin, manager and coordinator may; officer and viewer are FORBIDDEN; no session is UNAUTHENTICATED', async () => {
    for (const who of ['c-admin', 'c-manager']) await create(who, { ...NEW_CONTACT, name: `联系人-${who}` });
    const before = await ContactModel.countDocuments();
    for (const who of ['c-officer', 'c-viewer'])
      expect(failure(await as[who]!.gql(CREATE, { input: NEW_CONTACT })).code).toBe('FORBIDDEN');
    expect(failure(await app.client().gql(CREATE, { input: NEW_CONTACT })).code).toBe('UNAUTHENTICATED');
    const scoped = failure(await as['c-scoped']!.gql(CREATE, { input: NEW_CONTACT }));
    expect(scoped).toMatchObject({ code: 'FORBIDDEN' });
    expect(scoped.message).toMatch(/outside your region scope/);
    expect(await ContactModel.countDocuments()).toBe(before);
  });

  it.each([
    ['input.name', 'blank', { name: '   ' }],
    ['input.email', 'no @', { email: 'not-an-email' }],
    ['input.email', 'no domain', { email: 'a@b' }],
    ['input.phone', 'words', { phone: 'call the office' }],
    ['input.regionCode', 'malformed', { regionCode: '12' }],
    ['input.regionCode', 'unknown', { regionCode: '999999' }],
    ['input.note', 'too long', { note: 'x'.repeat(5001) }],
    ['input.title', 'too long', { title: 'x'.repeat(201) }],
  ])('refuses bad input naming %s (%s), writing nothing', async (field, _label, change) => {
    const before = await ContactModel.countDocuments();
    const r = await as['c-manager']!.gql(CREATE, { input: { ...NEW_CONTACT, ...change } });
    expect(failure(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await ContactModel.countDocuments()).toBe(before);
  });
});

describe('changing contacts', () => {
  it('updates with the version read; a stale version gets CONFLICT and changes nothing', async () => {
    const c = await create('c-coordinator', { ...NEW_CONTACT, name: '李红梅' });
    const r = ok(
      await as['c-manager']!.gql<{ updateContact: Record<string, unknown> }>(UPDATE, {
        id: c.id,
        v: 0,
        input: { title: '县委副书记', email: '', regionCode: '653124' },
      }),
    );
    expect(r.updateContact).toMatchObject({ title: '县委副书记', email: '', regionCode: '653124', version: 1 });
    expect((await ContactModel.findById(c.id).lean())?.regionPath).toEqual(['650000', '653100', '653124']);
    const stale = await as['c-coordinator']!.gql(UPDATE, { id: c.id, v: 0, input: { title: '别的职务' } });
    expect(failure(stale).code).toBe('CONFLICT');
    const row = await stored(ContactModel, c.id);
    expect([row?.title, row?.version]).toEqual(['县委副书记', 1]);
    expect(await AuditEntryModel.countDocuments({ kind: 'Contact', recordId: c.id, action: 'update' })).toBe(1);
  });

  it('refuses bad input, a malformed id, an unknown id, and officers and viewers', async () => {
    const c = await create('c-coordinator', { ...NEW_CONTACT, name: '张伟' });
    expect(failure(await as['c-manager']!.gql(UPDATE, { id: c.id, v: 0, input: { email: 'x@' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
    });
    expect(failure(await as['c-manager']!.gql(UPDATE, { id: 'nope', v: 0, input: {} }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    const unknown = String(new Types.ObjectId());
    expect(failure(await as['c-manager']!.gql(UPDATE, { id: unknown, v: 0, input: {} })).code).toBe('NOT_FOUND');
    for (const who of ['c-officer', 'c-viewer']) {
      expect(failure(await as[who]!.gql(UPDATE, { id: c.id, v: 0, input: { title: 'x' } })).code).toBe('FORBIDDEN');
      expect(failure(await as[who]!.gql(ARCHIVE, { id: c.id, v: 0 })).code).toBe('FORBIDDEN');
    }
    expect((await stored(ContactModel, c.id))?.version).toBe(0);
  });

  it('archives: hidden from lists unless asked, readable by id, no longer editable; audited', async () => {
    const c = await create('c-admin', { ...NEW_CONTACT, name: '次仁多吉' });
    expect(failure(await as['c-coordinator']!.gql(ARCHIVE, { id: c.id, v: 3 })).code).toBe('CONFLICT');
    expect(
      ok(await as['c-coordinator']!.gql<{ archiveContact: unknown }>(ARCHIVE, { id: c.id, v: 0 })).archiveContact,
    ).toEqual({
      id: c.id,
      archived: true,
      version: 1,
    });
    const search = { search: '次仁' };
    expect(ok(await as['c-viewer']!.gql<Page>(LIST, { filter: search })).contacts.totalCount).toBe(0);
    expect(
      ok(await as['c-viewer']!.gql<Page>(LIST, { filter: { ...search, includeArchived: true } })).contacts.totalCount,
    ).toBe(1);
    expect(ok(await as['c-viewer']!.gql<{ contact: { name: string } }>(ONE, { id: c.id })).contact.name).toBe(
      '次仁多吉',
    );
    const again = failure(await as['c-coordinator']!.gql(UPDATE, { id: c.id, v: 1, input: { title: 'x' } }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/archived/);
    const audit = await AuditEntryModel.findOne({ kind: 'Contact', recordId: c.id, action: 'archive' }).lean();
    expect(audit?.changes).toEqual([{ field: 'archived', before: false, after: true }]);
  });
});

describe('listing contacts', () => {
  beforeAll(async () => {
    await ContactModel.deleteMany({});
    const author = new Types.ObjectId();
    const rows = [
      {
        regionCode: '653125',
        regionPath: ['650000', '653100', '653125'],
        name: 'A-莎车联络员',
        organisation: '莎车县政府',
      },
      {
        regionCode: '653124',
        regionPath: ['650000', '653100', '653124'],
        name: 'B-泽普联络员',
        organisation: '泽普县教育局',
      },
      {
        regionCode: '540200',
        regionPath: ['540000', '540200'],
        name: 'C-日喀则联络员',
        organisation: '日喀则市卫健委',
      },
      ...Array.from({ length: 107 }, (_, i) => ({
        regionCode: '632600',
        regionPath: ['630000', '632600'],
        name: `D-果洛${String(i).padStart(3, '0')}`,
        organisation: '果洛州政府',
      })),
    ];
    await ContactModel.insertMany(
      rows.map((r) => ({ ...r, search: `${r.name} ${r.organisation}`.toLowerCase(), createdBy: author })),
    );
  });

  const list = async (who: string, vars: Record<string, unknown>) => ok(await as[who]!.gql<Page>(LIST, vars)).contacts;

  it('filters by a prefecture including its counties, and searches name and organisation', async () => {
    expect((await list('c-viewer', { filter: { regionCode: '653100' } })).edges.map((e) => e.node.name)).toEqual([
      'A-莎车联络员',
      'B-泽普联络员',
    ]);
    expect((await list('c-viewer', { filter: { search: '教育局' } })).edges.map((e) => e.node.name)).toEqual([
      'B-泽普联络员',
    ]);
    expect((await list('c-viewer', { filter: { search: 'a-莎车' } })).totalCount).toBe(1);
    expect((await list('c-viewer', { filter: { search: '.*' } })).totalCount).toBe(0);
    expect(failure(await as['c-viewer']!.gql(LIST, { filter: { search: 'x'.repeat(101) } })).field).toBe(
      'filter.search',
    );
  });

  it('pages: first page, next, last, empty, the size cap and bad arguments', async () => {
    const first = await list('c-viewer', { first: 50 });
    expect(first.totalCount).toBe(110);
    expect(first.edges).toHaveLength(50);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await list('c-viewer', { first: 50, after: first.pageInfo.endCursor });
    expect(second.edges[0]?.node.name).toBe('D-果洛047');
    const last = await list('c-viewer', { first: 50, after: second.pageInfo.endCursor });
    expect(last.edges).toHaveLength(10);
    expect(last.edges.at(-1)?.node.name).toBe('D-果洛106');
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(await list('c-viewer', { filter: { regionCode: '500101' } })).toMatchObject({ totalCount: 0, edges: [] });
    const capped = await list('c-viewer', { first: 5000 });
    expect(capped.edges).toHaveLength(100);
    expect(capped.pageInfo.hasNextPage).toBe(true);
    expect((await list('c-viewer', {})).edges).toHaveLength(20);
    expect(failure(await as['c-viewer']!.gql(LIST, { first: 0 })).field).toBe('first');
    expect(failure(await as['c-viewer']!.gql(LIST, { after: 'garbage' })).field).toBe('after');
  });

  it('every role reads; a scoped user never sees another region’s contact, in lists, by id or nested', async () => {
    for (const role of FIVE_ROLES) expect((await list(`c-${role}`, { first: 1 })).totalCount).toBe(110);
    const scoped = await list('c-scoped', { first: 100 });
    expect(scoped.edges.map((e) => e.node.name)).toEqual(['C-日喀则联络员']);
    expect((await list('c-scoped', { filter: { regionCode: '653100' } })).totalCount).toBe(0);
    const other = await ContactModel.findOne({ regionCode: '653125' }).lean();
    expect(failure(await as['c-scoped']!.gql(ONE, { id: String(other!._id) })).code).toBe('NOT_FOUND');
    expect(failure(await as['c-scoped']!.gql(UPDATE, { id: String(other!._id), v: 0, input: {} })).code).toBe(
      'NOT_FOUND',
    );
    const nested = ok(
      await as['c-scoped']!.gql<{ regions: { code: string; contacts: { totalCount: number } }[] }>(
        `{ regions { code contacts { totalCount edges { node { regionCode } } } } }`,
      ),
    ).regions;
    expect(nested.find((r) => r.code === '540000')?.contacts.totalCount).toBe(1);
    expect(nested.map((r) => r.code)).not.toContain('653125');
  });
});
