import type { ProjectStatus, Sector } from '../../generated/graphql';
import { chartAmount, formatAmount, formatTenths, ratePercent, sharesInTenths, toFen } from './amounts';
import type { DataTable } from './dataTable';

/** Each point carries its table row's exact text, for tooltips and labels. */
export type WithCells<P> = P & { cells: Record<string, string> };
const toRows = (points: readonly WithCells<{ key: string; href: string }>[]): DataTable['rows'] =>
  points.map((p) => ({ key: p.key, href: p.href, cells: p.cells }));
import type { AmountUnit, DashboardFilterInput } from './dashboardParams';
import { ledgerUrl, milestoneListUrl, projectListUrl, type MilestoneSeries } from './drillDown';

// Pure functions from the API's answers to what the charts draw, the tables list and the links open.
// The input types are the fields the dashboard asks for (structurally the generated query types).

type Localized = { zh: string; en: string };
export type SpendingRow = {
  key: string;
  region?: { code: string; name: Localized } | null;
  sector?: Sector | null;
  projectCount: number;
  budget: string;
  allocated: string;
  disbursed: string;
};
export type DisbursementMonthRow = {
  month: number;
  disbursed: string;
  cumulativeDisbursed: string;
  cumulativePlanned: string;
};
export type MilestonePeriodRow = { period: string; due: number; completed: number; completedOnTime: number };
export type ProgressBucketRow = { from: number; to: number; count: number };

export type SpendingPoint = {
  key: string;
  label: string;
  projectCount: number;
  budget: number;
  allocated: number;
  disbursed: number;
  href: string;
};

export type SpendingTitles = {
  label: string;
  projectCount: string;
  budget: string;
  allocated: string;
  disbursed: string;
};

type SpendingOptions = {
  by: 'region' | 'sector';
  filter: DashboardFilterInput;
  unit: AmountUnit;
  labelOf: (row: SpendingRow) => string;
  titles: SpendingTitles;
};

const drillOf = (row: SpendingRow, by: 'region' | 'sector') =>
  by === 'region' ? { regionCode: row.region?.code ?? row.key } : { sector: (row.sector ?? row.key) as Sector };

/** Budget vs allocated vs disbursed, one bar group per region (or sector). */
export function spendingSeries(rows: readonly SpendingRow[], options: SpendingOptions) {
  const { by, filter, unit, labelOf, titles } = options;
  const points: WithCells<SpendingPoint>[] = rows.map((row) => {
    const label = labelOf(row);
    return {
      key: row.key,
      label,
      projectCount: row.projectCount,
      budget: chartAmount(row.budget, unit),
      allocated: chartAmount(row.allocated, unit),
      disbursed: chartAmount(row.disbursed, unit),
      href: projectListUrl(filter, drillOf(row, by)),
      cells: {
        label,
        projectCount: String(row.projectCount),
        budget: formatAmount(row.budget, unit),
        allocated: formatAmount(row.allocated, unit),
        disbursed: formatAmount(row.disbursed, unit),
      },
    };
  });
  const table: DataTable = {
    columns: [
      { key: 'label', title: titles.label },
      { key: 'projectCount', title: titles.projectCount, numeric: true },
      { key: 'budget', title: titles.budget, numeric: true },
      { key: 'allocated', title: titles.allocated, numeric: true },
      { key: 'disbursed', title: titles.disbursed, numeric: true },
    ],
    rows: toRows(points),
  };
  // A region or sector with nothing running and nothing spent adds only noise to the bars.
  const isEmpty = rows.every((r) => r.projectCount === 0 && toFen(r.budget) === 0n && toFen(r.disbursed) === 0n);
  return { points, table, isEmpty };
}

export type SharePoint = { key: string; label: string; value: number; shareTenths: number; href: string };

/** Each sector's share of the budget: slices that add up to exactly 100.0%. */
export function sectorShareSeries(
  rows: readonly SpendingRow[],
  options: {
    filter: DashboardFilterInput;
    unit: AmountUnit;
    labelOf: (row: SpendingRow) => string;
    titles: { label: string; budget: string; share: string; projectCount: string };
  },
) {
  const { filter, unit, labelOf, titles } = options;
  const withBudget = rows.filter((r) => toFen(r.budget) > 0n);
  const shares = sharesInTenths(withBudget.map((r) => toFen(r.budget)));
  const points: WithCells<SharePoint>[] = withBudget.map((row, i) => {
    const label = labelOf(row);
    const shareTenths = shares[i] ?? 0;
    return {
      key: row.key,
      label,
      value: chartAmount(row.budget, unit),
      shareTenths,
      href: projectListUrl(filter, drillOf(row, 'sector')),
      cells: {
        label,
        projectCount: String(row.projectCount),
        budget: formatAmount(row.budget, unit),
        share: `${formatTenths(shareTenths)}%`,
      },
    };
  });
  const table: DataTable = {
    columns: [
      { key: 'label', title: titles.label },
      { key: 'projectCount', title: titles.projectCount, numeric: true },
      { key: 'budget', title: titles.budget, numeric: true },
      { key: 'share', title: titles.share, numeric: true },
    ],
    rows: toRows(points),
  };
  return { points, table, isEmpty: points.length === 0 };
}

export type DisbursementPoint = {
  key: string;
  month: number;
  label: string;
  disbursed: number;
  cumulativeDisbursed: number;
  cumulativePlanned: number;
  href: string;
};

/** Cumulative disbursements against the cumulative plan, January to December. */
export function disbursementSeries(
  rows: readonly DisbursementMonthRow[],
  options: {
    filter: DashboardFilterInput;
    unit: AmountUnit;
    monthLabel: (month: number) => string;
    titles: { month: string; disbursed: string; cumulativeDisbursed: string; cumulativePlanned: string };
  },
) {
  const { filter, unit, monthLabel, titles } = options;
  const sorted = [...rows].sort((a, b) => a.month - b.month);
  const points: WithCells<DisbursementPoint>[] = sorted.map((row) => {
    const label = monthLabel(row.month);
    return {
      key: String(row.month),
      month: row.month,
      label,
      disbursed: chartAmount(row.disbursed, unit),
      cumulativeDisbursed: chartAmount(row.cumulativeDisbursed, unit),
      cumulativePlanned: chartAmount(row.cumulativePlanned, unit),
      href: ledgerUrl(filter, row.month),
      cells: {
        month: label,
        disbursed: formatAmount(row.disbursed, unit),
        cumulativeDisbursed: formatAmount(row.cumulativeDisbursed, unit),
        cumulativePlanned: formatAmount(row.cumulativePlanned, unit),
      },
    };
  });
  const table: DataTable = {
    columns: [
      { key: 'month', title: titles.month },
      { key: 'disbursed', title: titles.disbursed, numeric: true },
      { key: 'cumulativeDisbursed', title: titles.cumulativeDisbursed, numeric: true },
      { key: 'cumulativePlanned', title: titles.cumulativePlanned, numeric: true },
    ],
    rows: toRows(points),
  };
  const isEmpty = sorted.every((r) => toFen(r.cumulativeDisbursed) === 0n && toFen(r.cumulativePlanned) === 0n);
  return { points, table, isEmpty };
}

export type MilestonePoint = {
  key: string;
  period: string;
  label: string;
  due: number;
  completed: number;
  completedOnTime: number;
  /** Null when nothing was due: no rate, and the line has a gap there rather than a false 0%. */
  onTimeRate: number | null;
  /** The milestones due in the period (the table row's link). */
  href: string;
  /** The list behind each bar. */
  hrefs: Record<MilestoneSeries, string>;
};

/** Milestones due per month (YYYY-MM) or per year (YYYY), with the on-time rate. */
export function milestoneSeries(
  rows: readonly MilestonePeriodRow[],
  options: {
    filter: DashboardFilterInput;
    periodLabel: (period: string) => string;
    titles: { period: string; due: string; completed: string; completedOnTime: string; onTimeRate: string };
  },
) {
  const { filter, periodLabel, titles } = options;
  const sorted = [...rows].sort((a, b) => a.period.localeCompare(b.period));
  const points: WithCells<MilestonePoint>[] = sorted.map((row) => {
    const rate = ratePercent(row.completedOnTime, row.due);
    const label = periodLabel(row.period);
    return {
      key: row.period,
      period: row.period,
      label,
      due: row.due,
      completed: row.completed,
      completedOnTime: row.completedOnTime,
      onTimeRate: rate === null ? null : Number(rate),
      href: milestoneListUrl(filter, row.period, 'due'),
      hrefs: {
        due: milestoneListUrl(filter, row.period, 'due'),
        completed: milestoneListUrl(filter, row.period, 'completed'),
        completedOnTime: milestoneListUrl(filter, row.period, 'completedOnTime'),
      },
      cells: {
        period: label,
        due: String(row.due),
        completed: String(row.completed),
        completedOnTime: String(row.completedOnTime),
        onTimeRate: rate === null ? '' : `${rate}%`,
      },
    };
  });
  const table: DataTable = {
    columns: [
      { key: 'period', title: titles.period },
      { key: 'due', title: titles.due, numeric: true },
      { key: 'completed', title: titles.completed, numeric: true },
      { key: 'completedOnTime', title: titles.completedOnTime, numeric: true },
      { key: 'onTimeRate', title: titles.onTimeRate, numeric: true },
    ],
    rows: toRows(points),
  };
  return { points, table, isEmpty: sorted.every((r) => r.due === 0) };
}

export type ProgressPoint = { key: string; label: string; count: number; href: string };

/** Projects per progress range; the list behind a bar is the projects in that range, sorted by progress. */
export function progressSeries(
  rows: readonly ProgressBucketRow[],
  options: {
    filter: DashboardFilterInput;
    bucketLabel: (from: number, to: number) => string;
    titles: { range: string; projects: string };
  },
) {
  const { filter, bucketLabel, titles } = options;
  const sorted = [...rows].sort((a, b) => a.from - b.from);
  const points: WithCells<ProgressPoint>[] = sorted.map((row) => {
    const label = bucketLabel(row.from, Math.min(row.to, 100));
    return {
      key: `${row.from}-${row.to}`,
      label,
      count: row.count,
      href: projectListUrl(filter, { progress: { from: row.from, to: row.to }, sortByProgress: true }),
      cells: { range: label, count: String(row.count) },
    };
  });
  const table: DataTable = {
    columns: [
      { key: 'range', title: titles.range },
      { key: 'count', title: titles.projects, numeric: true },
    ],
    rows: toRows(points),
  };
  return { points, table, isEmpty: sorted.every((r) => r.count === 0) };
}

export type StatusCountRow = { status: ProjectStatus; count: number };

/** Statuses in the office's order, each with its count and the list behind it. */
export function statusBreakdown(
  rows: readonly StatusCountRow[],
  order: readonly ProjectStatus[],
  filter: DashboardFilterInput,
): { status: ProjectStatus; count: number; href: string }[] {
  const counts = new Map(rows.map((r) => [r.status, r.count]));
  return order
    .filter((status) => (counts.get(status) ?? 0) > 0)
    .map((status) => ({ status, count: counts.get(status) ?? 0, href: projectListUrl(filter, { status }) }));
}

/** The on-time rate this year and its change in percentage points, both with one decimal. */
export function onTimeRateChange(
  onTime: { current: number; previous: number },
  due: { current: number; previous: number },
): { current: string | null; pointsChange: number | null } {
  const current = ratePercent(onTime.current, due.current);
  const previous = ratePercent(onTime.previous, due.previous);
  if (current === null || previous === null) return { current, pointsChange: null };
  // Both are tenths of a percent as text; subtract as integers to avoid float noise.
  const tenths = (text: string) => Math.round(Number(text) * 10);
  return { current, pointsChange: (tenths(current) - tenths(previous)) / 10 };
}
