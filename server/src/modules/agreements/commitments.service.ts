import { afterWrite } from '../analytics/rollup.maintain';
import { OPEN_STATUSES, refreshAgreementWatch } from './agreement-watch';
import {
  COMMITMENT_STATUSES_NEEDING_NOTE,
  commitmentInput,
  commitmentStatusChange,
  officeDate,
  updateCommitmentInput,
  type CommitmentStatus,
} from '@pat/shared';
import { Types } from 'mongoose';
import type { Context, CurrentUser } from '../../graphql/context';
import { badInput, conflict, fromZod, notFound } from '../../graphql/errors';
import { connection, type PageArgs } from '../../graphql/pagination';
import { recordAudit } from '../audit/audit.service';
import { canReadAgreement } from './agreements.policy';
import { writableAgreement, type AgreementRow } from './agreements.service';
import { CommitmentModel } from './commitment.model';

export type CommitmentRow = Record<string, unknown> & {
  _id: Types.ObjectId;
  agreementId: Types.ObjectId;
  status: CommitmentStatus;
  dueDate: string;
  completedOn: string | null;
  regionPaths: string[];
  archived: boolean;
  version: number;
};

export type CommitmentFilter = {
  agreementId?: string | null;
  status?: string | null;
  overdueOnly?: boolean | null;
  regionCode?: string | null;
  responsibleUnit?: string | null;
  includeArchived?: boolean | null;
};

/** The database filter for a commitment list: the user's region scope and the filters they chose. */
export function commitmentFilter(user: CurrentUser, f: CommitmentFilter = {}): Record<string, unknown> {
  const either = { $in: [true, false] };
  const and: Record<string, unknown>[] = [
    { archived: f.includeArchived ? either : false },
    { agreementArchived: f.includeArchived ? either : false },
  ];
  if (user.regionScope.length > 0) and.push({ regionPaths: { $in: user.regionScope } });
  if (f.agreementId) {
    if (!Types.ObjectId.isValid(f.agreementId)) throw badInput('filter.agreementId', 'is not a valid id');
    and.push({ agreementId: new Types.ObjectId(f.agreementId) });
  }
  if (f.regionCode) and.push({ regionPaths: f.regionCode });
  if (f.status) and.push({ status: f.status });
  if (f.responsibleUnit?.trim()) and.push({ responsibleUnit: f.responsibleUnit.trim() });
  if (f.overdueOnly) and.push({ status: { $in: OPEN_STATUSES } }, { dueDate: { $lt: officeDate() } });
  return { $and: and };
}

export function listCommitments(user: CurrentUser, filter: CommitmentFilter, page: PageArgs) {
  return connection<CommitmentRow>(
    CommitmentModel,
    commitmentFilter(user, filter),
    { field: 'dueDate', direction: 1 },
    page,
  );
}

/** The commitment and its agreement, if the user may change them. Out of scope answers NOT_FOUND. */
async function writableCommitment(
  ctx: Context,
  id: string,
): Promise<{ commitment: CommitmentRow; agreement: AgreementRow }> {
  if (!Types.ObjectId.isValid(id)) throw badInput('id', 'is not a valid id');
  const commitment = (await CommitmentModel.collection.findOne({
    _id: new Types.ObjectId(id),
  })) as CommitmentRow | null;
  if (!commitment || !canReadAgreement(ctx.user!, commitment)) throw notFound('Commitment', id);
  const agreement = await writableAgreement(ctx, String(commitment.agreementId)).catch((e: unknown) => {
    // A commitment of an agreement out of reach is as unknown as the agreement.
    if ((e as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') throw notFound('Commitment', id);
    throw e;
  });
  if (agreement.archived) throw badInput('id', `belongs to agreement ${agreement.code}, which is archived`);
  return { commitment, agreement };
}

/** The completion date a status change leaves: DONE needs one (today unless given), other states none. */
function completionDate(
  status: CommitmentStatus,
  given: string | null | undefined,
  current: string | null,
  field: string,
): string | null {
  if (status !== 'DONE') {
    if (given) throw badInput(field, 'is only for a commitment that is DONE');
    return null;
  }
  const date = given ?? current ?? officeDate();
  if (date > officeDate()) throw badInput(field, 'must not be in the future');
  return date;
}

export async function createCommitment(ctx: Context, agreementId: string, raw: unknown) {
  const agreement = await writableAgreement(ctx, agreementId, 'agreementId');
  if (agreement.archived) throw badInput('agreementId', `agreement ${agreement.code} is archived`);
  const parsed = commitmentInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  const input = parsed.data;
  if (COMMITMENT_STATUSES_NEEDING_NOTE.includes(input.status) && !input.statusNote)
    throw badInput('input.statusNote', `is required for a commitment that is ${input.status}`);
  const created = await CommitmentModel.create({
    ...input,
    completedOn: completionDate(input.status, input.completedOn, null, 'input.completedOn'),
    agreementId: agreement._id,
    regionPaths: agreement.regionPaths,
    createdBy: new Types.ObjectId(ctx.user!.id),
  });
  const row = created.toObject() as unknown as CommitmentRow;
  await recordAudit(ctx, { action: 'create', kind: 'Commitment', recordId: String(row._id), before: null, after: row });
  afterWrite(refreshAgreementWatch);
  return row;
}

/** Applies `changes` only if the commitment is still at `version`; otherwise CONFLICT and nothing changes. */
async function writeCommitment(
  ctx: Context,
  before: CommitmentRow,
  version: number,
  changes: Record<string, unknown>,
  action: string,
) {
  const updated = (await CommitmentModel.collection.findOneAndUpdate(
    { _id: before._id, version },
    { $set: { ...changes, updatedAt: new Date() }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  )) as CommitmentRow | null;
  if (!updated)
    throw conflict(
      `This commitment was changed by someone else (now version ${before.version}, you sent ${version}); reload and try again.`,
      { currentVersion: before.version },
    );
  await recordAudit(ctx, { action, kind: 'Commitment', recordId: String(before._id), before, after: updated });
  afterWrite(refreshAgreementWatch);
  return updated;
}

export async function updateCommitment(ctx: Context, id: string, version: number, raw: unknown) {
  const { commitment } = await writableCommitment(ctx, id);
  const parsed = updateCommitmentInput.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error, 'input');
  return writeCommitment(ctx, commitment, version, { ...parsed.data }, 'update');
}

export async function changeCommitmentStatus(ctx: Context, id: string, version: number, raw: unknown) {
  const { commitment } = await writableCommitment(ctx, id);
  const parsed = commitmentStatusChange.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error);
  const { status, note, completedOn } = parsed.data;
  if (COMMITMENT_STATUSES_NEEDING_NOTE.includes(status) && !note)
    throw badInput('note', `is required to move a commitment to ${status}`);
  const current = commitment.status === 'DONE' ? commitment.completedOn : null;
  const changes = {
    status,
    statusNote: note,
    completedOn: completionDate(status, completedOn, current, 'completedOn'),
  };
  return writeCommitment(ctx, commitment, version, changes, `status:${status}`);
}

export async function archiveCommitment(ctx: Context, id: string, version: number) {
  const { commitment } = await writableCommitment(ctx, id);
  if (commitment.archived) throw badInput('id', 'the commitment is already archived');
  return writeCommitment(ctx, commitment, version, { archived: true }, 'archive');
}
