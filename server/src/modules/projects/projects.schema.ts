export const projectsTypeDefs = /* GraphQL */ `
  enum Sector {
    EDUCATION
    HEALTH
    INDUSTRY_EMPLOYMENT
    INFRASTRUCTURE
    TALENT_EXCHANGE
    CULTURE
    SCIENCE_TECHNOLOGY
    LIVELIHOOD_POVERTY
    OTHER
  }
  enum ProjectStatus {
    PROPOSED
    APPROVED
    IN_PROGRESS
    COMPLETED
    ACCEPTED
    SUSPENDED
    CANCELLED
  }
  enum RiskLevel {
    LOW
    MEDIUM
    HIGH
  }
  enum MilestoneStatus {
    PENDING
    DONE
    LATE
    AT_RISK
  }
  enum ProjectSortField {
    CODE
    NAME_ZH
    NAME_EN
    PLANNED_START
    PLANNED_END
    STATUS
    BUDGET
    PROGRESS
    UPDATED_AT
    NEXT_DUE
  }

  type Budget {
    specialFund: Money!
    districtBudget: Money!
    donation: Money!
    total: Money!
  }
  type Indicator {
    id: ID!
    name: LocalizedText!
    unit: String!
    baseline: Float!
    target: Float!
    actual: Float
  }
  type MilestoneSummary {
    total: Int!
    done: Int!
    overdue: Boolean!
    nextDueDate: String
  }
  type Milestone {
    id: ID!
    projectId: ID!
    title: LocalizedText!
    plannedDate: String!
    actualDate: String
    percentComplete: Int!
    status: MilestoneStatus!
    "Past its planned date (office time, Asia/Shanghai) and not done."
    overdue: Boolean!
    note: String!
    loggedBy: User
    loggedAt: String!
    version: Int!
  }
  type Project {
    id: ID!
    code: String!
    name: LocalizedText!
    description: LocalizedText!
    region: Region!
    "The region's ancestors, root first."
    regionAncestors: [Region!]!
    sector: Sector!
    dacCode: String!
    implementingUnit: String!
    officers: [User!]!
    agreementIds: [ID!]!
    "Agreements this project implements (those the user may see)."
    agreements: [Agreement!]!
    plannedStart: String!
    plannedEnd: String!
    actualStart: String
    actualEnd: String
    budget: Budget!
    status: ProjectStatus!
    statusReason: String
    "States this project may move to next."
    allowedNextStatuses: [ProjectStatus!]!
    risk: RiskLevel!
    progress: Int!
    indicators: [Indicator!]!
    milestones: [Milestone!]!
    milestoneSummary: MilestoneSummary!
    archived: Boolean!
    "Whether the signed-in user may edit this project."
    canEdit: Boolean!
    version: Int!
    createdAt: String!
    updatedAt: String!
  }
  type ProjectEdge {
    node: Project!
    cursor: String!
  }
  type ProjectConnection {
    edges: [ProjectEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  input ProjectFilter {
    "A region at any level: a prefecture includes its counties."
    regionCode: String
    sector: Sector
    status: ProjectStatus
    "Projects running at some time in this year."
    year: Int
    officerId: ID
    implementingUnit: String
    overdueOnly: Boolean
    risk: RiskLevel
    "Matches code and name in either language."
    search: String
    "Progress (0-100) at least this."
    progressMin: Int
    "Progress below this (exclusive, as the dashboard's buckets [from, to); 101 includes 100)."
    progressMax: Int
    includeArchived: Boolean
  }
  input ProjectSort {
    field: ProjectSortField!
    direction: SortDirection = ASC
  }
  input LocalizedTextInput {
    zh: String!
    en: String
  }
  input BudgetInput {
    specialFund: Money
    districtBudget: Money
    donation: Money
  }
  input IndicatorInput {
    name: LocalizedTextInput!
    unit: String!
    baseline: Float
    target: Float!
    actual: Float
  }
  input CreateProjectInput {
    code: String!
    name: LocalizedTextInput!
    description: LocalizedTextInput
    regionCode: String!
    sector: Sector!
    dacCode: String
    implementingUnit: String!
    officerIds: [ID!]
    agreementIds: [ID!]
    plannedStart: String!
    plannedEnd: String!
    actualStart: String
    actualEnd: String
    budget: BudgetInput
    risk: RiskLevel
    indicators: [IndicatorInput!]
  }
  input UpdateProjectInput {
    name: LocalizedTextInput
    description: LocalizedTextInput
    regionCode: String
    sector: Sector
    dacCode: String
    implementingUnit: String
    officerIds: [ID!]
    agreementIds: [ID!]
    plannedStart: String
    plannedEnd: String
    actualStart: String
    actualEnd: String
    budget: BudgetInput
    risk: RiskLevel
    indicators: [IndicatorInput!]
  }

  extend type Query {
    projects(filter: ProjectFilter, sort: ProjectSort, first: Int, after: String): ProjectConnection!
    project(id: ID!): Project!
  }
  extend type Mutation {
    createProject(input: CreateProjectInput!): Project!
    "version: the version the project was read at; a stale one gets CONFLICT."
    updateProject(id: ID!, version: Int!, input: UpdateProjectInput!): Project!
    changeProjectStatus(id: ID!, version: Int!, status: ProjectStatus!, reason: String): Project!
    archiveProject(id: ID!, version: Int!): Project!
  }
`;
