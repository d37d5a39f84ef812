import mongoose from 'mongoose';
import { startTestApp, type GraphQLResult, type TestClient } from '../../../test/app';
import { testConfig } from '../../../test/config';
import { useTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/factories';
import { createProject, seedRegions } from '../../../test/projects';
import { AuditEntryModel } from '../audit/audit.model';
import {
  AllocationModel,
  DisbursementModel,
  FundOperationModel,
  FundRollupModel,
  LedgerEntryModel,
} from './fund.model';

useTestDatabase();

const oid = (id: string) => new mongoose.Types.ObjectId(id);

const APPROPRIATE = `mutation($i: AppropriationInput!) { recordAppropriation(input: $i) { id amount year } }`;
const PROPOSE = `mutation($i: ProposeAllocationInput!) { proposeAllocation(input: $i) { id status amount } }`;
const APPROVE = `mutation($id: ID!) { approveAllocation(id: $id) { id status remaining approved } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectAllocation(id: $id, reason: $r) { id status reason } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawAllocation(id: $id) { id status } }`;
const DISBURSE = `mutation($i: DisbursementInput!) { recordDisbursement(input: $i) { id amount date voucherNo } }`;
const REVERSE_D = `mutation($id: ID!, $i: ReversalInput!) { reverseDisbursement(id: $id, input: $i) { id kind amount year bookedYear reversesEntryId } }`;
const REVERSE_A = `mutation($id: ID!, $i: ReversalInput!) { reverseAllocation(id: $id, input: $i) { id kind amount reversesEntryId } }`;
const CLOSE = `mutation($y: Int!) { closeFundYear(year: $y) { year closed } }`;
const CARRY = `mutation($y: Int!, $a: ID!, $m: Money!) { carryOver(fromYear: $y, allocationId: $a, amount: $m) { id year status amount remaining carriedFromId } }`;
const YEAR = `query($y: Int!) { fundYear(year: $y) { year appropriated allocated disbursed available closed appropriations { amount source documentRef } } }`;

let app: Awaited<ReturnType<typeof startTestApp>>;
const as: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  await seedRegions();
  app = await startTestApp();
  for (const [name, role] of [
    ['f-officer', 'officer'],
    ['f-officer2', 'officer'],
    ['f-manager', 'manager'],
    ['f-manager2', 'manager'],
    ['f-admin', 'admin'],
    ['f-viewer', 'viewer'],
  ] as const) {
    const u = await createUser({ username: name, role });
    ids[name] = String(u._id);
    as[name] = app.client();
    await as[name]!.login(name);
  }
  const scoped = await createUser({ username: 'f-scoped', role: 'viewer', regionScope: ['540000'] });
  ids['f-scoped'] = String(scoped._id);
  as['f-scoped'] = app.client();
  await as['f-scoped'].login('f-scoped');
});
afterAll(() => app.stop());

const data = <T>(r: GraphQLResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
};
const code = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code;
const ledgerCount = () => LedgerEntryModel.countDocuments();

let key = 0;
const nextKey = () => `key-${String((key += 1)).padStart(8, '0')}`;

async function appropriate(year: number, amount: number) {
  return data(
    await as['f-manager']!.gql(APPROPRIATE, {
      i: { year, amount: String(amount), source: '市财政', documentRef: `沪财${year}-${nextKey()}` },
    }),
  );
}
async function ownProject(officer = 'f-officer') {
  return createProject({ officerIds: [oid(ids[officer]!)] });
}
async function propose(projectId: string, year: number, amount: number, who = 'f-officer') {
  const r = await as[who]!.gql<{ proposeAllocation: { id: string } }>(PROPOSE, {
    i: { projectId, year, amount: String(amount), purpose: '教学楼建设', fundingSource: '对口支援专项' },
  });
  return data(r).proposeAllocation.id;
}
async function approvedAllocation(projectId: string, year: number, amount: number) {
  const id = await propose(projectId, year, amount);
  data(await as['f-manager']!.gql(APPROVE, { id }));
  return id;
}
const disbursement = (allocationId: string, amount: number, date: string, extra: Record<string, unknown> = {}) => ({
  allocationId,
  amount: String(amount),
  date,
  voucherNo: `V-${nextKey()}`,
  payee: '喀什建设公司',
  idempotencyKey: nextKey(),
  ...extra,
});

describe('the special fund, end to end', () => {
  it('appropriates, proposes, approves and pays out; every read agrees and every write is audited', async () => {
    await appropriate(2030, 10_000_000);
    await appropriate(2030, 5_000_000);
    const project = await ownProject();
    const allocationId = await approvedAllocation(String(project._id), 2030, 4_000_000);
    const paid = await as['f-officer']!.gql(DISBURSE, { i: disbursement(allocationId, 1_500_000, '2030-03-15') });
    expect(paid.errors).toBeUndefined();

    const year = data(await as['f-viewer']!.gql<{ fundYear: Record<string, unknown> }>(YEAR, { y: 2030 })).fundYear;
    expect(year).toMatchObject({
      appropriated: '15000000',
      allocated: '4000000',
      disbursed: '1500000',
      available: '11000000',
      closed: false,
    });
    expect(year.appropriations).toHaveLength(2);

    const reads = data(
      await as['f-viewer']!.gql<Record<string, unknown>>(
        `query($p: ID!) {
          allocations(filter: { year: 2030, status: APPROVED, projectId: $p, regionCode: "653100", sector: EDUCATION }) { totalCount edges { node { remaining disbursements { amount } } } }
          ledgerEntries(filter: { year: 2030, projectId: $p, from: "2030-03-01", to: "2030-03-31" }) { totalCount edges { node { kind amount } } }
          region: fundTotals(groupBy: REGION, year: 2030, regionCode: "653100") { key allocated disbursed utilisation }
          sector: fundTotals(groupBy: SECTOR, year: 2030) { key allocated disbursed }
          project(id: $p) { fund { allocated disbursed available utilisation } }
        }`,
        { p: String(project._id) },
      ),
    );
    expect(reads.allocations).toEqual({
      totalCount: 1,
      edges: [{ node: { remaining: '2500000', disbursements: [{ amount: '1500000' }] } }],
    });
    expect(reads.ledgerEntries).toEqual({
      totalCount: 1,
      edges: [{ node: { kind: 'DISBURSEMENT', amount: '1500000' } }],
    });
    expect(reads.region).toEqual([
      { key: '653100', allocated: '4000000', disbursed: '1500000', utilisation: 0.375 },
      { key: '653125', allocated: '4000000', disbursed: '1500000', utilisation: 0.375 },
    ]);
    expect(reads.sector).toEqual([{ key: 'EDUCATION', allocated: '4000000', disbursed: '1500000' }]);
    expect(reads.project).toEqual({
      fund: { allocated: '4000000', disbursed: '1500000', available: '2500000', utilisation: 0.375 },
    });
    const audited = await AuditEntryModel.distinct('action', {
      kind: { $in: ['FundYear', 'Allocation', 'Disbursement'] },
    });
    expect(audited.sort()).toEqual(['appropriate', 'approve', 'disburse', 'propose']);
  });

  it('scoped users see only allocations and entries of their regions', async () => {
    const r = data(
      await as['f-scoped']!.gql<{ allocations: { totalCount: number }; ledgerEntries: { totalCount: number } }>(
        `{ allocations { totalCount } ledgerEntries { totalCount } }`,
      ),
    );
    expect(r).toEqual({ allocations: { totalCount: 0 }, ledgerEntries: { totalCount: 0 } });
  });

  it('lists the approval queue; rejection needs a reason; the proposer withdraws', async () => {
    await appropriate(2031, 1_000_000);
    const project = await ownProject();
    const a = await propose(String(project._id), 2031, 100);
    const b = await propose(String(project._id), 2031, 200);
    const queue = data(
      await as['f-manager']!.gql<{ pendingAllocations: { id: string }[] }>(`{ pendingAllocations { id } }`),
    );
    expect(queue.pendingAllocations.map((x) => x.id)).toEqual(expect.arrayContaining([a, b]));
    const noReason = await as['f-manager']!.gql(REJECT, { id: a, r: '  ' });
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(data(await as['f-manager']!.gql(REJECT, { id: a, r: '不符合支持范围' }))).toEqual({
      rejectAllocation: { id: a, status: 'REJECTED', reason: '不符合支持范围' },
    });
    expect(code(await as['f-officer2']!.gql(WITHDRAW, { id: b }))).toBe('FORBIDDEN');
    expect(data(await as['f-officer']!.gql(WITHDRAW, { id: b }))).toEqual({
      withdrawAllocation: { id: b, status: 'WITHDRAWN' },
    });
    expect(code(await as['f-manager']!.gql(APPROVE, { id: b }))).toBe('BAD_USER_INPUT');
  });
});

describe('refusals: BAD_USER_INPUT naming the reason, nothing written', () => {
  let project: Awaited<ReturnType<typeof createProject>>;
  let approved = '';
  beforeAll(async () => {
    await appropriate(2032, 1_000_000);
    project = await ownProject();
    approved = await approvedAllocation(String(project._id), 2032, 500_000);
  });

  it.each(['-5', '0', '1.5', '99999999999999999999', 'abc', '10000000000001'])(
    'refuses the amount %s for appropriations, proposals and disbursements',
    async (amount) => {
      const before = await ledgerCount();
      const allocations = await AllocationModel.countDocuments();
      const results = [
        await as['f-manager']!.gql(APPROPRIATE, { i: { year: 2032, amount, source: 's', documentRef: 'd' } }),
        await as['f-officer']!.gql(PROPOSE, {
          i: { projectId: String(project._id), year: 2032, amount, purpose: 'p', fundingSource: 'f' },
        }),
        await as['f-officer']!.gql(DISBURSE, { i: { ...disbursement(approved, 1, '2032-02-01'), amount } }),
      ];
      for (const r of results) {
        expect(code(r)).toBe('BAD_USER_INPUT');
        expect(r.errors?.[0]?.message).toMatch(/amount|Money|fen/);
      }
      expect(await ledgerCount()).toBe(before);
      expect(await AllocationModel.countDocuments()).toBe(allocations);
    },
  );

  async function refused(r: GraphQLResult, expected: string, pattern: RegExp) {
    expect(code(r)).toBe(expected);
    expect(r.errors?.[0]?.message).toMatch(pattern);
  }

  it('refuses disbursements against pending, rejected, withdrawn and other projects’ allocations', async () => {
    const before = await ledgerCount();
    const pending = await propose(String(project._id), 2032, 10);
    const rejected = await propose(String(project._id), 2032, 10);
    data(await as['f-manager']!.gql(REJECT, { id: rejected, r: 'no' }));
    const withdrawn = await propose(String(project._id), 2032, 10);
    data(await as['f-officer']!.gql(WITHDRAW, { id: withdrawn }));
    for (const [id, status] of [
      [pending, 'PROPOSED'],
      [rejected, 'REJECTED'],
      [withdrawn, 'WITHDRAWN'],
    ] as const) {
      await refused(
        await as['f-officer']!.gql(DISBURSE, { i: disbursement(id, 1, '2032-02-01') }),
        'BAD_USER_INPUT',
        new RegExp(`allocation is ${status}; only an APPROVED`),
      );
    }
    await refused(
      await as['f-officer2']!.gql(DISBURSE, { i: disbursement(approved, 1, '2032-02-01') }),
      'FORBIDDEN',
      /not one of yours/,
    );
    expect(await ledgerCount()).toBe(before);
    expect(await DisbursementModel.countDocuments({ allocationId: oid(approved) })).toBe(0);
  });

  it('refuses a year with no appropriation, a date outside the year, more than remains, and a duplicate voucher', async () => {
    const before = await ledgerCount();
    await refused(
      await as['f-officer']!.gql(PROPOSE, {
        i: { projectId: String(project._id), year: 2040, amount: '5', purpose: 'p', fundingSource: 'f' },
      }),
      'BAD_USER_INPUT',
      /input\.year: the year 2040 has no appropriation/,
    );
    await refused(
      await as['f-officer']!.gql(DISBURSE, { i: disbursement(approved, 1, '2033-01-01') }),
      'BAD_USER_INPUT',
      /input\.date: must be within the allocation's year 2032/,
    );
    await refused(
      await as['f-officer']!.gql(DISBURSE, { i: disbursement(approved, 500_001, '2032-02-01') }),
      'BAD_USER_INPUT',
      /input\.amount: exceeds the allocation's remaining balance \(500000 fen\)/,
    );
    const first = disbursement(approved, 1, '2032-02-01');
    data(await as['f-officer']!.gql(DISBURSE, { i: first }));
    await refused(
      await as['f-officer']!.gql(DISBURSE, {
        i: { ...disbursement(approved, 2, '2032-02-02'), voucherNo: first.voucherNo },
      }),
      'CONFLICT',
      /voucher number .* is already recorded/,
    );
    expect(await ledgerCount()).toBe(before + 1);
  });

  it('refuses approval by a non-manager, and of one’s own proposal under separation of duties', async () => {
    const mine = await propose(String(project._id), 2032, 10, 'f-manager');
    const theirs = await propose(String(project._id), 2032, 10);
    const before = await ledgerCount();
    await refused(await as['f-officer']!.gql(APPROVE, { id: theirs }), 'FORBIDDEN', /roles: admin, manager/);
    await refused(await as['f-manager']!.gql(APPROVE, { id: mine }), 'FORBIDDEN', /Separation of duties/);
    expect(await ledgerCount()).toBe(before);
    expect((await AllocationModel.findById(mine).lean())?.status).toBe('PROPOSED');
    // Without separation of duties a manager may approve their own proposal.
    const lax = await startTestApp(testConfig({ SEPARATE_DUTIES: 'false' }));
    const client = lax.client();
    await client.login('f-manager');
    expect(data(await client.gql(APPROVE, { id: mine }))).toMatchObject({ approveAllocation: { status: 'APPROVED' } });
    await lax.stop();
  });

  it('refuses approving more than the year has left', async () => {
    const big = await propose(String(project._id), 2032, 900_000);
    await refused(
      await as['f-manager']!.gql(APPROVE, { id: big }),
      'BAD_USER_INPUT',
      /exceeds what the year 2032 has left unallocated/,
    );
    expect((await AllocationModel.findById(big).lean())?.status).toBe('PROPOSED');
  });
});

describe('reversals, closing a year and carrying over', () => {
  it('reverses within what remains, books reversals of a closed year in the open year, carries over explicitly', async () => {
    await appropriate(2034, 1_000_000);
    await appropriate(2035, 1_000_000);
    const project = await ownProject();
    const allocationId = await approvedAllocation(String(project._id), 2034, 600_000);
    const d = data(
      await as['f-officer']!.gql<{ recordDisbursement: { id: string } }>(DISBURSE, {
        i: disbursement(allocationId, 200_000, '2034-05-05'),
      }),
    ).recordDisbursement;
    expect(code(await as['f-officer']!.gql(REVERSE_D, { id: d.id, i: { amount: '1', reason: 'x' } }))).toBe(
      'FORBIDDEN',
    );
    const tooMuch = await as['f-manager']!.gql(REVERSE_D, { id: d.id, i: { amount: '200001', reason: '多付' } });
    expect(tooMuch.errors?.[0]?.message).toMatch(/exceeds what remains of the disbursement \(200000 fen\)/);
    const part = data(
      await as['f-manager']!.gql<{ reverseDisbursement: Record<string, unknown> }>(REVERSE_D, {
        id: d.id,
        i: { amount: '50000', reason: '多付' },
      }),
    ).reverseDisbursement;
    const original = await LedgerEntryModel.findOne({ kind: 'DISBURSEMENT', disbursementId: oid(d.id) }).lean();
    expect(part).toMatchObject({
      kind: 'DISBURSEMENT_REVERSAL',
      amount: '50000',
      reversesEntryId: String(original!._id),
    });
    const allocRev = data(
      await as['f-manager']!.gql<{ reverseAllocation: Record<string, unknown> }>(REVERSE_A, {
        id: allocationId,
        i: { amount: '100000', reason: '调减' },
      }),
    ).reverseAllocation;
    expect(allocRev).toMatchObject({ kind: 'ALLOCATION_REVERSAL', amount: '100000' });

    data(await as['f-manager']!.gql(CLOSE, { y: 2034 }));
    const closed = [
      await as['f-manager']!.gql(APPROPRIATE, { i: { year: 2034, amount: '5', source: 's', documentRef: 'd' } }),
      await as['f-officer']!.gql(DISBURSE, { i: disbursement(allocationId, 1, '2034-12-01') }),
      await as['f-manager']!.gql(REVERSE_D, { id: d.id, i: { amount: '1', reason: '更正' } }),
    ];
    for (const r of closed) {
      expect(code(r)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/2034 is closed/);
    }
    const booked = data(
      await as['f-manager']!.gql<{ reverseDisbursement: Record<string, unknown> }>(REVERSE_D, {
        id: d.id,
        i: { amount: '10000', reason: '更正', bookYear: 2035 },
      }),
    ).reverseDisbursement;
    expect(booked).toMatchObject({ year: 2034, bookedYear: 2035, reversesEntryId: String(original!._id) });

    // Unspent: 600000 − 100000 reversed − (200000 − 60000) disbursed = 360000.
    const carried = data(
      await as['f-manager']!.gql<{ carryOver: Record<string, unknown> }>(CARRY, {
        y: 2034,
        a: allocationId,
        m: '300000',
      }),
    ).carryOver;
    expect(carried).toMatchObject({
      year: 2035,
      status: 'APPROVED',
      amount: '300000',
      remaining: '300000',
      carriedFromId: allocationId,
    });
    const tooFar = await as['f-manager']!.gql(CARRY, { y: 2034, a: allocationId, m: '60001' });
    expect(tooFar.errors?.[0]?.message).toMatch(/unspent balance \(60000 fen\)/);
    const kinds = await LedgerEntryModel.find({ kind: { $in: ['CARRY_OUT', 'CARRY_IN'] } }).lean();
    expect(kinds.map((k) => [k.kind, k.year, k.amount]).sort()).toEqual([
      ['CARRY_IN', 2035, 300000],
      ['CARRY_OUT', 2034, 300000],
    ]);
    const y34 = data(await as['f-viewer']!.gql<{ fundYear: Record<string, unknown> }>(YEAR, { y: 2034 })).fundYear;
    const y35 = data(await as['f-viewer']!.gql<{ fundYear: Record<string, unknown> }>(YEAR, { y: 2035 })).fundYear;
    expect(y34).toMatchObject({
      appropriated: '700000',
      allocated: '200000',
      disbursed: '140000',
      available: '500000',
      closed: true,
    });
    expect(y35).toMatchObject({ appropriated: '1300000', allocated: '300000', disbursed: '0', available: '1000000' });
    const rollup = await FundRollupModel.findOne({ year: 2034, projectId: project._id }).lean();
    expect([rollup?.allocated, rollup?.disbursed]).toEqual([200000, 140000]);
    expect(await FundOperationModel.countDocuments({ status: 'PENDING' })).toBe(0);
  });
});
