import { graphql } from '../../generated';
import type { CurrentUserFieldsFragment, LoginMutationVariables } from '../../generated/graphql';

export type CurrentUser = CurrentUserFieldsFragment;
export type LoginVariables = LoginMutationVariables;

graphql(`
  fragment CurrentUserFields on User {
    id
    username
    displayName
    role
    regionScope
  }
`);

export const ME_QUERY = graphql(`
  query Me {
    me {
      ...CurrentUserFields
    }
  }
`);

export const LOGIN_MUTATION = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      user {
        ...CurrentUserFields
      }
      expiresAt
    }
  }
`);

export const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);
