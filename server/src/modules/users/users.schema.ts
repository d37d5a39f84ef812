export const usersTypeDefs = /* GraphQL */ `
  enum Role {
    ADMIN
    MANAGER
    OFFICER
    COORDINATOR
    VIEWER
  }

  type User {
    id: ID!
    username: String!
    displayName: String!
    role: Role!
    "Region codes the user is limited to (subtrees included); empty means all regions."
    regionScope: [String!]!
    active: Boolean!
    version: Int!
  }
  "What a picker needs to show a person: no user name, scope or status."
  type UserSummary {
    id: ID!
    displayName: String!
    role: Role!
  }
  type UserEdge {
    node: User!
    cursor: String!
  }
  type UserConnection {
    edges: [UserEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  input UserFilter {
    role: Role
    "Part of the user name."
    search: String
    includeInactive: Boolean
  }
  input CreateUserInput {
    username: String!
    displayName: String!
    role: Role!
    regionScope: [String!]
    password: String!
  }
  input UpdateUserInput {
    displayName: String
    role: Role
    regionScope: [String!]
    active: Boolean
  }

  type LoginPayload {
    user: User!
    expiresAt: String!
  }

  type Query {
    "The signed-in user, or null without a session."
    me: User
    "Administrators: every user account."
    users(filter: UserFilter, first: Int, after: String): UserConnection!
    "Active staff who can be responsible for projects (officers, managers, admins), for pickers."
    projectStaff: [User!]!
    """
    Active users a follow-up can be assigned to (not viewers), coordinators first, then managers,
    officers and admins. role: only that role. regionCode: only those whose region scope reaches
    that region (it must lie in your own scope). Coordinators, managers and admins.
    """
    assignableUsers(role: Role, regionCode: String): [UserSummary!]!
  }

  type Mutation {
    login(username: String!, password: String!): LoginPayload!
    logout: Boolean!
    createUser(input: CreateUserInput!): User!
    "Changing role or region scope, or deactivating, ends the user's sessions."
    updateUser(id: ID!, version: Int!, input: UpdateUserInput!): User!
    resetPassword(id: ID!, password: String!): Boolean!
  }
`;
