import { graphql } from '../../generated';
import type { ProjectPageQuery, ProjectsListQuery } from '../../generated/graphql';

export type ProjectRow = ProjectsListQuery['projects']['edges'][number]['node'];
export type ProjectDetail = ProjectPageQuery['project'];
export type MilestoneItem = ProjectDetail['milestones'][number];

export const PROJECTS_LIST_QUERY = graphql(`
  query ProjectsList($filter: ProjectFilter, $sort: ProjectSort, $first: Int, $after: String) {
    projects(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
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
          sector
          status
          plannedStart
          plannedEnd
          budget {
            total
          }
          progress
          milestoneSummary {
            overdue
          }
        }
      }
    }
  }
`);

export const PROJECT_PAGE_QUERY = graphql(`
  query ProjectPage($id: ID!) {
    project(id: $id) {
      id
      code
      name {
        zh
        en
      }
      description {
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
      regionAncestors {
        id
        code
        name {
          zh
          en
        }
      }
      sector
      dacCode
      implementingUnit
      officers {
        id
        displayName
      }
      agreements {
        id
        code
        title {
          zh
          en
        }
      }
      plannedStart
      plannedEnd
      actualStart
      actualEnd
      budget {
        specialFund
        districtBudget
        donation
        total
      }
      status
      statusReason
      allowedNextStatuses
      risk
      progress
      indicators {
        id
        name {
          zh
          en
        }
        unit
        baseline
        target
        actual
      }
      milestones {
        id
        title {
          zh
          en
        }
        plannedDate
        actualDate
        percentComplete
        status
        overdue
        note
        loggedBy {
          id
          displayName
        }
        loggedAt
        documents {
          id
          title
          filename
          contentType
          url
        }
      }
      documents {
        id
        title
        filename
        url
        uploadedBy {
          id
          displayName
        }
        uploadedAt
      }
      canEdit
      version
    }
  }
`);

export const PROJECT_HISTORY_QUERY = graphql(`
  query ProjectHistory($id: ID!, $first: Int, $after: String) {
    project(id: $id) {
      id
      history(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            at
            actorName
            action
            changes {
              field
            }
          }
        }
      }
    }
  }
`);

export const CHANGE_PROJECT_STATUS_MUTATION = graphql(`
  mutation ChangeProjectStatus($id: ID!, $version: Int!, $status: ProjectStatus!, $reason: String) {
    changeProjectStatus(id: $id, version: $version, status: $status, reason: $reason) {
      id
      status
      statusReason
      allowedNextStatuses
      version
    }
  }
`);

export const LOG_MILESTONE_MUTATION = graphql(`
  mutation LogMilestone($projectId: ID!, $input: MilestoneInput!) {
    logMilestone(projectId: $projectId, input: $input) {
      id
    }
  }
`);
