import { graphql } from '../../generated';
import type { MilestonesListQuery } from '../../generated/graphql';

export type MilestoneRow = MilestonesListQuery['milestones']['edges'][number]['node'];

export const MILESTONES_LIST_QUERY = graphql(`
  query MilestonesList($filter: MilestoneFilter, $sort: MilestoneSort, $first: Int, $after: String) {
    milestones(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
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
          project {
            id
            code
            name {
              zh
              en
            }
          }
        }
      }
    }
  }
`);
