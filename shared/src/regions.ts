import { z } from 'zod';
import { LIMITS } from './limits';

/** Poverty status of a recipient region: a national key county for poverty relief, lifted out, or never designated. */
export const POVERTY_STATUSES = ['NATIONAL_KEY_COUNTY', 'POVERTY_LIFTED', 'NOT_DESIGNATED'] as const;
export type PovertyStatus = (typeof POVERTY_STATUSES)[number];

/** A GB/T 2260 administrative division code. */
export const regionCodeSchema = z.string().regex(/^\d{6}$/, 'must be a 6-digit region code');

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** Telephone numbers as staff write them: digits, spaces, +, -, parentheses, an extension after "ext" or "转". */
export const phoneSchema = text(40).regex(/^$|^[0-9+\-() ]+((ext\.?|转)\s*\d+)?$/i, 'is not a telephone number');

/** The liaison office (前方工作机构) the city keeps in the region. */
export const liaisonOfficeInput = z
  .object({
    name: text(LIMITS.shortText).default(''),
    address: text(LIMITS.shortText).default(''),
    phone: phoneSchema.default(''),
    head: text(80).default(''),
  })
  .strict();

export const updateRegionInput = z
  .object({
    population: z
      .number({ message: 'must be a number of people' })
      .int('must be a whole number of people')
      .min(0, 'must not be negative')
      .max(2_000_000_000, 'is too large'),
    povertyStatus: z.enum(POVERTY_STATUSES),
    pairedUnits: z
      .array(text(100).min(1, 'must not be empty'))
      .max(30, 'must list at most 30 units')
      .refine((units) => new Set(units).size === units.length, 'must not list a unit twice'),
    liaisonOffice: liaisonOfficeInput,
    location: z
      .object({
        lng: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
        lat: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
      })
      .strict(),
  })
  .partial()
  .strict();
export type UpdateRegionInput = z.infer<typeof updateRegionInput>;
