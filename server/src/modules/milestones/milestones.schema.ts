export const milestonesTypeDefs = /* GraphQL */ `
  input MilestoneInput {
    title: LocalizedTextInput!
    plannedDate: String!
    actualDate: String
    percentComplete: Int
    status: MilestoneStatus
    note: String
  }
  input UpdateMilestoneInput {
    title: LocalizedTextInput
    plannedDate: String
    actualDate: String
    percentComplete: Int
    status: MilestoneStatus
    note: String
  }
  extend type Mutation {
    logMilestone(projectId: ID!, input: MilestoneInput!): Milestone!
    updateMilestone(id: ID!, version: Int!, input: UpdateMilestoneInput!): Milestone!
    archiveMilestone(id: ID!, version: Int!): Milestone!
  }
`;
