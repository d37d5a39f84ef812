// The money rules under concurrency, retries and crashes, on the real database.
import mongoose from 'mongoose';
import { startTestApp, type GraphQLResult, type TestClient } from '../../../test/app';
import { testConfig } from '../../../test/config';
import { useTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/factories';
import { createProject, seedRegions } from '../../../test/projects';
import type { Context } from '../../graphql/context';
import { createLoaders } from '../../graphql/loaders';
import { createLogger } from '../../logger';
import { seededRandom } from '../../seed/random';
import {
  applyGuard,
  finishOperation,
  newOperationId,
  runOperation,
  type LedgerEntry,
  type OperationRow,
} from './fund.ledger';
import {
  AllocationModel,
  DisbursementModel,
  FundOperationModel,
  FundRollupModel,
  FundYearModel,
  LedgerEntryModel,
  PostingModel,
} from './fund.model';
import {
  approveAllocation,
  carryOver,
  closeFundYear,
  proposeAllocation,
  recordAppropriation,
  recordDisbursement,
  rejectAllocation,
  reverseAllocation,
  reverseDisbursement,
  withdrawAllocation,
  type AllocationRow,
} from './fund.service';
import { formatReport, reconcile } from './reconcile';

useTestDatabase();

const oid = (id: string) => new mongoose.Types.ObjectId(id);
const PROPOSE = `mutation($i: ProposeAllocationInput!) { proposeAllocation(input: $i) { id } }`;
const APPROVE = `mutation($id: ID!) { approveAllocation(id: $id) { id status } }`;
const DISBURSE = `mutation($i: DisbursementInput!) { recordDisbursement(input: $i) { id amount } }`;
const APPROPRIATE = `mutation($i: AppropriationInput!) { recordAppropriation(input: $i) { id } }`;

let app: Awaited<ReturnType<typeof startTestApp>>;
const as: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  for (const [name, role] of [
    ['c-officer', 'officer'],
    ['c-manager', 'manager'],
    ['c-admin', 'admin'],
  ] as const) {
    ids[name] = String((await createUser({ username: name, role }))._id);
    as[name] = app.client();
    await as[name]!.login(name);
  }
});
afterAll(() => app.stop());

const data = <T>(r: GraphQLResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
};
let seq = 0;
const key = (prefix: string) => `${prefix}-${String((seq += 1)).padStart(8, '0')}`;

async function appropriate(year: number, amount: number) {
  data(
    await as['c-manager']!.gql(APPROPRIATE, {
      i: { year, amount: String(amount), source: '市财政', documentRef: key('doc') },
    }),
  );
}
async function propose(projectId: string, year: number, amount: number) {
  return data(
    await as['c-officer']!.gql<{ proposeAllocation: { id: string } }>(PROPOSE, {
      i: { projectId, year, amount: String(amount), purpose: '建设', fundingSource: '专项' },
    }),
  ).proposeAllocation.id;
}
const disbursement = (allocationId: string, amount: number, date: string) => ({
  allocationId,
  amount: String(amount),
  date,
  voucherNo: key('V'),
  payee: '施工单位',
  idempotencyKey: key('idem'),
});

describe('racing requests', () => {
  it('50 simultaneous disbursements race for the last balance of an allocation: it is never exceeded', async () => {
    await appropriate(2040, 10_000_000);
    const project = await createProject({ officerIds: [oid(ids['c-officer']!)] });
    const allocationId = await propose(String(project._id), 2040, 1_000_000);
    data(await as['c-manager']!.gql(APPROVE, { id: allocationId }));
    data(await as['c-officer']!.gql(DISBURSE, { i: disbursement(allocationId, 900_000, '2040-01-10') }));
    // 100 000 fen left; each request asks 30 000, so exactly 3 fit.
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        as[i % 2 ? 'c-officer' : 'c-manager']!.gql<{ recordDisbursement: { id: string } }>(DISBURSE, {
          i: disbursement(allocationId, 30_000, '2040-02-01'),
        }),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const accepted = results.filter((r) => !r.errors).map((r) => r.data!.recordDisbursement.id);
    console.log(`50 racing disbursements: ${accepted.length} accepted of 50, ${seconds.toFixed(1)} s`);
    expect(accepted).toHaveLength(3);
    for (const r of results.filter((x) => x.errors))
      expect(r.errors?.[0]?.message).toMatch(/exceeds the allocation's remaining balance/);
    const allocation = (await AllocationModel.findById(allocationId).lean())!;
    expect([allocation.disbursed, allocation.remaining]).toEqual([990_000, 10_000]);
    const entries = await LedgerEntryModel.find({ kind: 'DISBURSEMENT', allocationId: oid(allocationId) }).lean();
    expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(990_000);
    for (const id of accepted) expect(entries.filter((e) => String(e.disbursementId) === id)).toHaveLength(1);
    expect(await DisbursementModel.countDocuments({ allocationId: oid(allocationId) })).toBe(4);
    expect(await FundOperationModel.countDocuments({ status: 'PENDING' })).toBe(0);
  });

  it('50 simultaneous approvals race for the last balance of a year: approvals never exceed appropriations', async () => {
    await appropriate(2041, 1_000_000);
    const project = await createProject({ officerIds: [oid(ids['c-officer']!)] });
    const first = await propose(String(project._id), 2041, 650_000);
    data(await as['c-manager']!.gql(APPROVE, { id: first }));
    const proposals: string[] = [];
    for (let i = 0; i < 50; i++) proposals.push(await propose(String(project._id), 2041, 100_000));
    // 350 000 fen left unallocated: exactly 3 proposals of 100 000 fit.
    const started = Date.now();
    const results = await Promise.all(
      proposals.map((id, i) =>
        as[i % 2 ? 'c-admin' : 'c-manager']!.gql<{ approveAllocation: { id: string } }>(APPROVE, { id }),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const accepted = results.filter((r) => !r.errors).map((r) => r.data!.approveAllocation.id);
    console.log(`50 racing approvals: ${accepted.length} accepted of 50, ${seconds.toFixed(1)} s`);
    expect(accepted).toHaveLength(3);
    const year = (await FundYearModel.findOne({ year: 2041 }).lean())!;
    expect([year.appropriated, year.approved, year.unallocated]).toEqual([1_000_000, 950_000, 50_000]);
    const entries = await LedgerEntryModel.find({ kind: 'ALLOCATION', year: 2041 }).lean();
    expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(950_000);
    for (const id of accepted) expect(entries.filter((e) => String(e.allocationId) === id)).toHaveLength(1);
    expect(await AllocationModel.countDocuments({ year: 2041, status: 'APPROVED' })).toBe(4);
    expect(await AllocationModel.countDocuments({ year: 2041, status: 'PROPOSED' })).toBe(47);
  });

  it('leaves nothing for reconcile to repair after the races', async () => {
    const report = await reconcile({ pendingOlderThanMs: 0 });
    expect(report.checked.allocation).toBeGreaterThanOrEqual(52);
    expect([
      report.operationsFinished,
      report.operationsAborted,
      report.claimsReleased,
      report.repaired,
      report.unrepairable,
    ]).toEqual([[], [], [], [], []]);
  });
});

describe('idempotency', () => {
  it('the same disbursement retried 10 times with one key is recorded once; another payload with the key is a CONFLICT', async () => {
    await appropriate(2042, 1_000_000);
    const project = await createProject({ officerIds: [oid(ids['c-officer']!)] });
    const allocationId = await propose(String(project._id), 2042, 500_000);
    data(await as['c-manager']!.gql(APPROVE, { id: allocationId }));
    const payment = disbursement(allocationId, 70_000, '2042-04-01');
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () =>
        as['c-officer']!.gql<{ recordDisbursement: { id: string } }>(DISBURSE, { i: payment }),
      ),
    );
    const sequential = [];
    for (let i = 0; i < 5; i++)
      sequential.push(await as['c-officer']!.gql<{ recordDisbursement: { id: string } }>(DISBURSE, { i: payment }));
    const answers = [...concurrent, ...sequential].map((r) => data(r).recordDisbursement.id);
    expect(new Set(answers).size).toBe(1);
    expect(await LedgerEntryModel.countDocuments({ kind: 'DISBURSEMENT', allocationId: oid(allocationId) })).toBe(1);
    expect((await AllocationModel.findById(allocationId).lean())?.remaining).toBe(430_000);
    const other = await as['c-officer']!.gql(DISBURSE, { i: { ...payment, amount: '70001' } });
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(other.errors?.[0]?.message).toMatch(/idempotency key was already used/);
    expect(await LedgerEntryModel.countDocuments({ kind: 'DISBURSEMENT', allocationId: oid(allocationId) })).toBe(1);
  });
});

function contextFor(userId: string, role: 'admin' | 'manager' | 'officer', username: string): Context {
  const config = testConfig();
  return {
    config,
    log: createLogger('silent'),
    requestId: 'test',
    req: {} as Context['req'],
    res: {} as Context['res'],
    user: { id: userId, username, displayName: username, role, regionScope: [] },
    sessionTokenHash: null,
    loaders: createLoaders(),
  };
}

/** An approved allocation of `amount` in `year` for a new project of c-officer (after an appropriation). */
async function allocationIn(year: number, amount: number, appropriated = 1_000_000): Promise<AllocationRow> {
  const manager = contextFor(ids['c-manager']!, 'manager', 'c-manager');
  const officer = contextFor(ids['c-officer']!, 'officer', 'c-officer');
  await recordAppropriation(manager, { year, amount: appropriated, source: 's', documentRef: `d-${year}` });
  const project = await createProject({ officerIds: [oid(ids['c-officer']!)] });
  const proposed = await proposeAllocation(officer, {
    projectId: String(project._id),
    year,
    amount,
    purpose: 'p',
    fundingSource: 'f',
  });
  return approveAllocation(manager, String(proposed._id));
}

/** The ledger entry of a disbursement from `allocation` on 3 March of its year, for an operation written by hand. */
function disbursementEntry(
  allocation: AllocationRow,
  opId: string,
  amount: number,
  disbursementId = new mongoose.Types.ObjectId(),
): LedgerEntry {
  return {
    _id: new mongoose.Types.ObjectId(),
    operationId: opId,
    kind: 'DISBURSEMENT',
    year: allocation.year,
    bookedYear: allocation.year,
    date: `${allocation.year}-03-03`,
    month: `${allocation.year}-03`,
    amount,
    allocationId: allocation._id,
    disbursementId,
    projectId: allocation.projectId,
    regionPath: allocation.regionPath,
    sector: allocation.sector,
    reversesEntryId: null,
    counterpartYear: null,
    source: null,
    documentRef: null,
    reason: null,
    createdBy: oid(ids['c-officer']!),
    createdAt: new Date(),
  };
}

/**
 * Steps 1 and 2 of a disbursement from `allocation` (its journal and its guarded posting), as if its
 * process stopped there; returns the journal.
 */
async function journalAndGuard(
  allocation: AllocationRow,
  entry: LedgerEntry,
  changes: Pick<OperationRow, 'sets' | 'undo'> = { sets: [], undo: [] },
): Promise<OperationRow> {
  const journal: OperationRow = {
    _id: entry.operationId,
    kind: 'DISBURSEMENT',
    status: 'PENDING',
    guard: { model: 'allocation', id: String(allocation._id) },
    entries: [entry],
    ...changes,
    createdAt: new Date(),
  };
  await FundOperationModel.collection.insertOne(journal as unknown as Record<string, unknown>);
  const guard = { ...journal.guard, check: () => null };
  expect(await applyGuard(journal._id, { kind: journal.kind, entries: journal.entries, guard })).toBeNull();
  return journal;
}

describe('a crash between the balance update and the ledger write', () => {
  it('is found and repaired by reconcile: the ledger entry is written from the journal and the totals follow', async () => {
    const officer = contextFor(ids['c-officer']!, 'officer', 'c-officer');
    const allocation = await allocationIn(2043, 400_000);
    const project = { _id: allocation.projectId };

    // Step 1 and 2 of a disbursement (journal + guarded balance update), then the process "dies".
    const opId = newOperationId();
    const disbursementId = new mongoose.Types.ObjectId();
    const entry = disbursementEntry(allocation, opId, 123_456, disbursementId);
    await DisbursementModel.collection.insertOne({
      _id: disbursementId,
      allocationId: allocation._id,
      projectId: allocation.projectId,
      regionPath: allocation.regionPath,
      sector: allocation.sector,
      year: 2043,
      amount: 123_456,
      date: '2043-03-03',
      voucherNo: 'CRASH-1',
      payee: 'p',
      note: '',
      idempotencyKey: 'crash-key-0001',
      payloadHash: 'x',
      state: 'PENDING',
      reversed: 0,
      remaining: 0,
      operationId: opId,
      recordedBy: oid(ids['c-officer']!),
      createdAt: new Date(),
    });
    await journalAndGuard(allocation, entry, {
      sets: [{ model: 'disbursement', id: String(disbursementId), set: { state: 'RECORDED' } }],
      undo: [{ model: 'disbursement', id: String(disbursementId), remove: true }],
    });
    // And a second operation that died before its guarded update: it must be undone, not finished.
    const lostOp = newOperationId();
    const lostAllocation = await proposeAllocation(officer, {
      projectId: String(project._id),
      year: 2043,
      amount: 1_000,
      purpose: 'p',
      fundingSource: 'f',
    });
    await AllocationModel.collection.updateOne(
      { _id: lostAllocation._id },
      { $set: { status: 'APPROVING', operationId: lostOp } },
    );
    await FundOperationModel.collection.insertOne({
      _id: lostOp,
      kind: 'ALLOCATION',
      status: 'PENDING',
      guard: { model: 'year', id: '2043' },
      entries: [
        { ...entry, _id: new mongoose.Types.ObjectId(), operationId: lostOp, kind: 'ALLOCATION', amount: 1_000 },
      ],
      sets: [],
      undo: [{ model: 'allocation', id: String(lostAllocation._id), set: { status: 'PROPOSED', operationId: null } }],
      createdAt: new Date(),
    } as unknown as Record<string, unknown>);

    const report = await reconcile({ pendingOlderThanMs: 0 });
    expect(report.unrepairable).toEqual([]);
    expect(report.operationsFinished).toEqual([`DISBURSEMENT ${opId}`]);
    expect(report.operationsAborted).toEqual([`ALLOCATION ${lostOp}`]);
    expect(report.repaired).toEqual([]);
    expect(await LedgerEntryModel.countDocuments({ operationId: opId })).toBe(1);
    expect((await DisbursementModel.findById(disbursementId).lean())?.state).toBe('RECORDED');
    expect((await AllocationModel.findById(lostAllocation._id).lean())?.status).toBe('PROPOSED');
    expect((await FundYearModel.findOne({ year: 2043 }).lean())?.disbursed).toBe(123_456);
    // Once repaired, a second run finds nothing to do.
    const again = await reconcile({ pendingOlderThanMs: 0 });
    expect([again.operationsFinished, again.operationsAborted, again.repaired, again.unrepairable]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  it('compensates a balance that drifted from the ledger and re-syncs a stale cached total', async () => {
    const account = 'year:2043';
    const latest = (await PostingModel.collection.find({ account }).sort({ seq: -1 }).limit(1).next())!;
    await PostingModel.collection.insertOne({
      _id: `${account}#${Number(latest.seq) + 1}`,
      account,
      seq: Number(latest.seq) + 1,
      state: { ...latest.state, approved: Number(latest.state.approved) + 5 },
      operationId: 'tampered',
      createdAt: new Date(),
    } as Record<string, unknown>);
    await FundRollupModel.collection.updateMany({ year: 2043 }, { $inc: { allocated: 7 } });
    const fixed = await reconcile({ pendingOlderThanMs: 0 });
    expect(fixed.unrepairable).toEqual([]);
    expect(fixed.repaired).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^year:2043: approved \d+ → \d+$/),
        expect.stringMatching(/^rollup 2043:.* cached allocated re-synced$/),
      ]),
    );
    const again = await reconcile({ pendingOlderThanMs: 0 });
    expect([again.repaired, again.unrepairable]).toEqual([[], []]);
  });
});

describe('a long random sequence of operations', () => {
  it('keeps every balance equal to a from-scratch sum of the ledger (300 operations, fixed seed)', async () => {
    const started = Date.now();
    const rnd = seededRandom(20261128);
    const manager = contextFor(ids['c-manager']!, 'manager', 'c-manager');
    const admin = contextFor(ids['c-admin']!, 'admin', 'c-admin');
    const officer = contextFor(ids['c-officer']!, 'officer', 'c-officer');
    const projects = [
      await createProject({ officerIds: [oid(ids['c-officer']!)], sector: 'HEALTH' }),
      await createProject({
        officerIds: [oid(ids['c-officer']!)],
        regionCode: '653124',
        regionPath: ['650000', '653100', '653124'],
      }),
      await createProject({
        officerIds: [oid(ids['c-officer']!)],
        regionCode: '540200',
        regionPath: ['540000', '540200'],
      }),
    ];
    const years = [2050, 2051];
    const closedYears = new Set<number>();
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < 300; i++) {
      const year = rnd.pick(years);
      const amount = rnd.int(1, 400) * 1_000;
      const allocations = (await AllocationModel.collection
        .find({ year: { $in: years } })
        .toArray()) as unknown as AllocationRow[];
      const approved = allocations.filter((a) => a.status === 'APPROVED');
      const proposed = allocations.filter((a) => a.status === 'PROPOSED');
      const op = rnd.int(0, 99);
      let name = '';
      try {
        if (op < 12) {
          name = 'appropriate';
          await recordAppropriation(manager, { year, amount: amount * 5, source: 's', documentRef: `d${i}` });
        } else if (op < 35) {
          name = 'propose';
          const p = rnd.pick(projects);
          await proposeAllocation(officer, {
            projectId: String(p._id),
            year,
            amount,
            purpose: 'p',
            fundingSource: 'f',
          });
        } else if (op < 55 && proposed.length) {
          name = 'approve';
          await approveAllocation(rnd.int(0, 1) ? manager : admin, String(rnd.pick(proposed)._id));
        } else if (op < 60 && proposed.length) {
          name = rnd.int(0, 1) ? 'reject' : 'withdraw';
          const a = rnd.pick(proposed);
          if (name === 'reject') await rejectAllocation(manager, String(a._id), 'no');
          else await withdrawAllocation(officer, String(a._id));
        } else if (op < 85 && approved.length) {
          name = 'disburse';
          const a = rnd.pick(approved);
          await recordDisbursement(officer, {
            allocationId: String(a._id),
            amount: rnd.int(1, Math.max(1, Math.floor(a.remaining / 1000) + 5)) * 1_000,
            date: `${a.year}-${String(rnd.int(1, 12)).padStart(2, '0')}-1${rnd.int(0, 9)}`,
            voucherNo: `P-${i}`,
            payee: 'x',
            idempotencyKey: `prop-key-${i}`,
          });
        } else if (op < 91) {
          name = 'reverse-disbursement';
          const ds = await DisbursementModel.collection
            .find({ state: 'RECORDED', year: { $in: years }, remaining: { $gt: 0 } })
            .toArray();
          if (!ds.length) continue;
          const d = rnd.pick(ds);
          await reverseDisbursement(manager, String(d._id), {
            amount: rnd.int(1, Number(d.remaining)),
            reason: 'r',
            ...(closedYears.has(Number(d.year)) ? { bookYear: 2051 } : {}),
          });
        } else if (op < 96 && approved.length) {
          name = 'reverse-allocation';
          const a = rnd.pick(approved);
          await reverseAllocation(manager, String(a._id), {
            amount: rnd.int(1, Math.max(1, a.remaining + 10)),
            reason: 'r',
            ...(closedYears.has(a.year) ? { bookYear: 2051 } : {}),
          });
        } else if (op < 99 && approved.some((a) => a.year === 2050)) {
          name = 'carry-over';
          const a = rnd.pick(approved.filter((x) => x.year === 2050));
          await carryOver(manager, 2050, String(a._id), Math.max(1, Math.floor(a.remaining / 2)));
        } else if (i > 200 && !closedYears.has(2050)) {
          name = 'close';
          await closeFundYear(manager, 2050);
          closedYears.add(2050);
        } else continue;
        outcomes[`${name} ok`] = (outcomes[`${name} ok`] ?? 0) + 1;
      } catch (error) {
        const code = String((error as { extensions?: { code?: string } }).extensions?.code);
        expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(code);
        outcomes[`${name} refused`] = (outcomes[`${name} refused`] ?? 0) + 1;
      }
    }
    console.log(`300 random operations: ${JSON.stringify(outcomes)}`);
    expect(outcomes['disburse ok']).toBeGreaterThan(10);
    expect(outcomes['approve ok']).toBeGreaterThan(10);

    // From scratch, with sums written here (not the module's rules), straight from the ledger.
    const entries = (await LedgerEntryModel.collection
      .find({ year: { $in: years } })
      .toArray()) as unknown as LedgerEntry[];
    const sum = (pred: (e: LedgerEntry) => boolean) => entries.filter(pred).reduce((s, e) => s + e.amount, 0);
    for (const y of years) {
      const is = (e: LedgerEntry, ...kinds: string[]) => e.year === y && kinds.includes(e.kind);
      const appropriated = sum((e) => is(e, 'APPROPRIATION', 'CARRY_IN')) - sum((e) => is(e, 'CARRY_OUT'));
      const approved =
        sum((e) => is(e, 'ALLOCATION', 'CARRY_IN')) - sum((e) => is(e, 'ALLOCATION_REVERSAL', 'CARRY_OUT'));
      const disbursed = sum((e) => is(e, 'DISBURSEMENT')) - sum((e) => is(e, 'DISBURSEMENT_REVERSAL'));
      const stored = (await FundYearModel.findOne({ year: y }).lean())!;
      expect([stored.appropriated, stored.approved, stored.unallocated, stored.disbursed]).toEqual([
        appropriated,
        approved,
        appropriated - approved,
        disbursed,
      ]);
      expect(approved).toBeLessThanOrEqual(appropriated);
    }
    for (const a of await AllocationModel.find({ year: { $in: years } }).lean()) {
      const mine = (e: LedgerEntry, ...kinds: string[]) =>
        String(e.allocationId) === String(a._id) && kinds.includes(e.kind);
      const approvedA = sum((e) => mine(e, 'ALLOCATION', 'CARRY_IN'));
      const disbursedA = sum((e) => mine(e, 'DISBURSEMENT')) - sum((e) => mine(e, 'DISBURSEMENT_REVERSAL'));
      const reversedA = sum((e) => mine(e, 'ALLOCATION_REVERSAL'));
      const carriedA = sum((e) => mine(e, 'CARRY_OUT'));
      expect([a.approved, a.disbursed, a.remaining]).toEqual([
        approvedA,
        disbursedA,
        approvedA - disbursedA - reversedA - carriedA,
      ]);
      expect(a.remaining).toBeGreaterThanOrEqual(0);
    }
    for (const r of await FundRollupModel.find({ year: { $in: years } }).lean()) {
      const mine = (e: LedgerEntry, ...kinds: string[]) =>
        e.year === r.year && String(e.projectId) === String(r.projectId) && kinds.includes(e.kind);
      expect([r.allocated, r.disbursed]).toEqual([
        sum((e) => mine(e, 'ALLOCATION', 'CARRY_IN')) - sum((e) => mine(e, 'ALLOCATION_REVERSAL', 'CARRY_OUT')),
        sum((e) => mine(e, 'DISBURSEMENT')) - sum((e) => mine(e, 'DISBURSEMENT_REVERSAL')),
      ]);
    }
    const report = await reconcile({ pendingOlderThanMs: 0 });
    expect([report.repaired, report.unrepairable, report.operationsFinished, report.operationsAborted]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    expect(await FundOperationModel.countDocuments({ status: 'PENDING' })).toBe(0);
    console.log(`300 random operations checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);
});

describe('what reconcile cannot repair', () => {
  it('reports a ledger entry for a record that does not exist, and exits non-zero through the CLI code path', async () => {
    const ghost = new mongoose.Types.ObjectId();
    await LedgerEntryModel.collection.insertOne({
      operationId: newOperationId(),
      kind: 'DISBURSEMENT',
      year: 2060,
      bookedYear: 2060,
      date: '2060-05-05',
      month: '2060-05',
      amount: 1,
      allocationId: ghost,
      disbursementId: ghost,
      projectId: ghost,
      regionPath: ['650000'],
      sector: 'HEALTH',
      createdBy: ghost,
      createdAt: new Date(),
    });
    const broken = await reconcile({ pendingOlderThanMs: 0 });
    expect(broken.unrepairable.join('\n')).toMatch(/allocation .* does not exist/);
    expect(formatReport(broken)).toMatch(/MISMATCH/);
  });
});

describe('closing a year while money is being booked into it', () => {
  // A disbursement of 2038 that has written its journal and passed its guard, not yet finished.
  async function inFlight(amount: number) {
    const allocation = await allocationIn(2038, 500_000);
    const opId = newOperationId();
    const entry = disbursementEntry(allocation, opId, amount);
    const journal = await journalAndGuard(allocation, entry);
    return { journal, entry, allocation };
  }

  let first: Awaited<ReturnType<typeof inFlight>>;

  it('answers only once the operations begun before it have finished, so the closed totals are final', async () => {
    first = await inFlight(70_000);
    const { journal } = first;
    const manager = contextFor(ids['c-manager']!, 'manager', 'c-manager');
    const finishing = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await finishOperation(journal);
    })();
    const closed = await closeFundYear(manager, 2038);
    // When the close answers, the disbursement begun before it is booked: its entry is in the ledger.
    expect(await LedgerEntryModel.collection.findOne({ operationId: journal._id })).not.toBeNull();
    await finishing;
    expect(closed).toMatchObject({ closed: true, disbursed: 70_000 });
    expect(await FundYearModel.collection.findOne({ year: 2038 })).toMatchObject({ closed: true, disbursed: 70_000 });
  });

  it('refuses an operation that reads the year after the close, though it passed the early checks', async () => {
    const { entry, allocation } = first; // 2038 was closed by the test above
    const opId = newOperationId();
    const late = { ...entry, _id: new mongoose.Types.ObjectId(), operationId: opId, amount: 5_000 };
    const guard = { model: 'allocation' as const, id: String(allocation._id), check: () => null };
    expect(await runOperation(opId, { kind: 'DISBURSEMENT', entries: [late], guard })).toBe(
      'the year 2038 is closed; no entry may be dated in it',
    );
    expect(await LedgerEntryModel.collection.findOne({ operationId: opId })).toBeNull();
    expect(await PostingModel.collection.findOne({ operationId: opId })).toBeNull();
    expect(await FundOperationModel.collection.findOne({ _id: opId } as Record<string, unknown>)).toBeNull();
  });
});
