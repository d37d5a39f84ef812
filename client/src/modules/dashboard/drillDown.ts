import type { ProjectStatus, Sector } from '../../generated/graphql';
import type { DashboardFilterInput } from './dashboardParams';

// Param names as client/src/modules/projects/projectListParams.ts reads them.
export type ProjectDrill = {
  regionCode?: string;
  sector?: Sector;
  status?: ProjectStatus;
  overdueOnly?: boolean;
  sortByProgress?: boolean;
  /** Another year than the filter's (a point of the year-by-year chart). */
  year?: number;
};

/** The project list filtered to exactly the projects behind a figure: same year, region and sector. */
export function projectListUrl(filter: DashboardFilterInput, drill: ProjectDrill = {}): string {
  const params = new URLSearchParams();
  const regionCode = drill.regionCode ?? filter.regionCode;
  const sector = drill.sector ?? filter.sector;
  if (regionCode) params.set('region', regionCode);
  if (sector) params.set('sector', sector);
  if (drill.status) params.set('status', drill.status);
  params.set('year', String(drill.year ?? filter.year));
  if (drill.overdueOnly) params.set('overdue', '1');
  if (drill.sortByProgress) params.set('sort', 'PROGRESS');
  return `/projects?${params.toString()}`;
}

const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number): string => String(n).padStart(2, '0');

/** The fund ledger's disbursements of one month (or of the whole year), in the filter's region and sector. */
export function ledgerUrl(filter: DashboardFilterInput, month?: number): string {
  const params = new URLSearchParams();
  params.set('year', String(filter.year));
  params.set('kind', 'DISBURSEMENT');
  const fromMonth = month ?? 1;
  const toMonth = month ?? 12;
  params.set('from', `${filter.year}-${pad(fromMonth)}-01`);
  params.set('to', `${filter.year}-${pad(toMonth)}-${pad(lastDayOfMonth(filter.year, toMonth))}`);
  if (filter.regionCode) params.set('regionCode', filter.regionCode);
  if (filter.sector) params.set('sector', filter.sector);
  return `/fund/ledger?${params.toString()}`;
}
