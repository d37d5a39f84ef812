import {
  addDaysToDate,
  createAgreementInput,
  isAgreementExpired,
  isAgreementExpiringSoon,
  isCommitmentOverdue,
  officeDate,
  type CooperationField,
} from '@pat/shared';
import mongoose from 'mongoose';
import { startTestApp, type TestClient } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/factories';
import { createProject, seedRegions } from '../../../test/projects';
import { AuditEntryModel } from '../audit/audit.model';
import { AGREEMENT_SEED, seedAgreements } from '../../seed/agreements.seed';
import { ProjectModel } from '../projects/project.model';
import { UserModel } from '../users/user.model';
import { AgreementModel } from './agreement.model';
import { inDays, insertAgreement, insertCommitment } from './agreements.fixtures';
import { CommitmentModel } from './commitment.model';
import { settleRollups } from '../analytics/rollup.maintain';

useTestDatabase();

const NEW_AGREEMENT = {
  code: 'AG-2026-001',
  title: { zh: '沪喀对口支援框架协议', en: 'Shanghai–Kashgar partner-assistance framework agreement' },
  counterpart: '喀什地区行政公署',
  kind: 'PARTNER_ASSISTANCE',
  fields: ['ECONOMY', 'EDUCATION', 'ECONOMY'],
  signedOn: '2026-01-15',
  validFrom: '2026-02-01',
  validUntil: '2030-12-31',
  signatories: ['市合作交流办主任', '喀什地区行署专员'],
  regionCodes: ['653125', '653124'],
};
const CREATE = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) {
  id code version kind fields regionCodes regions { code } expiringSoon expired canEdit createdBy { username }
  commitments { id } projects { code } overdueCommitmentCount note } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateAgreementInput!) {
  updateAgreement(id: $id, version: $v, input: $input) { version title { zh } counterpart validUntil } }`;
const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveAgreement(id: $id, version: $v) { version archived } }`;
const PAGE = `query($filter: AgreementFilter, $first: Int, $after: String, $sort: AgreementSort) {
  agreements(filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { code } } } }`;
const ONE = `query($id: ID!) { agreement(id: $id) { code canEdit expiringSoon expired overdueCommitmentCount
  commitments { description { zh } overdue } projects { code } } }`;

type Page = {
  agreements: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
    edges: { node: { code: string } }[];
  };
};

let app: Awaited<ReturnType<typeof startTestApp>>;
const as: Record<string, TestClient> = {};
const ROLES = ['admin', 'manager', 'officer', 'coordinator', 'viewer'] as const;

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  for (const role of ROLES) await createUser({ username: `a-${role}`, role });
  // A coordinator limited to Kashgar Prefecture (and so its counties).
  await createUser({ username: 'a-scoped', role: 'coordinator', regionScope: ['653100'] });
  await createUser({ username: 'a-scoped-viewer', role: 'viewer', regionScope: ['540000'] });
  for (const name of [...ROLES.map((r) => `a-${r}`), 'a-scoped', 'a-scoped-viewer']) {
    as[name] = app.client();
    await as[name]!.login(name);
  }
  as.anonymous = app.client();
});
afterAll(() => app.stop());

const codes = (page: Page['agreements']) => page.edges.map((e) => e.node.code);
const errorOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions;

describe('creating an agreement', () => {
  it('a coordinator creates one: regions with their ancestors stored, fields de-duplicated, an audit entry', async () => {
    const r = await as['a-coordinator']!.gql<{ createAgreement: Record<string, unknown> }>(CREATE, {
      input: NEW_AGREEMENT,
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.createAgreement).toMatchObject({
      code: 'AG-2026-001',
      version: 0,
      kind: 'PARTNER_ASSISTANCE',
      fields: ['ECONOMY', 'EDUCATION'],
      regionCodes: ['653125', '653124'],
      regions: [{ code: '653125' }, { code: '653124' }],
      expiringSoon: false,
      expired: false,
      canEdit: true,
      createdBy: { username: 'a-coordinator' },
      commitments: [],
      projects: [],
      overdueCommitmentCount: 0,
      note: '',
    });
    const stored = await AgreementModel.findOne({ code: 'AG-2026-001' }).lean();
    expect([...(stored?.regionPaths ?? [])].sort()).toEqual(['650000', '653100', '653124', '653125']);
    const audit = await AuditEntryModel.findOne({ kind: 'Agreement', action: 'create' }).lean();
    expect(audit?.actorName).toBe('a-coordinator');
    expect(audit?.recordId).toBe(String(stored?._id));
    expect(audit?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['code', 'title', 'regionCodes']));
  });

  it('refuses a duplicate code with CONFLICT and writes nothing', async () => {
    const before = await AgreementModel.countDocuments();
    const r = await as['a-manager']!.gql(CREATE, { input: NEW_AGREEMENT });
    expect(errorOf(r)).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    expect(await AgreementModel.countDocuments()).toBe(before);
  });

  it.each([
    ['input.validUntil', { validFrom: '2026-05-01', validUntil: '2026-04-30' }],
    ['input.signedOn', { signedOn: '2026-02-30' }],
    ['input.validFrom', { validFrom: '1999-12-31' }],
    ['input.code', { code: 'lower case' }],
    ['input.title.zh', { title: { zh: 'x'.repeat(300) } }],
    ['input.title.zh', { title: { zh: '   ' } }],
    ['input.counterpart', { counterpart: '' }],
    ['input.regionCodes', { regionCodes: [] }],
    ['input.regionCodes', { regionCodes: ['999999'] }],
    ['input.regionCodes.0', { regionCodes: ['65'] }],
    ['input.signatories', { signatories: Array.from({ length: 21 }, (_, i) => `签署人${i}`) }],
    ['input.note', { note: 'x'.repeat(5001) }],
  ])('refuses bad input naming %s, writing nothing', async (field, change) => {
    const before = await AgreementModel.countDocuments();
    const r = await as['a-manager']!.gql(CREATE, { input: { ...NEW_AGREEMENT, code: 'AG-BAD-1', ...change } });
    expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await AgreementModel.countDocuments()).toBe(before);
    expect(await AuditEntryModel.countDocuments({ kind: 'Agreement' })).toBe(1);
  });

  it('refuses unknown enums and operator-shaped values at the schema', async () => {
    for (const change of [
      { kind: 'TREATY' },
      { fields: ['SPACE'] },
      { code: { $gt: '' } },
      { regionCodes: '653125x' },
    ]) {
      const r = await as['a-manager']!.gql(CREATE, { input: { ...NEW_AGREEMENT, code: 'AG-BAD-2', ...change } });
      expect(errorOf(r)?.code).toBe('BAD_USER_INPUT');
    }
    expect(await AgreementModel.countDocuments({ code: 'AG-BAD-2' })).toBe(0);
  });

  it('admins, managers and coordinators may create; officers and viewers are refused; anonymous callers must sign in', async () => {
    for (const role of ROLES) {
      const code = `AG-ROLE-${role.toUpperCase()}`;
      const r = await as[`a-${role}`]!.gql(CREATE, { input: { ...NEW_AGREEMENT, code } });
      if (role === 'officer' || role === 'viewer') {
        expect(errorOf(r)?.code).toBe('FORBIDDEN');
        expect(await AgreementModel.countDocuments({ code })).toBe(0);
      } else {
        expect(r.errors).toBeUndefined();
        expect(await AgreementModel.countDocuments({ code })).toBe(1);
      }
    }
    const anonymous = await as.anonymous!.gql(CREATE, { input: { ...NEW_AGREEMENT, code: 'AG-ANON' } });
    expect(errorOf(anonymous)?.code).toBe('UNAUTHENTICATED');
  });

  it('a scoped coordinator creates within scope only: a region outside it is refused and nothing is written', async () => {
    const inside = await as['a-scoped']!.gql(CREATE, {
      input: { ...NEW_AGREEMENT, code: 'AG-SCOPE-IN', regionCodes: ['653130'] },
    });
    expect(inside.errors).toBeUndefined();
    const mixed = await as['a-scoped']!.gql(CREATE, {
      input: { ...NEW_AGREEMENT, code: 'AG-SCOPE-MIX', regionCodes: ['653125', '540200'] },
    });
    expect(errorOf(mixed)?.code).toBe('FORBIDDEN');
    expect(mixed.errors?.[0]?.message).toMatch(/Region 540200 is outside your region scope/);
    // A province above the scope is not inside it either.
    const above = await as['a-scoped']!.gql(CREATE, {
      input: { ...NEW_AGREEMENT, code: 'AG-SCOPE-UP', regionCodes: ['650000'] },
    });
    expect(errorOf(above)?.code).toBe('FORBIDDEN');
    expect(await AgreementModel.countDocuments({ code: /^AG-SCOPE-(MIX|UP)$/ })).toBe(0);
  });
});

describe('changing an agreement', () => {
  it('updates at the version read; a stale version gets CONFLICT and changes nothing', async () => {
    const a = await insertAgreement({ titleZh: '旧标题' });
    const id = String(a._id);
    const ok = await as['a-coordinator']!.gql(UPDATE, {
      id,
      v: 0,
      input: { title: { zh: '沪喀产业合作协议' }, counterpart: '喀什地区' },
    });
    expect(ok.data).toEqual({
      updateAgreement: {
        version: 1,
        title: { zh: '沪喀产业合作协议' },
        counterpart: '喀什地区',
        validUntil: a.validUntil,
      },
    });
    // The search text follows the new title.
    const found = await as['a-viewer']!.gql<Page>(PAGE, { filter: { search: '产业合作' } });
    expect(codes(found.data!.agreements)).toEqual([a.code]);

    const stale = await as['a-manager']!.gql(UPDATE, { id, v: 0, input: { counterpart: '别的单位' } });
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    const stored = await AgreementModel.findById(a._id).lean();
    expect(stored).toMatchObject({ counterpart: '喀什地区', version: 1 });
    expect(await AuditEntryModel.countDocuments({ recordId: id, kind: 'Agreement', action: 'update' })).toBe(1);
  });

  it('refuses an end before the start (also against the stored start), bad dates and malformed ids, naming the field', async () => {
    const a = await insertAgreement({ validFrom: '2026-03-01', validUntil: '2028-03-01' });
    const id = String(a._id);
    const before = await as['a-manager']!.gql(UPDATE, { id, v: 0, input: { validUntil: '2026-02-28' } });
    expect(errorOf(before)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validUntil' });
    const both = await as['a-manager']!.gql(UPDATE, {
      id,
      v: 0,
      input: { validFrom: '2027-01-01', validUntil: '2026-01-01' },
    });
    expect(errorOf(both)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.validUntil' });
    const badDate = await as['a-manager']!.gql(UPDATE, { id, v: 0, input: { signedOn: '2026-13-01' } });
    expect(errorOf(badDate)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.signedOn' });
    const unknownKind = await as['a-manager']!.gql(UPDATE, { id, v: 0, input: { kind: 'TREATY' } });
    expect(errorOf(unknownKind)?.code).toBe('BAD_USER_INPUT');
    const malformed = await as['a-manager']!.gql(UPDATE, { id: 'not-an-id', v: 0, input: { note: 'x' } });
    expect(errorOf(malformed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const missing = await as['a-manager']!.gql(UPDATE, {
      id: String(new mongoose.Types.ObjectId()),
      v: 0,
      input: { note: 'x' },
    });
    expect(errorOf(missing)?.code).toBe('NOT_FOUND');
    expect(await AgreementModel.findById(a._id).lean()).toMatchObject({ version: 0 });
  });

  it('changing the regions re-scopes the agreement and its commitments', async () => {
    const a = await insertAgreement({ regionCodes: ['653125'] });
    await insertCommitment(a);
    const r = await as['a-manager']!.gql(UPDATE, { id: String(a._id), v: 0, input: { regionCodes: ['540222'] } });
    expect(r.errors).toBeUndefined();
    expect((await AgreementModel.findById(a._id).lean())?.regionPaths).toEqual(['540000', '540200', '540222']);
    expect((await CommitmentModel.findOne({ agreementId: a._id }).lean())?.regionPaths).toEqual([
      '540000',
      '540200',
      '540222',
    ]);
    const scoped = await as['a-scoped']!.gql(ONE, { id: String(a._id) });
    expect(errorOf(scoped)?.code).toBe('NOT_FOUND');
  });

  it('archives: the agreement and its commitments leave the lists, archived ones can be listed, twice is refused', async () => {
    const a = await insertAgreement({ code: 'AG-ARCH-1' });
    await insertCommitment(a, { dueDate: '2020-01-01' });
    const id = String(a._id);
    const stale = await as['a-coordinator']!.gql(ARCHIVE, { id, v: 3 });
    expect(errorOf(stale)?.code).toBe('CONFLICT');
    expect((await AgreementModel.findById(a._id).lean())?.archived).toBe(false);
    const ok = await as['a-coordinator']!.gql(ARCHIVE, { id, v: 0 });
    expect(ok.data).toEqual({ archiveAgreement: { version: 1, archived: true } });
    const listed = await as['a-viewer']!.gql<Page>(PAGE, { filter: { search: 'ag-arch' } });
    expect(listed.data?.agreements.totalCount).toBe(0);
    const withArchived = await as['a-viewer']!.gql<Page>(PAGE, {
      filter: { search: 'ag-arch', includeArchived: true },
    });
    expect(codes(withArchived.data!.agreements)).toEqual(['AG-ARCH-1']);
    const commitments = await as['a-viewer']!.gql<{ commitments: { totalCount: number } }>(
      `query($f: CommitmentFilter) { commitments(filter: $f) { totalCount } }`,
      { f: { agreementId: id } },
    );
    expect(commitments.data?.commitments.totalCount).toBe(0);
    const again = await as['a-coordinator']!.gql(ARCHIVE, { id, v: 1 });
    expect(errorOf(again)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await AuditEntryModel.countDocuments({ recordId: id, kind: 'Agreement', action: 'archive' })).toBe(1);
  });

  it('update and archive: admins, managers and coordinators may; officers and viewers are refused', async () => {
    const a = await insertAgreement();
    const id = String(a._id);
    let version = 0;
    for (const role of ROLES) {
      const r = await as[`a-${role}`]!.gql(UPDATE, { id, v: version, input: { note: `by ${role}` } });
      if (role === 'officer' || role === 'viewer') expect(errorOf(r)?.code).toBe('FORBIDDEN');
      else {
        expect(r.errors).toBeUndefined();
        version += 1;
      }
    }
    expect(await AgreementModel.findById(a._id).lean()).toMatchObject({ version: 3, note: 'by coordinator' });
    for (const role of ['officer', 'viewer']) {
      expect(errorOf(await as[`a-${role}`]!.gql(ARCHIVE, { id, v: version }))?.code).toBe('FORBIDDEN');
    }
    for (const role of ['admin', 'manager']) {
      const other = await insertAgreement();
      const r = await as[`a-${role}`]!.gql(ARCHIVE, { id: String(other._id), v: 0 });
      expect(r.data).toEqual({ archiveAgreement: { version: 1, archived: true } });
    }
    expect((await as['a-coordinator']!.gql(ARCHIVE, { id, v: version })).errors).toBeUndefined();
  });

  it('a scoped coordinator may not change an agreement reaching outside the scope, nor move one out of it', async () => {
    const mixed = await insertAgreement({ regionCodes: ['653125', '540200'] });
    const view = await as['a-scoped']!.gql<{ agreement: { canEdit: boolean } }>(ONE, { id: String(mixed._id) });
    expect(view.data?.agreement.canEdit).toBe(false);
    const r = await as['a-scoped']!.gql(UPDATE, { id: String(mixed._id), v: 0, input: { note: 'x' } });
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
    expect(errorOf(await as['a-scoped']!.gql(ARCHIVE, { id: String(mixed._id), v: 0 }))?.code).toBe('FORBIDDEN');
    expect(
      (await as['a-manager']!.gql<{ agreement: { canEdit: boolean } }>(ONE, { id: String(mixed._id) })).data,
    ).toMatchObject({ agreement: { canEdit: true } });

    const mine = await insertAgreement({ regionCodes: ['653124'] });
    expect(
      (await as['a-scoped']!.gql<{ agreement: { canEdit: boolean } }>(ONE, { id: String(mine._id) })).data?.agreement
        .canEdit,
    ).toBe(true);
    const out = await as['a-scoped']!.gql(UPDATE, {
      id: String(mine._id),
      v: 0,
      input: { regionCodes: ['653124', '632600'] },
    });
    expect(errorOf(out)?.code).toBe('FORBIDDEN');
    const stays = await as['a-scoped']!.gql(UPDATE, { id: String(mine._id), v: 0, input: { regionCodes: ['653126'] } });
    expect(stays.errors).toBeUndefined();

    const elsewhere = await insertAgreement({ regionCodes: ['540200'] });
    expect(
      errorOf(await as['a-scoped']!.gql(UPDATE, { id: String(elsewhere._id), v: 0, input: { note: 'x' } }))?.code,
    ).toBe('NOT_FOUND');
    expect(await AgreementModel.findById(elsewhere._id).lean()).toMatchObject({ version: 0 });
  });
});

describe('expiry flags', () => {
  it('flags an agreement ending within 90 days (office time) as expiring soon, and one that ended as expired', async () => {
    const today = officeDate();
    expect(isAgreementExpiringSoon(today, today)).toBe(true);
    expect(isAgreementExpiringSoon(addDaysToDate(today, 90), today)).toBe(true);
    expect(isAgreementExpiringSoon(addDaysToDate(today, 91), today)).toBe(false);
    expect(isAgreementExpiringSoon(addDaysToDate(today, -1), today)).toBe(false);
    expect(isAgreementExpired(addDaysToDate(today, -1), today)).toBe(true);
    expect(isAgreementExpired(today, today)).toBe(false);
    expect(addDaysToDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToDate('2026-12-31', 1)).toBe('2027-01-01');

    const soon = await insertAgreement({ validUntil: inDays(90) });
    const later = await insertAgreement({ validUntil: inDays(91) });
    const ended = await insertAgreement({ validUntil: inDays(-1) });
    const flags = async (id: unknown) =>
      (await as['a-viewer']!.gql<{ agreement: { expiringSoon: boolean; expired: boolean } }>(ONE, { id: String(id) }))
        .data?.agreement;
    expect(await flags(soon._id)).toMatchObject({ expiringSoon: true, expired: false });
    expect(await flags(later._id)).toMatchObject({ expiringSoon: false, expired: false });
    expect(await flags(ended._id)).toMatchObject({ expiringSoon: false, expired: true });
  });
});

describe('listing agreements', () => {
  let first: { _id: mongoose.Types.ObjectId; code: string };
  let expired: { _id: mongoose.Types.ObjectId };

  beforeAll(async () => {
    await AgreementModel.deleteMany({});
    await CommitmentModel.deleteMany({});
    first = await insertAgreement({
      code: 'L-001',
      titleZh: '沪喀经济合作框架协议',
      kind: 'FRAMEWORK',
      fields: ['ECONOMY', 'TALENT'],
      regionCodes: ['653125'],
      signedOn: '2025-06-01',
      validUntil: inDays(30),
    });
    await insertAgreement({
      code: 'L-002',
      titleZh: '泽普县教育帮扶协议',
      counterpart: '泽普县人民政府',
      fields: ['EDUCATION'],
      regionCodes: ['653124'],
      signedOn: '2023-03-01',
      validUntil: inDays(200),
    });
    expired = await insertAgreement({
      code: 'L-003',
      titleZh: '日喀则卫生合作备忘录',
      kind: 'MEMORANDUM',
      fields: ['HEALTH'],
      regionCodes: ['540200'],
      signedOn: '2019-01-01',
      validFrom: '2019-01-01',
      validUntil: inDays(-10),
    });
    for (let i = 4; i <= 25; i++)
      await insertAgreement({
        code: `L-${String(i).padStart(3, '0')}`,
        regionCodes: ['632600'],
        signedOn: `2024-01-${String(i).padStart(2, '0')}`,
      });
    await insertAgreement({ code: 'L-ARCHIVED', regionCodes: ['653125'], archived: true });
  });

  const q = async (filter: Record<string, unknown>, who = 'a-viewer') =>
    (await as[who]!.gql<Page>(PAGE, { filter, first: 100 })).data!.agreements;

  it('leaves out expired and archived agreements unless asked', async () => {
    expect((await q({})).totalCount).toBe(24);
    expect((await q({ includeExpired: true })).totalCount).toBe(25);
    expect((await q({ includeExpired: true, includeArchived: true })).totalCount).toBe(26);
  });

  it('filters by a region at any level, kind, field of cooperation, expiry window and search', async () => {
    expect(codes(await q({ regionCode: '653100' }))).toEqual(['L-001', 'L-002']);
    expect(codes(await q({ regionCode: '650000' }))).toEqual(['L-001', 'L-002']);
    expect(codes(await q({ regionCode: '653124' }))).toEqual(['L-002']);
    expect(codes(await q({ regionCode: '540000', includeExpired: true }))).toEqual(['L-003']);
    expect(codes(await q({ kind: 'FRAMEWORK' }))).toEqual(['L-001']);
    expect(codes(await q({ kind: 'MEMORANDUM' }))).toEqual([]);
    expect(codes(await q({ kind: 'MEMORANDUM', includeExpired: true }))).toEqual(['L-003']);
    expect(codes(await q({ field: 'TALENT' }))).toEqual(['L-001']);
    expect(codes(await q({ expiringWithinDays: 90 }))).toEqual(['L-001']);
    expect(codes(await q({ expiringWithinDays: 365 }))).toEqual(['L-001', 'L-002']);
    // Ended agreements are not "expiring", even when expired ones are included.
    expect(codes(await q({ expiringWithinDays: 365, includeExpired: true }))).toEqual(['L-001', 'L-002']);
    expect(codes(await q({ search: '沪喀' }))).toEqual(['L-001']);
    expect(codes(await q({ search: '泽普县人民' }))).toEqual(['L-002']);
    expect(codes(await q({ search: 'TEST AGREEMENT' })).length).toBe(24);
    expect((await q({ search: 'l-00' })).totalCount).toBe(8);
    expect((await q({ search: '.*' })).totalCount).toBe(0);
  });

  it('refuses a bad expiry window, an over-long search and an unknown enum in the filter', async () => {
    for (const [filter, field] of [
      [{ expiringWithinDays: -1 }, 'filter.expiringWithinDays'],
      [{ expiringWithinDays: 100000 }, 'filter.expiringWithinDays'],
      [{ search: 'x'.repeat(101) }, 'filter.search'],
    ] as const) {
      const r = await as['a-viewer']!.gql(PAGE, { filter });
      expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const badEnum = await as['a-viewer']!.gql(PAGE, { filter: { field: 'SPACE' as CooperationField } });
    expect(errorOf(badEnum)?.code).toBe('BAD_USER_INPUT');
  });

  it('sorts by code, signing date, end of validity and Chinese title, either way', async () => {
    const sorted = async (field: string, direction: string) =>
      codes((await as['a-viewer']!.gql<Page>(PAGE, { first: 3, sort: { field, direction } })).data!.agreements);
    expect(await sorted('CODE', 'DESC')).toEqual(['L-025', 'L-024', 'L-023']);
    expect(await sorted('SIGNED_ON', 'ASC')).toEqual(['L-002', 'L-004', 'L-005']);
    expect(await sorted('SIGNED_ON', 'DESC')).toEqual(['L-001', 'L-025', 'L-024']);
    expect(await sorted('VALID_UNTIL', 'ASC')).toEqual(['L-001', 'L-002', 'L-004']);
    // Code-point order: 沪 (U+6CAA) < 泽 (U+6CFD) < 测 (U+6D4B).
    expect((await sorted('TITLE_ZH', 'ASC')).slice(0, 2)).toEqual(['L-001', 'L-002']);
    // Paging continues in the sort order.
    const page1 = (
      await as['a-viewer']!.gql<Page>(PAGE, { first: 2, sort: { field: 'VALID_UNTIL', direction: 'DESC' } })
    ).data!.agreements;
    const page2 = (
      await as['a-viewer']!.gql<Page>(PAGE, {
        first: 2,
        after: page1.pageInfo.endCursor,
        sort: { field: 'VALID_UNTIL', direction: 'DESC' },
      })
    ).data!.agreements;
    expect([...codes(page1), ...codes(page2)]).toHaveLength(4);
    expect(new Set([...codes(page1), ...codes(page2)]).size).toBe(4);
  });

  it('pages with cursors: first page, middle, last page, empty, bad cursor and size', async () => {
    const p1 = (await as['a-viewer']!.gql<Page>(PAGE, { first: 10 })).data!.agreements;
    expect(p1).toMatchObject({ totalCount: 24, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(codes(p1)).toHaveLength(10);
    const p2 = (await as['a-viewer']!.gql<Page>(PAGE, { first: 10, after: p1.pageInfo.endCursor })).data!.agreements;
    expect(codes(p2)[0]).toBe('L-012');
    const p3 = (await as['a-viewer']!.gql<Page>(PAGE, { first: 10, after: p2.pageInfo.endCursor })).data!.agreements;
    expect(codes(p3)).toEqual(['L-022', 'L-023', 'L-024', 'L-025']);
    expect(p3.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const empty = (await as['a-viewer']!.gql<Page>(PAGE, { filter: { kind: 'MEMORANDUM' } })).data!.agreements;
    expect(empty).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(errorOf(await as['a-viewer']!.gql(PAGE, { first: 10, after: 'garbage' }))?.field).toBe('after');
    expect(errorOf(await as['a-viewer']!.gql(PAGE, { first: 0 }))?.field).toBe('first');
    expect(codes((await as['a-viewer']!.gql<Page>(PAGE, {})).data!.agreements)).toHaveLength(20);
  });

  it('a region-scoped user never sees another region’s agreement, its commitments or projects: lists, by id, nested', async () => {
    const mine = await q({}, 'a-scoped');
    expect(codes(mine)).toEqual(['L-001', 'L-002']);
    expect((await q({ regionCode: '540200', includeExpired: true }, 'a-scoped')).totalCount).toBe(0);
    expect(codes(await q({ includeExpired: true }, 'a-scoped-viewer'))).toEqual(['L-003']);
    const byId = await as['a-scoped']!.gql(ONE, { id: String(expired._id) });
    expect(errorOf(byId)?.code).toBe('NOT_FOUND');

    // A project in Shigatse linked to the Kashgar agreement stays hidden from the Kashgar coordinator.
    const shache = await createProject({ code: 'P-SHACHE' });
    const shigatse = await createProject({
      code: 'P-SHIGATSE',
      regionCode: '540200',
      regionPath: ['540000', '540200'],
    });
    await ProjectModel.updateMany(
      { _id: { $in: [shache._id, shigatse._id] } },
      { $set: { agreementIds: [first._id] } },
    );
    const nested = async (who: string) =>
      (
        await as[who]!.gql<{ agreement: { projects: { code: string }[] } }>(ONE, { id: String(first._id) })
      ).data?.agreement.projects.map((p) => p.code);
    expect(await nested('a-viewer')).toEqual(['P-SHACHE', 'P-SHIGATSE']);
    expect(await nested('a-scoped')).toEqual(['P-SHACHE']);
    expect(errorOf(await as['a-scoped-viewer']!.gql(ONE, { id: String(first._id) }))?.code).toBe('NOT_FOUND');
  });
});

describe('page size cap', () => {
  it('never returns more than 100 agreements in one page', async () => {
    await AgreementModel.deleteMany({});
    const createdBy = new mongoose.Types.ObjectId();
    await AgreementModel.insertMany(
      Array.from({ length: 105 }, (_, i) => ({
        code: `CAP-${String(i).padStart(3, '0')}`,
        title: { zh: `协议${i}`, en: '' },
        counterpart: '上海市',
        kind: 'FRAMEWORK',
        signedOn: '2025-01-01',
        validFrom: '2025-01-01',
        validUntil: inDays(500),
        regionCodes: ['632600'],
        regionPaths: ['630000', '632600'],
        search: `cap-${i}`,
        createdBy,
      })),
    );
    const capped = (await as['a-viewer']!.gql<Page>(PAGE, { first: 10000 })).data!.agreements;
    expect(capped.edges).toHaveLength(100);
    expect(capped).toMatchObject({ totalCount: 105, pageInfo: { hasNextPage: true } });
  });
});

describe('batched loading', () => {
  it('costs the same number of database commands for a page of 5 and of 20 agreements with commitments and projects', async () => {
    await AgreementModel.deleteMany({});
    await CommitmentModel.deleteMany({});
    await ProjectModel.deleteMany({});
    for (let i = 1; i <= 20; i++) {
      const a = await insertAgreement({ code: `RT-${String(i).padStart(3, '0')}`, regionCodes: ['653125', '632600'] });
      for (let c = 0; c < 3; c++) await insertCommitment(a, { dueDate: c === 0 ? '2020-01-01' : inDays(50) });
      const p = await createProject({ code: `RT-P-${String(i).padStart(3, '0')}` });
      await ProjectModel.updateOne({ _id: p._id }, { $set: { agreementIds: [a._id] } });
    }
    const FULL = `query($first: Int) { agreements(first: $first) { totalCount edges { node {
      code regions { code name { zh } } expiringSoon expired overdueCommitmentCount canEdit createdBy { username }
      commitments { description { zh } overdue dueDate status canEdit agreement { code } }
      projects { code region { code } milestoneSummary { total } } } } } }`;
    const client = mongoose.connection.getClient();
    const count = async (who: string, first: number) => {
      await settleRollups(); // earlier writes' background roll-up refreshes are not this request's
      let commands = 0;
      const listener = () => void (commands += 1);
      client.on('commandStarted', listener);
      const r = await as[who]!.gql<{
        agreements: {
          edges: { node: { commitments: unknown[]; projects: unknown[]; overdueCommitmentCount: number } }[];
        };
      }>(FULL, { first });
      client.off('commandStarted', listener);
      expect(r.errors).toBeUndefined();
      expect(r.data?.agreements.edges).toHaveLength(first);
      for (const e of r.data!.agreements.edges) {
        expect(e.node.commitments).toHaveLength(3);
        expect(e.node.projects).toHaveLength(1);
        expect(e.node.overdueCommitmentCount).toBe(1);
      }
      return commands;
    };
    const five = await count('a-manager', 5);
    const twenty = await count('a-manager', 20);
    const scopedFive = await count('a-scoped', 5);
    const scopedTwenty = await count('a-scoped', 20);
    console.log(
      `database commands: page of 5 = ${five}, page of 20 = ${twenty}; scoped user: 5 = ${scopedFive}, 20 = ${scopedTwenty}`,
    );
    expect(twenty).toBe(five);
    expect(scopedTwenty).toBe(scopedFive);
    expect(five).toBeLessThanOrEqual(9);
  });
});

describe('demo seed', () => {
  it('seeds about twenty valid agreements with commitments, idempotently, some expiring, some expired, some overdue', async () => {
    await AgreementModel.deleteMany({});
    await CommitmentModel.deleteMany({});
    const log = { info: () => {} };
    await seedAgreements(log);
    const agreements = await AgreementModel.find().lean();
    const commitments = await CommitmentModel.find().lean();
    await seedAgreements(log);
    expect(await AgreementModel.countDocuments()).toBe(agreements.length);
    expect(await CommitmentModel.countDocuments()).toBe(commitments.length);
    expect(agreements).toHaveLength(AGREEMENT_SEED.length);
    expect(agreements.length).toBeGreaterThanOrEqual(18);

    const coordinator = await UserModel.findOne({ username: 'coordinator' }).lean();
    const today = officeDate();
    for (const a of agreements) {
      const parsed = createAgreementInput.safeParse({
        code: a.code,
        title: a.title,
        counterpart: a.counterpart,
        kind: a.kind,
        fields: a.fields,
        signedOn: a.signedOn,
        validFrom: a.validFrom,
        validUntil: a.validUntil,
        signatories: a.signatories,
        regionCodes: a.regionCodes,
        note: a.note,
      });
      expect(parsed.error).toBeUndefined();
      expect(String(a.createdBy)).toBe(String(coordinator?._id));
      const own = commitments.filter((c) => String(c.agreementId) === String(a._id));
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own.length).toBeLessThanOrEqual(5);
      for (const c of own) {
        expect([...c.regionPaths]).toEqual([...a.regionPaths]);
        if (c.status === 'DONE') expect(c.completedOn! <= today).toBe(true);
        else expect(c.completedOn).toBeNull();
      }
    }
    expect(new Set(agreements.map((a) => a.kind))).toEqual(new Set(['FRAMEWORK', 'PARTNER_ASSISTANCE', 'MEMORANDUM']));
    expect(agreements.filter((a) => isAgreementExpiringSoon(a.validUntil, today)).length).toBeGreaterThanOrEqual(3);
    expect(agreements.filter((a) => isAgreementExpired(a.validUntil, today)).length).toBeGreaterThanOrEqual(2);
    expect(commitments.filter((c) => isCommitmentOverdue(c.dueDate, c.status, today)).length).toBeGreaterThanOrEqual(3);

    // The API serves them: Kashgar's agreements include those concerning its counties.
    const page = (await as['a-viewer']!.gql<Page>(PAGE, { filter: { regionCode: '653100' }, first: 100 })).data!;
    expect(codes(page.agreements)).toEqual(expect.arrayContaining(['AG-KS-2021-01', 'AG-KS-2023-02']));
    expect(codes(page.agreements)).not.toContain('AG-KS-2020-05');
  });
});
