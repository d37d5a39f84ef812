import { z } from 'zod';
import { LIMITS } from './limits';
import { fen, isoDate, objectId } from './projects';
import { phoneSchema, regionCodeSchema } from './regions';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => text(max).min(1, 'is required');

export const emailSchema = text(LIMITS.shortText).refine(
  (s) => s === '' || z.email().safeParse(s).success,
  'is not a valid e-mail address',
);

// ---- contacts ----

const contactFields = {
  regionCode: regionCodeSchema,
  name: required(80),
  title: text(LIMITS.shortText).default(''),
  organisation: text(LIMITS.shortText).default(''),
  phone: phoneSchema.default(''),
  email: emailSchema.default(''),
  note: text(LIMITS.longText).default(''),
};

export const createContactInput = z.object(contactFields).strict();
export type CreateContactInput = z.infer<typeof createContactInput>;

export const updateContactInput = z
  .object({
    regionCode: regionCodeSchema,
    name: required(80),
    title: text(LIMITS.shortText),
    organisation: text(LIMITS.shortText),
    phone: phoneSchema,
    email: emailSchema,
    note: text(LIMITS.longText),
  })
  .partial()
  .strict();
export type UpdateContactInput = z.infer<typeof updateContactInput>;

// ---- liaison activities (联络记录) and their follow-ups ----

export const LIAISON_KINDS = ['VISIT', 'MEETING', 'CALL', 'CORRESPONDENCE', 'DELEGATION_RECEIVED'] as const;
export type LiaisonKind = (typeof LIAISON_KINDS)[number];

/** Most follow-up actions one activity may carry. */
export const MAX_FOLLOW_UPS = 50;

export const followUpInput = z
  .object({
    action: required(1000),
    ownerId: objectId,
    dueDate: isoDate,
  })
  .strict();
export type FollowUpInput = z.infer<typeof followUpInput>;

export const updateFollowUpInput = z
  .object({
    action: required(1000),
    ownerId: objectId,
    dueDate: isoDate,
    /** Writers may reopen a follow-up marked done by mistake (or close it here). */
    done: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateFollowUpInput = z.infer<typeof updateFollowUpInput>;

const activityFields = {
  kind: z.enum(LIAISON_KINDS),
  date: isoDate,
  regionCode: regionCodeSchema,
  title: required(LIMITS.shortText),
  participants: z.array(required(100)).max(100, 'must list at most 100 participants').default([]),
  summary: text(LIMITS.longText).default(''),
  receptionExpenses: fen.default(0),
};

export const createLiaisonActivityInput = z
  .object({
    ...activityFields,
    followUps: z.array(followUpInput).max(MAX_FOLLOW_UPS, `must list at most ${MAX_FOLLOW_UPS}`).default([]),
  })
  .strict();
export type CreateLiaisonActivityInput = z.infer<typeof createLiaisonActivityInput>;

export const updateLiaisonActivityInput = z
  .object({
    kind: z.enum(LIAISON_KINDS),
    date: isoDate,
    regionCode: regionCodeSchema,
    title: required(LIMITS.shortText),
    participants: z.array(required(100)).max(100, 'must list at most 100 participants'),
    summary: text(LIMITS.longText),
    receptionExpenses: fen,
  })
  .partial()
  .strict();
export type UpdateLiaisonActivityInput = z.infer<typeof updateLiaisonActivityInput>;

/** A follow-up is overdue when its due date has passed (office time) and it is not done. */
export const isFollowUpOverdue = (dueDate: string, done: boolean, today: string): boolean => !done && dueDate < today;
