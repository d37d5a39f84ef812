import { Types } from 'mongoose';
import { startTestApp } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { seedRegions } from '../../../test/projects';
import { AuditEntryModel } from '../audit/audit.model';
import { failure, FIVE_ROLES, ok, signIn, stored, type SignedIn } from '../regions/testing';
import { FollowUpModel } from './follow-up.model';
import { LiaisonActivityModel } from './liaison-activity.model';

useTestDatabase();

let app: Awaited<ReturnType<typeof startTestApp>>;
let as: Record<string, SignedIn> = {};

const FOLLOW_UP = `id activityId action ownerId owner { username } dueDate done doneAt doneBy { username } overdue archived canEdit canComplete version`;
const ACTIVITY = `id kind date regionCode region { code } title participants summary receptionExpenses archived canEdit version
  createdBy { username } followUps { ${FOLLOW_UP} }`;
const CREATE = `mutation($input: CreateLiaisonActivityInput!) { createLiaisonActivity(input: $input) { ${ACTIVITY} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateLiaisonActivityInput!) { updateLiaisonActivity(id: $id, version: $v, input: $input) { ${ACTIVITY} } }`;
const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveLiaisonActivity(id: $id, version: $v) { id archived version followUps { id } } }`;
const ONE = `query($id: ID!) { liaisonActivity(id: $id) { id title followUps { id } } }`;
const ADD = `mutation($a: ID!, $input: FollowUpInput!) { addFollowUp(activityId: $a, input: $input) { ${FOLLOW_UP} } }`;
const UPDATE_FU = `mutation($id: ID!, $v: Int!, $input: UpdateFollowUpInput!) { updateFollowUp(id: $id, version: $v, input: $input) { ${FOLLOW_UP} } }`;
const COMPLETE = `mutation($id: ID!, $v: Int!) { completeFollowUp(id: $id, version: $v) { ${FOLLOW_UP} } }`;
const ARCHIVE_FU = `mutation($id: ID!, $v: Int!) { archiveFollowUp(id: $id, version: $v) { id archived version } }`;
const ONE_FU = `query($id: ID!) { followUp(id: $id) { id action activity { id title } } }`;
const LIST = `query($filter: LiaisonActivityFilter, $first: Int, $after: String) { liaisonActivities(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { title date regionCode } } } }`;
const LIST_FU = `query($filter: FollowUpFilter, $first: Int, $after: String) { followUps(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { action dueDate done overdue owner { username } } } } }`;

type FollowUp = { id: string; version: number; done: boolean; overdue: boolean; owner: { username: string } };
type Activity = { id: string; version: number; followUps: FollowUp[] };
type ActivityPage = {
  liaisonActivities: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { node: { title: string; date: string; regionCode: string } }[];
  };
};
type FollowUpPage = {
  followUps: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { action: string; dueDate: string; done: boolean; overdue: boolean } }[];
  };
};

const input = (extra: Record<string, unknown> = {}) => ({
  kind: 'DELEGATION_RECEIVED',
  date: '2026-04-12',
  regionCode: '653125',
  title: '接待莎车县党政代表团来沪考察',
  participants: ['市合作交流办主任', '莎车县副县长'],
  summary: '考察本市产业园区和职业院校，商定劳务协作事项。',
  receptionExpenses: '458000',
  ...extra,
});
const create = async (who: string, extra: Record<string, unknown> = {}) =>
  ok(await as[who]!.gql<{ createLiaisonActivity: Activity }>(CREATE, { input: input(extra) })).createLiaisonActivity;
const add = async (activityId: string, fu: Record<string, unknown>, who = 'l-coordinator') =>
  ok(await as[who]!.gql<{ addFollowUp: FollowUp }>(ADD, { a: activityId, input: fu })).addFollowUp;
const totals = async () => [await LiaisonActivityModel.countDocuments(), await FollowUpModel.countDocuments()];

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  as = await signIn(app, [
    ...FIVE_ROLES.map((role) => ({ name: `l-${role}`, role })),
    { name: 'l-officer2', role: 'officer' },
    { name: 'l-scoped', role: 'coordinator', regionScope: ['540000'] },
    { name: 'l-scoped-officer', role: 'officer', regionScope: ['540000'] },
  ]);
});
afterAll(() => app.stop());

describe('creating liaison activities', () => {
  it('a coordinator logs one with follow-ups; money is exact fen; everything is audited', async () => {
    const r = ok(
      await as['l-coordinator']!.gql<{ createLiaisonActivity: Activity & Record<string, unknown> }>(CREATE, {
        input: input({
          followUps: [
            { action: '落实代表团考察成果清单', ownerId: as['l-officer']!.id, dueDate: '2020-01-31' },
            { action: '对接产业园区招商意向企业', ownerId: as['l-coordinator']!.id, dueDate: '2099-12-31' },
          ],
        }),
      }),
    ).createLiaisonActivity;
    expect(r).toMatchObject({
      kind: 'DELEGATION_RECEIVED',
      date: '2026-04-12',
      region: { code: '653125' },
      receptionExpenses: '458000',
      participants: ['市合作交流办主任', '莎车县副县长'],
      archived: false,
      canEdit: true,
      version: 0,
      createdBy: { username: 'l-coordinator' },
    });
    expect(r.followUps).toMatchObject([
      { owner: { username: 'l-officer' }, done: false, overdue: true, canComplete: true, canEdit: true, version: 0 },
      { owner: { username: 'l-coordinator' }, done: false, overdue: false },
    ]);
    const row = await LiaisonActivityModel.findById(r.id).lean();
    expect(row?.regionPath).toEqual(['650000', '653100', '653125']);
    expect(row?.receptionExpenses).toBe(458000);
    expect((await FollowUpModel.find({ activityId: r.id }).lean()).map((f) => f.regionPath)).toEqual([
      ['650000', '653100', '653125'],
      ['650000', '653100', '653125'],
    ]);
    expect(await AuditEntryModel.countDocuments({ kind: 'LiaisonActivity', action: 'create', recordId: r.id })).toBe(1);
    expect(
      await AuditEntryModel.countDocuments({
        kind: 'FollowUp',
        action: 'create',
        recordId: { $in: r.followUps.map((f) => f.id) },
      }),
    ).toBe(2);
  });

  it('admin, manager and coordinator may; officer and viewer are FORBIDDEN; no session is UNAUTHENTICATED', async () => {
    for (const who of ['l-admin', 'l-manager']) await create(who, { title: `接待-${who}` });
    const before = await totals();
    for (const who of ['l-officer', 'l-viewer'])
      expect(failure(await as[who]!.gql(CREATE, { input: input() })).code).toBe('FORBIDDEN');
    expect(failure(await app.client().gql(CREATE, { input: input() })).code).toBe('UNAUTHENTICATED');
    expect(failure(await as['l-scoped']!.gql(CREATE, { input: input() })).message).toMatch(/outside your region scope/);
    expect(await totals()).toEqual(before);
  });

  it.each([
    ['input.date', 'not a calendar date', { date: '2026-02-30' }],
    ['input.date', 'not YYYY-MM-DD', { date: '12/04/2026' }],
    ['input.title', 'blank', { title: '  ' }],
    ['input.regionCode', 'unknown region', { regionCode: '999999' }],
    ['input.participants.1', 'empty participant', { participants: ['甲', ''] }],
    ['input.summary', 'too long', { summary: 'x'.repeat(5001) }],
    [
      'input.followUps.0.ownerId',
      'malformed owner id',
      { followUps: [{ action: '跟进', ownerId: 'not-an-id', dueDate: '2026-05-01' }] },
    ],
    [
      'input.followUps.0.dueDate',
      'bad due date',
      { followUps: [{ action: '跟进', ownerId: '0123456789abcdef01234567', dueDate: '2026-13-01' }] },
    ],
    [
      'input.followUps.0.action',
      'empty action',
      { followUps: [{ action: '', ownerId: '0123456789abcdef01234567', dueDate: '2026-05-01' }] },
    ],
    [
      'input.followUps.0.ownerId',
      'unknown owner',
      { followUps: [{ action: '跟进', ownerId: '0123456789abcdef01234567', dueDate: '2026-05-01' }] },
    ],
  ])('refuses bad input naming %s (%s), writing nothing', async (field, _label, change) => {
    const before = await totals();
    const r = await as['l-manager']!.gql(CREATE, { input: input(change) });
    expect(failure(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await totals()).toEqual(before);
  });

  it('refuses owners who are viewers, or whose region scope does not reach the region', async () => {
    const before = await totals();
    const viewer = await as['l-manager']!.gql(CREATE, {
      input: input({ followUps: [{ action: '跟进', ownerId: as['l-viewer']!.id, dueDate: '2026-05-01' }] }),
    });
    expect(failure(viewer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.followUps.0.ownerId' });
    const outOfScope = await as['l-manager']!.gql(CREATE, {
      input: input({
        followUps: [
          { action: '跟进一', ownerId: as['l-officer']!.id, dueDate: '2026-05-01' },
          { action: '跟进二', ownerId: as['l-scoped-officer']!.id, dueDate: '2026-05-01' },
        ],
      }),
    });
    expect(failure(outOfScope)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.followUps.1.ownerId' });
    expect(failure(outOfScope).message).toMatch(/l-scoped-officer's region scope does not reach region 653125/);
    expect(await totals()).toEqual(before);
  });

  it('refuses negative, fractional, too large or non-numeric reception expenses and unknown kinds at the schema', async () => {
    const before = await totals();
    for (const change of [
      { receptionExpenses: '-5' },
      { receptionExpenses: '1.5' },
      { receptionExpenses: -5 },
      { receptionExpenses: 12.5 },
      { receptionExpenses: '99999999999999999999' },
      { receptionExpenses: 'lots' },
      { kind: 'PARTY' },
    ]) {
      expect(failure(await as['l-manager']!.gql(CREATE, { input: input(change) })).code).toBe('BAD_USER_INPUT');
    }
    expect(await totals()).toEqual(before);
  });
});

describe('changing liaison activities', () => {
  it('updates with the version read; a stale version gets CONFLICT and changes nothing', async () => {
    const a = await create('l-coordinator', { title: '赴莎车县调研' });
    const r = ok(
      await as['l-manager']!.gql<{ updateLiaisonActivity: Record<string, unknown> }>(UPDATE, {
        id: a.id,
        v: 0,
        input: { kind: 'VISIT', receptionExpenses: '0', participants: ['甲', '乙'] },
      }),
    ).updateLiaisonActivity;
    expect(r).toMatchObject({ kind: 'VISIT', receptionExpenses: '0', participants: ['甲', '乙'], version: 1 });
    const stale = await as['l-coordinator']!.gql(UPDATE, { id: a.id, v: 0, input: { title: '别的标题' } });
    expect(failure(stale).code).toBe('CONFLICT');
    const row = await stored(LiaisonActivityModel, a.id);
    expect([row?.title, row?.version]).toEqual(['赴莎车县调研', 1]);
    expect(await AuditEntryModel.countDocuments({ kind: 'LiaisonActivity', recordId: a.id, action: 'update' })).toBe(1);
    expect(
      failure(await as['l-manager']!.gql(UPDATE, { id: a.id, v: 1, input: { date: '2026-02-29' } })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.date',
    });
    expect(failure(await as['l-manager']!.gql(UPDATE, { id: 'x1', v: 1, input: {} }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    expect(
      failure(await as['l-manager']!.gql(UPDATE, { id: String(new Types.ObjectId()), v: 1, input: {} })).code,
    ).toBe('NOT_FOUND');
    for (const who of ['l-officer', 'l-viewer']) {
      expect(failure(await as[who]!.gql(UPDATE, { id: a.id, v: 1, input: { title: 'x' } })).code).toBe('FORBIDDEN');
      expect(failure(await as[who]!.gql(ARCHIVE, { id: a.id, v: 1 })).code).toBe('FORBIDDEN');
    }
  });

  it('moving it to another region moves its follow-ups; owners must reach the new region', async () => {
    const a = await create('l-coordinator', {
      title: '与莎车县视频连线',
      followUps: [{ action: '报送进度', ownerId: as['l-officer']!.id, dueDate: '2026-06-01' }],
    });
    const moved = ok(
      await as['l-coordinator']!.gql<{ updateLiaisonActivity: Activity }>(UPDATE, {
        id: a.id,
        v: 0,
        input: { regionCode: '540200' },
      }),
    ).updateLiaisonActivity;
    expect(moved.followUps).toMatchObject([{ version: 1 }]);
    const fu = await FollowUpModel.findById(moved.followUps[0]!.id).lean();
    expect([fu?.regionCode, fu?.regionPath]).toEqual(['540200', ['540000', '540200']]);
    expect(
      await AuditEntryModel.countDocuments({ kind: 'FollowUp', action: 'move', recordId: moved.followUps[0]!.id }),
    ).toBe(1);

    const b = await create('l-coordinator', {
      regionCode: '540200',
      title: '与日喀则市视频连线',
      followUps: [{ action: '报送进度', ownerId: as['l-scoped-officer']!.id, dueDate: '2026-06-01' }],
    });
    const refused = await as['l-coordinator']!.gql(UPDATE, { id: b.id, v: 0, input: { regionCode: '653125' } });
    expect(failure(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.regionCode' });
    expect((await LiaisonActivityModel.findById(b.id).lean())?.regionCode).toBe('540200');
  });

  it('archiving it archives its follow-ups; both leave the lists and are audited', async () => {
    const a = await create('l-coordinator', {
      title: '待归档的联络记录',
      followUps: [{ action: '整理纪要', ownerId: as['l-coordinator']!.id, dueDate: '2026-06-01' }],
    });
    expect(failure(await as['l-coordinator']!.gql(ARCHIVE, { id: a.id, v: 5 })).code).toBe('CONFLICT');
    const r = ok(await as['l-coordinator']!.gql<{ archiveLiaisonActivity: unknown }>(ARCHIVE, { id: a.id, v: 0 }));
    expect(r.archiveLiaisonActivity).toEqual({ id: a.id, archived: true, version: 1, followUps: [] });
    const fu = await FollowUpModel.findById(a.followUps[0]!.id).lean();
    expect(fu?.archived).toBe(true);
    const search = ok(await as['l-viewer']!.gql<ActivityPage>(LIST, { filter: { search: '待归档' } }));
    expect(search.liaisonActivities.totalCount).toBe(0);
    const mine = ok(await as['l-viewer']!.gql<FollowUpPage>(LIST_FU, { filter: { activityId: a.id } })).followUps
      .totalCount;
    expect(mine).toBe(0);
    expect(await AuditEntryModel.countDocuments({ kind: 'LiaisonActivity', action: 'archive', recordId: a.id })).toBe(
      1,
    );
    expect(
      await AuditEntryModel.countDocuments({ kind: 'FollowUp', action: 'archive', recordId: a.followUps[0]!.id }),
    ).toBe(1);
    const again = failure(await as['l-coordinator']!.gql(UPDATE, { id: a.id, v: 1, input: { title: 'x' } }));
    expect(again.message).toMatch(/archived/);
    expect(
      failure(
        await as['l-coordinator']!.gql(ADD, {
          a: a.id,
          input: { action: 'x', ownerId: as['l-officer']!.id, dueDate: '2026-06-01' },
        }),
      ).code,
    ).toBe('CONFLICT');
  });
});

describe('follow-ups', () => {
  let activityId = '';
  beforeAll(async () => {
    activityId = (await create('l-coordinator', { title: '赴泽普县调研', regionCode: '653124' })).id;
  });

  it('writers add and update them, versioned and audited; officers and viewers may not', async () => {
    const fu = await add(activityId, { action: '整理调研报告', ownerId: as['l-officer']!.id, dueDate: '2026-03-01' });
    expect(fu).toMatchObject({ owner: { username: 'l-officer' }, done: false, version: 0 });
    expect((await LiaisonActivityModel.findById(activityId).lean())?.followUpOwnerIds.map(String)).toEqual([
      as['l-officer']!.id,
    ]);
    for (const who of ['l-officer', 'l-viewer']) {
      const r = await as[who]!.gql(ADD, {
        a: activityId,
        input: { action: 'x', ownerId: as['l-officer']!.id, dueDate: '2026-03-01' },
      });
      expect(failure(r).code).toBe('FORBIDDEN');
      expect(failure(await as[who]!.gql(UPDATE_FU, { id: fu.id, v: 0, input: { action: 'y' } })).code).toBe(
        'FORBIDDEN',
      );
      expect(failure(await as[who]!.gql(ARCHIVE_FU, { id: fu.id, v: 0 })).code).toBe('FORBIDDEN');
    }
    const updated = ok(
      await as['l-manager']!.gql<{ updateFollowUp: FollowUp }>(UPDATE_FU, {
        id: fu.id,
        v: 0,
        input: { ownerId: as['l-officer2']!.id, dueDate: '2099-01-01' },
      }),
    ).updateFollowUp;
    expect(updated).toMatchObject({ owner: { username: 'l-officer2' }, overdue: false, version: 1 });
    expect((await LiaisonActivityModel.findById(activityId).lean())?.followUpOwnerIds.map(String)).toEqual([
      as['l-officer2']!.id,
    ]);
    const stale = await as['l-coordinator']!.gql(UPDATE_FU, { id: fu.id, v: 0, input: { action: '旧版本的修改' } });
    expect(failure(stale).code).toBe('CONFLICT');
    expect((await FollowUpModel.findById(fu.id).lean())?.action).toBe('整理调研报告');
    expect(
      failure(await as['l-manager']!.gql(UPDATE_FU, { id: fu.id, v: 1, input: { dueDate: 'soon' } })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.dueDate',
    });
    expect(
      failure(await as['l-manager']!.gql(UPDATE_FU, { id: fu.id, v: 1, input: { ownerId: as['l-viewer']!.id } })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.ownerId',
    });
    expect(
      failure(
        await as['l-manager']!.gql(ADD, {
          a: 'nope',
          input: { action: 'x', ownerId: as['l-officer']!.id, dueDate: '2026-03-01' },
        }),
      ),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'activityId',
    });
    expect(
      failure(
        await as['l-manager']!.gql(ADD, {
          a: activityId,
          input: { action: 'x', ownerId: as['l-officer']!.id, dueDate: '2026-3-1' },
        }),
      ),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.dueDate',
    });
    expect(await AuditEntryModel.countDocuments({ kind: 'FollowUp', recordId: fu.id })).toBe(2);
  });

  it('the owner completes their own follow-up whatever their role; others, viewers and stale versions are refused', async () => {
    const fu = await add(activityId, { action: '报送考察成果', ownerId: as['l-officer']!.id, dueDate: '2026-01-15' });
    const others = await add(activityId, { action: '协调住房', ownerId: as['l-officer2']!.id, dueDate: '2026-01-15' });
    const asOwner = ok(
      await as['l-officer']!.gql<{ followUp: { id: string } & Record<string, unknown> }>(
        `query($id: ID!) { followUp(id: $id) { id canComplete canEdit } }`,
        { id: fu.id },
      ),
    );
    expect(asOwner.followUp).toEqual({ id: fu.id, canComplete: true, canEdit: false });
    expect(failure(await as['l-officer']!.gql(COMPLETE, { id: others.id, v: 0 })).code).toBe('FORBIDDEN');
    expect(failure(await as['l-viewer']!.gql(COMPLETE, { id: fu.id, v: 0 })).code).toBe('FORBIDDEN');
    expect(failure(await app.client().gql(COMPLETE, { id: fu.id, v: 0 })).code).toBe('UNAUTHENTICATED');
    expect(failure(await as['l-officer']!.gql(COMPLETE, { id: fu.id, v: 3 })).code).toBe('CONFLICT');
    expect((await FollowUpModel.findById(fu.id).lean())?.done).toBe(false);
    const done = ok(
      await as['l-officer']!.gql<{ completeFollowUp: Record<string, unknown> }>(COMPLETE, { id: fu.id, v: 0 }),
    ).completeFollowUp;
    expect(done).toMatchObject({
      done: true,
      overdue: false,
      doneBy: { username: 'l-officer' },
      canComplete: false,
      version: 1,
    });
    expect(String(done.doneAt)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const twice = failure(await as['l-officer']!.gql(COMPLETE, { id: fu.id, v: 1 }));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toMatch(/already done/);
    expect(await AuditEntryModel.countDocuments({ kind: 'FollowUp', action: 'complete', recordId: fu.id })).toBe(1);
    expect(failure(await as['l-officer']!.gql(COMPLETE, { id: 'bad', v: 0 }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
  });

  it('admin, manager and coordinator complete anyone’s follow-up; writers may reopen one', async () => {
    for (const who of ['l-admin', 'l-manager', 'l-coordinator']) {
      const fu = await add(activityId, {
        action: `由${who}完成`,
        ownerId: as['l-officer2']!.id,
        dueDate: '2026-02-01',
      });
      const r = ok(await as[who]!.gql<{ completeFollowUp: FollowUp }>(COMPLETE, { id: fu.id, v: 0 })).completeFollowUp;
      expect(r).toMatchObject({ done: true, version: 1 });
    }
    const fu = await FollowUpModel.findOne({ action: '由l-admin完成' }).lean();
    const reopened = ok(
      await as['l-coordinator']!.gql<{ updateFollowUp: FollowUp & { doneAt: string | null } }>(UPDATE_FU, {
        id: String(fu!._id),
        v: 1,
        input: { done: false },
      }),
    ).updateFollowUp;
    expect(reopened).toMatchObject({ done: false, doneAt: null, overdue: true, version: 2 });
  });

  it('archives one, refusing stale versions and later edits', async () => {
    const fu = await add(activityId, { action: '误加的跟进事项', ownerId: as['l-officer']!.id, dueDate: '2026-02-01' });
    expect(failure(await as['l-coordinator']!.gql(ARCHIVE_FU, { id: fu.id, v: 2 })).code).toBe('CONFLICT');
    expect(
      ok(await as['l-coordinator']!.gql<{ archiveFollowUp: unknown }>(ARCHIVE_FU, { id: fu.id, v: 0 })).archiveFollowUp,
    ).toEqual({
      id: fu.id,
      archived: true,
      version: 1,
    });
    expect(failure(await as['l-officer']!.gql(COMPLETE, { id: fu.id, v: 1 })).code).toBe('CONFLICT');
    expect(await AuditEntryModel.countDocuments({ kind: 'FollowUp', action: 'archive', recordId: fu.id })).toBe(1);
  });
});

describe('listing the liaison log and follow-ups', () => {
  let owner = '';
  beforeAll(async () => {
    await LiaisonActivityModel.deleteMany({});
    await FollowUpModel.deleteMany({});
    owner = as['l-officer']!.id;
    const author = new Types.ObjectId();
    const places: [string, string[]][] = [
      ['653125', ['650000', '653100', '653125']],
      ['653124', ['650000', '653100', '653124']],
      ['540200', ['540000', '540200']],
    ];
    const docs = Array.from({ length: 45 }, (_, i) => {
      const [regionCode, regionPath] = places[i % 3]!;
      const title = `联络记录${String(i).padStart(2, '0')}${i === 7 ? ' 接待医疗卫生考察团' : ''}`;
      return {
        kind: i % 5 === 0 ? 'CALL' : 'VISIT',
        date: `${2024 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        regionCode,
        regionPath,
        title,
        participants: i === 8 ? ['古丽娜尔'] : [],
        search: `${title} ${i === 8 ? '古丽娜尔' : ''}`.toLowerCase(),
        followUpOwnerIds: i < 4 ? [new Types.ObjectId(owner)] : [],
        createdBy: author,
      };
    });
    const created = await LiaisonActivityModel.insertMany(docs);
    const fu = (i: number, extra: Record<string, unknown>) => ({
      activityId: created[i]!._id,
      regionCode: docs[i]!.regionCode,
      regionPath: docs[i]!.regionPath,
      action: `事项${i}`,
      ownerId: new Types.ObjectId(owner),
      dueDate: '2099-01-01',
      createdBy: author,
      ...extra,
    });
    await FollowUpModel.insertMany([
      fu(0, { dueDate: '2024-02-01' }), // overdue
      fu(1, { dueDate: '2024-01-01', done: true, doneAt: new Date() }), // done
      fu(2, { dueDate: '2099-06-01' }), // open
      fu(3, { dueDate: '2024-03-01', archived: true }), // archived
      fu(4, { dueDate: '2024-04-01', ownerId: new Types.ObjectId(as['l-officer2']!.id) }), // someone else's, overdue
      fu(5, { dueDate: '2024-05-01', ownerId: new Types.ObjectId(as['l-coordinator']!.id) }), // in Shigatse
    ]);
  });

  const activities = async (who: string, vars: Record<string, unknown>) =>
    ok(await as[who]!.gql<ActivityPage>(LIST, vars)).liaisonActivities;
  const followUps = async (who: string, vars: Record<string, unknown>) =>
    ok(await as[who]!.gql<FollowUpPage>(LIST_FU, vars)).followUps;

  it('filters the log by region subtree, kind, year, search and follow-up owner, newest first', async () => {
    const kashgar = await activities('l-viewer', { filter: { regionCode: '653100' }, first: 100 });
    expect(kashgar.totalCount).toBe(30);
    expect(kashgar.edges.every((e) => ['653124', '653125'].includes(e.node.regionCode))).toBe(true);
    const dates = kashgar.edges.map((e) => e.node.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await activities('l-viewer', { filter: { kind: 'CALL' } })).totalCount).toBe(9);
    expect((await activities('l-viewer', { filter: { year: 2025 } })).totalCount).toBe(22);
    expect(
      (await activities('l-viewer', { filter: { year: 2025, kind: 'CALL', regionCode: '540200' } })).totalCount,
    ).toBe(await LiaisonActivityModel.countDocuments({ kind: 'CALL', regionCode: '540200', date: /^2025/ }));
    expect((await activities('l-viewer', { filter: { search: '医疗卫生' } })).edges.map((e) => e.node.title)).toEqual([
      '联络记录07 接待医疗卫生考察团',
    ]);
    expect((await activities('l-viewer', { filter: { search: '古丽娜尔' } })).totalCount).toBe(1);
    expect((await activities('l-viewer', { filter: { ownerId: owner } })).totalCount).toBe(4);
    expect(failure(await as['l-viewer']!.gql(LIST, { filter: { ownerId: 'me' } })).field).toBe('filter.ownerId');
    expect(failure(await as['l-viewer']!.gql(LIST, { filter: { year: 1999 } })).field).toBe('filter.year');
  });

  it('pages the log: first page, next, last, empty, the size cap and bad arguments', async () => {
    const first = await activities('l-viewer', { first: 20 });
    expect([first.totalCount, first.edges.length, first.pageInfo.hasNextPage]).toEqual([45, 20, true]);
    const second = await activities('l-viewer', { first: 20, after: first.pageInfo.endCursor });
    const last = await activities('l-viewer', { first: 20, after: second.pageInfo.endCursor });
    expect(last.edges).toHaveLength(5);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const all = [...first.edges, ...second.edges, ...last.edges].map((e) => e.node.title);
    expect(new Set(all).size).toBe(45);
    expect(await activities('l-viewer', { filter: { regionCode: '500101' } })).toMatchObject({
      totalCount: 0,
      edges: [],
    });
    expect((await activities('l-viewer', { first: 1000 })).edges).toHaveLength(45);
    expect(failure(await as['l-viewer']!.gql(LIST, { first: -1 })).field).toBe('first');
    expect(failure(await as['l-viewer']!.gql(LIST, { after: 'not-a-cursor' })).field).toBe('after');
  });

  it('lists follow-ups by owner, open and overdue, earliest due first, with pages', async () => {
    const mine = await followUps('l-viewer', { filter: { ownerId: owner } });
    expect(mine.edges.map((e) => e.node.dueDate)).toEqual(['2024-01-01', '2024-02-01', '2099-06-01']);
    const open = await followUps('l-viewer', { filter: { ownerId: owner, openOnly: true } });
    expect(open.edges.map((e) => e.node.dueDate)).toEqual(['2024-02-01', '2099-06-01']);
    const overdue = await followUps('l-viewer', { filter: { overdueOnly: true } });
    expect(overdue.edges.map((e) => [e.node.dueDate, e.node.overdue])).toEqual([
      ['2024-02-01', true],
      ['2024-04-01', true],
      ['2024-05-01', true],
    ]);
    expect((await followUps('l-viewer', { filter: { ownerId: owner, overdueOnly: true } })).totalCount).toBe(1);
    expect((await followUps('l-viewer', { filter: { ownerId: owner, includeArchived: true } })).totalCount).toBe(4);
    const page1 = await followUps('l-viewer', { first: 2 });
    expect([page1.totalCount, page1.pageInfo.hasNextPage]).toEqual([5, true]);
    const page2 = await followUps('l-viewer', { first: 2, after: page1.pageInfo.endCursor });
    const page3 = await followUps('l-viewer', { first: 2, after: page2.pageInfo.endCursor });
    expect(page3.edges.map((e) => e.node.dueDate)).toEqual(['2099-06-01']);
    expect(page3.pageInfo.hasNextPage).toBe(false);
    expect(await followUps('l-viewer', { filter: { regionCode: '632600' } })).toMatchObject({
      totalCount: 0,
      edges: [],
    });
    expect(failure(await as['l-viewer']!.gql(LIST_FU, { filter: { activityId: '1' } })).field).toBe(
      'filter.activityId',
    );
  });

  it('every role reads; a scoped user never sees another region’s activity or follow-up, in lists, by id or nested', async () => {
    for (const role of FIVE_ROLES) {
      expect((await activities(`l-${role}`, { first: 1 })).totalCount).toBe(45);
      expect((await followUps(`l-${role}`, { first: 1 })).totalCount).toBe(5);
    }
    const scoped = await activities('l-scoped', { first: 100 });
    expect(scoped.totalCount).toBe(15);
    expect(scoped.edges.every((e) => e.node.regionCode === '540200')).toBe(true);
    expect((await activities('l-scoped', { filter: { regionCode: '653100' } })).totalCount).toBe(0);
    expect((await activities('l-scoped', { filter: { ownerId: owner } })).totalCount).toBe(1);
    const scopedFollowUps = await followUps('l-scoped', { first: 100 });
    expect(scopedFollowUps.edges.map((e) => e.node.action)).toEqual(['事项5', '事项2']);
    expect((await followUps('l-scoped', { filter: { ownerId: owner } })).totalCount).toBe(1);
    expect((await followUps('l-scoped', { filter: { regionCode: '653100' } })).totalCount).toBe(0);

    const other = await LiaisonActivityModel.findOne({ regionCode: '653125' }).lean();
    expect(failure(await as['l-scoped']!.gql(ONE, { id: String(other!._id) })).code).toBe('NOT_FOUND');
    const otherFollowUp = await FollowUpModel.findOne({ regionCode: '653125' }).lean();
    expect(failure(await as['l-scoped']!.gql(ONE_FU, { id: String(otherFollowUp!._id) })).code).toBe('NOT_FOUND');
    expect(failure(await as['l-scoped']!.gql(COMPLETE, { id: String(otherFollowUp!._id), v: 0 })).code).toBe(
      'NOT_FOUND',
    );
    expect(failure(await as['l-scoped']!.gql(UPDATE, { id: String(other!._id), v: 0, input: {} })).code).toBe(
      'NOT_FOUND',
    );
    const nested = ok(
      await as['l-scoped']!.gql<{ regions: { code: string; liaisonActivities: { totalCount: number } }[] }>(
        `{ regions { code liaisonActivities { totalCount edges { node { regionCode followUps { action } } } } } }`,
      ),
    ).regions;
    expect(nested.map((r) => r.code)).toEqual(['540000', '540200', '540222', '540223', '540224', '540225', '540233']);
    expect(nested[0]!.liaisonActivities.totalCount).toBe(15);
    const own = await FollowUpModel.findOne({ regionCode: '540200' }).lean();
    const ownFollowUp = ok(
      await as['l-scoped']!.gql<{ followUp: { activity: { id: string } } }>(ONE_FU, { id: String(own!._id) }),
    );
    expect(ownFollowUp.followUp.activity.id).toBe(String(own!.activityId));
  });
});

describe('the audit trail', () => {
  it('has entries for every kind of liaison write', async () => {
    const entries = await AuditEntryModel.find({ kind: { $in: ['LiaisonActivity', 'FollowUp'] } }).lean();
    expect(new Set(entries.map((a) => `${a.kind}:${a.action}`))).toEqual(
      new Set([
        'LiaisonActivity:create',
        'LiaisonActivity:update',
        'LiaisonActivity:archive',
        'FollowUp:create',
        'FollowUp:update',
        'FollowUp:move',
        'FollowUp:complete',
        'FollowUp:archive',
      ]),
    );
  });
});
