import {
  AGREEMENT_KINDS,
  COOPERATION_FIELDS,
  DEFAULT_DAC_CODE,
  LIAISON_KINDS,
  officeDate,
  SECTORS,
  type LedgerKind,
  type ProjectStatus,
} from '@pat/shared';
import { Types, type mongo } from 'mongoose';
import type { Logger } from '../logger';
import { AgreementModel } from '../modules/agreements/agreement.model';
import { CommitmentModel } from '../modules/agreements/commitment.model';
import { refreshAgreementWatch } from '../modules/agreements/agreement-watch';
import { expectedFrom, rebuildRollups, writeAllRollups } from '../modules/analytics/rollup.maintain';
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
import { LiaisonActivityModel } from '../modules/liaison/liaison-activity.model';
import { MilestoneModel } from '../modules/milestones/milestone.model';
import { ProjectModel } from '../modules/projects/project.model';
import { UserModel } from '../modules/users/user.model';
import { seedBase } from './demo';
import { addDays, seededRandom } from './random';
import { REGION_SEED } from './regions.data';

// `npm run seed -- --scale 1`: ten years of a busy office (PRODUCT.md "Scale to plan for": 20,000
// projects, 200,000 milestones, 500,000 ledger entries, 3,000 agreements, 50,000 liaison entries at
// scale 1), deterministic, written with unordered bulk inserts, the special fund posted with the
// write rules (so reconcile passes) and the dashboard's roll-ups built from scratch at the end.
// For an empty database (or one with only the demo base): codes start with SC- and are not re-added.

type Doc = Record<string, unknown> & { _id: Types.ObjectId };
type Log = Pick<Logger, 'info'>;

const BATCH = 2000;
const YEARS = 10;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Whole 万元 in fen. */
const wan = (fen: number) => Math.floor(fen / 1_000_000) * 1_000_000;

async function insertAll(collection: mongo.Collection, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH)
    await collection.insertMany(docs.slice(i, i + BATCH) as Record<string, unknown>[], { ordered: false });
}

const pathOf = (code: string): string[] => {
  const r = REGION_SEED.find((x) => x.code === code);
  return r?.parentCode ? [...pathOf(r.parentCode), code] : [code];
};

/** A status that fits a project's planned span, relative to today. */
function statusFor(rnd: ReturnType<typeof seededRandom>, start: string, end: string, today: string): ProjectStatus {
  const x = rnd.next();
  if (x < 0.04) return 'CANCELLED';
  if (x < 0.08) return 'SUSPENDED';
  if (end < today) return x < 0.6 ? 'ACCEPTED' : 'COMPLETED';
  if (start > today) return x < 0.5 ? 'PROPOSED' : 'APPROVED';
  return x < 0.85 ? 'IN_PROGRESS' : 'APPROVED';
}

export type ScaleReport = Record<string, number>;

export async function seedScale(scale: number, log: Log): Promise<ScaleReport> {
  if (!(scale > 0 && scale <= 10)) throw new Error('--scale must be a number above 0 and at most 10');
  const started = Date.now();
  await seedBase(log);
  if (await ProjectModel.exists({ code: /^SC-/ })) {
    log.info({}, 'scale data already present: nothing added');
    return {};
  }
  // Ten years of fund balances are written whole: they cannot be merged into an existing ledger.
  if (await LedgerEntryModel.exists({}))
    throw new Error('--scale needs a database without special-fund records: use a fresh DATA_DIR or MONGODB_DB');
  const othersExist = !!(await ProjectModel.exists({}));
  const rnd = seededRandom(Math.round(scale * 1_000_000) + 7);
  const today = officeDate();
  const thisYear = Number(today.slice(0, 4));
  const firstYear = thisYear - YEARS + 1;
  const staff = await UserModel.collection.find({ username: { $in: ['officer', 'manager', 'admin'] } }).toArray();
  const manager = (staff.find((u) => u.username === 'manager')?._id as Types.ObjectId) ?? new Types.ObjectId();
  const officer = (staff.find((u) => u.username === 'officer')?._id as Types.ObjectId) ?? manager;
  const places = REGION_SEED.filter((r) => r.level !== 'province');
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  const dateIn = (year: number, from = 1, to = 12) => `${year}-${pad(rnd.int(from, to))}-${pad(rnd.int(1, 28))}`;

  // ---------------------------------------------------------------- projects and milestones
  const projects: Doc[] = [];
  const milestones: Doc[] = [];
  for (let i = 0; i < n(20_000); i++) {
    const startYear = rnd.int(firstYear, thisYear);
    const plannedStart = dateIn(startYear, 1, 9);
    const plannedEnd = addDays(plannedStart, rnd.int(180, 1000));
    const sector = rnd.pick(SECTORS);
    const region = rnd.pick(places);
    const status = statusFor(rnd, plannedStart, plannedEnd, today);
    const active = status !== 'PROPOSED' && status !== 'APPROVED' && status !== 'CANCELLED';
    const id = new Types.ObjectId();
    const span = Date.parse(plannedEnd) - Date.parse(plannedStart);
    const count = rnd.int(6, 14);
    const ms: Doc[] = [];
    for (let k = 0; k < count; k++) {
      const plannedDate = addDays(plannedStart, Math.round(((k + 1) * span) / 86_400_000 / count));
      const late = rnd.next();
      // Most past milestones are done, many on time; some late, some still open (overdue).
      const done = status === 'ACCEPTED' || status === 'COMPLETED' || (active && plannedDate < today && late < 0.85);
      const doneOn = addDays(plannedDate, late < 0.55 ? -rnd.int(0, 20) : rnd.int(1, 60));
      const actualDate = done ? (doneOn > today ? today : doneOn) : null;
      ms.push({
        _id: new Types.ObjectId(),
        projectId: id,
        regionPath: pathOf(region.code),
        title: { zh: `里程碑 ${k + 1}`, en: `Milestone ${k + 1}` },
        plannedDate,
        actualDate,
        percentComplete: done ? 100 : active && plannedDate < addDays(today, 90) ? rnd.int(10, 90) : 0,
        status: done ? 'DONE' : plannedDate < today && active ? (late < 0.9 ? 'LATE' : 'AT_RISK') : 'PENDING',
        onTime: done ? Boolean(actualDate && actualDate <= plannedDate) : null,
        note: '',
        loggedBy: i % 3 === 0 ? officer : manager,
        loggedAt: new Date(),
        archived: false,
        createdAt: new Date(),
        updatedAt: new Date(),
        version: 0,
      });
    }
    const open = ms
      .filter((m) => m.status !== 'DONE')
      .map((m) => String(m.plannedDate))
      .sort();
    const code = `SC-${startYear}-${pad(i + 1, 6)}`;
    const name = { zh: `${region.zh}援建项目${i + 1}`, en: `${region.en} project ${i + 1}` };
    milestones.push(...ms);
    projects.push({
      _id: id,
      code,
      name,
      description: { zh: '', en: '' },
      regionCode: region.code,
      regionPath: pathOf(region.code),
      sector,
      dacCode: DEFAULT_DAC_CODE[sector],
      implementingUnit: '市合作交流办',
      officerIds: [i % 3 === 0 ? officer : manager],
      agreementIds: [],
      plannedStart,
      plannedEnd,
      actualStart: active ? plannedStart : null,
      actualEnd: status === 'COMPLETED' || status === 'ACCEPTED' ? plannedEnd : null,
      budget: { specialFund: rnd.int(50, 3000) * 1_000_000, districtBudget: rnd.int(0, 500) * 1_000_000, donation: 0 },
      budgetTotal: 0,
      status,
      statusReason: status === 'SUSPENDED' || status === 'CANCELLED' ? '规模数据' : null,
      risk: rnd.pick(['LOW', 'LOW', 'MEDIUM', 'HIGH'] as const),
      indicators: [],
      milestoneCount: ms.length,
      milestoneDoneCount: ms.length - open.length,
      nextDueDate: open[0] ?? null,
      progress: Math.round(ms.reduce((s, m) => s + Number(m.percentComplete), 0) / ms.length),
      search: `${code} ${name.zh} ${name.en}`.toLowerCase(),
      archived: false,
      createdBy: manager,
      createdAt: new Date(),
      updatedAt: new Date(),
      version: 0,
    });
  }
  for (const p of projects) {
    const b = p.budget as { specialFund: number; districtBudget: number; donation: number };
    p.budgetTotal = b.specialFund + b.districtBudget + b.donation;
  }

  // ---------------------------------------------------------------- the special fund
  const entries: LedgerEntry[] = [];
  const allocations: Doc[] = [];
  const disbursements: Doc[] = [];
  const claims: { _id: string; operationId: null; createdAt: Date }[] = [];
  let voucher = 0;
  const entry = (kind: LedgerKind, fields: Partial<LedgerEntry> & { year: number; amount: number; date: string }) => {
    const e: LedgerEntry = {
      _id: new Types.ObjectId(),
      operationId: `scale-${entries.length + 1}`,
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
  const lastDay = (year: number) => (year === thisYear ? today : `${year}-12-31`);
  const approved: Record<number, number> = {};
  const byYear = new Map<number, Doc[]>();
  for (const p of projects) {
    if (p.status === 'PROPOSED' || p.status === 'CANCELLED') continue;
    const from = Number(String(p.plannedStart).slice(0, 4));
    const to = Math.min(thisYear, Number(String(p.plannedEnd).slice(0, 4)));
    for (let y = from; y <= to; y++) byYear.set(y, [...(byYear.get(y) ?? []), p]);
  }
  for (const [year, list] of [...byYear].sort(([a], [b]) => a - b)) {
    for (const p of list) {
      const decidedOn = `${year}-${pad(rnd.int(1, 2))}-${pad(rnd.int(1, 28))}`;
      if (decidedOn > today) continue;
      const span = Number(String(p.plannedEnd).slice(0, 4)) - Number(String(p.plannedStart).slice(0, 4)) + 1;
      const amount = wan(((p.budget as { specialFund: number }).specialFund * rnd.int(60, 95)) / 100 / span);
      if (amount <= 0) continue;
      const x = rnd.next();
      const status = x < 0.04 ? 'REJECTED' : year === thisYear && x < 0.12 ? 'PROPOSED' : 'APPROVED';
      const proposedAt = new Date(`${year}-01-0${rnd.int(1, 9)}T10:00:00+08:00`);
      const allocation: Doc = {
        _id: new Types.ObjectId(),
        year,
        projectId: p._id,
        regionPath: p.regionPath,
        sector: p.sector,
        amount,
        purpose: `${String(p.code)} 年度资金`,
        fundingSource: '对口支援专项资金',
        status,
        proposedBy: officer,
        proposedAt,
        decidedBy: status === 'PROPOSED' ? null : manager,
        decidedAt: status === 'PROPOSED' ? null : new Date(`${decidedOn}T10:00:00+08:00`),
        reason: status === 'REJECTED' ? '超出年度支持范围' : null,
        carriedFromId: null,
        operationId: null,
        createdAt: proposedAt,
        updatedAt: proposedAt,
      };
      allocations.push(allocation);
      if (status === 'PROPOSED') continue;
      claims.push({ _id: `decision:${String(allocation._id)}`, operationId: null, createdAt: proposedAt });
      if (status !== 'APPROVED') continue;
      approved[year] = (approved[year] ?? 0) + amount;
      const common = {
        year,
        allocationId: allocation._id,
        projectId: p._id,
        regionPath: p.regionPath as string[],
        sector: String(p.sector),
      };
      entry('ALLOCATION', { ...common, amount, date: decidedOn });
      // Monthly payments from the month after the decision, up to about 90 % of the allocation.
      const payments = rnd.int(8, 13);
      const each = wan((amount * rnd.int(70, 90)) / 100 / payments);
      for (let k = 0; k < payments && each > 0; k++) {
        const month =
          Number(decidedOn.slice(5, 7)) + 1 + Math.floor((k * (12 - Number(decidedOn.slice(5, 7)))) / payments);
        const date = `${year}-${pad(Math.min(12, month))}-${pad(rnd.int(1, 28))}`;
        if (date > lastDay(year)) break;
        voucher += 1;
        const d: Doc = {
          _id: new Types.ObjectId(),
          allocationId: allocation._id,
          projectId: p._id,
          regionPath: p.regionPath,
          sector: p.sector,
          year,
          amount: each,
          date,
          voucherNo: `SC-${year}-${pad(voucher, 7)}`,
          payee: '项目实施单位',
          note: '',
          idempotencyKey: `scale-${voucher}`,
          payloadHash: 'scale',
          state: 'RECORDED',
          operationId: `scale-d${voucher}`,
          recordedBy: manager,
          createdAt: new Date(`${date}T11:00:00+08:00`),
          updatedAt: new Date(`${date}T11:00:00+08:00`),
        };
        disbursements.push(d);
        const paid = entry('DISBURSEMENT', { ...common, amount: each, date, disbursementId: d._id });
        if (rnd.next() < 0.01)
          entry('DISBURSEMENT_REVERSAL', {
            ...common,
            amount: wan(each / 4) || each,
            date,
            disbursementId: d._id,
            reversesEntryId: paid._id,
            reason: '凭证金额有误',
          });
      }
    }
  }
  const fundYears = [...new Set([...byYear.keys(), thisYear])].sort((a, b) => a - b);
  for (const year of fundYears) {
    const total = wan((approved[year] ?? 0) * 1.15) + 100_000_000;
    entry('APPROPRIATION', {
      year,
      amount: total,
      date: `${year}-01-01`,
      source: '市级财政对口支援专项资金',
      documentRef: `SC-${year}-001`,
    });
  }
  const states = new Map<string, State>();
  for (const e of entries)
    for (const effect of effectsOf(e)) {
      const account = accountOf(effect.model, effect.id);
      const state = states.get(account) ?? {};
      for (const [field, value] of Object.entries(effect.inc)) state[field] = (state[field] ?? 0) + value;
      states.set(account, state);
    }
  // Past years are closed on 10 January of the next year.
  const closedAt = (year: number) => new Date(`${year + 1}-01-10T18:00:00+08:00`).getTime();
  for (const year of fundYears)
    if (year < thisYear)
      states.set(accountOf('year', String(year)), {
        ...states.get(accountOf('year', String(year))),
        closed: 1,
        closedAt: closedAt(year),
      });
  const cached = (model: keyof typeof FIELDS, id: string) => {
    const state = states.get(accountOf(model, id)) ?? {};
    const fields: Record<string, unknown> = { balanceSeq: states.has(accountOf(model, id)) ? 1 : 0 };
    for (const field of FIELDS[model]) fields[field] = state[field] ?? 0;
    return fields;
  };
  const projectById = new Map(projects.map((p) => [String(p._id), p]));
  const rollups = [...states.keys()]
    .filter((a) => a.startsWith('rollup:'))
    .map((account) => {
      const id = account.slice('rollup:'.length);
      const [year, projectId] = id.split(':') as [string, string];
      const p = projectById.get(projectId)!;
      return {
        _id: id,
        year: Number(year),
        projectId: p._id,
        regionPath: p.regionPath,
        sector: p.sector,
        ...cached('rollup', id),
      };
    });

  // ---------------------------------------------------------------- agreements, commitments, liaison
  const agreements: Doc[] = [];
  const commitments: Doc[] = [];
  for (let i = 0; i < n(3_000); i++) {
    const regions = [rnd.pick(places).code];
    if (rnd.next() < 0.3) regions.push(rnd.pick(places).code);
    const codes = [...new Set(regions)];
    const regionPaths = [...new Set(codes.flatMap(pathOf))];
    const signedOn = dateIn(rnd.int(firstYear, thisYear));
    const validUntil = addDays(signedOn, rnd.int(365, 365 * 5));
    const code = `SC-AG-${pad(i + 1, 5)}`;
    const title = { zh: `合作协议 ${i + 1}`, en: `Cooperation agreement ${i + 1}` };
    const id = new Types.ObjectId();
    agreements.push({
      _id: id,
      code,
      title,
      counterpart: `${REGION_SEED.find((r) => r.code === codes[0])?.zh ?? ''}人民政府`,
      kind: rnd.pick(AGREEMENT_KINDS),
      fields: [rnd.pick(COOPERATION_FIELDS)],
      signedOn,
      validFrom: signedOn,
      validUntil,
      signatories: [],
      regionCodes: codes,
      regionPaths,
      note: '',
      search: `${code} ${title.zh} ${title.en}`.toLowerCase(),
      archived: false,
      createdBy: manager,
      createdAt: new Date(),
      updatedAt: new Date(),
      version: 0,
    });
    for (let k = rnd.int(1, 5); k > 0; k--) {
      const dueDate = addDays(signedOn, rnd.int(60, 900));
      const x = rnd.next();
      const status =
        dueDate < today
          ? x < 0.8
            ? 'DONE'
            : x < 0.85
              ? 'CANCELLED'
              : 'IN_PROGRESS'
          : x < 0.5
            ? 'PENDING'
            : 'IN_PROGRESS';
      commitments.push({
        _id: new Types.ObjectId(),
        agreementId: id,
        party: rnd.next() < 0.5 ? 'OURS' : 'THEIRS',
        description: { zh: `承诺事项 ${k}`, en: `Commitment ${k}` },
        responsibleUnit: '市合作交流办',
        dueDate,
        status,
        statusNote: status === 'CANCELLED' ? '规模数据' : '',
        completedOn: status === 'DONE' ? dueDate : null,
        regionPaths,
        agreementArchived: false,
        archived: false,
        createdBy: manager,
        createdAt: new Date(),
        updatedAt: new Date(),
        version: 0,
      });
    }
  }
  const liaison: Doc[] = [];
  for (let i = 0; i < n(50_000); i++) {
    const region = rnd.pick(places);
    const title = `联络活动 ${i + 1}`;
    liaison.push({
      _id: new Types.ObjectId(),
      kind: rnd.pick(LIAISON_KINDS),
      date: dateIn(rnd.int(firstYear, thisYear)),
      regionCode: region.code,
      regionPath: pathOf(region.code),
      title,
      participants: [],
      summary: '',
      receptionExpenses: rnd.int(0, 20) * 100_000,
      followUpOwnerIds: [],
      search: title.toLowerCase(),
      archived: false,
      createdBy: manager,
      createdAt: new Date(),
      updatedAt: new Date(),
      version: 0,
    });
  }

  // ---------------------------------------------------------------- write
  const written = Date.now();
  await insertAll(ProjectModel.collection, projects);
  await insertAll(MilestoneModel.collection, milestones);
  await insertAll(AgreementModel.collection, agreements);
  await insertAll(CommitmentModel.collection, commitments);
  await insertAll(LiaisonActivityModel.collection, liaison);
  await FundYearModel.collection.deleteMany({ year: { $in: fundYears }, balanceSeq: { $in: [0, null] } });
  await insertAll(
    FundYearModel.collection,
    fundYears.map((year) => ({
      year,
      ...cached('year', String(year)),
      closed: year < thisYear,
      closedAt: year < thisYear ? closedAt(year) : null,
      createdAt: new Date(),
      updatedAt: new Date(),
    })),
  );
  await insertAll(
    AllocationModel.collection,
    allocations.map((a) => ({ ...a, ...cached('allocation', String(a._id)) })),
  );
  await insertAll(
    DisbursementModel.collection,
    disbursements.map((d) => ({ ...d, ...cached('disbursement', String(d._id)) })),
  );
  await insertAll(FundRollupModel.collection, rollups);
  await insertAll(ClaimModel.collection, claims);
  await insertAll(
    PostingModel.collection,
    [...states].map(([account, state]) => ({
      _id: `${account}#1`,
      account,
      seq: 1,
      state,
      operationId: 'scale-seed',
      createdAt: new Date(),
    })),
  );
  await insertAll(LedgerEntryModel.collection, entries);

  // The dashboard's roll-ups, from scratch: from the records in memory when they are all there is.
  const rolled = Date.now();
  const regions = REGION_SEED.map((r) => ({
    code: r.code,
    parentCode: r.parentCode,
    ancestors: pathOf(r.code).slice(0, -1),
  }));
  const cells = othersExist
    ? await rebuildRollups()
    : await writeAllRollups(
        expectedFrom(regions, projects as never, milestones as never, rollups as never, entries as never),
      );
  await refreshAgreementWatch(); // the dashboard's agreement lists, from the records just written

  const report: ScaleReport = {
    scale,
    projects: projects.length,
    milestones: milestones.length,
    ledgerEntries: entries.length,
    allocations: allocations.length,
    disbursements: disbursements.length,
    agreements: agreements.length,
    commitments: commitments.length,
    liaisonActivities: liaison.length,
    rollupCells: cells,
    generateMs: written - started,
    writeMs: rolled - written,
    rollupMs: Date.now() - rolled,
    totalMs: Date.now() - started,
  };
  log.info(report, 'scale data seeded');
  return report;
}
