import type { ProjectStatus, Sector } from '../../generated/graphql';
import type { DashboardFilterInput } from './dashboardParams';

// Param names as client/src/modules/projects/projectListParams.ts reads them.
export type ProjectDrill = {
  regionCode?: string;
  sector?: Sector;
  status?: ProjectStatus;
  overdueOnly?: boolean;
  sortByProgress?: boolean;
  /** A progress bar: progress in [from, to). */
  progress?: { from: number; to: number };
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
  if (drill.progress) {
    params.set('pmin', String(drill.progress.from));
    params.set('pmax', String(drill.progress.to));
  }
  if (drill.sortByProgress) params.set('sort', 'PROGRESS');
  return `/projects?${params.toString()}`;
}

/** The bars of the milestone chart: all due in the period, those completed, those completed on time. */
export type MilestoneSeries = 'due' | 'completed' | 'completedOnTime';
const OUTCOME_OF: Record<MilestoneSeries, string | null> = { due: null, completed: 'done', completedOnTime: 'onTime' };

/**
 * The milestone list behind one bar: planned in that month (YYYY-MM) or year (YYYY), in the filter's
 * region and sector (param names as client/src/modules/milestones/milestoneListParams.ts reads them).
 */
export function milestoneListUrl(filter: DashboardFilterInput, period: string, series: MilestoneSeries): string {
  const params = new URLSearchParams();
  params.set('year', period.slice(0, 4));
  if (period.length === 7) params.set('month', String(Number(period.slice(5, 7))));
  if (filter.regionCode) params.set('region', filter.regionCode);
  if (filter.sector) params.set('sector', filter.sector);
  const outcome = OUTCOME_OF[series];
  if (outcome) params.set('outcome', outcome);
  return `/milestones?${params.toString()}`;
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

/** Today's overdue milestones (over all years) in the filter's region and sector: the headline figure's list. */
export function overdueMilestonesUrl(filter: DashboardFilterInput): string {
  const params = new URLSearchParams();
  if (filter.regionCode) params.set('region', filter.regionCode);
  if (filter.sector) params.set('sector', filter.sector);
  params.set('outcome', 'overdue');
  return `/milestones?${params.toString()}`;
}
