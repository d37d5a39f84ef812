import type { Sector } from '../../generated/graphql';
import { SECTORS } from '../projects/projectEnums';

export type AmountUnit = 'wan' | 'yuan';
export type MilestoneGranularity = 'month' | 'year';

/** The dashboard's view as it lives in the URL, so a view can be shared. */
export type DashboardState = {
  year: number;
  regionCode?: string;
  sector?: Sector;
  unit: AmountUnit;
  milestonesBy: MilestoneGranularity;
};

/** The API's DashboardFilter. */
export type DashboardFilterInput = { year: number; regionCode?: string; sector?: Sector };

const REGION_CODE = /^\d{6}$/;
const YEAR = /^(19|20|21)\d{2}$/;

const yearFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' });

/** This year in office time (Asia/Shanghai), whatever the browser's zone. */
export const officeYear = (at: Date = new Date()): number => Number(yearFormat.format(at));

// Unknown or malformed values fall back to the defaults, so a hand-edited link still opens a view.
export function parseDashboardParams(params: URLSearchParams, defaultYear: number = officeYear()): DashboardState {
  const year = params.get('year');
  const region = params.get('region');
  const sector = params.get('sector');
  return {
    year: year && YEAR.test(year) ? Number(year) : defaultYear,
    regionCode: region && REGION_CODE.test(region) ? region : undefined,
    sector: sector && (SECTORS as readonly string[]).includes(sector) ? (sector as Sector) : undefined,
    unit: params.get('unit') === 'yuan' ? 'yuan' : 'wan',
    milestonesBy: params.get('milestones') === 'year' ? 'year' : 'month',
  };
}

// The year is always written, so a shared link keeps showing the same year next January.
export function toDashboardParams(state: DashboardState): URLSearchParams {
  const params = new URLSearchParams();
  params.set('year', String(state.year));
  if (state.regionCode) params.set('region', state.regionCode);
  if (state.sector) params.set('sector', state.sector);
  if (state.unit === 'yuan') params.set('unit', 'yuan');
  if (state.milestonesBy === 'year') params.set('milestones', 'year');
  return params;
}

export function toDashboardFilter(state: DashboardState): DashboardFilterInput {
  const filter: DashboardFilterInput = { year: state.year };
  if (state.regionCode) filter.regionCode = state.regionCode;
  if (state.sector) filter.sector = state.sector;
  return filter;
}

/** The years offered in the filter bar: newest first, always including the one shown. */
export function yearOptions(current: number, shown: number, span = 12): number[] {
  const years = new Set<number>();
  for (let y = current + 1; y > current + 1 - span; y -= 1) years.add(y);
  years.add(shown);
  return [...years].sort((a, b) => b - a);
}
