import { officeDate } from '@pat/shared';
import mongoose, { type mongo } from 'mongoose';
import { startTestApp } from '../../../test/app';
import { useTestDatabase } from '../../../test/db';
import { seedRegions } from '../../../test/projects';
import { settleRollups } from '../analytics/rollup.maintain';
import { failure, ok, signIn, type SignedIn } from '../regions/testing';
import { refreshAgreementWatch } from './agreement-watch';
import { inDays, insertAgreement, insertCommitment } from './agreements.fixtures';

useTestDatabase();
jest.setTimeout(120_000);

const year = Number(officeDate().slice(0, 4));
const DASHBOARD = `query($f: DashboardFilter!, $first: Int, $days: Int, $firstAgreements: Int) {
  overdueCommitments(filter: $f, first: $first) {
    id description { zh en } responsibleUnit dueDate agreement { id code title { zh en } } }
  expiringAgreements(filter: $f, days: $days, first: $firstAgreements) { id code title { zh en } counterpart validUntil } }`;
type Lists = {
  overdueCommitments: { id: string; dueDate: string; agreement: { code: string; title: { zh: string } } }[];
  expiringAgreements: { id: string; code: string; title: { zh: string }; validUntil: string }[];
};
const COMMITMENTS = `query($f: CommitmentFilter) { commitments(filter: $f, first: 100) {
  edges { node { id dueDate agreement { code } } } } }`;
const AGREEMENTS = `query($f: AgreementFilter) { agreements(filter: $f, first: 100, sort: { field: VALID_UNTIL }) {
  edges { node { id code validUntil } } } }`;
const STATUS = `mutation($id: ID!, $v: Int!, $s: CommitmentStatus!, $note: String) {
  changeCommitmentStatus(id: $id, version: $v, status: $s, note: $note) { status } }`;

let app: Awaited<ReturnType<typeof startTestApp>>;
let as: Record<string, SignedIn>;
type Agreement = Awaited<ReturnType<typeof insertAgreement>>;
let shache: Agreement, shufu: Agreement, shigatse: Agreement;
const commitment: Record<string, string> = {};

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  as = await signIn(app, [
    { name: 'w-manager', role: 'manager' },
    { name: 'w-kashgar', role: 'coordinator', regionScope: ['653100'] },
    { name: 'w-two', role: 'viewer', regionScope: ['653125', '540222'] },
  ]);
  shache = await insertAgreement({ code: 'W-SHACHE', regionCodes: ['653125'], validUntil: inDays(30) });
  shufu = await insertAgreement({ code: 'W-SHUFU', regionCodes: ['653124'], validUntil: inDays(200) });
  shigatse = await insertAgreement({ code: 'W-SHIGATSE', regionCodes: ['540222'], validUntil: inDays(60) });
  const gone = await insertAgreement({
    code: 'W-GONE',
    regionCodes: ['653125'],
    validUntil: inDays(10),
    archived: true,
  });
  const rows: [string, Agreement, number, ('DONE' | 'PENDING')?][] = [
    ['done', shache, -40, 'DONE'],
    ['shache-30', shache, -30],
    ['shigatse-20', shigatse, -20],
    ['shache-10', shache, -10],
    ['shufu-5', shufu, -5],
    ['shigatse-3', shigatse, -3],
    ['shache-later', shache, 10],
    ['gone', gone, -50],
  ];
  for (const [name, a, days, status] of rows)
    commitment[name] = String((await insertCommitment(a, { dueDate: inDays(days), status: status ?? 'PENDING' }))._id);
  await refreshAgreementWatch(); // the rows above went straight to the database, as a seed's do
});
afterAll(() => app.stop());

const lists = async (who: string, f: Record<string, unknown> = {}, first = 10, days = 90, firstAgreements = 50) =>
  ok(await as[who]!.gql<Lists>(DASHBOARD, { f: { year, ...f }, first, days, firstAgreements }));
const names = (rows: { id: string }[]) =>
  rows.map((r) => Object.keys(commitment).find((k) => commitment[k] === r.id) ?? r.id);

describe("the dashboard's agreement lists", () => {
  it('show the open overdue commitments and the agreements ending within the window, from the stored lists', async () => {
    const d = await lists('w-manager');
    expect(names(d.overdueCommitments)).toEqual(['shache-30', 'shigatse-20', 'shache-10', 'shufu-5', 'shigatse-3']);
    expect(d.overdueCommitments[0]).toMatchObject({
      agreement: { code: 'W-SHACHE', title: { zh: String(shache.title?.zh) } },
    });
    expect(d.expiringAgreements.map((a) => a.code)).toEqual(['W-SHACHE', 'W-SHIGATSE']);
    expect((await lists('w-manager', {}, 2, 365)).expiringAgreements.map((a) => a.code)).toEqual([
      'W-SHACHE',
      'W-SHIGATSE',
      'W-SHUFU',
    ]);
  });

  it('are built on first use when missing (a database filled by a bulk load)', async () => {
    await mongoose.connection.collection('agreement_watch').deleteMany({});
    const d = await lists('w-kashgar', {}, 3);
    expect(names(d.overdueCommitments)).toEqual(['shache-30', 'shache-10', 'shufu-5']);
  });

  it.each([
    ['w-manager', {}],
    ['w-manager', { regionCode: '653100' }],
    ['w-manager', { regionCode: '653125' }],
    ['w-manager', { regionCode: '540000' }],
    ['w-manager', { regionCode: 'NOWHERE' }],
    ['w-kashgar', {}],
    ['w-kashgar', { regionCode: '653124' }],
    ['w-kashgar', { regionCode: '540222' }],
    ['w-two', {}],
    ['w-two', { regionCode: '653100' }],
  ])('for %s with %o equal the commitment and agreement lists with the same region', async (who, f) => {
    const d = await lists(who, f, 100);
    const overdue = ok(
      await as[who]!.gql<{ commitments: { edges: { node: { id: string } }[] } }>(COMMITMENTS, {
        f: { overdueOnly: true, ...f },
      }),
    );
    expect(d.overdueCommitments.map((c) => c.id)).toEqual(overdue.commitments.edges.map((e) => e.node.id));
    const expiring = ok(
      await as[who]!.gql<{ agreements: { edges: { node: { id: string } }[] } }>(AGREEMENTS, {
        f: { expiringWithinDays: 90, ...f },
      }),
    );
    expect(d.expiringAgreements.map((a) => a.id)).toEqual(expiring.agreements.edges.map((e) => e.node.id));
  });

  it('read one stored document per list and no commitment or agreement', async () => {
    for (const [who, f, perList] of [
      ['w-manager', {}, 1],
      ['w-manager', { regionCode: '653125' }, 1],
      ['w-two', {}, 2],
    ] as const) {
      await lists(who, f); // the region tree and session are read the same way every time
      await settleRollups();
      const read: string[] = [];
      const listener = (e: mongo.CommandStartedEvent) => void read.push(String(e.command[e.commandName]));
      const client = mongoose.connection.getClient();
      client.on('commandStarted', listener);
      try {
        await lists(who, f);
      } finally {
        client.off('commandStarted', listener);
      }
      expect(read).not.toContain('commitments');
      expect(read).not.toContain('agreements');
      expect(read.filter((c) => c === 'agreement_watch')).toHaveLength(2 * perList);
    }
  });
});

describe('after a write', () => {
  const version = async (id: string) =>
    Number(
      (await mongoose.connection.collection('commitments').findOne({ _id: new mongoose.Types.ObjectId(id) }))!.version,
    );

  it('completing or cancelling a commitment takes it off and the next one moves up', async () => {
    expect(names((await lists('w-manager', {}, 2)).overdueCommitments)).toEqual(['shache-30', 'shigatse-20']);
    ok(
      await as['w-manager']!.gql(STATUS, {
        id: commitment['shache-30'],
        v: await version(commitment['shache-30']!),
        s: 'DONE',
      }),
    );
    expect(names((await lists('w-manager', {}, 2)).overdueCommitments)).toEqual(['shigatse-20', 'shache-10']);
    const cancel = { id: commitment['shigatse-20'], v: await version(commitment['shigatse-20']!), s: 'CANCELLED' };
    ok(await as['w-manager']!.gql(STATUS, { ...cancel, note: '对方已调整计划' }));
    expect(names((await lists('w-manager', {}, 2)).overdueCommitments)).toEqual(['shache-10', 'shufu-5']);
  });

  it("editing an agreement's title shows the new title on both lists", async () => {
    const r = await as['w-manager']!.gql(
      `mutation($id: ID!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: 0, input: $input) { version } }`,
      { id: String(shache._id), input: { title: { zh: '莎车县援建协议（修订）', en: 'Shache agreement (revised)' } } },
    );
    ok(r);
    const d = await lists('w-manager');
    expect(d.overdueCommitments.find((c) => c.id === commitment['shache-10'])?.agreement.title.zh).toBe(
      '莎车县援建协议（修订）',
    );
    expect(d.expiringAgreements.find((a) => a.code === 'W-SHACHE')?.title.zh).toBe('莎车县援建协议（修订）');
  });

  it('archiving an agreement takes it and its commitments off', async () => {
    ok(
      await as['w-manager']!.gql(`mutation { archiveAgreement(id: "${String(shache._id)}", version: 1) { archived } }`),
    );
    const d = await lists('w-manager');
    expect(names(d.overdueCommitments)).toEqual(['shufu-5', 'shigatse-3']);
    expect(d.expiringAgreements.map((a) => a.code)).toEqual(['W-SHIGATSE']);
  });
});

describe('expiring agreements, of which each region keeps the 50 ending soonest', () => {
  it('are the first of the agreement list, and a kept list whose rows have ended since is rebuilt', async () => {
    for (let i = 1; i <= 55; i++)
      await insertAgreement({
        code: `W-MANY-${String(i).padStart(2, '0')}`,
        regionCodes: ['500101'],
        validUntil: inDays(i),
      });
    await refreshAgreementWatch();
    const list = ok(
      await as['w-manager']!.gql<{ agreements: { edges: { node: { id: string } }[] } }>(AGREEMENTS, {
        f: { expiringWithinDays: 90, regionCode: '500101' },
      }),
    );
    const want = list.agreements.edges.map((e) => e.node.id);
    expect(want).toHaveLength(55);
    const ids = async (first: number) =>
      (await lists('w-manager', { regionCode: '500101' }, 10, 90, first)).expiringAgreements.map((a) => a.id);
    expect(await ids(50)).toEqual(want.slice(0, 50));
    expect(await ids(3)).toEqual(want.slice(0, 3));

    // As if built weeks ago: the first 45 kept rows have ended since, so 5 of the 50 asked for are left.
    const watch = mongoose.connection.collection('agreement_watch');
    const stored = (await watch.findOne({ key: 'a|500101' }))!;
    const rows = (JSON.parse(String(stored.v)) as { validUntil: string }[]).map((r, i) =>
      i < 45 ? { ...r, validUntil: inDays(-1 - i) } : r,
    );
    await watch.updateOne({ _id: stored._id }, { $set: { v: JSON.stringify(rows) } });
    expect(await ids(50)).toEqual(want.slice(0, 50));
  });

  it('refuses to list more than are kept', async () => {
    const r = failure(await as['w-manager']!.gql(DASHBOARD, { f: { year }, firstAgreements: 51 }));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(r.message).toMatch(/1 to 50/);
  });
});
