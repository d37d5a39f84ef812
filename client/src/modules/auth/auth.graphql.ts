import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ApiRole } from '../../app/roles';

export type CurrentUser = {
  __typename?: 'User';
  id: string;
  username: string;
  displayName: string;
  role: ApiRole;
  regionScope: string[];
};

const CURRENT_USER_FIELDS = gql`
  fragment CurrentUserFields on User {
    id
    username
    displayName
    role
    regionScope
  }
`;

export type MeQuery = { me: CurrentUser | null };

export const ME_QUERY: TypedDocumentNode<MeQuery, Record<string, never>> = gql`
  query Me {
    me {
      ...CurrentUserFields
    }
  }
  ${CURRENT_USER_FIELDS}
`;

export type LoginMutation = { login: { __typename?: 'LoginPayload'; user: CurrentUser; expiresAt: string } };
export type LoginVariables = { username: string; password: string };

export const LOGIN_MUTATION: TypedDocumentNode<LoginMutation, LoginVariables> = gql`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      user {
        ...CurrentUserFields
      }
      expiresAt
    }
  }
  ${CURRENT_USER_FIELDS}
`;

export type LogoutMutation = { logout: boolean };

export const LOGOUT_MUTATION: TypedDocumentNode<LogoutMutation, Record<string, never>> = gql`
  mutation Logout {
    logout
  }
`;
