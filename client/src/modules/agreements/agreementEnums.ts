import type {
  AgreementKind,
  AgreementSortField,
  CommitmentParty,
  CommitmentStatus,
  CooperationField,
} from '../../generated/graphql';

// The API's enum values in display order; `satisfies` makes a value the schema lacks a type error.
export const AGREEMENT_KINDS = [
  'FRAMEWORK',
  'PARTNER_ASSISTANCE',
  'MEMORANDUM',
] as const satisfies readonly AgreementKind[];

export const COOPERATION_FIELDS = [
  'ECONOMY',
  'SCIENCE_TECHNOLOGY',
  'INFRASTRUCTURE',
  'TALENT',
  'EDUCATION',
  'CULTURE',
  'HEALTH',
  'SERVICES',
] as const satisfies readonly CooperationField[];

export const COMMITMENT_PARTIES = ['OURS', 'THEIRS'] as const satisfies readonly CommitmentParty[];

export const COMMITMENT_STATUSES = [
  'PENDING',
  'IN_PROGRESS',
  'DONE',
  'CANCELLED',
] as const satisfies readonly CommitmentStatus[];

export const COMMITMENT_STATUS_COLORS: Record<CommitmentStatus, string> = {
  PENDING: 'default',
  IN_PROGRESS: 'blue',
  DONE: 'green',
  CANCELLED: 'default',
};

export const AGREEMENT_SORT_FIELDS = [
  'CODE',
  'SIGNED_ON',
  'VALID_UNTIL',
  'TITLE_ZH',
] as const satisfies readonly AgreementSortField[];

// The server refuses a cancellation without a note; asking for it first saves a round trip.
export const STATUSES_NEEDING_NOTE: readonly CommitmentStatus[] = ['CANCELLED'];

// The expiry windows offered as a filter, in days.
export const EXPIRY_WINDOWS = [30, 90, 180] as const;
