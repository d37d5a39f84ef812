import { graphql } from '../../generated';
import type { MyWorkQuery } from '../../generated/graphql';

export type OverdueMilestone = MyWorkQuery['myWork']['overdueMilestones'][number];
export type OpenFollowUp = MyWorkQuery['myWork']['openFollowUps'][number];

export const MY_WORK_QUERY = graphql(`
  query MyWork {
    myWork {
      overdueMilestones {
        id
        projectId
        project {
          id
          code
          name {
            zh
            en
          }
        }
        title {
          zh
          en
        }
        plannedDate
        percentComplete
        status
        note
        version
      }
      openFollowUps {
        ...FollowUpFields
        activity {
          id
          title
          date
          kind
          region {
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

export const LOG_MILESTONE_PROGRESS_MUTATION = graphql(`
  mutation LogMilestoneProgress($id: ID!, $version: Int!, $input: UpdateMilestoneInput!) {
    updateMilestone(id: $id, version: $version, input: $input) {
      id
      percentComplete
      status
      actualDate
      note
      overdue
      version
    }
  }
`);
