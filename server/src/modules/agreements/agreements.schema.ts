export const agreementsTypeDefs = /* GraphQL */ `
  enum AgreementKind {
    FRAMEWORK
    PARTNER_ASSISTANCE
    MEMORANDUM
  }
  enum CooperationField {
    ECONOMY
    SCIENCE_TECHNOLOGY
    INFRASTRUCTURE
    TALENT
    EDUCATION
    CULTURE
    HEALTH
    SERVICES
  }
  enum CommitmentParty {
    "What the city (our side) undertook."
    OURS
    "What the counterpart undertook."
    THEIRS
  }
  enum CommitmentStatus {
    PENDING
    IN_PROGRESS
    DONE
    CANCELLED
  }
  enum AgreementSortField {
    CODE
    SIGNED_ON
    VALID_UNTIL
    TITLE_ZH
  }

  type Agreement {
    id: ID!
    code: String!
    title: LocalizedText!
    "The other party: a province, city or organisation."
    counterpart: String!
    kind: AgreementKind!
    fields: [CooperationField!]!
    signedOn: String!
    validFrom: String!
    validUntil: String!
    signatories: [String!]!
    "The recipient regions the agreement concerns."
    regionCodes: [String!]!
    regions: [Region!]!
    note: String!
    "Still valid, and the validity ends within 90 days (office time, Asia/Shanghai)."
    expiringSoon: Boolean!
    "The validity ended before today (office time)."
    expired: Boolean!
    "The commitments of both sides, by due date (archived ones left out)."
    commitments: [Commitment!]!
    overdueCommitmentCount: Int!
    "The projects that implement the agreement (those the signed-in user may see)."
    projects: [Project!]!
    archived: Boolean!
    "Whether the signed-in user may edit this agreement and its commitments."
    canEdit: Boolean!
    createdBy: User
    version: Int!
    createdAt: String!
    updatedAt: String!
  }
  type AgreementEdge {
    node: Agreement!
    cursor: String!
  }
  type AgreementConnection {
    edges: [AgreementEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type Commitment {
    id: ID!
    agreementId: ID!
    agreement: Agreement!
    party: CommitmentParty!
    description: LocalizedText!
    responsibleUnit: String!
    dueDate: String!
    status: CommitmentStatus!
    statusNote: String!
    completedOn: String
    "Past its due date (office time) and neither done nor cancelled."
    overdue: Boolean!
    archived: Boolean!
    canEdit: Boolean!
    version: Int!
    createdAt: String!
    updatedAt: String!
  }
  type CommitmentEdge {
    node: Commitment!
    cursor: String!
  }
  type CommitmentConnection {
    edges: [CommitmentEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  input AgreementFilter {
    "A region at any level: a prefecture includes agreements concerning its counties."
    regionCode: String
    kind: AgreementKind
    "Agreements covering this field of cooperation."
    field: CooperationField
    "Matches code, title in either language and counterpart."
    search: String
    "Still valid and ending within this many days (office time)."
    expiringWithinDays: Int
    "Also list agreements whose validity has ended (left out by default)."
    includeExpired: Boolean
    includeArchived: Boolean
  }
  input AgreementSort {
    field: AgreementSortField!
    direction: SortDirection = ASC
  }
  input CommitmentFilter {
    agreementId: ID
    status: CommitmentStatus
    overdueOnly: Boolean
    "A region at any level of the tree."
    regionCode: String
    responsibleUnit: String
    "Also list archived commitments and those of archived agreements."
    includeArchived: Boolean
  }

  input CreateAgreementInput {
    code: String!
    title: LocalizedTextInput!
    counterpart: String!
    kind: AgreementKind!
    fields: [CooperationField!]
    signedOn: String!
    validFrom: String!
    validUntil: String!
    signatories: [String!]
    regionCodes: [String!]!
    note: String
  }
  input UpdateAgreementInput {
    title: LocalizedTextInput
    counterpart: String
    kind: AgreementKind
    fields: [CooperationField!]
    signedOn: String
    validFrom: String
    validUntil: String
    signatories: [String!]
    regionCodes: [String!]
    note: String
  }
  input CommitmentInput {
    party: CommitmentParty!
    description: LocalizedTextInput!
    responsibleUnit: String!
    dueDate: String!
    status: CommitmentStatus
    statusNote: String
    "Only for a DONE commitment; today (office time) when left out."
    completedOn: String
  }
  input UpdateCommitmentInput {
    party: CommitmentParty
    description: LocalizedTextInput
    responsibleUnit: String
    dueDate: String
  }

  extend type Query {
    agreements(filter: AgreementFilter, sort: AgreementSort, first: Int, after: String): AgreementConnection!
    agreement(id: ID!): Agreement!
    "Commitments by due date."
    commitments(filter: CommitmentFilter, first: Int, after: String): CommitmentConnection!
  }
  extend type Mutation {
    createAgreement(input: CreateAgreementInput!): Agreement!
    "version: the version the agreement was read at; a stale one gets CONFLICT."
    updateAgreement(id: ID!, version: Int!, input: UpdateAgreementInput!): Agreement!
    archiveAgreement(id: ID!, version: Int!): Agreement!
    createCommitment(agreementId: ID!, input: CommitmentInput!): Commitment!
    updateCommitment(id: ID!, version: Int!, input: UpdateCommitmentInput!): Commitment!
    "DONE sets completedOn to today (office time) unless given; CANCELLED needs a note."
    changeCommitmentStatus(
      id: ID!
      version: Int!
      status: CommitmentStatus!
      note: String
      completedOn: String
    ): Commitment!
    archiveCommitment(id: ID!, version: Int!): Commitment!
  }
`;
