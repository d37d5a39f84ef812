// Test helpers: the dashboard's figures computed plainly from the raw records, written independently
// of the roll-ups (no shared code with rollup.compute.ts), for comparing against the API's answers.
import { officeDate, PROJECT_STATUSES, SECTORS } from '@pat/shared';
import { FundRollupModel, FundYearModel, LedgerEntryModel } from '../fund/fund.model';
import { MilestoneModel } from '../milestones/milestone.model';
import { ProjectModel } from '../projects/project.model';

type Doc = Record<string, unknown>;
export type Filter = { year: number; regionCode?: string; sector?: string };

export async function loadRaw() {
  const [projects, milestones, funds, ledger, years] = await Promise.all([
    ProjectModel.collection.find({ archived: false }).toArray(),
    MilestoneModel.collection.find({ archived: false }).toArray(),
    FundRollupModel.collection.find({}).toArray(),
    LedgerEntryModel.collection.find({}).toArray(),
    FundYearModel.collection.find({}).toArray(),
  ]);
  return { projects, milestones, funds, ledger, years };
}
export type Raw = Awaited<ReturnType<typeof loadRaw>>;

const s = (v: unknown) => String(v);
const n = (v: unknown) => Number(v ?? 0);
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The figures the dashboard should show for `f`, seen by a user with `scope` (none = everything). */
export function expected(raw: Raw, f: Filter, scope: string[] = [], today = officeDate()) {
  const visible = (p: Doc) =>
    (scope.length === 0 || (p.regionPath as string[]).some((c) => scope.includes(c))) &&
    (!f.regionCode || (p.regionPath as string[]).includes(f.regionCode)) &&
    (!f.sector || p.sector === f.sector);
  const runsIn = (p: Doc, y: number) => s(p.plannedStart) <= `${y}-12-31` && s(p.plannedEnd) >= `${y}-01-01`;
  const matching = raw.projects.filter(visible);
  const matchingIds = new Set(matching.map((p) => s(p._id)));
  const running = (y: number) => matching.filter((p) => runsIn(p, y));
  const money = (y: number) => {
    const ids = new Set(running(y).map((p) => s(p._id)));
    const rows = raw.funds.filter((r) => r.year === y && ids.has(s(r.projectId)));
    return { allocated: total(rows.map((r) => n(r.allocated))), disbursed: total(rows.map((r) => n(r.disbursed))) };
  };
  const ms = raw.milestones.filter((m) => matchingIds.has(s(m.projectId)));
  const msIn = (prefix: string) => ms.filter((m) => s(m.plannedDate).startsWith(prefix));
  const done = (m: Doc) => m.status === 'DONE';
  const onTime = (m: Doc) => done(m) && !!m.actualDate && s(m.actualDate) <= s(m.plannedDate);
  const dueSoFar = (y: number) => {
    const due = msIn(String(y)).filter((m) => s(m.plannedDate) <= today);
    return { due: due.length, onTime: due.filter(onTime).length };
  };
  const fundYear = (y: number) => raw.years.find((r) => r.year === y);
  const appropriated = (y: number) => n(fundYear(y)?.appropriated);
  const year = f.year;
  const pad = (i: number) => String(i).padStart(2, '0');

  const cumulative: number[] = [];
  const byMonth = Array.from({ length: 12 }, (_, i) => {
    const ids = new Set(running(year).map((p) => s(p._id)));
    const entries = raw.ledger.filter(
      (e) => e.year === year && ids.has(s(e.projectId)) && s(e.date).slice(0, 7) === `${year}-${pad(i + 1)}`,
    );
    // (reversals booked in a later year count in December)
    const late =
      i === 11
        ? raw.ledger.filter((e) => e.year === year && ids.has(s(e.projectId)) && s(e.date).slice(0, 4) > String(year))
        : [];
    const net = total(
      [...entries, ...late].map((e) =>
        e.kind === 'DISBURSEMENT' ? n(e.amount) : e.kind === 'DISBURSEMENT_REVERSAL' ? -n(e.amount) : 0,
      ),
    );
    cumulative.push((cumulative[i - 1] ?? 0) + net);
    return net;
  });

  return {
    headline: {
      projectsByStatus: PROJECT_STATUSES.map((status) => ({
        status,
        count: running(year).filter((p) => p.status === status).length,
      })),
      projects: { current: running(year).length, previous: running(year - 1).length },
      milestonesDue: { current: dueSoFar(year).due, previous: dueSoFar(year - 1).due },
      milestonesOnTime: { current: dueSoFar(year).onTime, previous: dueSoFar(year - 1).onTime },
      overdueMilestones: ms.filter((m) => !done(m) && s(m.plannedDate) < today).length,
      appropriated: { current: String(appropriated(year)), previous: String(appropriated(year - 1)) },
      allocated: { current: String(money(year).allocated), previous: String(money(year - 1).allocated) },
      disbursed: { current: String(money(year).disbursed), previous: String(money(year - 1).disbursed) },
      available: {
        current: String(appropriated(year) - n(fundYear(year)?.approved)),
        previous: String(appropriated(year - 1) - n(fundYear(year - 1)?.approved)),
      },
    },
    bySector: SECTORS.map((sector) => {
      const rows = running(year).filter((p) => p.sector === sector);
      const ids = new Set(rows.map((p) => s(p._id)));
      const funds = raw.funds.filter((r) => r.year === year && ids.has(s(r.projectId)));
      return {
        key: sector,
        projectCount: rows.length,
        budget: String(total(rows.map((p) => n((p.budget as Doc | undefined)?.specialFund)))),
        allocated: String(total(funds.map((r) => n(r.allocated)))),
        disbursed: String(total(funds.map((r) => n(r.disbursed)))),
      };
    }).filter((b) => b.projectCount > 0 || b.allocated !== '0' || b.disbursed !== '0'),
    disbursementsByMonth: byMonth.map((disbursed, i) => ({
      month: i + 1,
      disbursed: String(disbursed),
      cumulativeDisbursed: String(cumulative[i]),
      cumulativePlanned: String(Math.floor((money(year).allocated * (i + 1)) / 12)),
    })),
    milestonesByMonth: Array.from({ length: 12 }, (_, i) => {
      const rows = msIn(`${year}-${pad(i + 1)}`);
      return {
        period: `${year}-${pad(i + 1)}`,
        due: rows.length,
        completed: rows.filter(done).length,
        completedOnTime: rows.filter(onTime).length,
      };
    }),
    milestonesByYear: [year - 2, year - 1, year].map((y) => {
      const rows = msIn(String(y));
      return {
        period: String(y),
        due: rows.length,
        completed: rows.filter(done).length,
        completedOnTime: rows.filter(onTime).length,
      };
    }),
    progressDistribution: [0, 20, 40, 60, 80, 100].map((from) => {
      const to = from === 100 ? 101 : from + 20;
      return { from, to, count: running(year).filter((p) => n(p.progress) >= from && n(p.progress) < to).length };
    }),
    behind: running(year)
      .filter((p) => p.nextDueDate && s(p.nextDueDate) < today)
      .sort((a, b) => s(a.nextDueDate).localeCompare(s(b.nextDueDate)) || s(a._id).localeCompare(s(b._id)))
      .slice(0, 10)
      .map((p) => ({
        project: { code: p.code },
        overdueMilestones: ms.filter((m) => s(m.projectId) === s(p._id) && !done(m) && s(m.plannedDate) < today).length,
      })),
  };
}

/** The dashboard's operation, as the page sends it (the fields compared with `expected`). */
export const DASHBOARD_QUERY = /* GraphQL */ `
  query Dashboard($f: DashboardFilter!) {
    dashboardHeadline(filter: $f) {
      projectsByStatus {
        status
        count
      }
      projects {
        current
        previous
      }
      milestonesDue {
        current
        previous
      }
      milestonesOnTime {
        current
        previous
      }
      overdueMilestones
      appropriated {
        current
        previous
      }
      allocated {
        current
        previous
      }
      disbursed {
        current
        previous
      }
      available {
        current
        previous
      }
    }
    spendingByRegion(filter: $f) {
      key
      region {
        code
      }
      projectCount
      budget
      allocated
      disbursed
    }
    spendingBySector(filter: $f) {
      key
      projectCount
      budget
      allocated
      disbursed
    }
    disbursementsByMonth(filter: $f) {
      month
      disbursed
      cumulativeDisbursed
      cumulativePlanned
    }
    milestonesByMonth(filter: $f) {
      period
      due
      completed
      completedOnTime
    }
    milestonesByYear(filter: $f, years: 3) {
      period
      due
      completed
      completedOnTime
    }
    progressDistribution(filter: $f) {
      from
      to
      count
    }
    projectsBehindSchedule(filter: $f) {
      project {
        code
      }
      overdueMilestones
      daysBehind
    }
    overdueCommitments(filter: $f) {
      id
      dueDate
    }
    expiringAgreements(filter: $f) {
      id
      validUntil
    }
  }
`;
