import { graphql } from '../../generated';
import type { AdminUserFieldsFragment } from '../../generated/graphql';

export type AdminUser = AdminUserFieldsFragment;

graphql(`
  fragment AdminUserFields on User {
    id
    username
    displayName
    role
    regionScope
    active
    version
  }
`);

export const USERS_QUERY = graphql(`
  query AdminUsers($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...AdminUserFields
        }
      }
    }
  }
`);

export const CREATE_USER_MUTATION = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...AdminUserFields
    }
  }
`);

export const UPDATE_USER_MUTATION = graphql(`
  mutation UpdateUser($id: ID!, $version: Int!, $input: UpdateUserInput!) {
    updateUser(id: $id, version: $version, input: $input) {
      ...AdminUserFields
    }
  }
`);

export const RESET_PASSWORD_MUTATION = graphql(`
  mutation ResetPassword($id: ID!, $password: String!) {
    resetPassword(id: $id, password: $password)
  }
`);
