import { z } from 'zod';
import { LIMITS } from './limits';

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
] as const;
export type Sector = (typeof SECTORS)[number];

/** The OECD DAC 5-digit purpose code a project of each sector gets unless the officer picks another. */
export const DEFAULT_DAC_CODE: Record<Sector, string> = {
  EDUCATION: '11120',
  HEALTH: '12220',
  INDUSTRY_EMPLOYMENT: '32130',
  INFRASTRUCTURE: '21020',
  TALENT_EXCHANGE: '11430',
  CULTURE: '16061',
  SCIENCE_TECHNOLOGY: '43082',
  LIVELIHOOD_POVERTY: '16010',
  OTHER: '43010',
};

export const PROJECT_STATUSES = [
  'PROPOSED',
  'APPROVED',
  'IN_PROGRESS',
  'COMPLETED',
  'ACCEPTED',
  'SUSPENDED',
  'CANCELLED',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The life cycle: proposed → approved → in progress → completed → accepted; open states may be suspended or cancelled. */
export const PROJECT_TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  PROPOSED: ['APPROVED', 'SUSPENDED', 'CANCELLED'],
  APPROVED: ['IN_PROGRESS', 'SUSPENDED', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'SUSPENDED', 'CANCELLED'],
  COMPLETED: ['ACCEPTED', 'IN_PROGRESS'],
  ACCEPTED: [],
  SUSPENDED: ['IN_PROGRESS', 'CANCELLED'],
  CANCELLED: [],
};
/** Moving into these states needs a reason. */
export const STATUSES_NEEDING_REASON: readonly ProjectStatus[] = ['SUSPENDED', 'CANCELLED'];

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const MILESTONE_STATUSES = ['PENDING', 'DONE', 'LATE', 'AT_RISK'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** Largest amount accepted anywhere: 10^13 fen = 1000 亿元, far beyond any project, far below 2^53. */
export const MAX_FEN = 10_000_000_000_000;

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real calendar date')
  .refine((s) => s >= '2000-01-01' && s <= '2100-12-31', 'must be between 2000-01-01 and 2100-12-31');

export const fen = z
  .number({ message: 'must be an amount in fen' })
  .int('must be a whole number of fen')
  .min(0, 'must not be negative')
  .max(MAX_FEN, 'is too large');

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
export const localizedText = (max: number = LIMITS.shortText) =>
  z.object({ zh: text(max).min(1, 'is required'), en: text(max).default('') });
export const objectId = z.string().regex(/^[a-f0-9]{24}$/, 'is not a valid id');

export const indicatorInput = z.object({
  name: localizedText(),
  unit: text(40).min(1, 'is required'),
  baseline: z.number().finite().default(0),
  target: z.number().finite(),
  actual: z.number().finite().nullable().default(null),
});

const projectFields = {
  name: localizedText(),
  description: localizedText(LIMITS.longText).optional(),
  regionCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit region code'),
  sector: z.enum(SECTORS),
  dacCode: z
    .string()
    .regex(/^\d{5}$/, 'must be a 5-digit DAC purpose code')
    .optional(),
  implementingUnit: text(LIMITS.shortText).min(1, 'is required'),
  officerIds: z.array(objectId).max(20).default([]),
  agreementIds: z.array(objectId).max(50).default([]),
  plannedStart: isoDate,
  plannedEnd: isoDate,
  actualStart: isoDate.nullable().optional(),
  actualEnd: isoDate.nullable().optional(),
  budget: z
    .object({ specialFund: fen.default(0), districtBudget: fen.default(0), donation: fen.default(0) })
    .default({ specialFund: 0, districtBudget: 0, donation: 0 }),
  risk: z.enum(RISK_LEVELS).default('LOW'),
  indicators: z.array(indicatorInput).max(50).default([]),
};

const datesInOrder = (
  p: { plannedStart?: string; plannedEnd?: string; actualStart?: string | null; actualEnd?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (p.plannedStart && p.plannedEnd && p.plannedEnd < p.plannedStart)
    ctx.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'must not be before plannedStart' });
  if (p.actualStart && p.actualEnd && p.actualEnd < p.actualStart)
    ctx.addIssue({ code: 'custom', path: ['actualEnd'], message: 'must not be before actualStart' });
};

export const projectCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, 'must be 3-32 capital letters, digits or dashes');

export const createProjectInput = z
  .object({ code: projectCodeSchema, ...projectFields })
  .strict()
  .superRefine(datesInOrder);
export type CreateProjectInput = z.infer<typeof createProjectInput>;

/** For updates: every field optional and no defaults, so a field left out stays as it is (zod 4 would
 * otherwise fill the defaults of a `.partial()` schema and wipe, e.g., the officers). */
function optionalWithoutDefaults<S extends z.ZodRawShape>(shape: S) {
  return Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      z.optional(field instanceof z.ZodDefault ? field.unwrap() : field),
    ]),
  ) as { [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K]> };
}

export const updateProjectInput = z.object(optionalWithoutDefaults(projectFields)).strict().superRefine(datesInOrder);
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;

const milestoneFields = {
  title: localizedText(),
  plannedDate: isoDate,
  actualDate: isoDate.nullable().optional(),
  percentComplete: z.number().int('must be a whole percent').min(0).max(100).default(0),
  status: z.enum(MILESTONE_STATUSES).default('PENDING'),
  note: text(LIMITS.longText).optional(),
};
export const milestoneInput = z.object(milestoneFields).strict();
export const updateMilestoneInput = z.object(optionalWithoutDefaults(milestoneFields)).strict();
