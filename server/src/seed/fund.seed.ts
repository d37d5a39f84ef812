import { officeDate, type AllocationStatus, type LedgerKind } from '@pat/shared';
import { Types } from 'mongoose';
import type { Logger } from '../logger';
import { accountOf, effectsOf, FIELDS, type LedgerEntry, type State } from '../modules/fund/fund.ledger';
import {
  AllocationModel,
  ClaimModel,
  DisbursementModel,
  FundRollupModel,
  FundYearModel,
  LedgerEntryModel,
  PostingModel,
} from '../modules/fund/fund.model';
import { ProjectModel } from '../modules/projects/project.model';
import { UserModel } from '../modules/users/user.model';

type Project = {
  _id: Types.ObjectId;
  code: string;
  regionPath: string[];
  sector: string;
  officerIds: Types.ObjectId[];
  budget?: { specialFund?: number };
};
type Doc = Record<string, unknown> & { _id: Types.ObjectId };

/** The states a demo allocation is left in, per year, one per demo project in turn. */
const PLAN: AllocationStatus[] = [
  'APPROVED',
  'APPROVED',
  'PROPOSED',
  'APPROVED',
  'REJECTED',
  'APPROVED',
  'WITHDRAWN',
  'APPROVED',
  'APPROVED',
  'PROPOSED',
  'APPROVED',
  'APPROVED',
];
const PAYEES = ['喀什地区建筑工程公司', '莎车县教育局', '叶城县人民医院', '泽普县农业农村局', '日喀则市政工程队'];

/** Rounds fen down to whole 万元 (1 万元 = 1 000 000 fen). */
const wan = (fen: number) => Math.floor(fen / 1_000_000) * 1_000_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The special fund's demo: last year (closed) and this year (open), appropriations, allocations in
 * every state for demo projects (within each project's special-fund budget), disbursements over the
 * months, a reversal and an explicit carry-over. Built in memory from the ledger with the same rules
 * the writes use, then inserted; reconcile passes on it. Idempotent: skipped when present.
 */
export async function seedFund(log: Pick<Logger, 'info'>): Promise<void> {
  if (await LedgerEntryModel.exists({ documentRef: /^DEMO-/ })) return;
  const projects = (await ProjectModel.collection
    .find({ code: /^PA-/, 'budget.specialFund': { $gt: 0 } })
    .sort({ code: 1 })
    .limit(PLAN.length)
    .toArray()) as Project[];
  if (projects.length === 0) return;
  const staff = await UserModel.collection.find({ username: { $in: ['officer', 'manager', 'admin'] } }).toArray();
  const idOf = (name: string) =>
    (staff.find((u) => u.username === name)?._id as Types.ObjectId) ?? new Types.ObjectId();
  const [officer, manager, admin] = [idOf('officer'), idOf('manager'), idOf('admin')];

  const today = officeDate();
  const thisYear = Number(today.slice(0, 4));
  const lastYear = thisYear - 1;
  const thisMonth = Number(today.slice(5, 7));
  const entries: LedgerEntry[] = [];
  const allocations: Doc[] = [];
  const disbursements: Doc[] = [];
  const claims: { _id: string; operationId: null; createdAt: Date }[] = [];
  let seq = 0;
  // Deterministic ids, so every machine seeds the same records.
  const nextId = () => new Types.ObjectId(`dec0${pad(thisYear % 100)}${String((seq += 1)).padStart(18, '0')}`);

  const entry = (kind: LedgerKind, fields: Partial<LedgerEntry> & { year: number; amount: number; date: string }) => {
    const e: LedgerEntry = {
      _id: nextId(),
      operationId: `demo-${seq}`,
      kind,
      bookedYear: Number(fields.date.slice(0, 4)),
      month: fields.date.slice(0, 7),
      allocationId: null,
      disbursementId: null,
      projectId: null,
      sector: null,
      reversesEntryId: null,
      counterpartYear: null,
      source: null,
      documentRef: null,
      reason: null,
      createdBy: manager,
      createdAt: new Date(`${fields.date}T09:00:00+08:00`),
      ...fields,
    };
    entries.push(e);
    return e;
  };

  const approvedTotal: Record<number, number> = { [lastYear]: 0, [thisYear]: 0 };
  const plans: { year: number; project: Project; status: AllocationStatus; amount: number }[] = [];
  for (const year of [lastYear, thisYear]) {
    projects.forEach((project, i) => {
      const status = PLAN[(i + (year === thisYear ? 3 : 0)) % PLAN.length]!;
      // Last year 30 %, this year 35 % of the project's special fund: with the carry-over, within budget.
      const amount = wan(((project.budget?.specialFund ?? 0) * (year === thisYear ? 35 : 30)) / 100);
      if (amount <= 0) return;
      plans.push({ year, project, status, amount });
      if (status === 'APPROVED') approvedTotal[year]! += amount;
    });
  }
  for (const year of [lastYear, thisYear]) {
    const total = wan(approvedTotal[year]! * 1.25) + 100_000_000;
    const first = wan(total * 0.6);
    entry('APPROPRIATION', {
      year,
      amount: first,
      date: `${year}-01-20`,
      source: '市级财政对口支援专项资金',
      documentRef: `DEMO-${year}-001`,
    });
    entry('APPROPRIATION', {
      year,
      amount: total - first,
      date: year === thisYear ? `${year}-${pad(Math.min(thisMonth, 6))}-10` : `${year}-06-10`,
      source: '区级配套资金',
      documentRef: `DEMO-${year}-002`,
    });
  }

  let voucher = 0;
  const lastYearApproved: Doc[] = [];
  for (const [i, plan] of plans.entries()) {
    const { year, project, status, amount } = plan;
    const own = project.officerIds.some((o) => String(o) === String(officer));
    // Some pending proposals come from an admin, so the demo manager has some to decide (and some of
    // the manager's own, which separation of duties keeps them from approving).
    const proposedBy = own ? officer : status === 'PROPOSED' && i % 2 === 1 ? admin : manager;
    const decider = own ? manager : admin;
    const proposedAt = new Date(`${year}-02-${pad(1 + (i % 27))}T10:00:00+08:00`);
    const decided = status !== 'PROPOSED';
    const allocation: Doc = {
      _id: nextId(),
      year,
      projectId: project._id,
      regionPath: project.regionPath,
      sector: project.sector,
      amount,
      purpose: `${project.code} 年度建设资金`,
      fundingSource: '对口支援专项资金',
      status,
      proposedBy,
      proposedAt,
      decidedBy: decided ? (status === 'WITHDRAWN' ? proposedBy : decider) : null,
      decidedAt: decided ? new Date(proposedAt.getTime() + 7 * 86_400_000) : null,
      reason: status === 'REJECTED' ? '与年度支持重点不符' : null,
      carriedFromId: null,
      operationId: null,
      createdAt: proposedAt,
      updatedAt: proposedAt,
    };
    allocations.push(allocation);
    if (decided) claims.push({ _id: `decision:${String(allocation._id)}`, operationId: null, createdAt: proposedAt });
    if (status !== 'APPROVED') continue;
    const common = {
      year,
      allocationId: allocation._id,
      projectId: project._id,
      regionPath: project.regionPath,
      sector: project.sector,
    };
    entry('ALLOCATION', { ...common, amount, date: `${year}-03-01` });
    if (year === lastYear) lastYearApproved.push(allocation);
    // Payments over the months: three quarters of the allocation last year, up to half this year.
    const months = year === thisYear ? Math.max(1, Math.min(thisMonth, 6)) : 9;
    const share = year === thisYear ? 50 : 75;
    const each = wan((amount * share) / 100 / months);
    for (let m = 0; m < months && each > 0; m++) {
      const month = year === thisYear ? 1 + m : 3 + m;
      const date = `${year}-${pad(month)}-${pad(5 + ((i + m) % 20))}`;
      const d: Doc = {
        _id: nextId(),
        allocationId: allocation._id,
        projectId: project._id,
        regionPath: project.regionPath,
        sector: project.sector,
        year,
        amount: each,
        date,
        voucherNo: `DEMO-${year}-${String((voucher += 1)).padStart(4, '0')}`,
        payee: PAYEES[(i + m) % PAYEES.length]!,
        note: '',
        idempotencyKey: `demo-${year}-${String(voucher).padStart(4, '0')}`,
        payloadHash: 'demo',
        state: 'RECORDED',
        operationId: `demo-d${voucher}`,
        recordedBy: proposedBy,
        createdAt: new Date(`${date}T11:00:00+08:00`),
        updatedAt: new Date(`${date}T11:00:00+08:00`),
      };
      disbursements.push(d);
      const paid = entry('DISBURSEMENT', { ...common, amount: each, date, disbursementId: d._id });
      if (voucher === 3)
        entry('DISBURSEMENT_REVERSAL', {
          ...common,
          amount: wan(each / 4) || each,
          date: `${year}-${pad(month)}-28`,
          disbursementId: d._id,
          reversesEntryId: paid._id,
          reason: '凭证金额有误，冲回多付部分',
        });
    }
  }

  // Last year closes; part of one allocation's unspent balance is carried over, explicitly.
  const source = lastYearApproved[0];
  if (source) {
    const amount = wan(Number(source.amount) / 10);
    const next: Doc = {
      ...source,
      _id: nextId(),
      year: thisYear,
      amount,
      status: 'APPROVED',
      fundingSource: `carry-over from ${lastYear}`,
      proposedBy: manager,
      proposedAt: new Date(`${thisYear}-01-05T10:00:00+08:00`),
      decidedBy: manager,
      decidedAt: new Date(`${thisYear}-01-05T10:00:00+08:00`),
      carriedFromId: source._id,
    };
    allocations.push(next);
    const common = {
      projectId: source.projectId as Types.ObjectId,
      regionPath: source.regionPath as string[],
      sector: String(source.sector),
    };
    const date = `${thisYear}-01-05`;
    entry('CARRY_OUT', {
      ...common,
      year: lastYear,
      amount,
      date,
      allocationId: source._id,
      counterpartYear: thisYear,
    });
    entry('CARRY_IN', { ...common, year: thisYear, amount, date, allocationId: next._id, counterpartYear: lastYear });
  }

  // Balances: the ledger summed with the write rules, one posting per account.
  const states = new Map<string, State>();
  for (const e of entries)
    for (const effect of effectsOf(e)) {
      const account = accountOf(effect.model, effect.id);
      const state = states.get(account) ?? {};
      for (const [field, value] of Object.entries(effect.inc)) state[field] = (state[field] ?? 0) + value;
      states.set(account, state);
    }
  const closedAt = new Date(`${thisYear}-01-04T18:00:00+08:00`).getTime();
  states.set(accountOf('year', String(lastYear)), {
    ...states.get(accountOf('year', String(lastYear))),
    closed: 1,
    closedAt,
  });
  const cached = (model: keyof typeof FIELDS, id: string) => {
    const state = states.get(accountOf(model, id)) ?? {};
    const fields: Record<string, unknown> = { balanceSeq: states.has(accountOf(model, id)) ? 1 : 0 };
    for (const field of FIELDS[model]) fields[field] = state[field] ?? 0;
    return fields;
  };
  const rollups = [...states.keys()]
    .filter((a) => a.startsWith('rollup:'))
    .map((account) => {
      const id = account.slice('rollup:'.length);
      const [year, projectId] = id.split(':') as [string, string];
      const project = projects.find((p) => String(p._id) === projectId)!;
      return {
        _id: id,
        year: Number(year),
        projectId: project._id,
        regionPath: project.regionPath,
        sector: project.sector,
        ...cached('rollup', id),
      };
    });
  const years = [lastYear, thisYear].map((year) => {
    const fields = cached('year', String(year));
    return {
      year,
      ...fields,
      closed: year === lastYear,
      closedAt: year === lastYear ? closedAt : null,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
  });

  await FundYearModel.collection.deleteMany({ year: { $in: [lastYear, thisYear] }, balanceSeq: { $in: [0, null] } });
  await FundYearModel.collection.insertMany(years);
  await AllocationModel.collection.insertMany(
    allocations.map((a) => ({ ...a, ...cached('allocation', String(a._id)) })),
  );
  await DisbursementModel.collection.insertMany(
    disbursements.map((d) => ({ ...d, ...cached('disbursement', String(d._id)) })),
  );
  await FundRollupModel.collection.insertMany(rollups as unknown as Record<string, unknown>[]);
  await ClaimModel.collection.insertMany(claims as unknown as Record<string, unknown>[]);
  await PostingModel.collection.insertMany(
    [...states].map(([account, state]) => ({
      _id: `${account}#1`,
      account,
      seq: 1,
      state,
      operationId: 'demo-seed',
      createdAt: new Date(),
    })) as unknown as Record<string, unknown>[],
  );
  await LedgerEntryModel.collection.insertMany(entries as unknown as Record<string, unknown>[]);
  log.info(
    {
      fundYears: 2,
      allocations: allocations.length,
      disbursements: disbursements.length,
      ledgerEntries: entries.length,
    },
    'special fund demo seeded',
  );
}
