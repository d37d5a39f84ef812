import { graphql } from '../../generated';
import type { FollowUpsListQuery, LiaisonActivitiesQuery } from '../../generated/graphql';

export type ActivityRow = LiaisonActivitiesQuery['liaisonActivities']['edges'][number]['node'];
export type FollowUpItem = ActivityRow['followUps'][number];
export type FollowUpRow = FollowUpsListQuery['followUps']['edges'][number]['node'];

graphql(`
  fragment FollowUpFields on FollowUp {
    id
    activityId
    action
    ownerId
    owner {
      id
      displayName
    }
    dueDate
    done
    doneAt
    overdue
    canEdit
    canComplete
    version
  }
`);

graphql(`
  fragment ActivityFields on LiaisonActivity {
    id
    kind
    date
    title
    participants
    summary
    receptionExpenses
    region {
      id
      code
      name {
        zh
        en
      }
    }
    createdBy {
      id
      displayName
    }
    canEdit
    version
    followUps {
      ...FollowUpFields
    }
  }
`);

export const LIAISON_ACTIVITY_QUERY = graphql(`
  query LiaisonActivityPage($id: ID!) {
    liaisonActivity(id: $id) {
      ...ActivityFields
    }
  }
`);

export const LIAISON_ACTIVITIES_QUERY = graphql(`
  query LiaisonActivities($filter: LiaisonActivityFilter, $first: Int, $after: String) {
    liaisonActivities(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ActivityFields
        }
      }
    }
  }
`);

export const FOLLOW_UPS_QUERY = graphql(`
  query FollowUpsList($filter: FollowUpFilter, $first: Int, $after: String) {
    followUps(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
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
  }
`);

// Coordinators first; with a region, only those whose region scope reaches it.
export const ASSIGNABLE_USERS_QUERY = graphql(`
  query FollowUpOwnerChoices($regionCode: String) {
    assignableUsers(regionCode: $regionCode) {
      id
      displayName
      role
    }
  }
`);

export const CREATE_LIAISON_ACTIVITY_MUTATION = graphql(`
  mutation CreateLiaisonActivity($input: CreateLiaisonActivityInput!) {
    createLiaisonActivity(input: $input) {
      id
      title
    }
  }
`);

export const UPDATE_LIAISON_ACTIVITY_MUTATION = graphql(`
  mutation UpdateLiaisonActivity($id: ID!, $version: Int!, $input: UpdateLiaisonActivityInput!) {
    updateLiaisonActivity(id: $id, version: $version, input: $input) {
      ...ActivityFields
    }
  }
`);

export const ARCHIVE_LIAISON_ACTIVITY_MUTATION = graphql(`
  mutation ArchiveLiaisonActivity($id: ID!, $version: Int!) {
    archiveLiaisonActivity(id: $id, version: $version) {
      id
      archived
      version
    }
  }
`);

export const UPDATE_FOLLOW_UP_MUTATION = graphql(`
  mutation UpdateFollowUp($id: ID!, $version: Int!, $input: UpdateFollowUpInput!) {
    updateFollowUp(id: $id, version: $version, input: $input) {
      ...FollowUpFields
    }
  }
`);

export const ARCHIVE_FOLLOW_UP_MUTATION = graphql(`
  mutation ArchiveFollowUp($id: ID!, $version: Int!) {
    archiveFollowUp(id: $id, version: $version) {
      id
      archived
      version
    }
  }
`);

export const ADD_FOLLOW_UP_MUTATION = graphql(`
  mutation AddFollowUp($activityId: ID!, $input: FollowUpInput!) {
    addFollowUp(activityId: $activityId, input: $input) {
      ...FollowUpFields
    }
  }
`);

export const COMPLETE_FOLLOW_UP_MUTATION = graphql(`
  mutation CompleteFollowUp($id: ID!, $version: Int!) {
    completeFollowUp(id: $id, version: $version) {
      ...FollowUpFields
    }
  }
`);

// Every list a follow-up or an activity appears in, refetched after a change so counts stay right.
export const LIAISON_QUERIES_TO_REFRESH = [
  'LiaisonActivities',
  'LiaisonActivityPage',
  'FollowUpsList',
  'MyWork',
  'RegionPage',
];
