import { isCommitmentOverdue, officeDate } from '@pat/shared';
import mongoose from 'mongoose';
import { startTestApp, type TestClient } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/factories';
import { seedRegions } from '../../../test/projects';
import { AuditEntryModel } from '../audit/audit.model';
import { AgreementModel } from './agreement.model';
import { inDays, insertAgreement, insertCommitment } from './agreements.fixtures';
import { CommitmentModel } from './commitment.model';

useTestDatabase();

const NEW_COMMITMENT = {
  party: 'OURS',
  description: { zh: '援建莎车县职业技术学校实训楼', en: 'Build a training block for the Shache vocational school' },
  responsibleUnit: '市教育局',
  dueDate: '2027-06-30',
};
const FIELDS = 'id agreementId version party status statusNote completedOn overdue dueDate responsibleUnit canEdit';
const CREATE = `mutation($a: ID!, $input: CommitmentInput!) { createCommitment(agreementId: $a, input: $input) { ${FIELDS} agreement { code } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateCommitmentInput!) { updateCommitment(id: $id, version: $v, input: $input) { ${FIELDS} } }`;
const STATUS = `mutation($id: ID!, $v: Int!, $s: CommitmentStatus!, $note: String, $on: String) {
  changeCommitmentStatus(id: $id, version: $v, status: $s, note: $note, completedOn: $on) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveCommitment(id: $id, version: $v) { version archived } }`;
const LIST = `query($f: CommitmentFilter, $first: Int, $after: String) { commitments(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id dueDate responsibleUnit status overdue agreement { code } } } } }`;

type Commitment = {
  id: string;
  version: number;
  status: string;
  statusNote: string;
  completedOn: string | null;
  overdue: boolean;
};
type ListPage = {
  commitments: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { node: { id: string; dueDate: string; responsibleUnit: string; agreement: { code: string } } }[];
  };
};

let app: Awaited<ReturnType<typeof startTestApp>>;
const as: Record<string, TestClient> = {};
const ROLES = ['admin', 'manager', 'officer', 'coordinator', 'viewer'] as const;
let kashgar: Awaited<ReturnType<typeof insertAgreement>>;
let shigatse: Awaited<ReturnType<typeof insertAgreement>>;
let mixed: Awaited<ReturnType<typeof insertAgreement>>;

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  for (const role of ROLES) await createUser({ username: `c-${role}`, role });
  await createUser({ username: 'c-scoped', role: 'coordinator', regionScope: ['653100'] });
  for (const name of [...ROLES.map((r) => `c-${r}`), 'c-scoped']) {
    as[name] = app.client();
    await as[name]!.login(name);
  }
  kashgar = await insertAgreement({ code: 'C-KASHGAR', regionCodes: ['653125'] });
  shigatse = await insertAgreement({ code: 'C-SHIGATSE', regionCodes: ['540200'] });
  mixed = await insertAgreement({ code: 'C-MIXED', regionCodes: ['653124', '540222'] });
});
afterAll(() => app.stop());

const errorOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions;
const create = (who: string, agreementId: unknown, input: Record<string, unknown> = NEW_COMMITMENT) =>
  as[who]!.gql<{ createCommitment: Commitment & { agreement: { code: string } } }>(CREATE, {
    a: String(agreementId),
    input,
  });

describe('creating a commitment', () => {
  it('a coordinator adds one to an agreement: it copies the agreement’s regions and records an audit entry', async () => {
    const r = await create('c-coordinator', kashgar._id);
    expect(r.errors).toBeUndefined();
    expect(r.data?.createCommitment).toMatchObject({
      agreementId: String(kashgar._id),
      version: 0,
      party: 'OURS',
      status: 'PENDING',
      statusNote: '',
      completedOn: null,
      overdue: false,
      canEdit: true,
      agreement: { code: 'C-KASHGAR' },
    });
    const stored = await CommitmentModel.findById(r.data!.createCommitment.id).lean();
    expect(stored?.regionPaths).toEqual([...kashgar.regionPaths]);
    const audit = await AuditEntryModel.findOne({ kind: 'Commitment', action: 'create' }).lean();
    expect(audit).toMatchObject({ actorName: 'c-coordinator', recordId: r.data!.createCommitment.id });
  });

  it('a commitment recorded as done gets today’s completion date unless one is given', async () => {
    const today = await create('c-manager', kashgar._id, { ...NEW_COMMITMENT, status: 'DONE' });
    expect(today.data?.createCommitment).toMatchObject({ status: 'DONE', completedOn: officeDate(), overdue: false });
    const given = await create('c-manager', kashgar._id, {
      ...NEW_COMMITMENT,
      status: 'DONE',
      completedOn: '2025-05-04',
    });
    expect(given.data?.createCommitment.completedOn).toBe('2025-05-04');
  });

  it.each([
    ['input.dueDate', { dueDate: '2026-13-01' }],
    ['input.dueDate', { dueDate: '30/06/2027' }],
    ['input.description.zh', { description: { zh: '' } }],
    ['input.description.zh', { description: { zh: 'x'.repeat(1001) } }],
    ['input.responsibleUnit', { responsibleUnit: ' ' }],
    ['input.completedOn', { completedOn: '2025-01-01' }],
    ['input.completedOn', { status: 'DONE', completedOn: inDays(2) }],
    ['input.statusNote', { status: 'CANCELLED' }],
  ])('refuses bad input naming %s, writing nothing', async (field, change) => {
    const before = await CommitmentModel.countDocuments();
    const r = await create('c-manager', kashgar._id, { ...NEW_COMMITMENT, ...change });
    expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await CommitmentModel.countDocuments()).toBe(before);
  });

  it('refuses unknown enums, a malformed or unknown agreement id, and an archived agreement', async () => {
    const before = await CommitmentModel.countDocuments();
    expect(errorOf(await create('c-manager', kashgar._id, { ...NEW_COMMITMENT, party: 'BOTH' }))?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorOf(await create('c-manager', kashgar._id, { ...NEW_COMMITMENT, status: 'LATE' }))?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorOf(await create('c-manager', 'nope'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agreementId' });
    expect(errorOf(await create('c-manager', new mongoose.Types.ObjectId()))?.code).toBe('NOT_FOUND');
    const archived = await insertAgreement({ archived: true });
    expect(errorOf(await create('c-manager', archived._id))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'agreementId',
    });
    expect(await CommitmentModel.countDocuments()).toBe(before);
  });

  it('admins, managers and coordinators may add commitments; officers and viewers are refused', async () => {
    for (const role of ROLES) {
      const r = await create(`c-${role}`, kashgar._id, { ...NEW_COMMITMENT, responsibleUnit: `unit-${role}` });
      if (role === 'officer' || role === 'viewer') expect(errorOf(r)?.code).toBe('FORBIDDEN');
      else expect(r.errors).toBeUndefined();
    }
    expect(await CommitmentModel.countDocuments({ responsibleUnit: /^unit-/ })).toBe(3);
  });

  it('a scoped coordinator adds to agreements wholly in scope only; out of scope is NOT_FOUND', async () => {
    expect((await create('c-scoped', kashgar._id)).errors).toBeUndefined();
    expect(errorOf(await create('c-scoped', mixed._id))?.code).toBe('FORBIDDEN');
    expect(errorOf(await create('c-scoped', shigatse._id))?.code).toBe('NOT_FOUND');
    expect(await CommitmentModel.countDocuments({ agreementId: { $in: [mixed._id, shigatse._id] } })).toBe(0);
  });
});

describe('changing a commitment', () => {
  it('updates at the version read; a stale version gets CONFLICT and changes nothing', async () => {
    const c = await insertCommitment(kashgar);
    const id = String(c._id);
    const ok = await as['c-coordinator']!.gql(UPDATE, {
      id,
      v: 0,
      input: { responsibleUnit: '市卫健委', dueDate: '2028-01-31' },
    });
    expect(ok.data?.updateCommitment).toMatchObject({ version: 1, responsibleUnit: '市卫健委', dueDate: '2028-01-31' });
    const stale = await as['c-manager']!.gql(UPDATE, { id, v: 0, input: { responsibleUnit: '别的单位' } });
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    expect(await CommitmentModel.findById(c._id).lean()).toMatchObject({ responsibleUnit: '市卫健委', version: 1 });
    const bad = await as['c-manager']!.gql(UPDATE, { id, v: 1, input: { dueDate: '2028-02-30' } });
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueDate' });
    const malformed = await as['c-manager']!.gql(UPDATE, { id: 'x1', v: 1, input: { responsibleUnit: 'x' } });
    expect(errorOf(malformed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const unknown = await as['c-manager']!.gql(UPDATE, {
      id: String(new mongoose.Types.ObjectId()),
      v: 0,
      input: { responsibleUnit: 'x' },
    });
    expect(errorOf(unknown)?.code).toBe('NOT_FOUND');
    expect(await AuditEntryModel.countDocuments({ recordId: id, kind: 'Commitment', action: 'update' })).toBe(1);
  });

  it('moves through its states: DONE sets the completion date, CANCELLED needs a note, reopening clears the date', async () => {
    const c = await insertCommitment(kashgar, { dueDate: '2020-01-01' });
    const id = String(c._id);
    const change = (v: number, s: string, extra: Record<string, unknown> = {}) =>
      as['c-coordinator']!.gql<{ changeCommitmentStatus: Commitment }>(STATUS, { id, v, s, ...extra });
    expect((await change(0, 'IN_PROGRESS', { note: '已开工' })).data?.changeCommitmentStatus).toMatchObject({
      version: 1,
      status: 'IN_PROGRESS',
      statusNote: '已开工',
      overdue: true,
    });
    expect((await change(1, 'DONE')).data?.changeCommitmentStatus).toMatchObject({
      version: 2,
      status: 'DONE',
      completedOn: officeDate(),
      overdue: false,
    });
    expect((await change(2, 'IN_PROGRESS')).data?.changeCommitmentStatus).toMatchObject({
      status: 'IN_PROGRESS',
      completedOn: null,
      overdue: true,
    });
    expect((await change(3, 'DONE', { on: '2025-12-01' })).data?.changeCommitmentStatus.completedOn).toBe('2025-12-01');
    expect(errorOf(await change(4, 'CANCELLED'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(errorOf(await change(4, 'PENDING', { on: '2025-12-01' }))).toMatchObject({ field: 'completedOn' });
    expect(errorOf(await change(4, 'DONE', { on: inDays(1) }))).toMatchObject({ field: 'completedOn' });
    expect(errorOf(await change(4, 'DONE', { on: '2025-02-30' }))).toMatchObject({ field: 'completedOn' });
    expect(errorOf(await change(4, 'FINISHED'))?.code).toBe('BAD_USER_INPUT');
    const cancelled = await change(4, 'CANCELLED', { note: '对方调整规划' });
    expect(cancelled.data?.changeCommitmentStatus).toMatchObject({
      status: 'CANCELLED',
      completedOn: null,
      overdue: false,
    });
    const stale = await change(4, 'PENDING');
    expect(errorOf(stale)?.code).toBe('CONFLICT');
    expect(await CommitmentModel.findById(c._id).lean()).toMatchObject({ status: 'CANCELLED', version: 5 });
    const actions = (await AuditEntryModel.find({ recordId: id }).sort({ _id: 1 }).lean()).map((e) => e.action);
    expect(actions).toEqual([
      'status:IN_PROGRESS',
      'status:DONE',
      'status:IN_PROGRESS',
      'status:DONE',
      'status:CANCELLED',
    ]);
  });

  it('archives: it leaves the agreement and the lists; twice is refused; a stale version changes nothing', async () => {
    const c = await insertCommitment(kashgar, { responsibleUnit: '待归档单位' });
    const id = String(c._id);
    expect(errorOf(await as['c-manager']!.gql(ARCHIVE, { id, v: 7 }))?.code).toBe('CONFLICT');
    expect((await CommitmentModel.findById(c._id).lean())?.archived).toBe(false);
    expect((await as['c-manager']!.gql(ARCHIVE, { id, v: 0 })).data).toEqual({
      archiveCommitment: { version: 1, archived: true },
    });
    const list = await as['c-viewer']!.gql<ListPage>(LIST, { f: { responsibleUnit: '待归档单位' } });
    expect(list.data?.commitments.totalCount).toBe(0);
    const withArchived = await as['c-viewer']!.gql<ListPage>(LIST, {
      f: { responsibleUnit: '待归档单位', includeArchived: true },
    });
    expect(withArchived.data?.commitments.totalCount).toBe(1);
    const nested = await as['c-viewer']!.gql<{ agreement: { commitments: { id: string }[] } }>(
      `query($id: ID!) { agreement(id: $id) { commitments { id } } }`,
      { id: String(kashgar._id) },
    );
    expect(nested.data?.agreement.commitments.map((x) => x.id)).not.toContain(id);
    expect(errorOf(await as['c-manager']!.gql(ARCHIVE, { id, v: 1 }))).toMatchObject({ field: 'id' });
    expect(await AuditEntryModel.countDocuments({ recordId: id, action: 'archive' })).toBe(1);
  });

  it('update, status change and archive: admins, managers and coordinators may; officers and viewers are refused', async () => {
    const c = await insertCommitment(kashgar);
    const id = String(c._id);
    let v = 0;
    for (const role of ROLES) {
      const client = as[`c-${role}`]!;
      const results = [
        await client.gql(UPDATE, { id, v, input: { responsibleUnit: `by-${role}` } }),
        await client.gql(STATUS, { id, v: v + 1, s: 'IN_PROGRESS', note: role }),
      ];
      if (role === 'officer' || role === 'viewer') {
        for (const r of results) expect(errorOf(r)?.code).toBe('FORBIDDEN');
        expect(errorOf(await client.gql(ARCHIVE, { id, v }))?.code).toBe('FORBIDDEN');
      } else {
        for (const r of results) expect(r.errors).toBeUndefined();
        v += 2;
      }
    }
    expect(await CommitmentModel.findById(c._id).lean()).toMatchObject({
      responsibleUnit: 'by-coordinator',
      version: 6,
    });
    for (const role of ['admin', 'manager', 'coordinator']) {
      const other = await insertCommitment(kashgar);
      expect((await as[`c-${role}`]!.gql(ARCHIVE, { id: String(other._id), v: 0 })).errors).toBeUndefined();
    }
  });

  it('a scoped coordinator changes commitments of agreements wholly in scope only', async () => {
    const inMixed = await insertCommitment(mixed);
    const inShigatse = await insertCommitment(shigatse);
    const inKashgar = await insertCommitment(kashgar);
    const scoped = as['c-scoped']!;
    expect(
      errorOf(await scoped.gql(UPDATE, { id: String(inMixed._id), v: 0, input: { responsibleUnit: 'x' } }))?.code,
    ).toBe('FORBIDDEN');
    expect(errorOf(await scoped.gql(STATUS, { id: String(inMixed._id), v: 0, s: 'DONE' }))?.code).toBe('FORBIDDEN');
    expect(errorOf(await scoped.gql(ARCHIVE, { id: String(inShigatse._id), v: 0 }))?.code).toBe('NOT_FOUND');
    expect(errorOf(await scoped.gql(STATUS, { id: String(inShigatse._id), v: 0, s: 'DONE' }))?.code).toBe('NOT_FOUND');
    expect((await scoped.gql(STATUS, { id: String(inKashgar._id), v: 0, s: 'DONE' })).errors).toBeUndefined();
    expect(await CommitmentModel.countDocuments({ _id: { $in: [inMixed._id, inShigatse._id] }, version: 0 })).toBe(2);
  });

  it('commitments of an archived agreement are read-only', async () => {
    const a = await insertAgreement();
    const c = await insertCommitment(a);
    await AgreementModel.updateOne({ _id: a._id }, { $set: { archived: true } });
    const r = await as['c-manager']!.gql(UPDATE, { id: String(c._id), v: 0, input: { responsibleUnit: 'x' } });
    expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('overdue commitments', () => {
  it('a commitment past its due date (office time) and neither done nor cancelled is overdue, and counted on its agreement', () => {
    const today = officeDate();
    expect(isCommitmentOverdue('2020-01-01', 'PENDING', today)).toBe(true);
    expect(isCommitmentOverdue('2020-01-01', 'IN_PROGRESS', today)).toBe(true);
    expect(isCommitmentOverdue('2020-01-01', 'DONE', today)).toBe(false);
    expect(isCommitmentOverdue('2020-01-01', 'CANCELLED', today)).toBe(false);
    expect(isCommitmentOverdue(today, 'PENDING', today)).toBe(false);
  });

  it('flags overdue commitments on the agreement', async () => {
    const a = await insertAgreement();
    await insertCommitment(a, { dueDate: '2020-01-01' });
    await insertCommitment(a, { dueDate: inDays(-1), status: 'IN_PROGRESS' });
    await insertCommitment(a, { dueDate: '2020-01-01', status: 'DONE' });
    await insertCommitment(a, { dueDate: '2020-01-01', status: 'CANCELLED' });
    await insertCommitment(a, { dueDate: officeDate() });
    await insertCommitment(a, { dueDate: '2020-01-01', archived: true });
    const r = await as['c-viewer']!.gql<{
      agreement: { overdueCommitmentCount: number; commitments: { overdue: boolean; status: string }[] };
    }>(`query($id: ID!) { agreement(id: $id) { overdueCommitmentCount commitments { overdue status } } }`, {
      id: String(a._id),
    });
    expect(r.data?.agreement.overdueCommitmentCount).toBe(2);
    expect(r.data?.agreement.commitments.map((c) => c.overdue)).toEqual([true, false, false, true, false]);
  });
});

describe('listing commitments', () => {
  let listA: Awaited<ReturnType<typeof insertAgreement>>;

  beforeAll(async () => {
    await CommitmentModel.deleteMany({});
    listA = await insertAgreement({ code: 'C-LIST-A', regionCodes: ['653124'] });
    const listB = await insertAgreement({ code: 'C-LIST-B', regionCodes: ['632621'] });
    const gone = await insertAgreement({ code: 'C-LIST-GONE', regionCodes: ['653124'], archived: true });
    await insertCommitment(listA, { dueDate: '2020-01-01', responsibleUnit: '市发改委' });
    await insertCommitment(listA, { dueDate: '2020-02-01', status: 'DONE' });
    await insertCommitment(listA, { dueDate: inDays(30), status: 'IN_PROGRESS' });
    for (let i = 1; i <= 22; i++) await insertCommitment(listB, { dueDate: `2030-01-${String(i).padStart(2, '0')}` });
    await insertCommitment(shigatse, { dueDate: '2020-03-01' });
    await insertCommitment(gone, { dueDate: '2020-01-01' });
  });

  const q = async (f: Record<string, unknown>, who = 'c-viewer', first = 100) =>
    (await as[who]!.gql<ListPage>(LIST, { f, first })).data!.commitments;

  it('filters by agreement, status, overdue, region at any level and responsible unit, by due date', async () => {
    expect((await q({})).totalCount).toBe(26);
    expect((await q({ agreementId: String(listA._id) })).edges.map((e) => e.node.dueDate)).toEqual([
      '2020-01-01',
      '2020-02-01',
      inDays(30),
    ]);
    expect((await q({ status: 'DONE' })).totalCount).toBe(1);
    expect((await q({ overdueOnly: true })).edges.map((e) => e.node.agreement.code)).toEqual([
      'C-LIST-A',
      'C-SHIGATSE',
    ]);
    expect((await q({ overdueOnly: true, status: 'DONE' })).totalCount).toBe(0);
    expect((await q({ regionCode: '653100' })).totalCount).toBe(3);
    expect((await q({ regionCode: '630000' })).totalCount).toBe(22);
    expect((await q({ regionCode: '632621' })).totalCount).toBe(22);
    expect((await q({ responsibleUnit: '市发改委' })).totalCount).toBe(1);
    expect((await q({ includeArchived: true })).totalCount).toBe(27);
    const bad = await as['c-viewer']!.gql(LIST, { f: { agreementId: 'nope' } });
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.agreementId' });
    expect(errorOf(await as['c-viewer']!.gql(LIST, { f: { status: 'LATE' } }))?.code).toBe('BAD_USER_INPUT');
  });

  it('pages with cursors: first page, last page, empty, size cap and bad cursor', async () => {
    const p1 = await q({}, 'c-viewer', 20);
    expect(p1).toMatchObject({ totalCount: 26, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(p1.edges).toHaveLength(20);
    const p2 = (await as['c-viewer']!.gql<ListPage>(LIST, { first: 20, after: p1.pageInfo.endCursor })).data!
      .commitments;
    expect(p2.edges).toHaveLength(6);
    expect(p2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(new Set([...p1.edges, ...p2.edges].map((e) => e.node.id)).size).toBe(26);
    const empty = await q({ responsibleUnit: '不存在的单位' });
    expect(empty).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect((await q({}, 'c-viewer', 5000)).edges).toHaveLength(26);
    expect(errorOf(await as['c-viewer']!.gql(LIST, { first: -1 }))?.field).toBe('first');
    expect(errorOf(await as['c-viewer']!.gql(LIST, { after: 'not-a-cursor' }))?.field).toBe('after');
  });

  it('a region-scoped user never sees commitments of agreements outside the scope', async () => {
    const mine = await q({}, 'c-scoped');
    expect(mine.totalCount).toBe(3);
    expect(new Set(mine.edges.map((e) => e.node.agreement.code))).toEqual(new Set(['C-LIST-A']));
    expect((await q({ agreementId: String(shigatse._id) }, 'c-scoped')).totalCount).toBe(0);
    expect((await q({ regionCode: '540000' }, 'c-scoped')).totalCount).toBe(0);
    expect((await q({ overdueOnly: true }, 'c-scoped')).edges.map((e) => e.node.agreement.code)).toEqual(['C-LIST-A']);
  });
});

describe('audit trail', () => {
  it('every kind of agreement and commitment write left an audit entry, and failed writes none', async () => {
    const byKind = async (kind: string) => new Set(await AuditEntryModel.distinct('action', { kind }));
    expect(await byKind('Commitment')).toEqual(
      new Set(['create', 'update', 'archive', 'status:IN_PROGRESS', 'status:DONE', 'status:CANCELLED']),
    );
    // Agreement writes are audited in agreements.test.ts; here a failed write adds nothing.
    const before = await AuditEntryModel.countDocuments();
    await create('c-viewer', kashgar._id);
    await create('c-manager', kashgar._id, { ...NEW_COMMITMENT, dueDate: 'soon' });
    expect(await AuditEntryModel.countDocuments()).toBe(before);
  });
});
