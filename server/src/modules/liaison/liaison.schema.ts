export const liaisonTypeDefs = /* GraphQL */ `
  enum LiaisonKind {
    VISIT
    MEETING
    CALL
    CORRESPONDENCE
    "A delegation received (接待)."
    DELEGATION_RECEIVED
  }

  "An entry of the liaison log (联络记录)."
  type LiaisonActivity {
    id: ID!
    kind: LiaisonKind!
    "YYYY-MM-DD"
    date: String!
    regionCode: String!
    region: Region!
    title: String!
    participants: [String!]!
    summary: String!
    "Reception expenses in fen (分)."
    receptionExpenses: Money!
    "Its follow-up actions that are not archived, by due date."
    followUps: [FollowUp!]!
    createdBy: User
    archived: Boolean!
    "Whether the signed-in user may edit this activity and its follow-ups."
    canEdit: Boolean!
    version: Int!
    createdAt: String!
    updatedAt: String!
  }

  "A follow-up action of a liaison activity, with its own version."
  type FollowUp {
    id: ID!
    activityId: ID!
    activity: LiaisonActivity!
    action: String!
    ownerId: ID!
    owner: User
    "YYYY-MM-DD"
    dueDate: String!
    done: Boolean!
    doneAt: String
    doneBy: User
    "Not done and past its due date (office time, Asia/Shanghai)."
    overdue: Boolean!
    archived: Boolean!
    "Whether the signed-in user may edit or archive it."
    canEdit: Boolean!
    "Whether the signed-in user may mark it done (writers, and its owner)."
    canComplete: Boolean!
    version: Int!
    createdAt: String!
    updatedAt: String!
  }

  type LiaisonActivityEdge {
    node: LiaisonActivity!
    cursor: String!
  }
  type LiaisonActivityConnection {
    edges: [LiaisonActivityEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type FollowUpEdge {
    node: FollowUp!
    cursor: String!
  }
  type FollowUpConnection {
    edges: [FollowUpEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  input LiaisonActivityFilter {
    "A region at any level: a prefecture includes its counties."
    regionCode: String
    kind: LiaisonKind
    "Activities dated in this year."
    year: Int
    "Matches title, participants and summary."
    search: String
    "Activities with a follow-up owned by this user."
    ownerId: ID
    includeArchived: Boolean
  }
  input FollowUpFilter {
    ownerId: ID
    activityId: ID
    "A region at any level."
    regionCode: String
    "Only those not done."
    openOnly: Boolean
    "Only those not done and past their due date."
    overdueOnly: Boolean
    includeArchived: Boolean
  }

  input FollowUpInput {
    action: String!
    ownerId: ID!
    dueDate: String!
  }
  input UpdateFollowUpInput {
    action: String
    ownerId: ID
    dueDate: String
    "Writers may reopen a follow-up (false) or close it (true)."
    done: Boolean
  }
  input CreateLiaisonActivityInput {
    kind: LiaisonKind!
    date: String!
    regionCode: String!
    title: String!
    participants: [String!]
    summary: String
    receptionExpenses: Money
    followUps: [FollowUpInput!]
  }
  "Only the fields given change. Follow-ups are changed through their own mutations."
  input UpdateLiaisonActivityInput {
    kind: LiaisonKind
    date: String
    regionCode: String
    title: String
    participants: [String!]
    summary: String
    receptionExpenses: Money
  }

  extend type Region {
    "Liaison activities in this region and the regions under it, newest first."
    liaisonActivities(first: Int, after: String): LiaisonActivityConnection!
  }

  extend type Query {
    "The liaison log, newest first; region scope applies."
    liaisonActivities(filter: LiaisonActivityFilter, first: Int, after: String): LiaisonActivityConnection!
    liaisonActivity(id: ID!): LiaisonActivity!
    "Follow-up actions by due date, earliest first; region scope applies."
    followUps(filter: FollowUpFilter, first: Int, after: String): FollowUpConnection!
    followUp(id: ID!): FollowUp!
  }
  extend type Mutation {
    createLiaisonActivity(input: CreateLiaisonActivityInput!): LiaisonActivity!
    "version: the version the activity was read at; a stale one gets CONFLICT and nothing changes."
    updateLiaisonActivity(id: ID!, version: Int!, input: UpdateLiaisonActivityInput!): LiaisonActivity!
    "Archives the activity and its follow-ups."
    archiveLiaisonActivity(id: ID!, version: Int!): LiaisonActivity!
    addFollowUp(activityId: ID!, input: FollowUpInput!): FollowUp!
    updateFollowUp(id: ID!, version: Int!, input: UpdateFollowUpInput!): FollowUp!
    "Marks it done: coordinators, managers, admins, and the follow-up's owner (not viewers)."
    completeFollowUp(id: ID!, version: Int!): FollowUp!
    archiveFollowUp(id: ID!, version: Int!): FollowUp!
  }
`;
