export const fundTypeDefs = /* GraphQL */ `
  enum AllocationStatus {
    PROPOSED
    APPROVED
    REJECTED
    WITHDRAWN
  }
  enum LedgerKind {
    APPROPRIATION
    ALLOCATION
    ALLOCATION_REVERSAL
    DISBURSEMENT
    DISBURSEMENT_REVERSAL
    CARRY_OUT
    CARRY_IN
  }
  enum FundGroupBy {
    REGION
    SECTOR
    PROJECT
  }

  "A budget year of the special fund (专项资金) with its appropriations and totals."
  type FundYear {
    year: Int!
    appropriated: Money!
    "Approved allocations, net of reversals and carry-overs."
    allocated: Money!
    disbursed: Money!
    "Appropriated and not yet allocated."
    available: Money!
    closed: Boolean!
    closedAt: String
    appropriations: [Appropriation!]!
  }
  type Appropriation {
    id: ID!
    year: Int!
    amount: Money!
    source: String!
    documentRef: String!
    date: String!
    recordedBy: User
  }
  type Allocation {
    id: ID!
    year: Int!
    project: Project
    projectId: ID!
    amount: Money!
    purpose: String!
    fundingSource: String!
    status: AllocationStatus!
    proposedBy: User
    proposedAt: String!
    decidedBy: User
    decidedAt: String
    reason: String
    approved: Money!
    disbursed: Money!
    reversed: Money!
    carriedOut: Money!
    "approved − disbursed − reversed − carried out."
    remaining: Money!
    carriedFromId: ID
    disbursements: [Disbursement!]!
  }
  type AllocationEdge {
    node: Allocation!
    cursor: String!
  }
  type AllocationConnection {
    edges: [AllocationEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type Disbursement {
    id: ID!
    allocationId: ID!
    projectId: ID!
    year: Int!
    amount: Money!
    reversed: Money!
    date: String!
    voucherNo: String!
    payee: String!
    note: String!
    recordedBy: User
  }
  "One money movement. Entries are never changed or deleted; a correction is a reversal entry."
  type LedgerEntry {
    id: ID!
    kind: LedgerKind!
    "The budget year whose balances the entry changes."
    year: Int!
    "The year the entry is booked in (differs for a reversal booked after its year closed)."
    bookedYear: Int!
    date: String!
    amount: Money!
    allocationId: ID
    disbursementId: ID
    projectId: ID
    reversesEntryId: ID
    counterpartYear: Int
    source: String
    documentRef: String
    reason: String
    createdBy: User
    createdAt: String!
  }
  type LedgerEntryEdge {
    node: LedgerEntry!
    cursor: String!
  }
  type LedgerEntryConnection {
    edges: [LedgerEntryEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type FundTotal {
    "A region code, a sector or a project id, by the grouping asked for."
    key: String!
    "The projects' planned special-fund budget."
    budget: Money!
    allocated: Money!
    disbursed: Money!
    "disbursed / allocated (0 when nothing is allocated)."
    utilisation: Float!
  }
  type ProjectFund {
    allocated: Money!
    disbursed: Money!
    available: Money!
    utilisation: Float!
  }
  extend type Project {
    "The project's special-fund position over all years."
    fund: ProjectFund!
  }

  input AppropriationInput {
    year: Int!
    amount: Money!
    source: String!
    documentRef: String!
  }
  input ProposeAllocationInput {
    projectId: ID!
    year: Int!
    amount: Money!
    purpose: String!
    fundingSource: String!
  }
  input DisbursementInput {
    allocationId: ID!
    amount: Money!
    "YYYY-MM-DD, within the allocation's year."
    date: String!
    voucherNo: String!
    payee: String!
    note: String
    "Chosen by the client per payment; a retry with the same key returns the first result."
    idempotencyKey: String!
  }
  input ReversalInput {
    amount: Money!
    reason: String!
    "When the original's year is closed: the open year to book the reversal in."
    bookYear: Int
  }
  input AllocationFilter {
    year: Int
    status: AllocationStatus
    projectId: ID
    "A region at any level."
    regionCode: String
    sector: Sector
  }
  input LedgerFilter {
    year: Int
    kind: LedgerKind
    projectId: ID
    regionCode: String
    from: String
    to: String
  }

  extend type Query {
    fundYear(year: Int!): FundYear
    fundYears: [FundYear!]!
    allocation(id: ID!): Allocation!
    allocations(filter: AllocationFilter, first: Int, after: String): AllocationConnection!
    "Proposals waiting for a decision, oldest first."
    pendingAllocations: [Allocation!]!
    ledgerEntries(filter: LedgerFilter, first: Int, after: String): LedgerEntryConnection!
    fundTotals(groupBy: FundGroupBy!, year: Int, regionCode: String): [FundTotal!]!
  }
  extend type Mutation {
    recordAppropriation(input: AppropriationInput!): Appropriation!
    closeFundYear(year: Int!): FundYear!
    proposeAllocation(input: ProposeAllocationInput!): Allocation!
    approveAllocation(id: ID!): Allocation!
    rejectAllocation(id: ID!, reason: String!): Allocation!
    withdrawAllocation(id: ID!): Allocation!
    recordDisbursement(input: DisbursementInput!): Disbursement!
    reverseDisbursement(id: ID!, input: ReversalInput!): LedgerEntry!
    reverseAllocation(id: ID!, input: ReversalInput!): LedgerEntry!
    "Moves unspent money of an allocation into a new approved allocation of the next year."
    carryOver(fromYear: Int!, allocationId: ID!, amount: Money!): Allocation!
  }
`;
