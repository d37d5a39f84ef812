import { graphql } from '../../generated';

// The page's figures in four requests, so each part shows as soon as its answer arrives.
export const DASHBOARD_HEADLINE_QUERY = graphql(`
  query DashboardHeadline($filter: DashboardFilter!) {
    dashboardHeadline(filter: $filter) {
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
  }
`);

export const DASHBOARD_SPENDING_QUERY = graphql(`
  query DashboardSpending($filter: DashboardFilter!) {
    spendingByRegion(filter: $filter) {
      key
      region {
        id
        code
        name {
          zh
          en
        }
      }
      sector
      projectCount
      budget
      allocated
      disbursed
    }
    spendingBySector(filter: $filter) {
      key
      region {
        id
        code
        name {
          zh
          en
        }
      }
      sector
      projectCount
      budget
      allocated
      disbursed
    }
  }
`);

export const DASHBOARD_TRENDS_QUERY = graphql(`
  query DashboardTrends($filter: DashboardFilter!, $years: Int) {
    disbursementsByMonth(filter: $filter) {
      month
      disbursed
      cumulativeDisbursed
      cumulativePlanned
    }
    milestonesByMonth(filter: $filter) {
      period
      due
      completed
      completedOnTime
    }
    milestonesByYear(filter: $filter, years: $years) {
      period
      due
      completed
      completedOnTime
    }
    progressDistribution(filter: $filter) {
      from
      to
      count
    }
  }
`);

export const DASHBOARD_LISTS_QUERY = graphql(`
  query DashboardLists($filter: DashboardFilter!) {
    projectsBehindSchedule(filter: $filter, first: 10) {
      overdueMilestones
      daysBehind
      project {
        id
        code
        name {
          zh
          en
        }
        region {
          id
          code
          name {
            zh
            en
          }
        }
        progress
      }
    }
    overdueCommitments(filter: $filter, first: 10) {
      id
      description {
        zh
        en
      }
      responsibleUnit
      dueDate
      agreement {
        id
        code
        title {
          zh
          en
        }
      }
    }
    expiringAgreements(filter: $filter, days: 90) {
      id
      code
      title {
        zh
        en
      }
      counterpart
      validUntil
    }
  }
`);

export const PROJECT_TOTALS_QUERY = graphql(`
  query ProjectTotals($filter: ProjectFilter!) {
    projectTotals(filter: $filter) {
      count
      budget
      allocated
      disbursed
    }
  }
`);
