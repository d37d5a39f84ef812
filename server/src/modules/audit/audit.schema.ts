export const auditTypeDefs = /* GraphQL */ `
  type AuditChange {
    field: String!
    "JSON of the value before the write (null when the field was absent)."
    before: String
    "JSON of the value after the write."
    after: String
  }
  "One successful write. Entries are append-only: no API changes or deletes them."
  type AuditEntry {
    id: ID!
    at: String!
    actor: User
    actorName: String!
    action: String!
    kind: String!
    recordId: String!
    changes: [AuditChange!]!
    requestId: String!
  }
  type AuditEntryEdge {
    node: AuditEntry!
    cursor: String!
  }
  type AuditEntryConnection {
    edges: [AuditEntryEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  input AuditFilter {
    kind: String
    recordId: String
    actorId: ID
  }
  extend type Project {
    "Audit history (admins, managers, viewers)."
    history(first: Int, after: String): AuditEntryConnection!
  }
  extend type Query {
    auditEntries(filter: AuditFilter, first: Int, after: String): AuditEntryConnection!
  }
`;
