export const contactsTypeDefs = /* GraphQL */ `
  type Contact {
    id: ID!
    regionCode: String!
    region: Region!
    name: String!
    "Position (职务)."
    title: String!
    organisation: String!
    phone: String!
    email: String!
    note: String!
    archived: Boolean!
    "Whether the signed-in user may edit this contact."
    canEdit: Boolean!
    version: Int!
    createdAt: String!
    updatedAt: String!
  }
  type ContactEdge {
    node: Contact!
    cursor: String!
  }
  type ContactConnection {
    edges: [ContactEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  input ContactFilter {
    "A region at any level: a prefecture includes its counties."
    regionCode: String
    "Matches name, position, organisation, phone and e-mail."
    search: String
    includeArchived: Boolean
  }
  input CreateContactInput {
    regionCode: String!
    name: String!
    title: String
    organisation: String
    phone: String
    email: String
    note: String
  }
  "Only the fields given change; send an empty string to clear one."
  input UpdateContactInput {
    regionCode: String
    name: String
    title: String
    organisation: String
    phone: String
    email: String
    note: String
  }

  extend type Region {
    "Contacts of this region and the regions under it, by name."
    contacts(search: String, first: Int, after: String): ContactConnection!
  }

  extend type Query {
    "Contacts by name; region scope applies."
    contacts(filter: ContactFilter, first: Int, after: String): ContactConnection!
    contact(id: ID!): Contact!
  }
  extend type Mutation {
    createContact(input: CreateContactInput!): Contact!
    "version: the version the contact was read at; a stale one gets CONFLICT and nothing changes."
    updateContact(id: ID!, version: Int!, input: UpdateContactInput!): Contact!
    archiveContact(id: ID!, version: Int!): Contact!
  }
`;
