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
  "The milestone list's filter; year/month, region and sector mean what the dashboard's milestone charts count."
  input MilestoneFilter {
    projectId: ID
    "A region at any level: a prefecture includes its counties."
    regionCode: String
    "Of the milestone's project."
    sector: Sector
    status: MilestoneStatus
    "true: done; false: not done."
    completed: Boolean
    "true: done on or before the planned date; false: done late."
    onTime: Boolean
    "Planned before today (office day) and not done."
    overdueOnly: Boolean
    "Year of the planned date."
    year: Int
    "Month (1-12) of the planned date, with year."
    month: Int
    "Also archived milestones and milestones of archived projects."
    includeArchived: Boolean
  }
  enum MilestoneSortField {
    PLANNED_DATE
    STATUS
    PERCENT_COMPLETE
    UPDATED_AT
  }
  input MilestoneSort {
    field: MilestoneSortField!
    direction: SortDirection = ASC
  }
  type MilestoneEdge {
    node: Milestone!
    cursor: String!
  }
  type MilestoneConnection {
    edges: [MilestoneEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  extend type Milestone {
    "The milestone's project."
    project: Project!
  }
  extend type Query {
    "Milestones by planned date (then id), in the user's region scope."
    milestones(filter: MilestoneFilter, sort: MilestoneSort, first: Int, after: String): MilestoneConnection!
  }
  extend type Mutation {
    logMilestone(projectId: ID!, input: MilestoneInput!): Milestone!
    updateMilestone(id: ID!, version: Int!, input: UpdateMilestoneInput!): Milestone!
    archiveMilestone(id: ID!, version: Int!): Milestone!
  }
`;
