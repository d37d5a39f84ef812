// Test helpers for the agreement tests: real rows written straight to the database (regions must be seeded).
import {
  addDaysToDate,
  officeDate,
  type AgreementKind,
  type CommitmentStatus,
  type CooperationField,
} from '@pat/shared';
import { Types } from 'mongoose';
import { AgreementModel } from './agreement.model';
import { regionTrails } from './agreements.service';
import { CommitmentModel } from './commitment.model';

let seq = 0;

/** Today plus `days` in office time (negative goes back). */
export const inDays = (days: number) => addDaysToDate(officeDate(), days);

export async function insertAgreement(
  fields: Partial<{
    code: string;
    titleZh: string;
    counterpart: string;
    kind: AgreementKind;
    fields: CooperationField[];
    signedOn: string;
    validFrom: string;
    validUntil: string;
    regionCodes: string[];
    archived: boolean;
  }> = {},
) {
  seq += 1;
  const code = fields.code ?? `AGT-${String(seq).padStart(4, '0')}`;
  const titleZh = fields.titleZh ?? `测试协议${seq}`;
  const counterpart = fields.counterpart ?? '上海市';
  const regionCodes = fields.regionCodes ?? ['653125'];
  const regionPaths = [...new Set([...(await regionTrails(regionCodes)).values()].flat())];
  return AgreementModel.create({
    code,
    title: { zh: titleZh, en: `Test agreement ${seq}` },
    counterpart,
    kind: fields.kind ?? 'PARTNER_ASSISTANCE',
    fields: fields.fields ?? ['ECONOMY'],
    signedOn: fields.signedOn ?? '2024-01-15',
    validFrom: fields.validFrom ?? '2024-02-01',
    validUntil: fields.validUntil ?? inDays(1000),
    signatories: ['张三'],
    regionCodes,
    regionPaths,
    search: `${code} ${titleZh} test agreement ${seq} ${counterpart}`.toLowerCase(),
    archived: fields.archived ?? false,
    createdBy: new Types.ObjectId(),
  });
}

export async function insertCommitment(
  agreement: { _id: Types.ObjectId; regionPaths: string[]; archived?: boolean },
  fields: Partial<{ dueDate: string; status: CommitmentStatus; responsibleUnit: string; archived: boolean }> = {},
) {
  seq += 1;
  return CommitmentModel.create({
    agreementId: agreement._id,
    party: seq % 2 ? 'OURS' : 'THEIRS',
    description: { zh: `承诺事项${seq}`, en: `Commitment ${seq}` },
    responsibleUnit: fields.responsibleUnit ?? '市合作交流办',
    dueDate: fields.dueDate ?? inDays(100),
    status: fields.status ?? 'PENDING',
    completedOn: fields.status === 'DONE' ? officeDate() : null,
    regionPaths: agreement.regionPaths,
    agreementArchived: agreement.archived ?? false,
    archived: fields.archived ?? false,
    createdBy: new Types.ObjectId(),
  });
}
