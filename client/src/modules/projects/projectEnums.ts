import type {
  MilestoneStatus,
  ProjectSortField,
  ProjectStatus,
  RiskLevel,
  Sector,
  SortDirection,
} from '../../generated/graphql';

// The API's enum values in display order; `satisfies` makes a value the schema lacks a type error.
export const SECTORS = [
  'EDUCATION',
  'HEALTH',
  'INDUSTRY_EMPLOYMENT',
  'INFRASTRUCTURE',
  'TALENT_EXCHANGE',
  'CULTURE',
  'SCIENCE_TECHNOLOGY',
  'LIVELIHOOD_POVERTY',
  'OTHER',
] as const satisfies readonly Sector[];

export const PROJECT_STATUSES = [
  'PROPOSED',
  'APPROVED',
  'IN_PROGRESS',
  'COMPLETED',
  'ACCEPTED',
  'SUSPENDED',
  'CANCELLED',
] as const satisfies readonly ProjectStatus[];

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const satisfies readonly RiskLevel[];

export const MILESTONE_STATUSES = ['PENDING', 'DONE', 'LATE', 'AT_RISK'] as const satisfies readonly MilestoneStatus[];

export const LIST_SORT_FIELDS = [
  'CODE',
  'NAME_ZH',
  'NAME_EN',
  'PLANNED_START',
  'PLANNED_END',
  'STATUS',
  'BUDGET',
  'PROGRESS',
] as const satisfies readonly ProjectSortField[];
export type ListSortField = (typeof LIST_SORT_FIELDS)[number];

export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const satisfies readonly SortDirection[];

export const STATUS_COLORS: Record<ProjectStatus, string> = {
  PROPOSED: 'default',
  APPROVED: 'cyan',
  IN_PROGRESS: 'blue',
  COMPLETED: 'green',
  ACCEPTED: 'success',
  SUSPENDED: 'orange',
  CANCELLED: 'red',
};

export const RISK_COLORS: Record<RiskLevel, string> = { LOW: 'green', MEDIUM: 'orange', HIGH: 'red' };

// Moving to these needs a reason (the product brief: suspend or cancel "with a reason").
export const STATUSES_NEEDING_REASON: readonly ProjectStatus[] = ['SUSPENDED', 'CANCELLED'];

export const pickLocalized = (text: { zh: string; en: string }, language: string): string =>
  language === 'en' && text.en.trim() ? text.en : text.zh;
