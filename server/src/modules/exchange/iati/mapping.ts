// How project records and IATI 2.03 codes correspond (see docs/iati.md for the reasoning).
import { DEFAULT_DAC_CODE, SECTORS, type ProjectStatus, type Sector } from '@pat/shared';

/** Project status → IATI ActivityStatus code. */
export const ACTIVITY_STATUS: Record<ProjectStatus, string> = {
  PROPOSED: '1', // Pipeline/identification
  APPROVED: '1', // still pipeline: funds approved, work not started (kept exact in pat:status)
  IN_PROGRESS: '2', // Implementation
  COMPLETED: '3', // Finalisation: physical work done, acceptance and accounts pending
  ACCEPTED: '4', // Closed
  CANCELLED: '5', // Cancelled
  SUSPENDED: '6', // Suspended
};

/** IATI ActivityStatus code → project status (code 1 is PROPOSED unless pat:status says APPROVED). */
export const STATUS_OF_ACTIVITY: Record<string, ProjectStatus> = {
  '1': 'PROPOSED',
  '2': 'IN_PROGRESS',
  '3': 'COMPLETED',
  '4': 'ACCEPTED',
  '5': 'CANCELLED',
  '6': 'SUSPENDED',
};

/** Our namespace for the few facts IATI has no element for (IATI allows foreign-namespace attributes). */
export const PAT_NS = 'urn:x-pat:iati:1';

/**
 * DAC 3-digit sector categories → project sector, for imported codes that are not one of the
 * defaults. Checked after the exact 5-digit defaults; anything unlisted becomes OTHER.
 */
const CATEGORY_SECTOR: Record<string, Sector> = {
  '111': 'EDUCATION',
  '112': 'EDUCATION',
  '113': 'EDUCATION',
  '114': 'EDUCATION',
  '121': 'HEALTH',
  '122': 'HEALTH',
  '123': 'HEALTH',
  '130': 'HEALTH',
  '140': 'INFRASTRUCTURE',
  '160': 'LIVELIHOOD_POVERTY',
  '210': 'INFRASTRUCTURE',
  '220': 'INFRASTRUCTURE',
  '230': 'INFRASTRUCTURE',
  '231': 'INFRASTRUCTURE',
  '232': 'INFRASTRUCTURE',
  '233': 'INFRASTRUCTURE',
  '234': 'INFRASTRUCTURE',
  '235': 'INFRASTRUCTURE',
  '236': 'INFRASTRUCTURE',
  '240': 'INDUSTRY_EMPLOYMENT',
  '250': 'INDUSTRY_EMPLOYMENT',
  '311': 'LIVELIHOOD_POVERTY',
  '312': 'LIVELIHOOD_POVERTY',
  '313': 'LIVELIHOOD_POVERTY',
  '321': 'INDUSTRY_EMPLOYMENT',
  '322': 'INDUSTRY_EMPLOYMENT',
  '323': 'INDUSTRY_EMPLOYMENT',
  '331': 'INDUSTRY_EMPLOYMENT',
  '332': 'INDUSTRY_EMPLOYMENT',
  '720': 'LIVELIHOOD_POVERTY',
  '730': 'LIVELIHOOD_POVERTY',
  '740': 'LIVELIHOOD_POVERTY',
};

/** Project sector for a DAC 5-digit purpose code (vocabulary 1) or 3-digit category (vocabulary 2). */
export function sectorOfDac(code: string): Sector {
  for (const sector of SECTORS) if (DEFAULT_DAC_CODE[sector] === code) return sector;
  return CATEGORY_SECTOR[code.slice(0, 3)] ?? 'OTHER';
}

/** IATI FileFormat codes are lower-case IANA media types. */
export const fileFormat = (contentType: string) => contentType.toLowerCase().split(';')[0]!.trim();
