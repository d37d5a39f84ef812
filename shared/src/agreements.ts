import { z } from 'zod';
import { officeDate } from './dates';
import { LIMITS } from './limits';
import { isoDate, localizedText, projectCodeSchema } from './projects';

export const AGREEMENT_KINDS = ['FRAMEWORK', 'PARTNER_ASSISTANCE', 'MEMORANDUM'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const COOPERATION_FIELDS = [
  'ECONOMY',
  'SCIENCE_TECHNOLOGY',
  'INFRASTRUCTURE',
  'TALENT',
  'EDUCATION',
  'CULTURE',
  'HEALTH',
  'SERVICES',
] as const;
export type CooperationField = (typeof COOPERATION_FIELDS)[number];

export const COMMITMENT_PARTIES = ['OURS', 'THEIRS'] as const;
export type CommitmentParty = (typeof COMMITMENT_PARTIES)[number];

export const COMMITMENT_STATUSES = ['PENDING', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Commitments in these states are finished: they are never overdue. */
export const CLOSED_COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['DONE', 'CANCELLED'];
/** Moving a commitment into these states needs a note saying why. */
export const COMMITMENT_STATUSES_NEEDING_NOTE: readonly CommitmentStatus[] = ['CANCELLED'];

/** An agreement whose validity ends within this many days (office time) is flagged as expiring soon. */
export const AGREEMENT_EXPIRY_WARNING_DAYS = 90;

/** The calendar date `days` days after `date` (both YYYY-MM-DD; negative days go back). */
export function addDaysToDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Validity ended before today (office time). */
export const isAgreementExpired = (validUntil: string, today: string = officeDate()): boolean => validUntil < today;

/** Still valid, and the validity ends within the warning period. */
export const isAgreementExpiringSoon = (
  validUntil: string,
  today: string = officeDate(),
  days: number = AGREEMENT_EXPIRY_WARNING_DAYS,
): boolean => validUntil >= today && validUntil <= addDaysToDate(today, days);

/** A commitment is overdue when its due date has passed (office time) and it is neither done nor cancelled. */
export const isCommitmentOverdue = (dueDate: string, status: string, today: string = officeDate()): boolean =>
  !(CLOSED_COMMITMENT_STATUSES as readonly string[]).includes(status) && dueDate < today;

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const regionCode = z.string().regex(/^\d{6}$/, 'must be a 6-digit region code');

/** Same format rule as project codes. */
export const agreementCodeSchema = projectCodeSchema;

const uniqueList = <T>(list: T[]) => [...new Set(list)];

// Without defaults: in an update an absent field means "unchanged", so defaults apply on create only.
const agreementFields = {
  title: localizedText(),
  counterpart: text(LIMITS.shortText).min(1, 'is required'),
  kind: z.enum(AGREEMENT_KINDS),
  fields: z.array(z.enum(COOPERATION_FIELDS)).max(COOPERATION_FIELDS.length).transform(uniqueList),
  signedOn: isoDate,
  validFrom: isoDate,
  validUntil: isoDate,
  signatories: z.array(text(100).min(1, 'is required')).max(20, 'must list at most 20 signatories'),
  regionCodes: z
    .array(regionCode)
    .min(1, 'must name at least one recipient region')
    .max(50, 'must name at most 50 regions')
    .transform(uniqueList),
  note: text(LIMITS.longText),
};

const validityInOrder = (a: { validFrom?: string; validUntil?: string }, ctx: z.RefinementCtx) => {
  if (a.validFrom && a.validUntil && a.validUntil < a.validFrom)
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'must not be before validFrom' });
};

export const createAgreementInput = z
  .object({
    code: agreementCodeSchema,
    ...agreementFields,
    fields: agreementFields.fields.default([]),
    signatories: agreementFields.signatories.default([]),
    note: agreementFields.note.default(''),
  })
  .strict()
  .superRefine(validityInOrder);
export type CreateAgreementInput = z.infer<typeof createAgreementInput>;

export const updateAgreementInput = z.object(agreementFields).partial().strict().superRefine(validityInOrder);
export type UpdateAgreementInput = z.infer<typeof updateAgreementInput>;

const commitmentFields = {
  party: z.enum(COMMITMENT_PARTIES),
  description: localizedText(1000),
  responsibleUnit: text(LIMITS.shortText).min(1, 'is required'),
  dueDate: isoDate,
};

export const commitmentInput = z
  .object({
    ...commitmentFields,
    status: z.enum(COMMITMENT_STATUSES).default('PENDING'),
    statusNote: text(1000).default(''),
    completedOn: isoDate.nullable().optional(),
  })
  .strict();
export type CommitmentInput = z.infer<typeof commitmentInput>;

/** The status changes only through changeCommitmentStatus. */
export const updateCommitmentInput = z.object(commitmentFields).partial().strict();
export type UpdateCommitmentInput = z.infer<typeof updateCommitmentInput>;

export const commitmentStatusChange = z
  .object({
    status: z.enum(COMMITMENT_STATUSES),
    note: text(1000).default(''),
    completedOn: isoDate.nullable().optional(),
  })
  .strict();
