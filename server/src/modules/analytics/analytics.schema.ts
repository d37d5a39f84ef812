// The dashboard's API. Every figure takes the same filter, and every figure can be checked against the
// records behind it: the project list (ProjectFilter with the same year/region/sector) or the ledger.
export const analyticsTypeDefs = /* GraphQL */ `
  "The dashboard's filter: the same meaning as ProjectFilter's year, regionCode and sector."
  input DashboardFilter {
    year: Int!
    "A region at any level of the tree: a prefecture includes its counties."
    regionCode: String
    sector: Sector
  }

  "A count this year and in the year before, for the change against last year."
  type CountChange {
    current: Int!
    previous: Int!
  }
  "An amount this year and in the year before."
  type MoneyChange {
    current: Money!
    previous: Money!
  }
  type StatusCount {
    status: ProjectStatus!
    count: Int!
  }

  type DashboardHeadline {
    "Projects running at some time in the year, by status (as the project list counts them)."
    projectsByStatus: [StatusCount!]!
    projects: CountChange!
    "Milestones due in the year up to today (the whole year once it is over)."
    milestonesDue: CountChange!
    "Of those, completed on or before their due date."
    milestonesOnTime: CountChange!
    "Milestones past their due date and not complete, today."
    overdueMilestones: Int!
    "Appropriations are made for the whole fund, so this ignores the region and sector filter."
    appropriated: MoneyChange!
    allocated: MoneyChange!
    disbursed: MoneyChange!
    "Appropriated minus allocated; for the whole fund like appropriated."
    available: MoneyChange!
  }

  "One bar of 'budget vs allocated vs disbursed': a region (one level below the filter's) or a sector."
  type SpendingBreakdown {
    "Region code or sector name."
    key: String!
    region: Region
    sector: Sector
    "Projects running in the year: equals the project list filtered by this bar."
    projectCount: Int!
    "Special-fund budget of those projects."
    budget: Money!
    allocated: Money!
    disbursed: Money!
  }

  "One month of the year: disbursements against plan, cumulative from January."
  type DisbursementMonth {
    month: Int!
    disbursed: Money!
    cumulativeDisbursed: Money!
    "The plan: approved allocations of the year spread evenly over its twelve months."
    cumulativePlanned: Money!
  }

  "Milestones due in one period (a month of the year, or a year) and how they ended."
  type MilestonePeriod {
    "YYYY-MM for months, YYYY for years."
    period: String!
    due: Int!
    completed: Int!
    completedOnTime: Int!
  }

  "Projects whose overall progress (0-100) falls in [from, to)."
  type ProgressBucket {
    from: Int!
    to: Int!
    count: Int!
  }

  "A project as the dashboard's behind-schedule list shows it (kept in the roll-ups: no project is read)."
  type ProjectBrief {
    id: ID!
    code: String!
    name: LocalizedText!
    region: Region!
    progress: Int!
  }

  type BehindProject {
    project: ProjectBrief!
    overdueMilestones: Int!
    "Days since the oldest overdue milestone was due."
    daysBehind: Int!
  }

  "An agreement as the dashboard's agreement lists keep it."
  type AgreementBrief {
    id: ID!
    code: String!
    title: LocalizedText!
  }
  "An overdue commitment with the fields kept in the dashboard's list (the record is not read)."
  type OverdueCommitment {
    id: ID!
    description: LocalizedText!
    responsibleUnit: String!
    dueDate: String!
    agreement: AgreementBrief!
  }
  "An agreement ending soon, with the fields kept in the dashboard's list (the record is not read)."
  type ExpiringAgreement {
    id: ID!
    code: String!
    title: LocalizedText!
    counterpart: String!
    validUntil: String!
  }

  "Totals of a filtered project list, for checking a chart against the list behind it."
  type ProjectTotals {
    count: Int!
    budget: Money!
    allocated: Money!
    disbursed: Money!
  }

  extend type Query {
    dashboardHeadline(filter: DashboardFilter!): DashboardHeadline!
    spendingByRegion(filter: DashboardFilter!): [SpendingBreakdown!]!
    spendingBySector(filter: DashboardFilter!): [SpendingBreakdown!]!
    disbursementsByMonth(filter: DashboardFilter!): [DisbursementMonth!]!
    milestonesByMonth(filter: DashboardFilter!): [MilestonePeriod!]!
    "Year by year up to the filter's year, at most 10 years."
    milestonesByYear(filter: DashboardFilter!, years: Int = 5): [MilestonePeriod!]!
    progressDistribution(filter: DashboardFilter!): [ProgressBucket!]!
    projectsBehindSchedule(filter: DashboardFilter!, first: Int = 10): [BehindProject!]!
    "Open commitments past their due date, of agreements in the region filter."
    overdueCommitments(filter: DashboardFilter!, first: Int = 10): [OverdueCommitment!]!
    "The first agreements in force (at most 50, soonest first) whose end date falls within the next days (default 90); the agreement list with expiringWithinDays has them all."
    expiringAgreements(filter: DashboardFilter!, days: Int = 90, first: Int = 10): [ExpiringAgreement!]!
    projectTotals(filter: ProjectFilter!): ProjectTotals!
  }
`;
