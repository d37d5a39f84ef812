// Test helpers for the fund tests and the permission matrix: real records made through the services
// by a stand-in administrator (regions must be seeded; the project must exist).
import type { Role } from '@pat/shared';
import { Types } from 'mongoose';
import { loadConfig } from '../../config/config';
import type { Context } from '../../graphql/context';
import { createLoaders } from '../../graphql/loaders';
import { createLogger } from '../../logger';
import { AllocationModel } from './fund.model';
import { approveAllocation, recordAppropriation, recordDisbursement, type AllocationRow } from './fund.service';

let seq = 0;
const next = () => (seq += 1);

/** A service context for a user who need not exist in the database. */
export function fundContext(role: Role = 'admin', id = new Types.ObjectId().toHexString()): Context {
  return {
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    log: createLogger('silent'),
    requestId: 'fixture',
    req: {} as Context['req'],
    res: {} as Context['res'],
    user: { id, username: `fixture-${role}`, displayName: role, role, regionScope: [] },
    sessionTokenHash: null,
    loaders: createLoaders(),
  };
}

export async function appropriate(year: number, amount = 1_000_000_000) {
  return recordAppropriation(fundContext(), { year, amount, source: '市财政', documentRef: `FX-${next()}` });
}

/** A PROPOSED allocation of `project`, proposed by `proposerId` (written straight to the database). */
export async function insertProposal(
  project: { _id: Types.ObjectId; regionPath: string[]; sector: string },
  proposerId: string,
  year = 2045,
  amount = 1_000_000,
): Promise<AllocationRow> {
  const row = {
    _id: new Types.ObjectId(),
    year,
    projectId: project._id,
    regionPath: project.regionPath,
    sector: project.sector,
    amount,
    purpose: '测试',
    fundingSource: '专项',
    status: 'PROPOSED' as const,
    proposedBy: new Types.ObjectId(proposerId),
    proposedAt: new Date(),
    decidedBy: null,
    decidedAt: null,
    reason: null,
    approved: 0,
    disbursed: 0,
    reversed: 0,
    carriedOut: 0,
    remaining: 0,
    carriedFromId: null,
    operationId: null,
    balanceSeq: 0,
  };
  await AllocationModel.collection.insertOne(row);
  return row;
}

/** An APPROVED allocation (the year gets an appropriation first). */
export async function approvedAllocation(
  project: { _id: Types.ObjectId; regionPath: string[]; sector: string },
  year = 2045,
  amount = 1_000_000,
) {
  await appropriate(year, amount * 2);
  const proposal = await insertProposal(project, new Types.ObjectId().toHexString(), year, amount);
  return approveAllocation(fundContext('admin'), String(proposal._id));
}

/** A recorded disbursement against an approved allocation. */
export async function recordedDisbursement(allocation: AllocationRow, amount = 100_000) {
  const n = next();
  return recordDisbursement(fundContext('admin'), {
    allocationId: String(allocation._id),
    amount,
    date: `${allocation.year}-03-03`,
    voucherNo: `FX-V-${n}-${allocation._id.toHexString().slice(-6)}`,
    payee: '收款单位',
    idempotencyKey: `fixture-${n}-${allocation._id.toHexString()}`,
  });
}
