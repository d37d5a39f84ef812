export const regionsTypeDefs = /* GraphQL */ `
  enum RegionLevel {
    PROVINCE
    PREFECTURE
    COUNTY
  }

  enum PovertyStatus {
    "A national key county for poverty alleviation (国家乡村振兴重点帮扶县 / former 国家级贫困县)."
    NATIONAL_KEY_COUNTY
    "Lifted out of poverty (已脱贫摘帽)."
    POVERTY_LIFTED
    NOT_DESIGNATED
  }

  type LocalizedText {
    zh: String!
    en: String!
  }

  type GeoPoint {
    lng: Float!
    lat: Float!
  }

  "The city's liaison office on site (前方工作机构)."
  type LiaisonOffice {
    name: String!
    address: String!
    phone: String!
    head: String!
  }

  "Live (not archived) records of a region, computed for the whole request in one aggregation per kind."
  type RegionCounts {
    "Projects whose region is this one."
    projects: Int!
    "Projects in this region or in any region under it."
    projectsIncludingDescendants: Int!
    "Contacts in this region or under it (what Region.contacts lists)."
    contacts: Int!
    "Liaison activities in this region or under it (what Region.liaisonActivities lists)."
    liaisonActivities: Int!
  }

  type Region {
    id: ID!
    code: String!
    parentCode: String
    level: RegionLevel!
    name: LocalizedText!
    location: GeoPoint
    "Codes of the ancestors, root first."
    ancestors: [String!]!
    "The ancestors themselves, root first (those within your region scope)."
    ancestorRegions: [Region!]!
    "The live regions directly under this one (one query for a whole tree)."
    children: [Region!]!
    "Profile fields are null (or empty) for a region above your region scope, seen as a project's ancestor."
    population: Int
    povertyStatus: PovertyStatus
    "The city's districts or bureaus paired with this region."
    pairedUnits: [String!]!
    "Null when no liaison office is recorded."
    liaisonOffice: LiaisonOffice
    """
    Record counts. For a region above your region scope (seen as a project's ancestor), only what lies
    within your scope is counted.
    """
    counts: RegionCounts!
    "Projects in this region and the regions under it (the project list with the region filter forced)."
    projects(filter: ProjectFilter, sort: ProjectSort, first: Int, after: String): ProjectConnection!
    archived: Boolean!
    "Whether the signed-in user may edit this region's profile."
    canEdit: Boolean!
    "The version to send with updateRegion and archiveRegion."
    version: Int!
    updatedAt: String
  }

  input LiaisonOfficeInput {
    name: String
    address: String
    phone: String
    head: String
  }
  input GeoPointInput {
    lng: Float!
    lat: Float!
  }
  "Only the fields given change; liaisonOffice and pairedUnits are replaced whole."
  input UpdateRegionInput {
    population: Int
    povertyStatus: PovertyStatus
    pairedUnits: [String!]
    liaisonOffice: LiaisonOfficeInput
    location: GeoPointInput
  }

  extend type Query {
    "Every region the signed-in user may see, parents before children."
    regions: [Region!]!
    "One region (archived ones too); NOT_FOUND when it does not exist or lies outside your region scope."
    region(code: String!): Region!
    "The top of the tree you may see (your scope's regions, or the provinces); go down with children."
    regionTree: [Region!]!
  }
  extend type Mutation {
    "version: the version the region was read at; a stale one gets CONFLICT and nothing changes."
    updateRegion(code: String!, version: Int!, input: UpdateRegionInput!): Region!
    "Refused while projects or sub-regions that are not archived remain under the region."
    archiveRegion(code: String!, version: Int!): Region!
  }
`;
