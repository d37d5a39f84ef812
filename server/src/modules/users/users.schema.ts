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
  }

  type LoginPayload {
    user: User!
    expiresAt: String!
  }

  type Query {
    "The signed-in user, or null without a session."
    me: User
  }

  type Mutation {
    login(username: String!, password: String!): LoginPayload!
    logout: Boolean!
  }
`;
