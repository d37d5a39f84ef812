export const documentsTypeDefs = /* GraphQL */ `
  enum DocumentRecordKind {
    PROJECT
    MILESTONE
    REGION
    AGREEMENT
    LIAISON_ACTIVITY
  }
  "A file kept in GridFS. Upload with POST /api/documents (multipart), download from url."
  type Document {
    id: ID!
    recordKind: DocumentRecordKind!
    recordId: String!
    title: String!
    filename: String!
    contentType: String!
    size: Int!
    sha256: String!
    uploadedBy: User
    uploadedAt: String!
    url: String!
    version: Int!
  }
  extend type Project {
    documents: [Document!]!
  }
  extend type Milestone {
    "Evidence attached to this milestone (photos, reports)."
    documents: [Document!]!
  }
  extend type Query {
    documents(recordKind: DocumentRecordKind!, recordId: String!): [Document!]!
  }
  extend type Mutation {
    archiveDocument(id: ID!, version: Int!): Document!
  }
`;
